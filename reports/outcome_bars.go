package reports

import (
	"errors"
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// OutcomeBar is one share with its confidence interval.
type OutcomeBar struct {
	Label      string     // the measure, e.g. "Lønnede timer og/eller uddannelse"
	Estimate   float64    // share, 0–1
	Low, High  float64    // interval; equal to Estimate when none was computed
	Suppressed bool       // disclosure control: no bar, the slot shows ".."
	Target     *BarTarget // nil when the measure has no target
}

// BarTarget is a measure's target, drawn as a dashed line across its bar.
type BarTarget struct {
	Share float64 // e.g. 0.20
	Label string  // e.g. "mål 20 %"
}

// OutcomeBarsData is the input of an outcome bar chart.
type OutcomeBarsData struct {
	Labels   Labels // X is the value axis label ("Andel"), Y the category axis'
	Vertical bool   // upright bars; the default, horizontal, suits long labels
	Bars     []OutcomeBar
}

// OutcomeBars draws shares as bars with asymmetric CI whiskers, value
// labels ("35,1 %") and dashed target lines.
type OutcomeBars struct {
	lb       Labels
	vertical bool
	bars     []OutcomeBar
}

// SuppressedMark is what the figures show in place of a suppressed value
// (Danmarks Statistik's "..").
const SuppressedMark = ".."

const shareTol = 1e-9

// NewOutcomeBars validates and copies d. Values of suppressed bars are
// dropped unread (they may be NaN).
func NewOutcomeBars(d OutcomeBarsData) (*OutcomeBars, error) {
	if len(d.Bars) == 0 {
		return nil, errors.New("outcome bars: no bars")
	}
	f := &OutcomeBars{lb: d.Labels, vertical: d.Vertical, bars: make([]OutcomeBar, len(d.Bars))}
	for i, b := range d.Bars {
		if b.Target != nil {
			t := *b.Target
			if err := checkShare(t.Share); err != nil {
				return nil, fmt.Errorf("outcome bars: %q target: %w", b.Label, err)
			}
			b.Target = &t
		}
		if b.Suppressed {
			b.Estimate, b.Low, b.High = 0, 0, 0
			f.bars[i] = b
			continue
		}
		if err := checkInterval(b.Estimate, b.Low, b.High); err != nil {
			return nil, fmt.Errorf("outcome bars: %q: %w", b.Label, err)
		}
		f.bars[i] = b
	}
	return f, nil
}

// checkShare reports whether x is a finite share in [0, 1].
func checkShare(x float64) error {
	if !finite(x) {
		return fmt.Errorf("share %v is not a finite number", x)
	}
	if x < -shareTol || x > 1+shareTol {
		return fmt.Errorf("share %v is outside [0, 1]", x)
	}
	return nil
}

// checkInterval reports whether lo ≤ e ≤ hi are finite shares.
func checkInterval(e, lo, hi float64) error {
	for _, x := range []float64{e, lo, hi} {
		if err := checkShare(x); err != nil {
			return err
		}
	}
	if lo > e+shareTol || e > hi+shareTol {
		return fmt.Errorf("interval %v–%v does not contain the estimate %v", lo, hi, e)
	}
	return nil
}

// Height is the height the chart needs at width w.
func (f *OutcomeBars) Height(w vg.Length) vg.Length {
	n := vg.Length(len(f.bars))
	h := titleHeight(f.lb.Title, w) + vg.Points(50) + 2*figureMargin
	if f.vertical {
		return h + vg.Points(200)
	}
	return h + n*vg.Points(40)
}

// Draw implements Figure.
func (f *OutcomeBars) Draw(c draw.Canvas) {
	c = drawTitle(inset(c), f.lb.Title)
	p := newPlot(f.lb)
	n := len(f.bars)
	names := make([]string, n)
	for i, b := range f.bars {
		names[i] = b.Label
	}
	val, cat := &p.X, &p.Y
	if f.vertical {
		val, cat = &p.Y, &p.X
	}
	val.Min, val.Max = 0, 1
	val.Tick.Marker = percentTicks{Lang: f.lb.Lang}
	cat.Min, cat.Max = -0.5, float64(n)-0.5
	cat.Tick.Length = 0
	cat.Padding, val.Padding = 0, 0
	slot := (c.Max.Y - c.Min.Y - vg.Points(40)) / vg.Length(n)
	if f.vertical {
		slot = (c.Max.X - c.Min.X - vg.Points(60)) / vg.Length(n)
	}
	ticks := make(plot.ConstantTicks, n)
	sty := cat.Tick.Label
	for i, name := range names {
		maxW := (c.Max.X - c.Min.X) * 0.4
		if f.vertical {
			maxW = slot * 0.95
		}
		ticks[i] = plot.Tick{Value: f.slotPos(i), Label: wrap(sty, name, maxW)}
	}
	cat.Tick.Marker = ticks
	grid := plotter.NewGrid()
	grid.Vertical.Color, grid.Horizontal.Color = gridColor, gridColor
	if f.vertical {
		grid.Vertical.Color = nil
	} else {
		grid.Horizontal.Color = nil
	}
	p.Add(grid, barsLayer{f})
	// Room on the value side for the label of a bar reaching 100 %.
	room := textStyle(TickSize, false).Width(Percent(f.lb.Lang, 1, 1)) + vg.Points(8)
	if f.vertical {
		c.Max.Y -= lineHeight(textStyle(TickSize, false)) + vg.Points(4)
	} else {
		c.Max.X -= room
	}
	p.Draw(c)
}

// slotPos is the category coordinate of bar i: the first bar is at the top
// (horizontal) or on the left (vertical).
func (f *OutcomeBars) slotPos(i int) float64 {
	if f.vertical {
		return float64(i)
	}
	return float64(len(f.bars) - 1 - i)
}

// barsLayer is the plotter that draws the bars; the plot draws the axes.
type barsLayer struct{ f *OutcomeBars }

// Plot implements plot.Plotter.
func (l barsLayer) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	f := l.f
	// pt maps (category coordinate, share) to the canvas.
	pt := func(cat, v float64) vg.Point {
		if f.vertical {
			return vg.Point{X: trX(cat), Y: trY(v)}
		}
		return vg.Point{X: trX(v), Y: trY(cat)}
	}
	for i, b := range f.bars {
		g := barGeom{pt: pt, cat: f.slotPos(i), vertical: f.vertical, unit: pt(1, 0).X - pt(0, 0).X}
		if !f.vertical {
			g.unit = pt(0, 1).Y - pt(0, 0).Y
		}
		if b.Suppressed {
			g.mark(c, SuppressedMark)
		} else {
			g.bar(c, b, f.lb.Lang)
		}
		if b.Target != nil {
			g.target(c, *b.Target)
		}
	}
}

// DataRange implements plot.DataRanger.
func (l barsLayer) DataRange() (xmin, xmax, ymin, ymax float64) {
	n := float64(len(l.f.bars))
	if l.f.vertical {
		return -0.5, n - 0.5, 0, 1
	}
	return 0, 1, -0.5, n - 0.5
}
