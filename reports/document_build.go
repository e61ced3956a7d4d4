package reports

import (
	"fmt"
	"gonum.org/v1/plot/vg"

	"github.com/danish-eval/evaluate/models/results"
)

// Figures are the report's figures by registry name; a figure that does
// not apply is absent.
type Figures map[string]Figure

// BuildFigures turns the (disclosed) results into the report's figures.
// Suppressed values are passed as suppressed, so no figure ever sees a
// hidden number.
func BuildFigures(r *results.Results) (Figures, error) {
	t := textOf(r)
	figs := Figures{}
	for _, spec := range figureRegistry {
		f, err := spec.Build(r, t)
		if err != nil {
			return nil, fmt.Errorf("%s figure: %w", spec.Name, err)
		}
		if f != nil {
			figs[spec.Name] = f
		}
	}
	if err := buildFieldFigures(r, figs); err != nil {
		return nil, err
	}
	return figs, nil
}

// sensitivityFigure stacks one dot plot per measure: the main analysis and
// each variant with its interval.
func sensitivityFigure(r *results.Results, t *Text) (Figure, error) {
	if len(r.Sensitivity) == 0 || allHidden(r) {
		return nil, nil
	}
	var panels figureStack
	for j, m := range r.Measures {
		d := ForestData{Labels: Labels{Lang: t.Lang, Title: m.Label}, NHeader: t.Count}
		main := forestRow(t, t.MainAnalysis, m)
		if !main.Suppressed {
			// Each variant is read against the main analysis.
			d.Reference = &BarTarget{Share: main.Estimate, Label: t.MainAnalysis}
		}
		d.Rows = append(d.Rows, main)
		for _, v := range r.Sensitivity {
			if j < len(v.Measures) {
				d.Rows = append(d.Rows, forestRow(t, v.Name, v.Measures[j]))
			}
		}
		fig, err := NewForestPlot(d)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", m.ID, err)
		}
		panels = append(panels, fig)
	}
	return panels, nil
}

// sitesFigure stacks one forest plot per measure: each stratum and the pooled value.
func sitesFigure(r *results.Results, t *Text) (Figure, error) {
	if len(r.ByStratum) == 0 || allHidden(r) {
		return nil, nil
	}
	var panels figureStack
	for j, m := range r.Measures {
		d := ForestData{Labels: Labels{Lang: t.Lang, Title: m.Label}, NHeader: t.Count}
		for _, s := range r.ByStratum {
			d.Rows = append(d.Rows, forestRow(t, t.StratumName(s.Stratum), s.Measures[j]))
		}
		pooled := forestRow(t, t.Pooled, m)
		d.Pooled = &pooled
		if g := m.Target; g != nil && g.AtLeast != nil {
			d.Target = &BarTarget{Share: *g.AtLeast, Label: targetLabel(t, *g.AtLeast)}
		}
		fig, err := NewForestPlot(d)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", m.ID, err)
		}
		panels = append(panels, fig)
	}
	return panels, nil
}

func forestRow(t *Text, label string, m results.Measure) ForestRow {
	row := ForestRow{Label: label, N: countText(t, m.Count) + "/" + countText(t, m.Denominator)}
	var ok bool
	row.Estimate, row.Low, row.High, ok = shown(m)
	row.Suppressed = !ok
	return row
}

// barOf is a measure as a bar: its share and headline interval, or "..".
func barOf(m results.Measure) OutcomeBar {
	b := OutcomeBar{Label: m.Label}
	var ok bool
	b.Estimate, b.Low, b.High, ok = shown(m)
	b.Suppressed = !ok
	return b
}

func targetLabel(t *Text, v float64) string {
	return t.Msg("targetLabel.1") + " " + Percent(t.Lang, v, 0)
}

// exitsFigure draws competing exits over time when retention names them,
// else the categorical exit distribution as bars.
func exitsFigure(r *results.Results, t *Text) (Figure, error) {
	if allHidden(r) {
		return nil, nil
	}
	if ret := r.Retention; ret != nil && len(ret.States) > 0 && r.Exits == nil {
		return exitsOverTime(ret, t)
	}
	if r.Exits == nil {
		return nil, nil
	}
	d := OutcomeBarsData{Labels: Labels{Lang: t.Lang, X: t.Share}}
	for _, m := range r.Exits.Categories {
		b := barOf(m)
		d.Bars = append(d.Bars, b)
	}
	return NewOutcomeBars(d)
}

func flowFigure(r *results.Results, t *Text) (Figure, error) {
	fl := r.Flow
	excluded := 0
	d := FlowData{Read: FlowBox{Label: capitalize(t.RowsRead), Value: Int(t.Lang, fl.RowsRead)},
		Included: FlowBox{Label: capitalize(t.Included), Value: Int(t.Lang, fl.Included)}}
	for _, e := range fl.Excluded {
		excluded += e.Count
		if e.Count > 0 {
			d.Reasons = append(d.Reasons, FlowBox{Label: t.ReasonText(e.Reason), Value: Int(t.Lang, e.Count)})
		}
	}
	d.Excluded = FlowBox{Label: capitalize(t.Excluded), Value: Int(t.Lang, excluded)}
	for i, s := range fl.Status {
		d.Statuses = append(d.Statuses, FlowBox{Label: capitalize(t.Status(s.Status)), Value: countText(t, s.Count)})
		for _, m := range r.Measures {
			if d.Outcome == nil && m.Among == s.Status {
				ofWord := t.Msg("flowFigure.1")
				d.Outcome = &FlowBox{Label: m.Label, Value: countText(t, m.Count) + ofWord + countText(t, m.Denominator)}
				d.OutcomeOf = i
			}
		}
	}
	fig, err := NewFlowDiagram(d)
	if err != nil {
		return nil, err
	}
	return fig, nil
}

func countText(t *Text, n *int) string {
	if n == nil {
		return suppressedMark
	}
	return Int(t.Lang, *n)
}

func retentionFigure(r *results.Results, t *Text) (Figure, error) {
	ret := r.Retention
	if ret == nil || allHidden(r) {
		return nil, nil
	}
	if len(ret.States) > 0 {
		return stateFigure(ret, t)
	}
	d := RetentionData{Labels: Labels{Lang: t.Lang, X: t.RetentionAxis, Y: t.StillIn}, Times: ret.Times(),
		BandLabel: t.Interval, CensorLabel: t.Censored, OthersLabel: t.Msg("retentionFigure.others"),
		Risk: &RiskTable{AtRiskLabel: capitalize(t.AtRisk), LeftLabel: capitalize(t.LeftBy(ret.Event))}}
	add := func(name string, curve []results.CurvePoint, censored []float64, pts []results.RetentionPoint, hidden bool) {
		c := KMCurve{Name: name, CensorT: censored, Suppressed: hidden, T: []float64{0}, S: []float64{1}, Low: []float64{1}, High: []float64{1}}
		for _, p := range curve {
			if p.T == 0 {
				c.T, c.S, c.Low, c.High = c.T[:0], c.S[:0], c.Low[:0], c.High[:0]
			}
			c.T, c.S, c.Low, c.High = append(c.T, p.T), append(c.S, p.S), append(c.Low, p.Low), append(c.High, p.High)
		}
		d.Curves = append(d.Curves, c)
		var atRisk, left []RiskCell
		for _, p := range pts {
			atRisk = append(atRisk, riskCell(p.NRisk, p.Note != ""))
			left = append(left, riskCell(p.NEvent, false))
		}
		d.Risk.AtRisk, d.Risk.Left = append(d.Risk.AtRisk, atRisk), append(d.Risk.Left, left)
	}
	if len(ret.ByStratum) == 0 {
		add("", ret.Curve, ret.Censored, ret.Points, false)
	}
	for i, s := range ret.ByStratum {
		add(t.StratumName(s.Stratum), s.Curve, s.Censored, s.Points, r.ByStratum[i].N == nil)
	}
	fig, err := NewRetentionCurve(d)
	if err != nil {
		return nil, err
	}
	return fig, nil
}

func riskCell(n *int, none bool) RiskCell {
	if n == nil {
		return RiskCell{Suppressed: true}
	}
	return RiskCell{N: *n, NoneAtRisk: none}
}

// allHidden reports whether every measure is suppressed (a cohort under the limit).
func allHidden(r *results.Results) bool {
	for _, m := range r.Measures {
		if !m.Suppressed {
			return false
		}
	}
	return len(r.Measures) > 0
}

func outcomeFigure(r *results.Results, t *Text) (Figure, error) {
	if len(r.Measures) == 0 {
		return nil, nil
	}
	d := OutcomeBarsData{Labels: Labels{Lang: t.Lang, X: t.Share}}
	for _, m := range r.Measures {
		b := barOf(m)
		if g := m.Target; g != nil && g.AtLeast != nil {
			b.Target = &BarTarget{Share: *g.AtLeast, Label: targetLabel(t, *g.AtLeast)}
		}
		d.Bars = append(d.Bars, b)
	}
	return NewOutcomeBars(d)
}

// PNGs encodes each figure the report shows under its file name, with its
// title and a caption, so it stands alone on a slide.
func PNGs(c *Content, r *results.Results) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, f := range PNGFiles(c, r) {
		b, err := f.Encode()
		if err != nil {
			return nil, err
		}
		out[f.Name] = b
	}
	return out, nil
}

// PNGFile is one figure file and how to draw it. Drawing reads the
// content and never changes it, so the files may be drawn in parallel.
type PNGFile struct {
	Name   string // figures/<name>.png
	Encode func() ([]byte, error)
}

// PNGFiles lists the files PNGs writes, to draw them one at a time or in
// parallel.
func PNGFiles(c *Content, r *results.Results) []PNGFile {
	t := textOf(r)
	var out []PNGFile
	for _, f := range c.Figures() {
		fig := slideFigure{inner: f.Figure, title: f.Title, caption: slideCaption(t, r, f.Name, c.Version), height: 100 * vg.Millimeter}
		out = append(out, PNGFile{Name: "figures/" + f.Name + ".png", Encode: func() ([]byte, error) {
			b, err := EncodePNG(fig, 100)
			if err != nil {
				return nil, fmt.Errorf("%s.png: %w", f.Name, err)
			}
			return b, nil
		}})
	}
	return out
}
