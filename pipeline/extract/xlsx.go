package extract

import (
	"errors"
	"strings"

	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// readXLSX reads the chosen sheet of a workbook into ex.
func readXLSX(src Source, fields []Field, ex *Extract) error {
	wb, err := openWorkbook(src.Path)
	if err != nil {
		return err
	}
	defer wb.Close()
	sst, err := wb.readSST()
	if err != nil {
		return err
	}
	ref, err := wb.pickSheet(src.Sheet, sst)
	if err != nil {
		return err
	}
	ex.Sheet, ex.Date1904 = ref.name, wb.date1904
	r := &sheetReader{wb: wb, ex: ex, fields: fields}
	r.scan = sheetScan{wb: wb, sheet: ref.name, sst: sst, onCell: r.cell, onRow: r.endRow,
		onFormula: r.formula, onMerge: func(ref string) { r.merged = append(r.merged, ref) }}
	part, err := wb.open(ref.path)
	if err != nil {
		return err
	}
	rc := newAheadReader(part)
	defer rc.Close()
	r.ahead, r.partSize = rc, wb.partSize(ref.path)
	err = r.scan.scan(rc)
	r.stopTyping()
	if err != nil {
		return err
	}
	if r.b == nil {
		return fail(ErrHeader, wb.name, ref.name, "header row %d is empty", ex.HeaderRow)
	}
	ex.BlankRows = max(0, r.last-ex.HeaderRow-ex.Rows)
	if err := r.b.finish(); err != nil {
		return err
	}
	r.fillMerged()
	ex.Saved = wb.saved
	return nil
}

// formula refuses a formula cell of a mapped column that has no saved
// value: reading it as blank would silently drop what Excel would show.
func (r *sheetReader) formula(col int) error {
	if r.m == nil || r.scan.row <= r.ex.HeaderRow || col >= len(r.m.slotOf) || r.m.slotOf[col] < 0 {
		return nil
	}
	header := ""
	if col < len(r.headers) {
		header = r.headers[col]
	}
	return fail(ErrFormula, r.wb.name, r.ex.Sheet,
		"cell %s%d (%s) holds a formula without a saved value (the file was written by a program that does not calculate); open the workbook in Excel and save it, or paste the values",
		colLetter(col), r.scan.row, header)
}

// sheetReader turns scanned cells into header and data rows.
type sheetReader struct {
	wb      *workbook
	ex      *Extract
	fields  []Field
	scan    sheetScan
	headers []string // header row, by column
	m       *mapping
	b       *builder
	cells   []rawCell
	last    int      // last data row
	merged  []string // merged ranges, as written in <mergeCells>
	// ahead and partSize size the columns when the sheet has no
	// <dimension>: from the bytes the first rows took.
	ahead    *aheadReader
	partSize int64
	typist   *typist
	dataRows int // data rows queued
}

// sizeProbeRows is the data rows whose bytes estimate the rows of a sheet
// without a <dimension>.
const sizeProbeRows = 10000

func (r *sheetReader) cell(col int, rc rawCell) {
	switch {
	case r.m != nil:
		if col < len(r.m.slotOf) && r.m.slotOf[col] >= 0 {
			r.cells[r.m.slotOf[col]] = rc
		}
	case r.scan.row == r.ex.HeaderRow:
		for len(r.headers) <= col {
			r.headers = append(r.headers, "")
		}
		r.headers[col] = strings.Clone(headerText(rc)) // rc.val is a view into the row
	}
}

func (r *sheetReader) endRow(row int, nonBlank bool) error {
	switch {
	case r.m == nil && row < r.ex.HeaderRow:
		return nil
	case r.m == nil && (row > r.ex.HeaderRow || !nonBlank):
		return fail(ErrHeader, r.wb.name, r.ex.Sheet, "header row %d is empty", r.ex.HeaderRow)
	case r.m == nil:
		m, err := mapHeader(r.wb.name, r.ex.Sheet, row, r.headers, r.fields)
		if err != nil {
			return err
		}
		r.m, r.cells = m, make([]rawCell, m.nslots)
		r.b = newBuilder(r.ex, r.fields, m.headers, m.letters, m.slot, min(r.scan.rows-row, MaxRows))
		r.startTyping()
		return nil
	}
	if nonBlank {
		r.queue(row)
		r.last = row
		r.dataRows++
		if r.dataRows == sizeProbeRows && r.scan.rows == 0 && r.ahead != nil && r.ahead.n > 0 {
			// One allocation at about the right size instead of doubling
			// (and copying) ten columns from 10⁴ to 10⁶ rows.
			r.typist.reserve = min(int(float64(r.partSize)/float64(r.ahead.n)*sizeProbeRows*1.05), MaxRows)
		}
	}
	clear(r.cells)
	return nil
}

func headerText(rc rawCell) string {
	if rc.typ == cellBool {
		return map[string]string{"1": "TRUE", "0": "FALSE"}[rc.val]
	}
	return rc.val
}

// pickSheet finds the named sheet (exactly, else ignoring case and
// spacing), or without a name the first visible sheet that has a value.
func (wb *workbook) pickSheet(want string, sst []string) (sheetRef, error) {
	var names []string
	for _, s := range wb.sheets {
		names = append(names, privacy.QuoteName(s.name))
	}
	if want != "" {
		for _, s := range wb.sheets {
			if s.name == want {
				return s, nil
			}
		}
		for _, s := range wb.sheets {
			if normHeader(s.name) == normHeader(want) {
				return s, nil
			}
		}
		return sheetRef{}, fail(ErrNoSheet, wb.name, "", "no sheet %q; the sheets are %s", want, strings.Join(names, ", "))
	}
	for _, s := range wb.sheets {
		if s.hidden {
			continue
		}
		ok, err := wb.hasData(s, sst)
		if err != nil || ok {
			return s, err
		}
	}
	return sheetRef{}, fail(ErrNoSheet, wb.name, "", "no visible sheet has any data (sheets: %s)", strings.Join(names, ", "))
}

// hasData reports whether a sheet has at least one non-blank cell; it
// stops reading at the first.
func (wb *workbook) hasData(s sheetRef, sst []string) (bool, error) {
	rc, err := wb.open(s.path)
	if err != nil {
		return false, err
	}
	defer rc.Close()
	found := false
	sc := sheetScan{wb: wb, sheet: s.name, sst: sst, onCell: func(int, rawCell) {}}
	sc.onRow = func(_ int, nonBlank bool) error {
		if nonBlank {
			found = true
			return errStop
		}
		return nil
	}
	err = sc.scan(rc)
	if errors.Is(err, ErrTooManyRows) {
		return true, nil
	}
	return found, err
}
