package rules

// A text column holds a handful of distinct values (site, end reason), so
// a yes/no step that reads one text field and otherwise only constants —
// reason == 'afbrudt', site in ['A', 'B'], reason contains 'job' — has one
// answer per distinct value. tabulate computes those answers once, by the
// step's own operation on the values themselves, and lookUp then answers
// a row by its code: no strings gathered or compared per row.

// tabulate sets s.lut when the step is such a step and the field's
// dictionary fits in one batch.
func (s *step) tabulate() {
	if s.kind != Bool || (s.op != opCompare && s.op != opIn && s.op != opText) {
		return
	}
	var field *step
	for _, a := range s.args {
		switch {
		case a.op == opConst:
		case a.op == opField && a.kind == Text && field == nil:
			field = a
		default:
			return
		}
	}
	if field == nil || len(field.col.Dict)+1 > batchSize {
		return
	}
	dict := field.col.Dict
	n := len(dict) + 1
	copy(field.out.text, dict)
	field.out.text[len(dict)] = "" // a missing text reads as ""
	clear(field.out.miss[:n])      // text is never missing
	s.apply(n)
	s.lut, s.text = make([]uint8, n), field.col
	for k := range n {
		s.lut[k] = s.out.b[k] &^ s.out.miss[k]
	}
}

// lookUp answers the rows of one batch from s.lut; the answer is never
// missing, as text never is.
func (s *step) lookUp(rows []int32) {
	c, missing := s.text, uint32(len(s.text.Dict))
	for i, r := range rows {
		code := c.Codes[r]
		if c.Missing != nil && c.Missing[r] {
			code = missing
		}
		s.out.b[i], s.out.miss[i] = s.lut[code], 0
	}
}
