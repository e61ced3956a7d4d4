package rules

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/expr-lang/expr"
)

var fuzzSeeds = []string{
	"hours > 0 || education", "hours > 0 && education", "!a", "not (a or b)", "a ?: b", "a ? hours : x",
	"hours == nil", "nil != end", "(hours > 0) == nil", "reason == ''", "reason in ['a', 'b']",
	"hours in [1, nil]", "1 in [hours]", "[hours] == [nil]", "hours not in 1..3", "(hours ?? 0.0) + 1",
	"hours / x", "hours % 2", "hours ** x > 1", "-hours", "+x", "abs(hours) > 1 || a", "max(hours, x)",
	"start.Year() == 2020 || b", "start?.Year()", "start.Before(end ?? followup)", "$env.hours > 1",
	"$env['hours'] ?? 1", "hours | abs()", "filter([1, 2], # > hours)", "all([hours, x], {# > 0})",
	"reason[0:2] == 'ge'", "let h = hours; h > 0 || education", "let t = a; t", "nil", "nil ?? a",
	"weeks(start, end) >= 4", "days(start, end ?? followup)", "end ?? followup", "date('2020-06-30') > start",
	"upper(reason) contains 'G'", "len(reason) > 3 && a", "a ? nil : b", "!!a", "-(-hours) >= x",
	"string(hours) startsWith '1'", "int(x) % 0 == 1", "count([a, b], #) > 0", "first([hours, x]) > 1",
	"map([hours], # + 1)[0] > 1", "(a || b) && !(hours < x) || education == false",
}

// FuzzCompileEval compiles random expressions against the env and evaluates
// them on rows with random missing values: nothing may panic or fail
// internally, and on a row with no missing values the result must be what
// expr itself gives.
func FuzzCompileEval(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, uint16(i*2654435761))
	}
	f.Fuzz(func(t *testing.T, src string, seed uint16) {
		for _, kind := range []Kind{Bool, Number, Date, Text} {
			r, err := Compile("fuzz", src, env3, kind)
			if err != nil {
				if strings.Contains(err.Error(), "internal error") {
					t.Fatal(err)
				}
				continue
			}
			full, part := fuzzRow(seed, 0), fuzzRow(seed, seed)
			_, _, _ = r.Eval(fuzzRow(seed, 0xffff))
			// a definite value with missing values stays when they are filled in
			// (not so for the explicit tests: x == nil, ??, lists holding them)
			if v, ok, _ := r.Eval(part); ok && !strings.Contains(src, "nil") && !strings.ContainsAny(src, "?[$") {
				if w, okFull, _ := r.Eval(full); !okFull || !reflect.DeepEqual(v, w) {
					t.Errorf("%s: %v on %v, but %v (ok %v) on %v", src, v, part, w, okFull, full)
				}
			}
			// on a complete row, only division and powers (x / 0 is missing, not
			// an infinity) and a nil in a list (x in [1, nil]) differ from expr
			if !strings.ContainsAny(src, "/%^*") && !strings.Contains(src, "nil") {
				got, ok, _ := r.Eval(full)
				want, wantOK := plainEval(src, full)
				if ok != wantOK || (ok && !reflect.DeepEqual(got, want)) {
					t.Errorf("%s on %v: got %v (ok %v), expr gives %v (ok %v)", src, full, got, ok, want, wantOK)
				}
			}
			return
		}
	})
}

// fuzzRow is a row whose values depend on seed; the fields whose bit is set
// in mask are missing.
func fuzzRow(seed, mask uint16) map[string]any {
	nums := []any{0.0, 12.0, -1.0, 3.5}
	dates := []any{day("2020-01-01"), day("2020-03-01"), day("2021-12-31"), day("2019-06-30")}
	texts := []string{"", "gennemført", "afbrudt", "Gen"}
	pick := func(i int) int { return int(seed>>(2*i)) & 3 }
	row := map[string]any{
		"a": pick(0)&1 == 1, "b": pick(1)&1 == 1, "education": pick(2)&1 == 1,
		"hours": nums[pick(3)], "x": nums[pick(4)], "reason": texts[pick(5)],
		"start": dates[pick(6)], "end": dates[pick(7)], "followup": dates[(pick(7)+1)&3],
	}
	for i, name := range []string{"a", "b", "education", "hours", "x", "start", "end", "followup"} {
		if mask&(1<<i) != 0 {
			row[name] = nil
		}
	}
	return row
}

// plainEval runs src with expr alone, as rules did before missing values
// were handled, with Eval's treatment of the result.
func plainEval(src string, row map[string]any) (any, bool) {
	sample := make(map[string]any, len(env3))
	for name, k := range env3 {
		sample[name] = k.sample()
	}
	prog, err := expr.Compile(src, append([]expr.Option{expr.Env(sample)}, functions...)...)
	if err != nil {
		return nil, false
	}
	out, err := expr.Run(prog, row)
	if err != nil || out == nil {
		return nil, false
	}
	if t, ok := out.(time.Time); ok && t.IsZero() {
		return nil, false
	}
	if f, ok := out.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
		return nil, false
	}
	return out, true
}
