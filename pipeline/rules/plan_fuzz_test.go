package rules

import "testing"

// planSeeds are expressions a plan covers, and some it must refuse.
var planSeeds = []string{
	"hours > 0 || education", "!(a && b) || hours >= x", "a == b", "a != false", "hours == x",
	"(hours ?? 0) > 0", "(education ?? false) || a", "end ?? followup", "end ?? date('2021-08-31')",
	"weeks(start, end ?? followup) >= 4", "days(start, end) < 0.5", "-hours < -1", "+x > 0",
	"hours == nil", "nil != end", "(hours > 0) == nil", "(end ?? followup) != nil", "start <= end",
	"start == end", "start > date('2020-01-01')", "reason in ['gennemført', '']", "hours in [0, 1, 3.5]",
	"a in [true]", "hours not in [12]", "reason contains 'ført' || reason startsWith 'af'",
	"reason endsWith 'x' and not a", "reason < 'b' or reason >= 'g'", "9007199254740993 > hours",
	"1 == 1.0", "true", "false || nil", "end ?? nil", "a ? start : end", "hours + 1 > 2",
}

// FuzzPlanRows: any expression with a plan gives, on rows with missing
// values, what expr gives row by row (and expr never fails on it).
func FuzzPlanRows(f *testing.F) {
	for i, s := range append(planSeeds, fuzzSeeds...) {
		f.Add(s, uint64(i))
	}
	f.Fuzz(func(t *testing.T, src string, seed uint64) {
		r := compileAny(src, env3)
		if r == nil || !r.Planned() {
			return
		}
		sameOnFrame(t, r, testFrame(env3, 64, seed, []string{"gennemført", "afbrudt", "b", "g"}))
	})
}
