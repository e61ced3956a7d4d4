package rules

import (
	"fmt"
	"strings"
)

// batchSize is how many rows a plan evaluates at a time: its buffers stay
// in the CPU's cache, whatever the number of rows.
const batchSize = 4096

// vec is a plan node's values for one batch. miss is 1 where the value is
// missing (never for text), and then the value means nothing: whoever
// reads one masks it. Only the slice of the node's kind is used. Yes/no
// values are bytes 0 and 1, so that Kleene logic is arithmetic: missing
// values and answers come in no order a CPU could predict its branches by.
type vec struct {
	b    []uint8
	num  []float64
	date []int32 // days, as in Column.Days
	text []string
	miss []uint8
}

func newVec(k Kind) vec {
	v := vec{miss: make([]uint8, batchSize)}
	switch k {
	case Bool:
		v.b = make([]uint8, batchSize)
	case Number:
		v.num = make([]float64, batchSize)
	case Date:
		v.date = make([]int32, batchSize)
	case Text:
		v.text = make([]string, batchSize)
	}
	return v
}

// step is a plan bound to a frame's columns, with its own buffers.
type step struct {
	*plan
	args []*step
	col  *Column
	out  vec
	// A yes/no step of one text field and constants has its answer for
	// each of the field's values (plan_text.go): lut[code], and
	// lut[len(Dict)] for a missing one; text is that field.
	lut  []uint8
	text *Column
}

// bind resolves the plan's fields in f and allocates its buffers. A
// constant's buffer is filled once here.
func (p *plan) bind(f Frame) (*step, error) {
	s := &step{plan: p, out: newVec(p.kind)}
	for _, a := range p.args {
		as, err := a.bind(f)
		if err != nil {
			return nil, err
		}
		s.args = append(s.args, as)
	}
	switch p.op {
	case opField:
		s.col = f[p.field]
		if s.col == nil || s.col.Kind != p.kind {
			return nil, fmt.Errorf("internal error: field %q is not a %s column of the frame", p.field, p.kind)
		}
	case opConst:
		for i := range batchSize {
			switch p.kind {
			case Bool:
				s.out.b[i] = b2u(p.flag)
			case Number:
				s.out.num[i] = p.num
			case Date:
				s.out.date[i] = p.day
			case Text:
				s.out.text[i] = p.text
			}
		}
	}
	s.tabulate()
	return s, nil
}

// run evaluates the step for the rows of one batch into s.out.
func (s *step) run(rows []int32) {
	if s.lut != nil {
		s.lookUp(rows)
		return
	}
	for _, a := range s.args {
		a.run(rows)
	}
	if s.op == opField {
		s.gather(rows)
		return
	}
	s.apply(len(rows))
}

// apply computes the step's value for n rows from its arguments' values.
func (s *step) apply(n int) {
	switch s.op {
	case opCompare:
		compare(s.cmp, s.args[0].out, s.args[1].out, s.out, n)
	case opIsNil: // x == nil is x's miss; x != nil its opposite
		x, flip := s.args[0].out.miss[:n], b2u(s.flag)
		for i, m := range x {
			s.out.b[i] = m ^ flip
		}
	case opNot:
		x := s.args[0].out
		for i := range n {
			s.out.b[i], s.out.miss[i] = x.b[i]^1, x.miss[i]
		}
	case opNeg:
		x := s.args[0].out
		for i := range n {
			s.out.num[i], s.out.miss[i] = -x.num[i], x.miss[i]
		}
	case opAnd, opOr:
		kleene(s.op == opOr, s.args[0].out, s.args[1].out, s.out, n)
	case opIn:
		s.in(n)
	case opCoalesce:
		coalesce(s.kind, s.args[0].out, s.args[1].out, s.out, n)
	case opBetween:
		between7(s.num, s.args[0].out, s.args[1].out, s.out, n)
	case opText:
		textOp(s.cmp, s.args[0].out.text[:n], s.args[1].out.text[:n], s.out.b)
	}
}

// gather copies the column's values at rows; text is never missing (a
// blank cell is "", as in a row).
func (s *step) gather(rows []int32) {
	c, out := s.col, s.out
	if c.Missing == nil {
		clear(out.miss[:len(rows)])
	} else {
		for i, r := range rows {
			out.miss[i] = b2u(c.Missing[r])
		}
	}
	switch s.kind {
	case Bool:
		for i, r := range rows {
			out.b[i] = b2u(c.Bool[r])
		}
	case Number:
		for i, r := range rows {
			out.num[i] = c.Num[r]
		}
	case Date:
		for i, r := range rows {
			out.date[i] = c.Days[r]
		}
	case Text:
		for i, r := range rows {
			if out.miss[i] != 0 {
				out.text[i], out.miss[i] = "", 0
			} else {
				out.text[i] = c.Dict[c.Codes[r]]
			}
		}
	}
}

// kleene is three-valued && (or ||): a side that decides decides, else
// the value is missing when either side is.
func kleene(or bool, l, r, out vec, n int) {
	o := b2u(or)
	for i := range n {
		lm, rm := l.miss[i], r.miss[i]
		decides := (lm^1)&^(l.b[i]^o) | (rm^1)&^(r.b[i]^o)
		decides &= 1
		out.miss[i] = (decides ^ 1) & (lm | rm)
		out.b[i] = (decides ^ o ^ 1) & (out.miss[i] ^ 1)
	}
}

func (s *step) in(n int) {
	x := s.args[0].out
	for i := range n {
		var found uint8
		switch s.args[0].kind {
		case Number:
			for _, v := range s.nums {
				found |= b2u(x.num[i] == v)
			}
		case Text:
			for _, v := range s.texts {
				found |= b2u(x.text[i] == v)
			}
		case Bool:
			for _, v := range s.bools {
				found |= b2u(x.b[i] == b2u(v))
			}
		}
		s.out.b[i], s.out.miss[i] = found, x.miss[i]
	}
}

func coalesce(k Kind, l, r, out vec, n int) {
	for i := range n {
		src := l
		if l.miss[i] != 0 {
			src = r
		}
		out.miss[i] = src.miss[i]
		switch k {
		case Bool:
			out.b[i] = src.b[i]
		case Number:
			out.num[i] = src.num[i]
		case Date:
			out.date[i] = src.date[i]
		case Text:
			out.text[i] = src.text[i]
		}
	}
}

// between7 is weeks (unit 7) or days (unit 1) from a to b, computed as
// functions.go's between does.
func between7(unit float64, a, b, out vec, n int) {
	for i := range n {
		if a.miss[i]|b.miss[i] != 0 || a.date[i] == NoDay || b.date[i] == NoDay {
			out.num[i], out.miss[i] = 0, 1
			continue
		}
		// whole days: exactly what the times' Sub(…).Hours()/24 gives
		out.num[i], out.miss[i] = float64(int64(b.date[i])-int64(a.date[i]))/unit, 0
	}
}

// textOp is expr's contains, startsWith and endsWith (the strings package).
func textOp(op string, l, r []string, out []uint8) {
	f := strings.Contains
	switch op {
	case "startsWith":
		f = strings.HasPrefix
	case "endsWith":
		f = strings.HasSuffix
	}
	for i := range l {
		out[i] = b2u(f(l[i], r[i]))
	}
}

// b2u is 1 for true, 0 for false (compiled without a branch).
func b2u(b bool) uint8 {
	var u uint8
	if b {
		u = 1
	}
	return u
}
