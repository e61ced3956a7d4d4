package rules

import (
	"fmt"
	"time"

	"github.com/expr-lang/expr"
)

// functions are the helpers DESIGN.md §4 promises in expressions. Each
// returns nil (missing) when an argument is missing.
var functions = []expr.Option{
	expr.Function("date", dateFn, new(func(string) time.Time)),
	expr.Function("weeks", func(p ...any) (any, error) { return between(p, 7) }, new(func(time.Time, time.Time) float64)),
	expr.Function("days", func(p ...any) (any, error) { return between(p, 1) }, new(func(time.Time, time.Time) float64)),
}

func dateFn(p ...any) (any, error) {
	s, _ := p[0].(string)
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return nil, fmt.Errorf("date(%q): expected yyyy-mm-dd", s)
	}
	return t, nil
}

// between gives the time from a to b in units of `days` days.
func between(p []any, days float64) (any, error) {
	a, okA := p[0].(time.Time)
	b, okB := p[1].(time.Time)
	if !okA || !okB || a.IsZero() || b.IsZero() {
		return nil, nil
	}
	return b.Sub(a).Hours() / 24 / days, nil
}
