package reports

import (
	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/models/results"
)

// Formatting of figures for the text pages; ".." marks a suppressed cell.

const suppressedMark = ".."

func (d *doc) count(n *int) string { return d.t.count(n) }

func (t *Text) count(n *int) string {
	if n == nil {
		return suppressedMark
	}
	return Int(t.Lang, *n)
}

// intervalText: "27,7–43,1 %".
func (t *Text) intervalText(iv *results.Interval) string {
	if iv == nil || iv.Low == nil || iv.High == nil {
		return suppressedMark
	}
	lo := Decimal(t.Lang, 100**iv.Low, 1)
	return lo + "–" + Percent(t.Lang, *iv.High, 1)
}

func headline(m results.Measure) *results.Interval { return results.Headline(m.Intervals) }

// shown returns a measure's estimate and headline interval (the estimate
// itself where no interval is defined); ok is false when it is hidden.
func shown(m results.Measure) (est, lo, hi float64, ok bool) {
	if m.Suppressed || m.Estimate == nil {
		return 0, 0, 0, false
	}
	est, lo, hi = *m.Estimate, *m.Estimate, *m.Estimate
	if iv := headline(m); iv != nil {
		lo, hi = *iv.Low, *iv.High
	}
	return est, lo, hi, true
}

func (d *doc) targetText(g *results.Target) string { return d.t.TargetText(g) }

// TargetText names a target: "mindst 20 %" (– without one).
func (t *Text) TargetText(g *results.Target) string {
	switch {
	case g == nil:
		return t.NoTarget
	case g.AtLeast != nil:
		return t.AtLeast + " " + Percent(t.Lang, *g.AtLeast, 0)
	case g.AtMost != nil:
		return t.AtMost + " " + Percent(t.Lang, *g.AtMost, 0)
	}
	return t.NoTarget
}

func (d *doc) verdict(g *results.Target) string { return d.t.VerdictText(g) }

// VerdictText is a target's verdict in words ("" without a target).
func (t *Text) VerdictText(g *results.Target) string {
	if g == nil {
		return ""
	}
	switch g.Verdict {
	case models.VerdictMet:
		return t.Met
	case models.VerdictNotMet:
		return t.NotMet
	case models.VerdictUncertain:
		return t.Uncertain
	case models.VerdictSuppressed:
		return suppressedMark
	}
	return string(g.Verdict)
}
