package extract

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// readExcelize is the reference reader: excelize's own Rows() with
// RawCellValue, GetCellType and GetCellStyle feed the same builder as the
// streaming reader, so any difference is in reading the package.
func readExcelize(t *testing.T, src Source, fields []Field) *Extract {
	t.Helper()
	f, err := excelize.OpenFile(src.Path, excelize.Options{RawCellValue: true, UnzipSizeLimit: unzipSizeLimit, UnzipXMLSizeLimit: 16 << 20})
	must(t, err)
	defer f.Close()
	props, err := f.GetWorkbookProps()
	must(t, err)
	ex := &Extract{File: src.Path, Sheet: src.Sheet, HeaderRow: max(src.HeaderRow, 1), Date1904: props.Date1904 != nil && *props.Date1904}
	if ex.Sheet == "" {
		ex.Sheet = f.GetSheetList()[0]
	}
	rows, err := f.Rows(ex.Sheet)
	must(t, err)
	var (
		b     *builder
		m     *mapping
		cells []rawCell
		last  int
	)
	for r := 1; rows.Next(); r++ {
		vals, err := rows.Columns(excelize.Options{RawCellValue: true})
		must(t, err)
		raw, nonBlank := oracleCells(t, f, ex.Sheet, r, vals)
		switch {
		case r < ex.HeaderRow:
			continue
		case r == ex.HeaderRow:
			headers := make([]string, len(raw))
			for i, c := range raw {
				headers[i] = headerText(c)
			}
			m, err = mapHeader(filepath.Base(src.Path), ex.Sheet, r, headers, fields)
			must(t, err)
			b, cells = newBuilder(ex, fields, m.headers, m.letters, m.slot, 0), make([]rawCell, m.nslots)
			continue
		}
		if !nonBlank {
			continue
		}
		clear(cells)
		for col, c := range raw {
			if col < len(m.slotOf) && m.slotOf[col] >= 0 {
				cells[m.slotOf[col]] = c
			}
		}
		b.addRow(r, cells)
		last = r
	}
	must(t, rows.Close())
	ex.BlankRows = max(0, last-ex.HeaderRow-ex.Rows)
	must(t, b.finish())
	return ex
}

func oracleCells(t *testing.T, f *excelize.File, sheet string, r int, vals []string) ([]rawCell, bool) {
	out := make([]rawCell, len(vals))
	nonBlank := false
	for c, v := range vals {
		ref, _ := excelize.CoordinatesToCellName(c+1, r)
		typ, err := f.GetCellType(sheet, ref)
		must(t, err)
		rc := rawCell{typ: cellString, val: v, stable: true}
		switch typ {
		case excelize.CellTypeBool:
			rc.typ = cellBool
		case excelize.CellTypeError:
			rc.typ = cellError
		case excelize.CellTypeDate:
			rc.typ = cellISO
		case excelize.CellTypeNumber, excelize.CellTypeUnset:
			rc.typ, rc.val = cellNumber, strings.TrimSpace(v)
			idx, err := f.GetCellStyle(sheet, ref)
			must(t, err)
			st, err := f.GetStyle(idx)
			must(t, err)
			rc.dateFmt = builtinDateFmt(st.NumFmt)
			if st.CustomNumFmt != nil {
				rc.dateFmt = customDateFmt(*st.CustomNumFmt)
			}
		}
		if rc.val == "" {
			rc = rawCell{}
		}
		if rc.typ != cellBlank && (rc.typ != cellString || strings.TrimSpace(rc.val) != "") {
			nonBlank = true
		}
		out[c] = rc
	}
	return out, nonBlank
}

func TestReaderMatchesExcelize(t *testing.T) {
	dir := t.TempDir()
	mixed := [][]any{
		{"tekst", "tal", "dato", "ja/nej", "id"},
		{"  mellemrum  ", 12.5, dateCell{43831.75}, true, 1001},
		{"line\nbreak", "3,5", "31-12-2020", "ja", "A-7"},
		{"<&>\"'", -0.1, dateCell{61}, false, nil},
		{"æøå ÆØÅ", 1e-7, "2020-02-29", "x", "0042"},
		{nil, nil, nil, nil, nil},
		{"_x000D_ tegn", 123456789012, 43831, 1, "B"},
	}
	fields := []Field{
		{Name: "text", Header: "tekst", Kind: KindText}, {Name: "num", Header: "tal", Kind: KindNumber},
		{Name: "date", Header: "dato", Kind: KindDate}, {Name: "yes", Header: "ja/nej", Kind: KindBool},
		{Name: "id", Header: "id", Kind: KindID}, {Name: "dateText", Header: "dato", Kind: KindText},
	}
	cases := []struct {
		name          string
		stream, d1904 bool
		fields        []Field
		sheets        []sheetSpec
	}{
		{"shared.xlsx", false, false, fields, []sheetSpec{{name: "Ark1", rows: mixed}}},
		{"inline.xlsx", true, false, fields, []sheetSpec{{name: "Ark1", rows: mixed}}},
		{"mac.xlsx", false, true, fields, []sheetSpec{{name: "Ark1", rows: mixed}}},
		{"pva.xlsx", false, false, pvaFields, []sheetSpec{{name: "Deltagere", rows: pvaRows}}},
		{"pva-inline.xlsx", true, false, pvaFields, []sheetSpec{{name: "Deltagere", rows: pvaRows}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := writeXLSX(t, dir, tc.name, tc.stream, tc.d1904, tc.sheets...)
			got, err := Read(Source{Path: p}, tc.fields)
			must(t, err)
			want := readExcelize(t, Source{Path: p}, tc.fields)
			compareExtracts(t, got, want)
		})
	}
}

func compareExtracts(t *testing.T, got, want *Extract) {
	t.Helper()
	if got.Rows != want.Rows || !reflect.DeepEqual(got.RowNumbers.All(), want.RowNumbers.All()) || got.Date1904 != want.Date1904 {
		t.Fatalf("rows %d %v 1904=%v; excelize %d %v %v", got.Rows, got.RowNumbers.All(), got.Date1904, want.Rows, want.RowNumbers.All(), want.Date1904)
	}
	for i := range want.Columns {
		g, w := got.Columns[i], want.Columns[i]
		if !reflect.DeepEqual(g, w) {
			t.Errorf("column %s:\n got  %+v\n want %+v", w.Field.Name, g, w)
		}
	}
	if !reflect.DeepEqual(got.Problems, want.Problems) {
		t.Errorf("problems:\n got  %v\n want %v", got.Problems, want.Problems)
	}
}
