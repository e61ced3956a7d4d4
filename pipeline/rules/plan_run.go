package rules

import (
	"fmt"
	"strings"
	"time"
)

// batchSize is how many rows a plan evaluates at a time: its buffers stay
// in the CPU's cache, whatever the number of rows.
const batchSize = 4096

// vec is a plan node's values for one batch. Missing is set where the
// value is missing (never for text); only the slice of the node's kind is
// used.
type vec struct {
	b    []bool
	num  []float64
	date []time.Time
	text []string
	miss []bool
}

func newVec(k Kind) vec {
	v := vec{miss: make([]bool, batchSize)}
	switch k {
	case Bool:
		v.b = make([]bool, batchSize)
	case Number:
		v.num = make([]float64, batchSize)
	case Date:
		v.date = make([]time.Time, batchSize)
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
				s.out.b[i] = p.flag
			case Number:
				s.out.num[i] = p.num
			case Date:
				s.out.date[i] = p.date
			case Text:
				s.out.text[i] = p.text
			}
		}
	}
	return s, nil
}

// run evaluates the step for the rows of one batch into s.out.
func (s *step) run(rows []int) {
	n := len(rows)
	for _, a := range s.args {
		a.run(rows)
	}
	switch s.op {
	case opField:
		s.gather(rows)
	case opCompare:
		compare(s.cmp, s.args[0].out, s.args[1].out, s.out, n)
	case opIsNil:
		x := s.args[0].out.miss[:n]
		for i, m := range x {
			s.out.b[i] = m != s.flag
		}
	case opNot:
		x := s.args[0].out
		for i := range n {
			s.out.b[i], s.out.miss[i] = !x.b[i], x.miss[i]
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
func (s *step) gather(rows []int) {
	c, out := s.col, s.out
	if c.Missing == nil {
		clear(out.miss[:len(rows)])
	} else {
		for i, r := range rows {
			out.miss[i] = c.Missing[r]
		}
	}
	switch s.kind {
	case Bool:
		for i, r := range rows {
			out.b[i] = c.Bool[r]
		}
	case Number:
		for i, r := range rows {
			out.num[i] = c.Num[r]
		}
	case Date:
		for i, r := range rows {
			out.date[i] = c.Date[r]
		}
	case Text:
		for i, r := range rows {
			if out.miss[i] {
				out.text[i], out.miss[i] = "", false
			} else {
				out.text[i] = c.Text[r]
			}
		}
	}
}

// kleene is three-valued && (or ||): a side that decides decides, else
// the value is missing when either side is.
func kleene(or bool, l, r, out vec, n int) {
	for i := range n {
		switch {
		case !l.miss[i] && l.b[i] == or, !r.miss[i] && r.b[i] == or:
			out.b[i], out.miss[i] = or, false
		case l.miss[i] || r.miss[i]:
			out.b[i], out.miss[i] = false, true
		default:
			out.b[i], out.miss[i] = !or, false
		}
	}
}

func (s *step) in(n int) {
	x := s.args[0].out
	for i := range n {
		found := false
		switch s.args[0].kind {
		case Number:
			for _, v := range s.nums {
				found = found || x.num[i] == v
			}
		case Text:
			for _, v := range s.texts {
				found = found || x.text[i] == v
			}
		case Bool:
			for _, v := range s.bools {
				found = found || x.b[i] == v
			}
		}
		s.out.b[i], s.out.miss[i] = found, x.miss[i]
	}
}

func coalesce(k Kind, l, r, out vec, n int) {
	for i := range n {
		src, j := l, i
		if l.miss[i] {
			src = r
		}
		out.miss[i] = src.miss[j]
		switch k {
		case Bool:
			out.b[i] = src.b[j]
		case Number:
			out.num[i] = src.num[j]
		case Date:
			out.date[i] = src.date[j]
		case Text:
			out.text[i] = src.text[j]
		}
	}
}

// between7 is weeks (unit 7) or days (unit 1) from a to b, computed as
// functions.go's between does.
func between7(unit float64, a, b, out vec, n int) {
	for i := range n {
		if a.miss[i] || b.miss[i] || a.date[i].IsZero() || b.date[i].IsZero() {
			out.num[i], out.miss[i] = 0, true
			continue
		}
		out.num[i], out.miss[i] = b.date[i].Sub(a.date[i]).Hours()/24/unit, false
	}
}

// textOp is expr's contains, startsWith and endsWith (the strings package).
func textOp(op string, l, r []string, out []bool) {
	f := strings.Contains
	switch op {
	case "startsWith":
		f = strings.HasPrefix
	case "endsWith":
		f = strings.HasSuffix
	}
	for i := range l {
		out[i] = f(l[i], r[i])
	}
}
