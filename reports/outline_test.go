package reports

import (
	"bytes"
	"regexp"
	"slices"
	"testing"
	"unicode/utf16"

	"github.com/danish-eval/evaluate/models/results"
)

// The PDF has an outline: a bookmark per section heading and one below it
// per subheading, in order, æ ø å intact.
func TestPDFOutline(t *testing.T) {
	r := &results.Results{Cohort: results.CohortInfo{ID: "x", Title: "X", Language: "da", DataDate: "2021-12-31"},
		Bootstrap: results.BootstrapInfo{Level: 0.95}}
	d := newDoc(r, results.Meta{}, nil)
	d.newPage("flow", "Deltagerflow")
	d.subheading("Udeladte rækker")
	d.newPage("sensitivity", "Følsomhedsanalyser")
	b, err := PDF(&d.c)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range regexp.MustCompile(`(?s)/Title \((.*?)\)\n?/Parent`).FindAllSubmatch(b, -1) {
		got = append(got, decodePDFText(m[1]))
	}
	if want := []string{"Deltagerflow", "Udeladte rækker", "Følsomhedsanalyser"}; !slices.Equal(got, want) {
		t.Errorf("outline %q, want %q", got, want)
	}
}

// decodePDFText reads a PDF literal string written by fpdf (UTF-16BE with
// a byte-order mark, or plain bytes), undoing its escapes.
func decodePDFText(s []byte) string {
	s = regexp.MustCompile(`\\([()\\])`).ReplaceAll(s, []byte("$1"))
	s = bytes.ReplaceAll(s, []byte(`\r`), []byte("\r"))
	if !bytes.HasPrefix(s, []byte{0xfe, 0xff}) {
		return string(s)
	}
	s = s[2:]
	u := make([]uint16, len(s)/2)
	for i := range u {
		u[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
	}
	return string(utf16.Decode(u))
}
