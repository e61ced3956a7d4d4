package reports

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// LoveRow is one covariate (or level) of a Love plot: its absolute
// standardised mean difference before and after weighting.
type LoveRow struct {
	Label         string
	Before, After float64
}

// LoveData is the input of a Love plot.
type LoveData struct {
	Labels                Labels // X: "|SMD|"
	Rows                  []LoveRow
	BeforeName, AfterName string // legend entries
}

// LovePlot draws each covariate's |SMD| before (open circle) and after
// weighting (filled), with the usual 0.1 threshold as a dashed line, as
// cobalt's love.plot.
type LovePlot struct{ d LoveData }

// LoveThreshold is the |SMD| above which a covariate counts as imbalanced.
const LoveThreshold = 0.1

// NewLovePlot validates and copies d.
func NewLovePlot(d LoveData) (*LovePlot, error) {
	if len(d.Rows) == 0 {
		return nil, errors.New("love plot: no covariates")
	}
	for _, r := range d.Rows {
		if math.IsNaN(r.Before) || math.IsNaN(r.After) || math.IsInf(r.Before, 0) || math.IsInf(r.After, 0) {
			return nil, fmt.Errorf("love plot: %q has a missing SMD", r.Label)
		}
	}
	d.Rows = append([]LoveRow(nil), d.Rows...)
	return &LovePlot{d: d}, nil
}

// Height gives each covariate 8 mm.
func (f *LovePlot) Height(vg.Length) vg.Length {
	return vg.Length(30+8*len(f.d.Rows)) * vg.Millimeter
}

// Draw places a row per covariate, the first at the top.
func (f *LovePlot) Draw(c draw.Canvas) {
	p := newPlot(f.d.Labels)
	n := len(f.d.Rows)
	before, after := make(plotter.XYs, n), make(plotter.XYs, n)
	names := make([]string, n)
	top := LoveThreshold * 1.5
	for i, r := range f.d.Rows {
		y := float64(n - 1 - i)
		before[i] = plotter.XY{X: math.Abs(r.Before), Y: y}
		after[i] = plotter.XY{X: math.Abs(r.After), Y: y}
		names[n-1-i] = r.Label
		top = math.Max(top, math.Max(math.Abs(r.Before), math.Abs(r.After)))
	}
	sb, _ := plotter.NewScatter(before)
	sb.GlyphStyle = draw.GlyphStyle{Color: paletteColor(1), Radius: vg.Points(3.5), Shape: draw.RingGlyph{}}
	sa, _ := plotter.NewScatter(after)
	sa.GlyphStyle = draw.GlyphStyle{Color: paletteColor(0), Radius: vg.Points(3.5), Shape: draw.CircleGlyph{}}
	line, _ := plotter.NewLine(plotter.XYs{{X: LoveThreshold, Y: -0.5}, {X: LoveThreshold, Y: float64(n) - 0.5}})
	line.LineStyle.Color, line.LineStyle.Dashes = mutedColor, []vg.Length{vg.Points(4), vg.Points(3)}
	p.Add(line, sb, sa)
	p.Legend.Add(f.d.BeforeName, sb)
	p.Legend.Add(f.d.AfterName, sa)
	p.Legend.Top = true
	p.NominalY(names...)
	p.X.Min, p.X.Max = 0, top*1.1
	p.Y.Min, p.Y.Max = -0.5, float64(n)+0.5
	p.X.Tick.Marker = plot.TickerFunc(func(min, max float64) []plot.Tick {
		var ts []plot.Tick
		for v := 0.0; v <= max; v += loveStep(max) {
			ts = append(ts, plot.Tick{Value: v, Label: Decimal(f.d.Labels.Lang, v, 2)})
		}
		return ts
	})
	p.Draw(inset(c))
}

// loveStep is a round tick step giving at most six ticks up to max.
func loveStep(max float64) float64 {
	for _, s := range []float64{0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5} {
		if max/s <= 6 {
			return s
		}
	}
	return 10
}
