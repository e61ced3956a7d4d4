package extract

import "fmt"

// NoteKind says what the reader did to the data.
type NoteKind int

// The notes a report must state.
const (
	// NoteTimeOfDay: dates with a time of day; the calendar date is used.
	NoteTimeOfDay NoteKind = iota
	// NoteMerged: vertically merged cells in a mapped column; the top
	// cell's value fills every row of its range.
	NoteMerged
	// NoteMergedAcross: cells merged across columns in a mapped column
	// (or the header row); only the first column holds the value.
	NoteMergedAcross
	// NoteAbsent: an optional mapped column is not in the sheet; every
	// value is missing.
	NoteAbsent
	// NoteBlank: a mapped column is in the sheet but every cell is blank.
	NoteBlank
)

// Note is one statement about a column: what was done, to how many cells,
// and the first cell or range it applies to.
type Note struct {
	Kind   NoteKind
	Field  string // config field name
	Header string // header as written in the workbook (the config's when absent)
	Cells  string // first cell or range, e.g. "E5" or "E5:E20"; "" for a whole column
	Count  int    // cells (for merges: cells filled)
}

// noteCell counts one cell of kind k in column c, keeping the first cell.
func (b *builder) noteCell(k NoteKind, c *Column, row int) {
	for i := range b.ex.Notes {
		n := &b.ex.Notes[i]
		if n.Kind == k && n.Field == c.Field.Name {
			n.Count++
			return
		}
	}
	b.ex.Notes = append(b.ex.Notes, Note{Kind: k, Field: c.Field.Name, Header: c.Header,
		Cells: fmt.Sprintf("%s%d", c.Letter, row), Count: 1})
}

// noteColumns states every mapped column that is absent (optional ones;
// a required one is an error before this) or has no value at all.
func (e *Extract) noteColumns() {
	for i := range e.Columns {
		c := &e.Columns[i]
		switch {
		case c.Letter == "":
			e.Notes = append(e.Notes, Note{Kind: NoteAbsent, Field: c.Field.Name, Header: c.Field.Header})
		case e.Rows > 0 && allTrue(c.Missing) && !e.hasProblem(c.Field.Name):
			e.Notes = append(e.Notes, Note{Kind: NoteBlank, Field: c.Field.Name, Header: c.Header, Count: e.Rows})
		}
	}
}

func (e *Extract) hasProblem(field string) bool {
	for _, p := range e.Problems {
		if p.Field == field {
			return true
		}
	}
	return false
}

func allTrue(b []bool) bool {
	for _, v := range b {
		if !v {
			return false
		}
	}
	return true
}
