package reports

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// kmLayer draws the configured times, the bands, the step curves and the
// censoring ticks of a RetentionCurve (only curve only when one is set: a
// panel of the small multiples).
type kmLayer struct {
	f    *RetentionCurve
	only int
	one  bool
}

func (l kmLayer) skip(i int) bool { return l.one && i != l.only }

// Plot implements plot.Plotter.
func (l kmLayer) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	mark := draw.LineStyle{Color: gridColor, Width: vg.Points(1)}
	for _, t := range l.f.d.Times {
		c.StrokeLine2(mark, trX(t), c.Min.Y, trX(t), c.Max.Y)
	}
	curves := l.f.d.Curves
	for i, k := range curves {
		if k.Suppressed || k.Low == nil || l.skip(i) {
			continue
		}
		end := curveEnd(k)
		up := stepPoints(k.T, k.High, end)
		lo := stepPoints(k.T, k.Low, end)
		poly := make([]vg.Point, 0, len(up)+len(lo))
		for _, q := range up {
			poly = append(poly, vg.Point{X: trX(q[0]), Y: trY(q[1])})
		}
		for j := len(lo) - 1; j >= 0; j-- {
			poly = append(poly, vg.Point{X: trX(lo[j][0]), Y: trY(lo[j][1])})
		}
		c.FillPolygon(withAlpha(paletteColor(i), 0.15), c.ClipPolygonXY(poly))
	}
	for i, k := range curves {
		if k.Suppressed || l.skip(i) {
			continue
		}
		pts := stepPoints(k.T, k.S, curveEnd(k))
		line := make([]vg.Point, len(pts))
		for j, q := range pts {
			line[j] = vg.Point{X: trX(q[0]), Y: trY(q[1])}
		}
		ls := draw.LineStyle{Color: paletteColor(i), Width: vg.Points(1.8), Dashes: dashes(i)}
		c.StrokeLines(ls, c.ClipLinesXY(line)...)
		gs := draw.GlyphStyle{Color: paletteColor(i), Radius: vg.Points(3), Shape: draw.PlusGlyph{}}
		for _, t := range k.CensorT {
			c.DrawGlyph(gs, vg.Point{X: trX(t), Y: trY(stepAt(k.T, k.S, t))})
		}
	}
}

// DataRange implements plot.DataRanger.
func (l kmLayer) DataRange() (xmin, xmax, ymin, ymax float64) {
	return 0, l.f.xmax, 0, 1
}

// stepPoints returns the corners of the step function (ts, vs) from ts[0]
// to end: each value holds until the next time, then drops vertically.
func stepPoints(ts, vs []float64, end float64) [][2]float64 {
	pts := make([][2]float64, 0, 2*len(ts)+1)
	for i := range ts {
		if i > 0 {
			pts = append(pts, [2]float64{ts[i], vs[i-1]})
		}
		pts = append(pts, [2]float64{ts[i], vs[i]})
	}
	if last := ts[len(ts)-1]; end > last {
		pts = append(pts, [2]float64{end, vs[len(vs)-1]})
	}
	return pts
}
