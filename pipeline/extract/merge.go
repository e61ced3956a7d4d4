package extract

import (
	"bytes"
)

// fillMerged applies the sheet's merged ranges to the mapped columns.
// Excel keeps a merged range's value in its top-left cell only, so a site
// merged down over 118 rows would leave 117 of them blank: a vertical
// range in one column fills every data row of the range with the top
// cell's value. A range across columns is only stated (the value belongs
// to its first column). Both are notes the report states.
func (r *sheetReader) fillMerged() {
	if r.m == nil {
		return
	}
	for _, ref := range r.merged {
		c0, r0, c1, r1, ok := parseRange(ref)
		if !ok {
			continue
		}
		for col := c0; col <= c1; col++ {
			if col >= len(r.m.slotOf) || r.m.slotOf[col] < 0 {
				continue
			}
			for _, i := range r.fieldsAt(col) {
				c := &r.ex.Columns[i]
				if c0 != c1 {
					r.note(NoteMergedAcross, c, ref, 1)
					continue
				}
				if n := r.fill(c, r0, r1); n > 0 {
					r.note(NoteMerged, c, ref, n)
				}
			}
		}
	}
}

// fieldsAt lists the columns mapped to sheet column col.
func (r *sheetReader) fieldsAt(col int) []int {
	var out []int
	letter := colLetter(col)
	for i := range r.ex.Columns {
		if r.ex.Columns[i].Letter == letter {
			out = append(out, i)
		}
	}
	return out
}

// fill copies the value of the range's top data row to the data rows
// below it, up to sheet row r1, and returns how many it filled.
func (r *sheetReader) fill(c *Column, r0, r1 int) int {
	rows := &r.ex.RowNumbers
	top, ok := rows.Index(r0)
	if !ok || c.Missing[top] {
		return 0
	}
	n := 0
	for i := top + 1; i < rows.Len() && rows.At(i) <= r1; i++ {
		if !c.Missing[i] {
			continue // a value of its own (a damaged merge) wins
		}
		c.Missing[i] = false
		switch c.Field.Kind {
		case KindText:
			c.Codes[i] = c.Codes[top]
		case KindID:
			c.ID[i] = c.ID[top]
		case KindDate:
			c.Days[i] = c.Days[top]
		case KindNumber:
			c.Num[i] = c.Num[top]
		case KindBool:
			c.Bool[i] = c.Bool[top]
		}
		n++
	}
	return n
}

// note adds n cells to the note of kind k for column c.
func (r *sheetReader) note(k NoteKind, c *Column, ref string, n int) {
	for i := range r.ex.Notes {
		if x := &r.ex.Notes[i]; x.Kind == k && x.Field == c.Field.Name {
			x.Count += n
			return
		}
	}
	r.ex.Notes = append(r.ex.Notes, Note{Kind: k, Field: c.Field.Name, Header: c.Header, Cells: ref, Count: n})
}

// parseRange splits "A2:C10" into 0-based columns and 1-based rows.
func parseRange(ref string) (c0, r0, c1, r1 int, ok bool) {
	a, b, found := bytes.Cut([]byte(ref), []byte(":"))
	if !found {
		return 0, 0, 0, 0, false
	}
	c0, r0, ok0 := parseRef(a)
	c1, r1, ok1 := parseRef(b)
	if !ok0 || !ok1 || c1 < c0 || r1 < r0 {
		return 0, 0, 0, 0, false
	}
	return c0, r0, c1, r1, true
}
