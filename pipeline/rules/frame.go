package rules

import (
	"fmt"
	"time"

	"github.com/danish-eval/evaluate/pipeline/extract"
)

// Column is one field's values, one entry per row in the slice of its
// kind (Codes, Num, Days, or Bool). Missing marks missing values; nil means
// none is. A missing text is "", as in a row.
type Column struct {
	Kind Kind
	// Text is dictionary-encoded: row i holds Dict[Codes[i]].
	Codes []uint32
	Dict  []string
	Num   []float64
	// Days is a date column held as the extract holds it: days since
	// 1970-01-01 (UTC), NoDay for none. Every date a rule sees or makes is
	// a calendar day, so a day is all a date needs, and nothing in it is
	// a pointer for the collector to scan.
	Days    []int32
	Bool    []bool
	Missing []bool
}

// NoDay is a date in Column.Days that is missing: the zero time. It is
// below every other day, as the zero time is before every other time, so
// days compare as the times they stand for. Days are the extract's: one
// definition, so a rule reads a column's days as they were typed.
const NoDay = extract.NoDay

// DayTime is midnight UTC of day d, or the zero time for NoDay.
func DayTime(d int32) time.Time { return extract.DayTime(d) }

// DayOf is the calendar day (UTC) of t, NoDay for the zero time. A time of
// day is dropped: only an expression run through expr (say entry +
// duration("12h")) can make one, and rules compare calendar dates, as the
// extract does when a cell holds a time.
func DayOf(t time.Time) int32 { return extract.DayOf(t) }

// Frame is the fields a rule may read, by name, as columns of equal length.
// It holds every field of a row (rules only read theirs, but an error
// message is scrubbed of every text in the row).
type Frame map[string]*Column

// Result holds a rule's value for each row it ran on: Bool or Days by the
// rule's kind (a date as in Column.Days), OK false where the value is
// missing.
type Result struct {
	Bool []bool
	Days []int32
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
func (r *Rule) Run(f Frame, rows []int32, res *Result) (int, error) {
	res.OK = resize(res.OK, len(rows))
	switch r.Kind {
	case Bool:
		res.Bool = resize(res.Bool, len(rows))
	case Date:
		res.Days = resize(res.Days, len(rows))
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
	out := res.Days[lo : lo+n]
	for i, d := range v.date[:n] {
		missing := !ok[i] || d == NoDay
		out[i], ok[i] = d, !missing
		if missing {
			out[i] = NoDay
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
func (r *Rule) runRows(f Frame, rows []int32, res *Result) (int, error) {
	row := make(map[string]any, len(f))
	for k, i := range rows {
		for name, c := range f {
			row[name] = c.value(int(i))
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
			res.Days[k], res.OK[k] = DayOf(t), ok && isTime
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
		return DayTime(c.Days[i])
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
