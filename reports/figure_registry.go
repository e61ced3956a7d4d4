package reports

import (
	"fmt"
	"strings"

	"github.com/danish-eval/evaluate/models/results"
)

// figureSpec registers a figure: its name (figures/<name>.png and the HTML
// anchor), the section that places it, its title, how it is built from the
// results (nil when it does not apply), its alt text and its height on the
// page in mm when it does not say. A new figure is one entry here and one
// d.figure(name) call in its section.
type figureSpec struct {
	Name, Section string
	Title         func(t *Text) string
	Build         func(r *results.Results, t *Text) (Figure, error)
	Alt           func(r *results.Results, t *Text) string
	Height        float64
}

var figureRegistry = []figureSpec{
	{Name: "flow", Section: "flow", Title: func(t *Text) string { return t.Flow }, Build: flowFigure, Alt: flowAlt, Height: 120},
	{Name: "retention", Section: "retention", Title: func(t *Text) string { return t.Retention }, Build: retentionFigure, Alt: retentionAlt, Height: 125},
	{Name: "outcomes", Section: "summary", Title: func(t *Text) string { return t.Outcomes }, Build: outcomeFigure, Alt: outcomesAlt, Height: 110},
	{Name: "intake", Section: "intake", Title: func(t *Text) string { return t.Msg("Intake") }, Build: intakeFigure, Alt: intakeAlt, Height: 80},
	{Name: "horizons", Section: "horizons", Title: func(t *Text) string { return t.Msg("Horizons") }, Build: horizonsFigure, Alt: horizonsAlt, Height: 95},
	{Name: "sites", Section: "strata", Title: func(t *Text) string { return t.ByStratum }, Build: sitesFigure, Alt: sitesAlt, Height: 115},
	{Name: "exits", Section: "exits", Title: func(t *Text) string { return t.Exits }, Build: exitsFigure, Alt: exitsAlt, Height: 100},
	{Name: "effect_time", Section: "comparison", Title: func(t *Text) string { return t.Msg("EffectOverTimeTitle") }, Build: effectTimeFigure, Alt: effectTimeAlt, Height: 85},
	{Name: "love", Section: "comparison", Title: func(t *Text) string { return t.Msg("ComparisonBalance") }, Build: loveFigure, Alt: loveAlt, Height: 80},
	{Name: "overlap", Section: "comparison", Title: func(t *Text) string { return t.Msg("Overlap") }, Build: overlapFigure, Alt: overlapAlt, Height: 60},
	{Name: "sensitivity", Section: "sensitivity", Title: func(t *Text) string { return t.Sensitivity }, Build: sensitivityFigure, Alt: sensitivityAlt, Height: 150},
}

// figureByName is the registered figure name, or the one a further
// strata field's figure draws again (named after it: sites_gender).
func figureByName(name string) (figureSpec, bool) {
	kind := figureKind(name)
	for _, f := range figureRegistry {
		if f.Name == kind {
			if name != kind && kind == "retention" { // by a further field's groups
				f.Title = func(t *Text) string { return t.Retention + " – " + t.Stratum }
			}
			f.Name = name
			return f, true
		}
	}
	return figureSpec{}, false
}

// The alt texts say what kind of figure it is and what it shows; the
// section adds where the table of the numbers it draws is.

func flowAlt(r *results.Results, t *Text) string {
	return fmt.Sprintf(t.Msg("flowAlt.1"),
		Int(t.Lang, r.Flow.RowsRead), Int(t.Lang, r.Flow.RowsRead-r.Flow.Included), Int(t.Lang, r.Flow.Included))
}

func retentionAlt(r *results.Results, t *Text) string {
	s := t.Msg("retentionAlt.1")
	if len(r.Retention.States) > 0 {
		s = t.Msg("retentionAlt.2")
	}
	if n := len(r.Retention.ByStratum); n > 0 {
		s += fmt.Sprintf(t.Msg("retentionAlt.3"), n)
	}
	return s + "."
}

func outcomesAlt(r *results.Results, t *Text) string {
	var parts []string
	for _, m := range r.Measures {
		v := suppressedMark
		if m.Estimate != nil && !m.Suppressed {
			v = Percent(t.Lang, *m.Estimate, 1)
		}
		if g := m.Target; g != nil && g.AtLeast != nil {
			v += " (" + targetLabel(t, *g.AtLeast) + ")"
		}
		parts = append(parts, m.Label+" "+v)
	}
	return fmt.Sprintf(t.Msg("outcomesAlt.1"), t.Interval, strings.Join(parts, "; "))
}

func sitesAlt(r *results.Results, t *Text) string {
	return fmt.Sprintf(t.Msg("sitesAlt.1"), t.Interval, len(r.ByStratum))
}

func exitsAlt(r *results.Results, t *Text) string {
	if r.Exits == nil {
		return t.Msg("exitsAlt.1")
	}
	return fmt.Sprintf(t.Msg("exitsAlt.2"), len(r.Exits.Categories), t.Interval)
}

func sensitivityAlt(r *results.Results, t *Text) string {
	return fmt.Sprintf(t.Msg("sensitivityAlt.1"), len(r.Sensitivity), t.Interval)
}
