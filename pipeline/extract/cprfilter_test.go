package extract

import (
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// fewDigitsRef is fewDigits byte by byte.
func fewDigitsRef(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			n++
		case c >= 0x80:
			n += 3
		}
	}
	return n < 9
}

// fewDigits spares the common values and never a CPR-shaped one.
func TestFewDigits(t *testing.T) {
	cases := []struct {
		s    string
		want bool
	}{
		{"", true}, {"16-05-2020", true}, {"Jobcenter Øst", true}, {"gennemført", true},
		{"12345678", true}, {"123456789", false}, {"0101901234", false}, {"010190-1234", false},
		{"Hans 010190–1234", false}, {"øøø", false}, {"⑳⑳⑳", false}, {"½½½", false},
		{"abcdefgh12345678", true}, {"abcdefgh123456789", false}, {"\xb5\xb5\xb5", false},
		{"////::::9999", true}, {strings.Repeat("x", 100) + "1234567", true},
	}
	for _, c := range cases {
		if got := fewDigits(c.s); got != c.want || got != fewDigitsRef(c.s) {
			t.Errorf("fewDigits(%q) = %v, want %v", c.s, got, c.want)
		}
		if fewDigits(c.s) && privacy.ContainsCPR(c.s) {
			t.Errorf("fewDigits(%q) spares a CPR-shaped value", c.s)
		}
	}
}

// FuzzFewDigits: whatever the text, fewDigits agrees with its byte-by-byte
// reference, and a value it spares is never CPR-shaped.
func FuzzFewDigits(f *testing.F) {
	for _, s := range []string{"0101901234", "16-05-2020", "Jobcenter Øst", "⑳⑳⑳", "0 1 0 1 9 0 1 2 3 4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if fewDigits(s) != fewDigitsRef(s) {
			t.Fatalf("fewDigits(%q) = %v, reference %v", s, fewDigits(s), fewDigitsRef(s))
		}
		if fewDigits(s) && privacy.ContainsCPR(s) {
			t.Fatalf("fewDigits(%q) spares a CPR-shaped value", s)
		}
	})
}
