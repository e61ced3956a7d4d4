package extract

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// The pva test extract as Danish offices save it: Excel's "CSV
// (semikolonsepareret)" is Windows-1252, "Tekst (tabulatorsepareret)" is
// tab-separated, and "Unicode-tekst" is tab-separated UTF-16LE with a BOM.
func TestReadCSVEncodings(t *testing.T) {
	semi := "Deltager_ID;Sted;Startdato;Slutdato;Lønnede timer;Uddannelse;note\r\n" +
		"A1;Næstved;01-01-2020;31-03-2020;12,5;x;ok\r\n" +
		"A2;Slagelse;02-01-2020;2020-04-30;1.234,5;;\r\n" +
		"A3;Næstved;05.01.2020;;0;;\"note; only\"\r\n" +
		"A4;Ringsted;43834;31-02-2020;abc;x\r\n"
	tsv := strings.NewReplacer(";", "\t", "\"note\t only\"", "\"note; only\"").Replace(semi)
	cp1252, err := charmap.Windows1252.NewEncoder().String(semi)
	must(t, err)
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(tsv)
	must(t, err)
	tests := []struct{ name, content, encoding string }{
		{"windows-1252.csv", cp1252, EncodingWindows1252},
		{"tab.csv", tsv, EncodingUTF8},
		{"tab-1252.txt", must1252(t, tsv), EncodingWindows1252},
		{"unicode.txt", utf16, EncodingUTF16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.encoding == EncodingWindows1252 && !bytes.Contains([]byte(tt.content), []byte{0xf8}) {
				t.Fatal("the test file should hold ø as the single byte 0xF8")
			}
			p := writeFile(t, t.TempDir(), tt.name, tt.content)
			ex, err := Read(Source{Path: p}, pvaFields)
			if err != nil {
				t.Fatal(err)
			}
			if ex.Encoding != tt.encoding {
				t.Errorf("encoding %q, want %q", ex.Encoding, tt.encoding)
			}
			wantPVA(t, ex)
		})
	}
}

func must1252(t *testing.T, s string) string {
	out, err := charmap.Windows1252.NewEncoder().String(s)
	must(t, err)
	return out
}

// A UTF-8 file whose "ø" straddles the 1 MB read buffer is still UTF-8;
// a single Windows-1252 byte after 1 MB is found, with its line.
func TestFirstInvalidUTF8(t *testing.T) {
	pad := strings.Repeat("x", 1<<20-1)
	tests := []struct {
		in   string
		ok   bool
		line int
	}{
		{pad + "ø\n", true, 0},
		{pad + "ø" + pad + "ø\n", true, 0},
		{"a\nb\n" + pad + "\xf8\n", false, 3},
		{"a\n\xf8", false, 2},
		{"ø\xc3", false, 1}, // cut at the end of the file
		{"", true, 0},
	}
	for i, tt := range tests {
		line, ok, err := firstInvalidUTF8(strings.NewReader(tt.in))
		if err != nil || ok != tt.ok || line != tt.line {
			t.Errorf("case %d: line %d ok %v err %v; want line %d ok %v", i, line, ok, err, tt.line, tt.ok)
		}
	}
}

func TestDetectSeparator(t *testing.T) {
	tests := []struct {
		head string
		want rune
	}{
		{"a;b;c\n1,5;2;3\n", ';'},
		{"a,b,c\n", ','},
		{"a\tb\tc\n1,5\t2,5\t3\n", '\t'},
		{"\"a;b\"\tc\n", '\t'},
		{"a\tb;c\n", ';'}, // a tie: Danish Excel's ';'
		{"a\n", ';'},
	}
	for _, tt := range tests {
		if got := detectComma([]byte(tt.head), 1); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.head, got, tt.want)
		}
	}
}
