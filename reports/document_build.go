package reports

import "fmt"

// BuildFigures turns the (disclosed) results into the report's figures.
// Figures that do not apply stay nil; suppressed values are passed as
// suppressed, so no figure ever sees a hidden number.
func BuildFigures(r *Results) (Figures, error) {
	t := TextFor(r.Cohort.Language)
	var f Figures
	var err error
	if f.Outcomes, err = outcomeFigure(r, t); err != nil {
		return f, fmt.Errorf("outcomes figure: %w", err)
	}
	return f, nil
}

func outcomeFigure(r *Results, t *Text) (Figure, error) {
	if len(r.Measures) == 0 {
		return nil, nil
	}
	d := OutcomeBarsData{Labels: Labels{Lang: t.Lang, X: t.Share}}
	for _, m := range r.Measures {
		b := OutcomeBar{Label: m.Label, Suppressed: m.Suppressed || m.Estimate == nil}
		if !b.Suppressed {
			b.Estimate, b.Low, b.High = *m.Estimate, *m.Estimate, *m.Estimate
			if iv := headline(m); iv != nil {
				b.Low, b.High = *iv.Low, *iv.High
			}
		}
		if g := m.Target; g != nil && g.AtLeast != nil {
			b.Target = &BarTarget{Share: *g.AtLeast, Label: map[string]string{"da": "mål", "en": "target"}[t.Lang] + " " + Percent(t.Lang, *g.AtLeast, 0)}
		}
		d.Bars = append(d.Bars, b)
	}
	return NewOutcomeBars(d)
}

// PNGs encodes each figure that applies under its file name.
func PNGs(f Figures) (map[string][]byte, error) {
	out := map[string][]byte{}
	for name, fig := range map[string]Figure{"flow": f.Flow, "retention": f.Retention, "outcomes": f.Outcomes, "sites": f.Sites, "exits": f.Exits} {
		if fig == nil || isNilFigure(fig) {
			continue
		}
		b, err := EncodePNG(fig, 100)
		if err != nil {
			return nil, fmt.Errorf("%s.png: %w", name, err)
		}
		out["figures/"+name+".png"] = b
	}
	return out, nil
}

// isNilFigure catches a typed nil pointer stored in the Figure interface.
func isNilFigure(f Figure) bool {
	switch v := f.(type) {
	case *OutcomeBars:
		return v == nil
	}
	return false
}
