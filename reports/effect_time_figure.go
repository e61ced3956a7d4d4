package reports

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// EffectTimeData is the input of an effect-over-time figure: the
// difference of cumulative incidences (participants − weighted
// comparison, a fraction) at each horizon, with its interval.
type EffectTimeData struct {
	Labels Labels // X: weeks, Y: percentage points
	Weeks  []float64
	Diff   []float64
	// Low and High bound the interval at each horizon; nil when the
	// effect has no interval (nearest): no band is drawn.
	Low, High []float64
	// LineName and BandName label the legend.
	LineName, BandName string
}

// EffectTimePlot draws the difference at each horizon joined by lines
// from 0 at week 0, its interval as a band, and a dashed line at no
// effect. Only published points are drawn: the caller drops hidden ones.
type EffectTimePlot struct{ d EffectTimeData }

// NewEffectTimePlot validates and copies d: at least one horizon, equal
// lengths, finite numbers, weeks increasing and positive, each
// difference within its interval.
func NewEffectTimePlot(d EffectTimeData) (*EffectTimePlot, error) {
	n := len(d.Weeks)
	switch {
	case n == 0:
		return nil, errors.New("effect over time: no horizon to draw")
	case len(d.Diff) != n || (d.Low != nil && (len(d.Low) != n || len(d.High) != n)):
		return nil, fmt.Errorf("effect over time: %d horizons, %d differences, %d and %d bounds", n, len(d.Diff), len(d.Low), len(d.High))
	}
	for k := range n {
		vals := []float64{d.Weeks[k], d.Diff[k]}
		if d.Low != nil {
			vals = append(vals, d.Low[k], d.High[k])
		}
		for _, v := range vals {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("effect over time: week %g has a value that is not a number", d.Weeks[k])
			}
		}
		if d.Weeks[k] <= 0 || (k > 0 && d.Weeks[k] <= d.Weeks[k-1]) {
			return nil, fmt.Errorf("effect over time: weeks %v are not positive and increasing", d.Weeks)
		}
	}
	c := EffectTimeData{Labels: d.Labels, LineName: d.LineName, BandName: d.BandName,
		Weeks: append([]float64(nil), d.Weeks...), Diff: append([]float64(nil), d.Diff...)}
	if d.Low != nil {
		c.Low, c.High = append([]float64(nil), d.Low...), append([]float64(nil), d.High...)
	}
	return &EffectTimePlot{d: c}, nil
}

// Height is that of a time figure with a legend.
func (f *EffectTimePlot) Height(w vg.Length) vg.Length {
	inner := w - 2*figureMargin
	return 2*figureMargin + titleHeight(f.d.Labels.Title, inner) + legendHeight(f.legend(), inner) + vg.Points(190)
}

func (f *EffectTimePlot) legend() []legendEntry {
	es := []legendEntry{{Label: f.d.LineName, Kind: keyLine, Color: paletteColor(0), Width: vg.Points(1.8)}}
	if f.d.Low != nil {
		es = append(es, legendEntry{Label: f.d.BandName, Kind: keyBox, Color: withAlpha(paletteColor(0), 0.2)})
	}
	return es
}

// Draw implements Figure.
func (f *EffectTimePlot) Draw(c draw.Canvas) {
	c = drawTitle(inset(c), f.d.Labels.Title)
	c = drawLegend(c, f.legend())
	p := newPlot(f.d.Labels)
	lo, hi := f.yRange()
	p.X.Min, p.X.Max = 0, f.d.Weeks[len(f.d.Weeks)-1]
	p.Y.Min, p.Y.Max = lo, hi
	p.X.Tick.Marker = fixedTicks(f.d.Labels.Lang, append([]float64{0}, f.d.Weeks...)...)
	p.Y.Tick.Marker = pointTicks{Lang: f.d.Labels.Lang}
	p.Add(effectTimeLayer{f})
	p.Draw(c)
}

// yRange holds 0 and every bound, with a margin, in steps of 5 points.
func (f *EffectTimePlot) yRange() (float64, float64) {
	lo, hi := 0.0, 0.0
	for k, v := range f.d.Diff {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
		if f.d.Low != nil {
			lo, hi = math.Min(lo, f.d.Low[k]), math.Max(hi, f.d.High[k])
		}
	}
	return math.Floor(lo*20-0.25) / 20, math.Ceil(hi*20+0.25) / 20
}

// effectTimeLayer draws the horizons, the band, the zero line and the
// difference with a marker at each horizon.
type effectTimeLayer struct{ f *EffectTimePlot }

// Plot implements plot.Plotter.
func (l effectTimeLayer) Plot(c draw.Canvas, p *plot.Plot) {
	d := l.f.d
	tx, ty := p.Transforms(&c)
	grid := draw.LineStyle{Color: gridColor, Width: vg.Points(1)}
	for _, w := range d.Weeks {
		c.StrokeLine2(grid, tx(w), c.Min.Y, tx(w), c.Max.Y)
	}
	if d.Low != nil {
		poly := []vg.Point{{X: tx(0), Y: ty(0)}}
		for k, w := range d.Weeks {
			poly = append(poly, vg.Point{X: tx(w), Y: ty(d.High[k])})
		}
		for k := len(d.Weeks) - 1; k >= 0; k-- {
			poly = append(poly, vg.Point{X: tx(d.Weeks[k]), Y: ty(d.Low[k])})
		}
		c.FillPolygon(withAlpha(paletteColor(0), 0.2), c.ClipPolygonXY(poly))
	}
	zero := draw.LineStyle{Color: mutedColor, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(4), vg.Points(3)}}
	c.StrokeLine2(zero, c.Min.X, ty(0), c.Max.X, ty(0))
	line := []vg.Point{{X: tx(0), Y: ty(0)}}
	for k, w := range d.Weeks {
		line = append(line, vg.Point{X: tx(w), Y: ty(d.Diff[k])})
	}
	c.StrokeLines(draw.LineStyle{Color: paletteColor(0), Width: vg.Points(1.8)}, c.ClipLinesXY(line)...)
	gs := draw.GlyphStyle{Color: paletteColor(0), Radius: vg.Points(3), Shape: draw.CircleGlyph{}}
	for _, pt := range line[1:] {
		c.DrawGlyph(gs, pt)
	}
}

// pointTicks marks a difference of shares in whole percentage points
// ("−10", "0", "10"), every 5 or 10 points.
type pointTicks struct{ Lang string }

// Ticks implements plot.Ticker.
func (t pointTicks) Ticks(min, max float64) []plot.Tick {
	step := 0.05
	if max-min > 0.4 {
		step = 0.1
	}
	var out []plot.Tick
	for v := math.Ceil(min/step-1e-9) * step; v <= max+1e-9; v += step {
		v = math.Round(v*100) / 100
		out = append(out, plot.Tick{Value: v, Label: Decimal(t.Lang, 100*v, 0)})
	}
	return out
}
