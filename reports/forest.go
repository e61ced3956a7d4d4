package reports

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ForestRow is one row of a forest plot: a share and its interval.
type ForestRow struct {
	Label               string // e.g. the site
	Estimate, Low, High float64
	N                   string // right-hand column, formatted by the caller ("52/148")
	Suppressed          bool   // disclosure control: ".." instead of a point
}

// ForestData is the input of a forest plot.
type ForestData struct {
	Labels Labels // X: "Andel (95 %-KI)"
	Rows   []ForestRow
	Pooled *ForestRow // drawn as a diamond under the rows; nil for none
	Target *BarTarget // vertical dashed line; nil for none
	// Reference is a solid vertical line the rows are read against (the
	// main analysis's estimate in a sensitivity plot); nil for none.
	Reference *BarTarget
	NHeader   string // heading of the right-hand column ("n")
}

// ForestPlot draws a forest plot of shares by stratum with the pooled
// value.
type ForestPlot struct {
	d          ForestData
	xmin, xmax float64
}

// NewForestPlot validates and copies d; values of suppressed rows are
// dropped unread.
func NewForestPlot(d ForestData) (*ForestPlot, error) {
	if len(d.Rows) == 0 && d.Pooled == nil {
		return nil, errors.New("forest plot: no rows")
	}
	f := &ForestPlot{d: d, xmin: math.Inf(1), xmax: math.Inf(-1)}
	f.d.Rows = make([]ForestRow, len(d.Rows))
	check := func(r ForestRow) (ForestRow, error) {
		if r.Suppressed {
			return ForestRow{Label: r.Label, N: r.N, Suppressed: true}, nil
		}
		if err := checkInterval(r.Estimate, r.Low, r.High); err != nil {
			return r, fmt.Errorf("forest plot: %q: %w", r.Label, err)
		}
		f.xmin, f.xmax = math.Min(f.xmin, r.Low), math.Max(f.xmax, r.High)
		return r, nil
	}
	for i, r := range d.Rows {
		var err error
		if f.d.Rows[i], err = check(r); err != nil {
			return nil, err
		}
	}
	if d.Pooled != nil {
		p, err := check(*d.Pooled)
		if err != nil {
			return nil, err
		}
		f.d.Pooled = &p
	}
	if d.Target != nil {
		t := *d.Target
		if err := checkShare(t.Share); err != nil {
			return nil, fmt.Errorf("forest plot: target: %w", err)
		}
		f.d.Target = &t
		f.xmin, f.xmax = math.Min(f.xmin, t.Share), math.Max(f.xmax, t.Share)
	}
	if d.Reference != nil {
		ref := *d.Reference
		if err := checkShare(ref.Share); err != nil {
			return nil, fmt.Errorf("forest plot: reference: %w", err)
		}
		f.d.Reference = &ref
		f.xmin, f.xmax = math.Min(f.xmin, ref.Share), math.Max(f.xmax, ref.Share)
	}
	if f.xmin > f.xmax { // everything suppressed
		f.xmin, f.xmax = 0, 1
	}
	pad := math.Max(0.05, (f.xmax-f.xmin)*0.08)
	f.xmin, f.xmax = math.Max(0, f.xmin-pad), math.Min(1, f.xmax+pad)
	return f, nil
}

// Rows are a unit apart, the first at the top; the pooled row is at 0,
// pooledGap below the last row.
const pooledGap = 1.3

// top is the y coordinate of the first row.
func (f *ForestPlot) top() float64 {
	if f.d.Pooled == nil {
		return float64(len(f.d.Rows) - 1)
	}
	return float64(len(f.d.Rows)-1) + pooledGap
}

// slots is the height of the rows in units.
func (f *ForestPlot) slots() int { return int(math.Ceil(f.top())) + 1 }

// rowPos is the y coordinate of row i.
func (f *ForestPlot) rowPos(i int) float64 { return f.top() - float64(i) }

// Height is the height the plot needs at width w.
func (f *ForestPlot) Height(w vg.Length) vg.Length {
	inner := w - 2*figureMargin
	return 2*figureMargin + titleHeight(f.d.Labels.Title, inner) + vg.Points(70) +
		vg.Length(f.slots())*vg.Points(24)
}

// Draw implements Figure.
func (f *ForestPlot) Draw(c draw.Canvas) {
	c = drawTitle(inset(c), f.d.Labels.Title)
	head := textStyle(NoteSize, true)
	c.Max.Y -= lineHeight(head) + vg.Points(4) // column heading and target label
	nw := widest(textStyle(TickSize, false), f.nTexts()...)
	nw = max(nw, head.Width(f.d.NHeader))
	pc := c
	if nw > 0 {
		pc.Max.X -= nw + vg.Points(12)
	}
	p := f.plot(c.Max.X - c.Min.X)
	p.Draw(pc)
	dc := p.DataCanvas(pc)
	if f.d.NHeader != "" {
		head.YAlign = draw.YBottom
		c.FillText(head, vg.Point{X: dc.Max.X + vg.Points(12), Y: dc.Max.Y + vg.Points(4)}, f.d.NHeader)
	}
	f.drawNs(c, p, dc)
}

func (f *ForestPlot) nTexts() []string {
	var out []string
	for _, r := range f.d.Rows {
		out = append(out, r.N)
	}
	if f.d.Pooled != nil {
		out = append(out, f.d.Pooled.N)
	}
	return out
}

func (f *ForestPlot) plot(w vg.Length) *plot.Plot {
	p := newPlot(f.d.Labels)
	p.X.Min, p.X.Max = f.xmin, f.xmax
	step := 0.2
	switch r := f.xmax - f.xmin; {
	case r <= 0.3:
		step = 0.05
	case r <= 0.6:
		step = 0.1
	}
	p.X.Tick.Marker = percentTicks{Lang: f.d.Labels.Lang, Step: step}
	p.Y.Min, p.Y.Max = -0.6, f.top()+0.6
	p.Y.Padding, p.Y.Tick.Length = 0, 0
	p.Y.LineStyle.Width = 0
	sty := p.Y.Tick.Label
	var ticks plot.ConstantTicks
	for i, r := range f.d.Rows {
		ticks = append(ticks, plot.Tick{Value: f.rowPos(i), Label: wrap(sty, r.Label, w*0.35)})
	}
	if f.d.Pooled != nil {
		ticks = append(ticks, plot.Tick{Value: 0, Label: wrap(sty, f.d.Pooled.Label, w*0.35)})
	}
	p.Y.Tick.Marker = ticks
	p.Add(forestLayer{f})
	return p
}

// drawNs writes the right-hand column beside each row.
func (f *ForestPlot) drawNs(c draw.Canvas, p *plot.Plot, dc draw.Canvas) {
	sty := textStyle(TickSize, false)
	sty.YAlign = draw.YCenter
	x := dc.Max.X + vg.Points(12)
	for i, r := range f.d.Rows {
		c.FillText(sty, vg.Point{X: x, Y: dc.Y(p.Y.Norm(f.rowPos(i)))}, r.N)
	}
	if f.d.Pooled != nil {
		c.FillText(sty, vg.Point{X: x, Y: dc.Y(p.Y.Norm(0))}, f.d.Pooled.N)
	}
}
