package extract

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// cellType is what the source says a cell holds, before typing.
type cellType uint8

const (
	cellBlank  cellType = iota
	cellNumber          // an Excel number (val is its raw text, e.g. "43831")
	cellString          // shared, inline or formula string; every CSV field
	cellBool            // an Excel boolean: "1" or "0"
	cellError           // an Excel error value such as #N/A
	cellISO             // an Excel t="d" cell: ISO 8601 text
)

// rawCell is one source cell of a mapped column.
type rawCell struct {
	typ     cellType
	dateFmt bool   // number format is a date format (xlsx only)
	stable  bool   // val may be kept as is (not a view into a reused buffer)
	val     string // raw text; for strings the resolved text
}

// numberHint says how a lone "1.234" is read when the column gives no
// evidence: from a ';'-separated CSV (Danish Excel's export) as 1234,
// from a ','-separated one as 1.234, and from a workbook not at all.
type numberHint int

const (
	hintNone numberHint = iota
	hintThousands
	hintDecimal
)

// colState is what a column must remember until every row is read, for
// rules that look at the whole column.
type colState struct {
	xSeen, otherBool bool  // bool: the x/blank convention is in use?
	amb              []int // number: rows holding the ambiguous 1.234 shape
	ambText          []string
	comma, dot       bool // number: evidence of decimal comma / decimal point
	cprCount         int
	cprCell          string
	dict             map[string]uint32 // text: value → code in Column.Dict
}

// builder types the cells of mapped columns into an Extract, row by row,
// for both the xlsx and the CSV reader.
type builder struct {
	ex       *Extract
	file     string // base name, for messages
	date1904 bool
	hint     numberHint
	slot     []int // per field: index into the row's cells; -1 if absent
	state    []colState
	longCell string // the first mapped cell over Excel's 32,767 characters
}

// newBuilder sets up the columns once the header row is mapped.
// slot[i] is the cell index of field i in each row passed to addRow.
func newBuilder(ex *Extract, fields []Field, headers []string, letters []string, slot []int, sizeHint int) *builder {
	b := &builder{ex: ex, file: filepath.Base(ex.File), date1904: ex.Date1904, slot: slot, state: make([]colState, len(fields))}
	ex.Columns = make([]Column, len(fields))
	sizeHint = max(sizeHint, 0)
	for i, f := range fields {
		c := &ex.Columns[i]
		c.Field, c.Header, c.Letter = f, headers[i], letters[i]
		c.Missing = make([]bool, 0, sizeHint)
		switch f.Kind {
		case KindText:
			c.Codes, c.Dict = make([]uint32, 0, sizeHint), []string{""}
			b.state[i].dict = map[string]uint32{"": 0}
		case KindID:
			c.ID = make([]IDHash, 0, sizeHint)
		case KindDate:
			c.Days = make([]int32, 0, sizeHint)
		case KindNumber:
			c.Num = make([]float64, 0, sizeHint)
		case KindBool:
			c.Bool = make([]bool, 0, sizeHint)
		}
	}
	return b
}

// reserve makes room for n rows in every column at once.
func (b *builder) reserve(n int) {
	ex := b.ex
	for i := range ex.Columns {
		c := &ex.Columns[i]
		c.Missing = slices.Grow(c.Missing, n-len(c.Missing))
		switch c.Field.Kind {
		case KindText:
			c.Codes = slices.Grow(c.Codes, n-len(c.Codes))
		case KindID:
			c.ID = slices.Grow(c.ID, n-len(c.ID))
		case KindDate:
			c.Days = slices.Grow(c.Days, n-len(c.Days))
		case KindNumber:
			c.Num = slices.Grow(c.Num, n-len(c.Num))
		case KindBool:
			c.Bool = slices.Grow(c.Bool, n-len(c.Bool))
		}
	}
}

// addRow types one non-blank data row. cells is indexed by slot.
func (b *builder) addRow(sheetRow int, cells []rawCell) {
	idx := b.ex.Rows
	b.ex.Rows++
	b.ex.RowNumbers.Add(sheetRow)
	for i := range b.ex.Columns {
		c := &b.ex.Columns[i]
		var rc rawCell
		if b.slot[i] >= 0 {
			rc = cells[b.slot[i]]
		}
		if rc.typ != cellBlank && c.Field.Kind != KindID {
			b.checkCPR(i, rc, sheetRow)
		}
		if b.longCell == "" && len(rc.val) > maxCellRunes && utf8.RuneCountInString(rc.val) > maxCellRunes {
			b.longCell = fmt.Sprintf("%s%d", c.Letter, sheetRow)
		}
		b.typeCell(i, c, rc, idx, sheetRow)
	}
}

// checkCPR counts CPR-shaped values in a non-id column; finish turns any
// into a fatal error, since such a column must be mapped as id or dropped.
func (b *builder) checkCPR(i int, rc rawCell, sheetRow int) {
	// Any part counts, in any spelling: "Hans 010190–1234" must not reach
	// a report any more than the bare number, and an Excel number cell
	// that lost its leading zero (101901234) is one too.
	if fewDigits(rc.val) || !privacy.ContainsCPR(rc.val) {
		return
	}
	st := &b.state[i]
	if st.cprCount == 0 {
		st.cprCell = fmt.Sprintf("%s%d", b.ex.Columns[i].Letter, sheetRow)
	}
	st.cprCount++
}

// problem records an unreadable cell; the cell's value is marked missing.
func (b *builder) problem(c *Column, idx, sheetRow int, reason, format string, args ...any) {
	b.ex.Problems = append(b.ex.Problems, Problem{
		File: b.file, Sheet: b.ex.Sheet, Row: sheetRow, Index: idx,
		Cell: fmt.Sprintf("%s%d", c.Letter, sheetRow), Field: c.Field.Name, Header: privacy.Mask(c.Header),
		Reason: reason, Message: fmt.Sprintf(format, args...),
	})
	c.Missing[idx] = true
}

// finish applies the whole-column rules, sorts the problems by row and
// column, and refuses CPR-shaped values in non-id columns.
func (b *builder) finish() error {
	if b.longCell != "" { // only a damaged or hand-made workbook gets past Excel's limit
		return fail(ErrTooLarge, b.file, b.ex.Sheet, "cell %s holds more than 32.767 characters, more than an Excel cell can", b.longCell)
	}
	for i := range b.ex.Columns {
		c := &b.ex.Columns[i]
		st := &b.state[i]
		if st.cprCount > 0 {
			return fail(ErrCPRInColumn, b.file, b.ex.Sheet,
				"column %s (%s, field %s) holds %d CPR-shaped value(s), first in cell %s; "+
					"CPR numbers may only be read as type id (or leave the column out of the config)",
				c.Letter, privacy.Mask(c.Header), c.Field.Name, st.cprCount, st.cprCell)
		}
		switch c.Field.Kind {
		case KindBool:
			b.resolveBools(c, st)
		case KindNumber:
			b.resolveAmbiguous(c, st)
		}
		b.state[i] = colState{}
	}
	sort.SliceStable(b.ex.Problems, func(i, j int) bool {
		p, q := b.ex.Problems[i], b.ex.Problems[j]
		if p.Row != q.Row {
			return p.Row < q.Row
		}
		return colIndex(p.Cell) < colIndex(q.Cell)
	})
	b.ex.noteColumns()
	return nil
}

// quote shows a cell's value in a message (privacy.Quote): never for an
// id column or one whose header or field names people, never a CPR-shaped
// value or a name, and at most 40 characters of anything else.
func quote(c *Column, val string) string {
	personal := c.Field.Kind == KindID || privacy.NameLikeHeader(c.Header) || privacy.NameLikeHeader(c.Field.Name)
	return privacy.Quote(val, personal)
}
