package rules

import (
	"fmt"
	"math"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm/runtime"
)

// functions are the helpers DESIGN.md §4 promises in expressions. Each
// returns nil (missing) when an argument is missing.
var functions = []expr.Option{
	// now() would make a report depend on the day it was run.
	expr.DisableBuiltin("now"),
	expr.Function("date", dateFn, new(func(string) time.Time)),
	expr.Function("weeks", func(p ...any) (any, error) { return between(p, 7) }, new(func(time.Time, time.Time) float64)),
	expr.Function("days", func(p ...any) (any, error) { return between(p, 1) }, new(func(time.Time, time.Time) float64)),

	// Division and powers, which the rewrite in missing.go always calls instead
	// of expr's operators: a missing operand, a zero divisor or a result that
	// is not a finite number gives missing (not an infinity or a failed run).
	// The '#' keeps them out of reach of a config: the lexer never gives it.
	expr.Function("#div", arith(func(a, b any) any { return runtime.Divide(a, b) })),
	expr.Function("#pow", arith(func(a, b any) any { return runtime.Exponent(a, b) })),
	expr.Function("#mod", arith(func(a, b any) any {
		if runtime.ToInt(b) == 0 {
			return nil
		}
		return runtime.Modulo(a, b)
	})),
}

// arithmetic maps expr's operators to the functions above.
var arithmetic = map[string]string{"/": "#div", "%": "#mod", "**": "#pow", "^": "#pow"}

func arith(op func(a, b any) any) func(p ...any) (any, error) {
	return func(p ...any) (any, error) {
		if p[0] == nil || p[1] == nil {
			return nil, nil
		}
		v := op(p[0], p[1])
		if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
			return nil, nil
		}
		return v, nil
	}
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
