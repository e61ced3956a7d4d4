package reports

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// forestLayer draws the rows, the pooled diamond and the target line of a
// ForestPlot.
type forestLayer struct{ f *ForestPlot }

// Plot implements plot.Plotter.
func (l forestLayer) Plot(c draw.Canvas, p *plot.Plot) {
	f := l.f
	trX, trY := p.Transforms(&c)
	grid := draw.LineStyle{Color: gridColor, Width: vg.Points(0.8)}
	for _, t := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		if t.Label != "" {
			c.StrokeLine2(grid, trX(t.Value), c.Min.Y, trX(t.Value), c.Max.Y)
		}
	}
	if r := f.d.Reference; r != nil {
		ls := draw.LineStyle{Color: mutedColor, Width: vg.Points(1)}
		// The target's label takes the place above the plot when both are set.
		verticalLine(c, trX(r.Share), ls, r.Label, f.d.Target == nil)
	}
	if t := f.d.Target; t != nil {
		ls := draw.LineStyle{Color: targetColor, Width: vg.Points(1.3),
			Dashes: []vg.Length{vg.Points(4), vg.Points(2.5)}}
		verticalLine(c, trX(t.Share), ls, t.Label, true)
	}
	ink := draw.LineStyle{Color: inkColor, Width: vg.Points(1.2)}
	for i, r := range f.d.Rows {
		y := trY(f.rowPos(i))
		if r.Suppressed {
			suppressedAt(c, vg.Point{X: c.Min.X + vg.Points(4), Y: y})
			continue
		}
		cap := vg.Points(3)
		c.StrokeLines(ink, []vg.Point{{X: trX(r.Low), Y: y}, {X: trX(r.High), Y: y}},
			[]vg.Point{{X: trX(r.Low), Y: y - cap}, {X: trX(r.Low), Y: y + cap}},
			[]vg.Point{{X: trX(r.High), Y: y - cap}, {X: trX(r.High), Y: y + cap}})
		gs := draw.GlyphStyle{Color: Palette[0], Radius: vg.Points(4), Shape: draw.BoxGlyph{}}
		c.DrawGlyphNoClip(gs, vg.Point{X: trX(r.Estimate), Y: y})
	}
	if pr := f.d.Pooled; pr != nil {
		y := trY(0)
		rule := draw.LineStyle{Color: mutedColor, Width: vg.Points(0.6)}
		ySep := trY(pooledGap / 2)
		c.StrokeLine2(rule, c.Min.X, ySep, c.Max.X, ySep)
		if pr.Suppressed {
			suppressedAt(c, vg.Point{X: c.Min.X + vg.Points(4), Y: y})
			return
		}
		h := vg.Points(6)
		c.FillPolygon(inkColor, []vg.Point{{X: trX(pr.Low), Y: y}, {X: trX(pr.Estimate), Y: y + h},
			{X: trX(pr.High), Y: y}, {X: trX(pr.Estimate), Y: y - h}})
	}
}

// verticalLine draws a line across the plot at x and, when labelled, its
// label above the plot in the line's colour, kept inside the plot's width.
func verticalLine(c draw.Canvas, x vg.Length, ls draw.LineStyle, label string, labelled bool) {
	c.StrokeLine2(ls, x, c.Min.Y, x, c.Max.Y)
	if label == "" || !labelled {
		return
	}
	sty := textStyle(NoteSize, false)
	sty.Color, sty.XAlign = ls.Color, draw.XCenter
	w := sty.Width(label)
	x = min(max(x, c.Min.X+w/2), c.Max.X-w/2)
	c.FillText(sty, vg.Point{X: x, Y: c.Max.Y + vg.Points(4)}, label)
}

// suppressedAt writes ".." with its left end at pt.
func suppressedAt(c draw.Canvas, pt vg.Point) {
	sty := textStyle(TickSize, true)
	sty.YAlign = draw.YCenter
	c.FillText(sty, pt, SuppressedMark)
}

// DataRange implements plot.DataRanger.
func (l forestLayer) DataRange() (xmin, xmax, ymin, ymax float64) {
	return l.f.xmin, l.f.xmax, -0.6, l.f.top() + 0.6
}
