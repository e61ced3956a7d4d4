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

// headline is the interval the report quotes: the first defined one (the
// config's first bootstrap method, else its stated fallback).
func headline(m Measure) *Interval {
	for i := range m.Intervals {
		if m.Intervals[i].Low != nil && m.Intervals[i].High != nil {
			return &m.Intervals[i]
		}
	}
	return nil
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
