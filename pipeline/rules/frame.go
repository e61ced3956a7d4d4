package rules

import (
	"fmt"
	"math"
	"time"
)

// Column is one field's values, one entry per row in the slice of its
// kind (Codes, Num, Date or Days, or Bool). Missing marks missing values; nil means
// none is. A missing text is "", as in a row.
type Column struct {
	Kind Kind
	// Text is dictionary-encoded: row i holds Dict[Codes[i]].
	Codes []uint32
	Dict  []string
	Num   []float64
	Date  []time.Time
	// Days is a date column held as the extract holds it, when Date is
	// nil: days since 1970-01-01 (UTC), NoDay for none.
	Days    []int32
	Bool    []bool
	Missing []bool
}

// NoDay is a date in Column.Days that is missing: the zero time.
const NoDay = math.MinInt32

// dateAt is row i of a date column.
func (c *Column) dateAt(i int) time.Time {
	if c.Date == nil && c.Days != nil {
		return dayTime(c.Days[i])
	}
	return c.Date[i]
}

// dayTime is midnight UTC of day d, or the zero time for NoDay.
func dayTime(d int32) time.Time {
	if d == NoDay {
		return time.Time{}
	}
	return time.Unix(int64(d)*86400, 0).UTC()
}

// Frame is the fields a rule may read, by name, as columns of equal length.
// It holds every field of a row (rules only read theirs, but an error
// message is scrubbed of every text in the row).
type Frame map[string]*Column

// Result holds a rule's value for each row it ran on: Bool or Date by the
// rule's kind, OK false where the value is missing.
type Result struct {
	Bool []bool
	Date []time.Time
	OK   []bool
}

// Planned reports whether the rule runs column-wise (plan.go) rather than
// through expr row by row.
func (r *Rule) Planned() bool { return r.plan != nil }

// Run evaluates a yes/no or date rule on the given rows of f (indices
// into its columns, in increasing order) into res, whose slices it sizes.
// Run stops at the first row the rule fails on (only a rule without a plan
// can) and returns that row's position in rows with the *RunError, as Eval
// would on that row; res then holds the rows before it.
func (r *Rule) Run(f Frame, rows []int, res *Result) (int, error) {
	res.OK = resize(res.OK, len(rows))
	switch r.Kind {
	case Bool:
		res.Bool = resize(res.Bool, len(rows))
	case Date:
		res.Date = resize(res.Date, len(rows))
	default:
		return 0, fmt.Errorf("%s %q: internal error: Run on a %s rule", r.What, r.Source, r.Kind)
	}
	if r.plan == nil {
		return r.runRows(f, rows, res)
	}
	s, err := r.plan.bind(f)
	if err != nil {
		return 0, fmt.Errorf("%s %q: %w", r.What, r.Source, err)
	}
	for lo := 0; lo < len(rows); lo += batchSize {
		batch := rows[lo:min(lo+batchSize, len(rows))]
		s.run(batch)
		s.out.store(r.Kind, res, lo, len(batch))
	}
	return len(rows), nil
}

// store writes n values of v into res from position lo: a date that is
// zero is missing, as in Eval.
func (v vec) store(k Kind, res *Result, lo, n int) {
	ok := res.OK[lo : lo+n]
	for i := range ok {
		ok[i] = v.miss[i] == 0
	}
	if k == Bool {
		out := res.Bool[lo : lo+n]
		for i := range out {
			out[i] = v.b[i]&^v.miss[i] != 0
		}
		return
	}
	out := res.Date[lo : lo+n]
	copy(out, v.date[:n]) // in bulk: a time holds a pointer, and GC watches each one written
	for i, t := range out {
		if !ok[i] || t.IsZero() {
			out[i], ok[i] = time.Time{}, false
		}
	}
}

// RowByRow returns the rule without its plan: Run then evaluates it
// through expr row by row (to compare the two).
func (r *Rule) RowByRow() *Rule {
	cp := *r
	cp.plan = nil
	return &cp
}

// runRows evaluates the rule through expr, row by row, on a row map filled
// from f as the pipeline's rows are: a missing text is "", any other
// missing value nil.
func (r *Rule) runRows(f Frame, rows []int, res *Result) (int, error) {
	row := make(map[string]any, len(f))
	for k, i := range rows {
		for name, c := range f {
			row[name] = c.value(i)
		}
		v, ok, err := r.Eval(row)
		if err != nil {
			return k, err
		}
		if r.Kind == Bool {
			b, isBool := v.(bool)
			res.Bool[k], res.OK[k] = ok && isBool && b, ok && isBool
		} else {
			t, isTime := v.(time.Time)
			if !ok || !isTime {
				t = time.Time{}
			}
			res.Date[k], res.OK[k] = t, ok && isTime
		}
	}
	return len(rows), nil
}

// value is row i of the column as a row map holds it.
func (c *Column) value(i int) any {
	if c.Missing != nil && c.Missing[i] {
		if c.Kind == Text {
			return ""
		}
		return nil
	}
	switch c.Kind {
	case Number:
		return c.Num[i]
	case Date:
		return c.dateAt(i)
	case Bool:
		return c.Bool[i]
	}
	return c.Dict[c.Codes[i]]
}

func resize[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}
