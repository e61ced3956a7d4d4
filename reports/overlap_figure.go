package reports

import (
	"errors"
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// OverlapRow is one group's propensity-score quantiles: 5, 25, 50, 75 and
// 95 % (no minimum or maximum: those are single people's scores).
type OverlapRow struct {
	Label     string
	Quantiles [5]float64
}

// OverlapData is the input of an overlap figure.
type OverlapData struct {
	Labels Labels // X: "Propensity score"
	Rows   []OverlapRow
}

// OverlapPlot draws a box per group: whiskers from the 5 % to the 95 %
// quantile, the box from 25 % to 75 %, a line at the median. Where the
// boxes do not overlap, the groups are too unlike to compare.
type OverlapPlot struct{ d OverlapData }

// NewOverlapPlot validates and copies d: quantiles in [0, 1], increasing.
func NewOverlapPlot(d OverlapData) (*OverlapPlot, error) {
	if len(d.Rows) == 0 {
		return nil, errors.New("overlap plot: no groups")
	}
	for _, r := range d.Rows {
		for k, q := range r.Quantiles {
			if !(q >= 0 && q <= 1) || (k > 0 && q < r.Quantiles[k-1]) {
				return nil, fmt.Errorf("overlap plot: %q: quantiles %v are not increasing scores in [0, 1]", r.Label, r.Quantiles)
			}
		}
	}
	d.Rows = append([]OverlapRow(nil), d.Rows...)
	return &OverlapPlot{d: d}, nil
}

// Height gives each group 14 mm.
func (f *OverlapPlot) Height(vg.Length) vg.Length {
	return vg.Length(28+14*len(f.d.Rows)) * vg.Millimeter
}

// Draw places the first group at the top.
func (f *OverlapPlot) Draw(c draw.Canvas) {
	p := newPlot(f.d.Labels)
	n := len(f.d.Rows)
	names := make([]string, n)
	for i, r := range f.d.Rows {
		names[n-1-i] = r.Label
		p.Add(overlapBox{q: r.Quantiles, y: float64(n - 1 - i), col: paletteColor(i)})
	}
	p.NominalY(names...)
	p.X.Min, p.X.Max = 0, 1
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
	p.X.Tick.Marker = fixedTicks(f.d.Labels.Lang, 0, 0.2, 0.4, 0.6, 0.8, 1)
	p.Draw(inset(c))
}

// overlapBox is one group's box, drawn in data coordinates.
type overlapBox struct {
	q   [5]float64
	y   float64
	col color.Color
}

func (b overlapBox) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	y := ty(b.y)
	h := vg.Points(9)
	line := draw.LineStyle{Color: b.col, Width: vg.Points(1.2)}
	c.StrokeLine2(line, tx(b.q[0]), y, tx(b.q[1]), y)
	c.StrokeLine2(line, tx(b.q[3]), y, tx(b.q[4]), y)
	for _, k := range []int{0, 4} {
		c.StrokeLine2(line, tx(b.q[k]), y-h/2, tx(b.q[k]), y+h/2)
	}
	box := []vg.Point{{X: tx(b.q[1]), Y: y - h}, {X: tx(b.q[3]), Y: y - h}, {X: tx(b.q[3]), Y: y + h}, {X: tx(b.q[1]), Y: y + h}}
	c.FillPolygon(lighten(b.col), box)
	c.StrokeLines(line, append(box, box[0]))
	median := draw.LineStyle{Color: inkColor, Width: vg.Points(2)}
	c.StrokeLine2(median, tx(b.q[2]), y-h, tx(b.q[2]), y+h)
}

// lighten mixes a colour halfway with white.
func lighten(col color.Color) color.Color {
	r, g, b, _ := col.RGBA()
	mix := func(v uint32) uint8 { return uint8((v>>8 + 255) / 2) }
	return color.NRGBA{mix(r), mix(g), mix(b), 0xff}
}
