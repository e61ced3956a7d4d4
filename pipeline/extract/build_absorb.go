package extract

// absorb appends the rows that builder p typed (a block of the same
// columns, the rows following b's) to b, as if b had typed them itself:
// text codes are mapped to b's dictionary in order of first appearance,
// row indices move by the rows before, and the whole-column evidence
// (x ticks, number conventions, CPR-shaped values, notes) is combined, so
// that finish decides exactly as after one pass.
func (b *builder) absorb(p *builder) {
	off := b.ex.Rows
	b.ex.Rows += p.ex.Rows
	b.ex.RowNumbers.appendMap(&p.ex.RowNumbers)
	for i := range b.ex.Columns {
		c, pc := &b.ex.Columns[i], &p.ex.Columns[i]
		c.Missing = append(c.Missing, pc.Missing...)
		switch c.Field.Kind {
		case KindText:
			b.absorbText(i, c, pc)
		case KindID:
			c.ID = append(c.ID, pc.ID...)
		case KindDate:
			c.Days = append(c.Days, pc.Days...)
		case KindNumber:
			c.Num = append(c.Num, pc.Num...)
		case KindBool:
			c.Bool = append(c.Bool, pc.Bool...)
		}
		b.state[i].absorb(&p.state[i], off)
	}
	for _, pr := range p.ex.Problems {
		pr.Index += off
		b.ex.Problems = append(b.ex.Problems, pr)
	}
	for _, n := range p.ex.Notes {
		b.addNote(n)
	}
	if b.longCell == "" {
		b.longCell = p.longCell
	}
}

// absorbText appends a block's text codes, recoded into b's dictionary.
// A block whose dictionary starts as b's did (seed) and adds its new
// values in the order b does keeps its codes, which are then copied as
// they are.
func (b *builder) absorbText(i int, c, pc *Column) {
	dict := b.state[i].dict
	recode := make([]uint32, len(pc.Dict))
	same := true
	for k, v := range pc.Dict {
		code, ok := dict[v]
		if !ok {
			code = uint32(len(c.Dict))
			c.Dict = append(c.Dict, v)
			dict[v] = code
		}
		recode[k] = code
		same = same && code == uint32(k)
	}
	if same {
		c.Codes = append(c.Codes, pc.Codes...)
		return
	}
	for _, k := range pc.Codes {
		c.Codes = append(c.Codes, recode[k])
	}
}

// absorb combines the column evidence of the rows after off.
func (st *colState) absorb(p *colState, off int) {
	st.xSeen = st.xSeen || p.xSeen
	st.otherBool = st.otherBool || p.otherBool
	for _, idx := range p.amb {
		st.amb = append(st.amb, idx+off)
	}
	st.ambText = append(st.ambText, p.ambText...)
	st.comma = st.comma || p.comma
	st.dot = st.dot || p.dot
	if st.cprCount == 0 {
		st.cprCell = p.cprCell
	}
	st.cprCount += p.cprCount
}

// addNote counts a note's cells into the note of its kind and column,
// keeping the first cell, or adds it.
func (b *builder) addNote(n Note) {
	for i := range b.ex.Notes {
		if x := &b.ex.Notes[i]; x.Kind == n.Kind && x.Field == n.Field {
			x.Count += n.Count
			return
		}
	}
	b.ex.Notes = append(b.ex.Notes, n)
}

// maxSeed is the largest dictionary a block starts from (seed): a few
// sites or reasons, not a column of free text, whose copy into every
// block would cost more than the recoding it saves.
const maxSeed = 256

// seedDicts is the start of every text column's dictionary in b, for the
// blocks typed next (nil for other kinds and for large dictionaries). The
// slices are capped at their length: a block that appends to its own
// copy never writes into b's.
func (b *builder) seedDicts() [][]string {
	seeds := make([][]string, len(b.ex.Columns))
	for i := range b.ex.Columns {
		if d := b.ex.Columns[i].Dict; b.ex.Columns[i].Field.Kind == KindText && len(d) <= maxSeed {
			seeds[i] = d[:len(d):len(d)]
		}
	}
	return seeds
}

// seed starts each text column's dictionary as seeds says (see seedDicts),
// so that a block meeting only values the file has shown before codes
// them as the merged columns do.
func (b *builder) seed(seeds [][]string) {
	for i, s := range seeds {
		if len(s) == 0 {
			continue
		}
		c, st := &b.ex.Columns[i], &b.state[i]
		c.Dict = append(c.Dict[:0], s...)
		for k, v := range s {
			st.dict[v] = uint32(k)
		}
	}
}

// reset empties a block's builder for the next block, keeping the memory
// of its columns: the blocks of a file reuse a few sets of columns rather
// than allocating (and the collector freeing) one a block.
func (b *builder) reset() *builder {
	ex := b.ex
	ex.Rows, ex.RowNumbers, ex.Problems, ex.Notes = 0, RowMap{}, nil, nil
	for i := range ex.Columns {
		c := &ex.Columns[i]
		c.Missing, c.Codes, c.ID, c.Days, c.Num, c.Bool = c.Missing[:0], c.Codes[:0], c.ID[:0], c.Days[:0], c.Num[:0], c.Bool[:0]
		st := colState{dict: b.state[i].dict}
		if c.Field.Kind == KindText {
			c.Dict = append(c.Dict[:0], "")
			clear(st.dict)
			st.dict[""] = 0
		}
		b.state[i] = st
	}
	b.longCell = ""
	return b
}
