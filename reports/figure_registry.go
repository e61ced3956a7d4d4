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
	{Name: "outcomes", Section: "outcomes", Title: func(t *Text) string { return t.Outcomes }, Build: outcomeFigure, Alt: outcomesAlt, Height: 110},
	{Name: "sites", Section: "strata", Title: func(t *Text) string { return t.ByStratum }, Build: sitesFigure, Alt: sitesAlt, Height: 115},
	{Name: "exits", Section: "exits", Title: func(t *Text) string { return t.Exits }, Build: exitsFigure, Alt: exitsAlt, Height: 100},
	{Name: "sensitivity", Section: "sensitivity", Title: func(t *Text) string { return t.Sensitivity }, Build: sensitivityFigure, Alt: sensitivityAlt, Height: 150},
}

func figureByName(name string) (figureSpec, bool) {
	for _, f := range figureRegistry {
		if f.Name == name {
			return f, true
		}
	}
	return figureSpec{}, false
}

// The alt texts say what kind of figure it is and what it shows; the
// numbers it draws are in the table that follows it.

func flowAlt(r *results.Results, t *Text) string {
	return fmt.Sprintf(t.Pick("Flowdiagram: %s rækker i udtrækket, %s udeladt, %s med i opgørelsen, fordelt på deres status.",
		"Flow diagram: %s rows in the extract, %s excluded, %s included, by status."),
		Int(t.Lang, r.Flow.RowsRead), Int(t.Lang, r.Flow.RowsRead-r.Flow.Included), Int(t.Lang, r.Flow.Included)) + " " + t.Pick(dataBelowDA, dataBelowEN)
}

const (
	dataBelowDA = "Tallene står i tabellen under figuren."
	dataBelowEN = "The numbers are in the table below the figure."
)

func retentionAlt(r *results.Results, t *Text) string {
	s := t.Pick("Kurve over andelen, der stadig er i forløb, efter antal uger fra start, med konfidensbånd",
		"Curve of the share still in the programme by weeks since entry, with confidence bands")
	if len(r.Retention.States) > 0 {
		s = t.Pick("Arealdiagram over andelen i forløb og andelen, der er gået ud på hver måde, efter antal uger fra start",
			"Area chart of the share still in the programme and the share who left each way, by weeks since entry")
	}
	if n := len(r.Retention.ByStratum); n > 0 {
		s += fmt.Sprintf(t.Pick(", én kurve for hver af %d grupper", ", one curve for each of %d groups"), n)
	}
	return s + ". " + t.Pick(dataBelowDA, dataBelowEN)
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
	return fmt.Sprintf(t.Pick("Søjlediagram over andelen for hvert resultatmål med %s: %s.",
		"Bar chart of the share for each outcome measure with %s: %s."), t.Interval, strings.Join(parts, "; ")) + " " + t.Pick(dataBelowDA, dataBelowEN)
}

func sitesAlt(r *results.Results, t *Text) string {
	return fmt.Sprintf(t.Pick("Punktdiagram for hvert resultatmål: andelen med %s for hver af %d grupper og samlet.",
		"Dot plot for each outcome measure: the share with %s for each of %d groups and in all."), t.Interval, len(r.ByStratum)) + " " + t.Pick(dataBelowDA, dataBelowEN)
}

func exitsAlt(r *results.Results, t *Text) string {
	if r.Exits == nil {
		return t.Pick("Kurver over den kumulerede andel, der er gået ud af forløbet på hver måde, efter antal uger fra start.",
			"Curves of the cumulative share who left the programme each way, by weeks since entry.") + " " + t.Pick(dataBelowDA, dataBelowEN)
	}
	return fmt.Sprintf(t.Pick("Søjlediagram over andelen for hver af %d afgangsårsager med %s.",
		"Bar chart of the share for each of %d exit categories with %s."), len(r.Exits.Categories), t.Interval) + " " + t.Pick(dataBelowDA, dataBelowEN)
}

func sensitivityAlt(r *results.Results, t *Text) string {
	return fmt.Sprintf(t.Pick("Punktdiagram for hvert resultatmål: hovedanalysen og %d varianter med %s.",
		"Dot plot for each outcome measure: the main analysis and %d variants with %s."), len(r.Sensitivity), t.Interval) + " " + t.Pick(dataBelowDA, dataBelowEN)
}
