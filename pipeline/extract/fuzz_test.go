package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The fuzzers check that no input panics and that results keep their
// invariants; `go test -fuzz FuzzX` runs one for as long as wanted.

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2020-01-31", "31-02-2020", "1-2-20", "31.12.2020 23:59", "43831.5", "2020-01-31T13:45:07.25Z", "", "--", "9999-99-99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseDateText(s, false)
		if ok && (d.Year() < 1900 || d.Location().String() != "UTC") {
			t.Errorf("parseDateText(%q) = %v", s, d)
		}
		_, _ = parseDateText(s, true)
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1.234,5", "12.5", "1.234", "-1 234,5", ",5", "\u22121", "1e3", "9999999999999999999999,9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, amb, ok := parseNumber(s)
		if !ok && (v != 0 || amb) {
			t.Errorf("parseNumber(%q) = %v, %v, false", s, v, amb)
		}
		if amb && !strings.Contains(s, ".") {
			t.Errorf("parseNumber(%q) ambiguous without a dot", s)
		}
	})
}

func FuzzParseBool(f *testing.F) {
	for _, s := range []string{"ja", "NEJ", "x", " 1 ", "sandt", "måske"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, x, ok := parseBool(s)
		if x && (!v || !ok) {
			t.Errorf("parseBool(%q) = %v, %v, %v", s, v, x, ok)
		}
	})
}

func FuzzHeaderMatch(f *testing.F) {
	f.Add("Lønnede  timer", "lønnede_timer")
	f.Add("afslutningsa\u030asag", "AFSLUTNINGSÅRSAG")
	f.Add("\u00a0_ x _\u00a0", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		if HeaderMatches(a, b) != HeaderMatches(b, a) {
			t.Errorf("not symmetric: %q %q", a, b)
		}
		if n := normHeader(a); n != normHeader(n) {
			t.Errorf("normHeader(%q) not idempotent", a)
		}
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add("deltager_id;startdato;timer;uddannelse\nA1;01-01-2020;1.234,5;x\n")
	f.Add("\ufeffdeltager_id,startdato,timer,uddannelse\r\n\"A,1\",2020-01-01,\"12,5\",ja\r\n,,,\r\n")
	f.Add("deltager_id;startdato;timer;uddannelse\n\"A\"\"1\";31-02-2020;abc;måske\n;;;\n")
	f.Add("startdato\n\"unterminated\n")
	fields := []Field{
		{Name: "id", Header: "deltager_id", Kind: KindID}, {Name: "start", Header: "startdato", Kind: KindDate},
		{Name: "hours", Header: "timer", Kind: KindNumber, Optional: true}, {Name: "edu", Header: "uddannelse", Kind: KindBool, Optional: true},
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, content string) {
		p := filepath.Join(dir, "f.csv")
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		ex, err := Read(Source{Path: p}, fields)
		if err != nil {
			return
		}
		for _, c := range ex.Columns {
			if len(c.Missing) != ex.Rows {
				t.Fatalf("column %s has %d rows of %d", c.Field.Name, len(c.Missing), ex.Rows)
			}
		}
		for _, pr := range ex.Problems {
			if pr.Index < 0 || pr.Index >= ex.Rows || ex.RowNumbers.At(pr.Index) != pr.Row {
				t.Fatalf("problem %+v does not name a data row", pr)
			}
			if pr.Field == "id" {
				t.Fatalf("problem in the id column: %v", pr)
			}
		}
	})
}

// FuzzSheetXML feeds arbitrary worksheet XML to the streaming reader.
func FuzzSheetXML(f *testing.F) {
	f.Add(`<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>a</t></is></c></row><row><c s="1"><v>43831</v></c></row></sheetData></worksheet>`)
	f.Add(`<x:worksheet><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c></x:row><x:row><x:c t="e"><x:v>#N/A</x:v></x:c></x:row></x:sheetData></x:worksheet>`)
	f.Add(`<worksheet><sheetData><row><c t="inlineStr"><is><t><![CDATA[a]]></t></is></c></row><row><c t="str"><v>&#229;&amp;</v></c></row></sheetData></worksheet>`)
	dir := f.TempDir()
	sst := `<sst><si><t>a</t></si></sst>`
	styles := `<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`
	f.Fuzz(func(t *testing.T, sheet string) {
		p := writeZip(t, dir, "f.xlsx", packageParts(sheet, sst, styles, ""))
		ex, err := Read(Source{Path: p}, []Field{{Name: "a", Header: "a", Kind: KindDate}})
		if err == nil && len(ex.Column("a").Missing) != ex.Rows {
			t.Fatal("column length")
		}
	})
}
