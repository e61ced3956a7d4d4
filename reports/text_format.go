package reports

import "fmt"

// Formatting of figures for the text pages; ".." marks a suppressed cell.

const suppressedMark = ".."

func (d *doc) count(n *int) string {
	if n == nil {
		return suppressedMark
	}
	return Int(d.t.Lang, *n)
}

func (d *doc) fraction(m Measure) string {
	return d.count(m.Count) + " / " + d.count(m.Denominator)
}

func (d *doc) share(m Measure) string {
	if m.Estimate == nil {
		return suppressedMark
	}
	return Percent(d.t.Lang, *m.Estimate, 1)
}

// intervalText: "27,7–43,1 %".
func (d *doc) intervalText(iv *Interval) string {
	if iv == nil || iv.Low == nil || iv.High == nil {
		return suppressedMark
	}
	lo := Decimal(d.t.Lang, 100**iv.Low, 1)
	return lo + "–" + Percent(d.t.Lang, *iv.High, 1)
}

func (d *doc) intervalOf(m Measure) string {
	if m.Suppressed {
		return suppressedMark
	}
	return d.intervalText(headline(m))
}

// Headline is the interval the report quotes and judges targets by: the
// first defined one (the config's first bootstrap method, else its stated
// fallback); nil when none is.
func Headline(ivs []Interval) *Interval {
	for i := range ivs {
		if ivs[i].Low != nil && ivs[i].High != nil {
			return &ivs[i]
		}
	}
	return nil
}

func headline(m Measure) *Interval { return Headline(m.Intervals) }

// shown returns a measure's estimate and headline interval (the estimate
// itself where no interval is defined); ok is false when it is hidden.
func shown(m Measure) (est, lo, hi float64, ok bool) {
	if m.Suppressed || m.Estimate == nil {
		return 0, 0, 0, false
	}
	est, lo, hi = *m.Estimate, *m.Estimate, *m.Estimate
	if iv := headline(m); iv != nil {
		lo, hi = *iv.Low, *iv.High
	}
	return est, lo, hi, true
}

func (d *doc) targetText(g *Target) string {
	switch {
	case g == nil:
		return d.t.NoTarget
	case g.AtLeast != nil:
		return d.t.AtLeast + " " + Percent(d.t.Lang, *g.AtLeast, 0)
	case g.AtMost != nil:
		return d.t.AtMost + " " + Percent(d.t.Lang, *g.AtMost, 0)
	}
	return d.t.NoTarget
}

func (d *doc) verdict(g *Target) string {
	if g == nil {
		return ""
	}
	switch g.Verdict {
	case "met":
		return d.t.Met
	case "not met":
		return d.t.NotMet
	case "uncertain":
		return d.t.Uncertain
	case "suppressed":
		return suppressedMark
	}
	return g.Verdict
}

func (d *doc) methodName(iv Interval) string {
	s := iv.Method
	if iv.Rule != "" {
		s += fmt.Sprintf(" (%s)", iv.Rule)
	}
	return s
}
