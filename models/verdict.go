package models

// Verdict is what an interval says about a target.
type Verdict string

// The verdicts, as results.json writes them.
const (
	// VerdictMet: the whole interval meets the target.
	VerdictMet Verdict = "met"
	// VerdictNotMet: no part of the interval meets it.
	VerdictNotMet Verdict = "not met"
	// VerdictUncertain: the interval straddles the target, or there is none.
	VerdictUncertain Verdict = "uncertain"
	// VerdictSuppressed: the measure is hidden by disclosure control.
	VerdictSuppressed Verdict = "suppressed"
)

// JudgeTarget judges a target by an interval [lo, hi]: met when all of
// it meets the target, not met when none of it does, otherwise uncertain;
// uncertain too when there is no interval (defined false).
func JudgeTarget(t Target, lo, hi float64, defined bool) Verdict {
	if !defined {
		return VerdictUncertain
	}
	switch {
	case t.meets(lo) && t.meets(hi):
		return VerdictMet
	case !t.meets(lo) && !t.meets(hi):
		return VerdictNotMet
	}
	return VerdictUncertain
}
