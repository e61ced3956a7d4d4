package extract

import "strings"

// resolveBools applies the blank rule for yes/no columns: when every
// non-blank cell is an x (the tick convention), a blank means no; in any
// other column a blank is missing, because "nej" written out next to
// blanks says the blanks are unknown, not no.
//
// The blank cells are the missing ones that are not problems (an
// unreadable cell stays missing): found from the problems, which are
// few, rather than listed as they are read, which cost 8 bytes a blank
// and an append a row.
func (b *builder) resolveBools(c *Column, st *colState) {
	if !st.xSeen || st.otherBool {
		return
	}
	unreadable := map[int]bool{}
	for _, p := range b.ex.Problems {
		if p.Field == c.Field.Name {
			unreadable[p.Index] = true
		}
	}
	for idx, m := range c.Missing {
		if m && !unreadable[idx] {
			c.Missing[idx] = false
		}
	}
}

// resolveAmbiguous decides the cells shaped like 1.234. The column's other
// values decide when they agree: a decimal comma or dot-grouped thousands
// anywhere (Danish) make it 1234; a decimal point anywhere (12.5) makes it
// 1.234. Without evidence the file's convention (numberHint) decides, and
// without that, or with contradicting evidence, the cell is a problem:
// guessing would silently scale a value by 1000.
func (b *builder) resolveAmbiguous(c *Column, st *colState) {
	mode := b.hint
	switch {
	case st.comma && st.dot:
		mode = hintNone
	case st.comma:
		mode = hintThousands
	case st.dot:
		mode = hintDecimal
	}
	for k, idx := range st.amb {
		switch mode {
		case hintThousands:
		case hintDecimal:
			c.Num[idx] /= 1000
		default:
			row := b.ex.RowNumbers.At(idx)
			v := strings.TrimSpace(st.ambText[k])
			b.problem(c, idx, row, ReasonNumber,
				"%q is ambiguous: %s with a thousands dot or %s with a decimal point, and no other value in the column tells which (write %s or %s)",
				v, strings.ReplaceAll(v, ".", ""), strings.Replace(v, ".", ",", 1),
				strings.ReplaceAll(v, ".", ""), strings.Replace(v, ".", ",", 1))
		}
	}
}
