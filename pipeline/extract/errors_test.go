package extract

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestProblemMessages checks that every cell-level message names its
// file, sheet, cell and header, and never quotes an id or a CPR number.
func TestProblemMessages(t *testing.T) {
	rows := [][]any{
		{"deltager_id", "startdato", "slutdato", "timer", "uddannelse"},
		{"SECRET-ID-1", "01-01-2020", "31-02-2020", "1.234", "måske"},
		{"SECRET-ID-2", "#", "2020-13-01", "12 kr", "ja"},
		{"SECRET-ID-3", "02-01-2020", 60, "abc", "nej"},
	}
	fields := []Field{
		{Name: "id", Header: "deltager_id", Kind: KindID}, {Name: "start", Header: "startdato", Kind: KindDate},
		{Name: "end", Header: "slutdato", Kind: KindDate}, {Name: "hours", Header: "timer", Kind: KindNumber},
		{Name: "education", Header: "uddannelse", Kind: KindBool},
	}
	p := writeXLSX(t, t.TempDir(), "pva.xlsx", false, false, sheetSpec{name: "Deltagere", rows: rows})
	ex, err := Read(Source{Path: p}, fields)
	must(t, err)
	want := []string{
		`pva.xlsx, sheet "Deltagere", cell C2 (slutdato): "31-02-2020" is not a date (expected a date cell, dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy or yyyy-mm-dd)`,
		`pva.xlsx, sheet "Deltagere", cell D2 (timer): "1.234" is ambiguous: 1234 with a thousands dot or 1,234 with a decimal point, and no other value in the column tells which (write 1234 or 1,234)`,
		`pva.xlsx, sheet "Deltagere", cell E2 (uddannelse): "måske" is not a yes/no value (expected ja/nej, yes/no, 1/0, sand/falsk, true/false, or x and blank)`,
		`pva.xlsx, sheet "Deltagere", cell B3 (startdato): "#" is not a date (expected a date cell, dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy or yyyy-mm-dd)`,
		`pva.xlsx, sheet "Deltagere", cell C3 (slutdato): "2020-13-01" is not a date (expected a date cell, dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy or yyyy-mm-dd)`,
		`pva.xlsx, sheet "Deltagere", cell D3 (timer): "12 kr" is not a number (expected a number such as 1234,5 or 1.234,5)`,
		`pva.xlsx, sheet "Deltagere", cell C4 (slutdato): the number "60" is not a date (expected a date cell, dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy or yyyy-mm-dd)`,
		`pva.xlsx, sheet "Deltagere", cell D4 (timer): "abc" is not a number (expected a number such as 1234,5 or 1.234,5)`,
	}
	if len(ex.Problems) != len(want) {
		t.Fatalf("%d problems: %v", len(ex.Problems), ex.Problems)
	}
	for i, pr := range ex.Problems {
		if pr.Error() != want[i] {
			t.Errorf("problem %d:\n got  %s\n want %s", i, pr.Error(), want[i])
		}
		if strings.Contains(pr.Error(), "SECRET") {
			t.Errorf("message quotes an id: %s", pr.Error())
		}
	}
}

// TestFatalErrors checks each refusal: its sentinel, the words it must
// contain, and the values it must not.
func TestFatalErrors(t *testing.T) {
	dir := t.TempDir()
	x := func(name string, rows ...[]any) string {
		return writeXLSX(t, dir, name, false, false, sheetSpec{name: "Deltagere", rows: rows})
	}
	enc := filepath.Join(dir, "enc.xlsx")
	ef := excelize.NewFile()
	must(t, ef.SaveAs(enc, excelize.Options{Password: "hemmelig"}))
	bomb := zipWithClaim(t, dir, "bomb.xlsx", 5<<30)
	liar := zipWithClaim(t, dir, "liar.xlsx", 10)
	bigRow := writeZip(t, dir, "rows.xlsx", packageParts(`<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>a</t></is></c></row><row r="1048577"><c><v>1</v></c></row></sheetData></worksheet>`, "", `<styleSheet/>`, ""))
	bigCell := writeZip(t, dir, "cell.xlsx", packageParts(`<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>`+strings.Repeat("a", 2<<20)+`</t></is></c></row></sheetData></worksheet>`, "", `<styleSheet/>`, ""))
	longCell := writeZip(t, dir, "long.xlsx", packageParts(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>`+strings.Repeat("å", 32768)+`</t></is></c></row></sheetData></worksheet>`, "", `<styleSheet/>`, ""))
	a := []Field{{Name: "a", Header: "a", Kind: KindText}}
	tests := []struct {
		name   string
		path   string
		sheet  string
		fields []Field
		is     error
		has    []string
		hasNot []string
	}{
		{"missing file", filepath.Join(dir, "nope.xlsx"), "", a, fs.ErrNotExist, []string{"nope.xlsx", "not found"}, nil},
		{"text renamed", writeFile(t, dir, "text.xlsx", "deltager_id;start\n"), "", a, ErrNotXLSX, []string{"text.xlsx", "text file (CSV?)", ".csv"}, nil},
		{"docx renamed", writeZip(t, dir, "doc.xlsx", map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"}), "", a,
			ErrNotXLSX, []string{"doc.xlsx", "is a Word document (.docx), not an Excel workbook"}, nil},
		{"pptx renamed", writeZip(t, dir, "slides.xlsx", map[string]string{"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"}), "", a,
			ErrNotXLSX, []string{"is a PowerPoint presentation (.pptx)"}, nil},
		{"ods renamed", writeZip(t, dir, "calc.xlsx", map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<c/>"}), "", a,
			ErrNotXLSX, []string{"is an OpenDocument spreadsheet (.ods)"}, nil},
		{"zip renamed", writeZip(t, dir, "archive.xlsx", map[string]string{"pva.xlsx": "PK"}), "", a, ErrNotXLSX, []string{"is a zip archive, not an Excel workbook"}, nil},
		{"pdf renamed", writeFile(t, dir, "report.xlsx", "%PDF-1.7\n"), "", a, ErrNotXLSX, []string{"is a PDF document"}, nil},
		{"xlsx named csv", writeZip(t, dir, "book.csv", map[string]string{"xl/workbook.xml": "<w/>"}), "", a, ErrCorrupt, []string{"book.csv", "zip package", ".xlsx"}, nil},
		{"csv cell over Excel's limit", writeFile(t, dir, "long.csv", "a\n"+strings.Repeat("x", 32768)+"\n"), "", a, ErrTooLarge, []string{"long.csv", "cell A2", "32.767"}, nil},
		{"csv quote left open", writeFile(t, dir, "open.csv", "a\n\"x\n"+strings.Repeat("y;z\n", 5<<20)), "", a, ErrTooLarge, []string{"open.csv", "16 MB", "quote"}, nil},
		{"utf-8 mark, not utf-8", writeFile(t, dir, "mark.csv", "\xef\xbb\xbfa\nok\nk\xf8be\n"), "", a, ErrCorrupt, []string{"mark.csv", "line 3 is not UTF-8"}, []string{"k\xf8be"}},
		{"old xls", writeFile(t, dir, "old.xlsx", string(oleMagic)+strings.Repeat("\x00", 600)), "", a, ErrNotXLSX, []string{"97-2003"}, nil},
		{"encrypted", enc, "", a, ErrEncrypted, []string{"enc.xlsx", "encrypted"}, []string{"hemmelig"}},
		{"zip bomb", bomb, "", a, ErrTooLarge, []string{"bomb.xlsx", "zip bomb"}, nil},
		{"lying size", liar, "", a, ErrCorrupt, []string{"liar.xlsx", "damaged"}, nil},
		{"too many rows", bigRow, "", a, ErrTooManyRows, []string{"1048577"}, nil},
		{"cell over Excel's limit", longCell, "", a, ErrTooLarge, []string{"long.xlsx", "cell A2", "32.767"}, nil},
		{"huge cell", bigCell, "", a, ErrTooLarge, []string{"cell.xlsx", "1 MB"}, nil},
		{"no sheet", x("s.xlsx", []any{"a"}), "Ark2", a, ErrNoSheet, []string{`"Ark2"`, `"Deltagere"`}, nil},
		{"no column", x("c.xlsx", []any{"deltager_id", "start", "0101901234"}), "", []Field{{Name: "end", Header: "slutdato"}},
			ErrNoColumn, []string{`c.xlsx, sheet "Deltagere"`, `"slutdato" (field end)`, `"deltager_id", "start"`}, []string{"0101901234"}},
		{"doubled column", x("d.xlsx", []any{"a", "A "}), "", a, ErrHeader, []string{"column A and column B"}, nil},
		{"empty header", x("e.xlsx", []any{}, []any{"a"}), "", a, ErrHeader, []string{"header row 1 is empty"}, nil},
		{"cpr in date column", x("cpr.xlsx", []any{"a"}, []any{"01-01-2020"}, []any{"010190-1234"}), "",
			[]Field{{Name: "a", Header: "a", Kind: KindDate}}, ErrCPRInColumn, []string{"column A", "cell A3", "field a"}, []string{"010190", "1234"}},
		{"cpr as number", x("n.xlsx", []any{"a"}, []any{101901234}), "",
			[]Field{{Name: "a", Header: "a", Kind: KindNumber}}, ErrCPRInColumn, []string{"cell A2"}, []string{"101901234"}},
		{"cpr inside text", x("t.xlsx", []any{"a"}, []any{"Hans 0101901234"}), "", a, ErrCPRInColumn, []string{"cell A2"}, []string{"0101901234", "Hans"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(Source{Path: tt.path, Sheet: tt.sheet}, tt.fields)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("error %q is not %v", err, tt.is)
			}
			for _, s := range tt.has {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q lacks %q", err, s)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(err.Error(), s) {
					t.Errorf("error %q quotes %q", err, s)
				}
			}
		})
	}
}

// zipWithClaim writes a workbook whose sheet part claims to unpack to
// claim bytes but holds 1 MB of a repeated row.
func zipWithClaim(t *testing.T, dir, name string, claim uint64) string {
	parts := packageParts("", "", `<styleSheet/>`, "")
	var raw bytes.Buffer
	fw, _ := flate.NewWriter(&raw, flate.BestCompression)
	content := []byte("<worksheet><sheetData>" + strings.Repeat(`<row><c><v>1</v></c></row>`, 40000) + "</sheetData></worksheet>")
	_, _ = fw.Write(content)
	must(t, fw.Close())
	p := filepath.Join(dir, name)
	f, err := os.Create(p)
	must(t, err)
	zw := zip.NewWriter(f)
	for _, n := range sortedKeys(parts) {
		if n == "xl/worksheets/sheet1.xml" {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: n, Method: zip.Deflate, CompressedSize64: uint64(raw.Len()), UncompressedSize64: claim})
			must(t, err)
			_, err = w.Write(raw.Bytes())
			must(t, err)
			continue
		}
		w, err := zw.Create(n)
		must(t, err)
		_, err = w.Write([]byte(parts[n]))
		must(t, err)
	}
	must(t, zw.Close())
	must(t, f.Close())
	return p
}

// A CSV is not bound by Excel's sheet limit but by source.max_rows.
func TestCSVRowLimit(t *testing.T) {
	dir := t.TempDir()
	many := writeFile(t, dir, "many.csv", "a\n"+strings.Repeat("1\n", MaxRows+1))
	a := []Field{{Name: "a", Header: "a", Kind: KindText}}
	ex, err := Read(Source{Path: many}, a)
	if err != nil || ex.Rows != MaxRows+1 {
		t.Fatalf("a CSV past Excel's limit: rows %v, %v", ex, err)
	}
	_, err = Read(Source{Path: many, MaxRows: 1000}, a)
	if !errors.Is(err, ErrTooManyRows) || !strings.Contains(err.Error(), "source.max_rows") || !strings.Contains(err.Error(), "many.csv") {
		t.Errorf("limit 1000: %v", err)
	}
}
