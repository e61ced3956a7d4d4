package reports

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// maxOverlaid is the most curves drawn in one plot: with more, their
// bands overlap into an unreadable mass, so each stratum gets its own
// panel (small multiples with shared axes) and the others are drawn
// faintly behind it for comparison.
const maxOverlaid = 3

// panelled reports whether the curves are drawn as small multiples.
func (f *RetentionCurve) panelled() bool {
	return f.d.States == nil && len(f.d.Curves) > maxOverlaid
}

// panelGrid is the number of columns and rows of the small multiples.
func (f *RetentionCurve) panelGrid() (cols, rows int) {
	n := len(f.d.Curves)
	cols = 3
	switch {
	case n <= 4:
		cols = 2
	case n > 9:
		cols = 4
	}
	return cols, (n + cols - 1) / cols
}

// panelH is the height of one row of panels: its title, plot and ticks.
var panelH = vg.Points(135)

// panelledHeight is the height of the small multiples at width w (inner).
func (f *RetentionCurve) panelledHeight(w vg.Length) vg.Length {
	_, rows := f.panelGrid()
	lab := lineHeight(textStyle(LabelSize, false)) + vg.Points(6) // the shared x-axis label
	h := vg.Length(rows)*panelH + lab
	if f.d.Risk != nil {
		h += f.riskHeight(w) + f.riskHeaderHeight()
	}
	return h
}

// riskHeaderHeight is the row of times over the table of the panels.
func (f *RetentionCurve) riskHeaderHeight() vg.Length {
	return riskRow{lines: 1}.height()
}

// drawPanels draws one panel per curve, on shared axes, the axis labels
// once for all, and the risk table under them with its own row of times.
func (f *RetentionCurve) drawPanels(c draw.Canvas) {
	w := c.Max.X - c.Min.X
	if f.d.Risk != nil {
		tc := c
		tc.Max.Y = c.Min.Y + f.riskHeight(w) + f.riskHeaderHeight()
		c.Min.Y = tc.Max.Y
		left, _ := f.riskMargins(w)
		xs := make([]vg.Length, len(f.d.Times))
		span := tc.Max.X - tc.Min.X - left
		for j := range xs {
			xs[j] = tc.Min.X + left + span*vg.Length(j+1)/vg.Length(len(xs)+1)
		}
		f.drawRisk(tc, xs, w, capitalize(f.d.Labels.X))
	}
	lab := textStyle(LabelSize, false)
	lab.XAlign, lab.YAlign = draw.XCenter, draw.YBottom
	c.FillText(lab, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: c.Min.Y}, f.d.Labels.X)
	c.Min.Y += lineHeight(lab) + vg.Points(6)
	ylab := lab
	ylab.Rotation, ylab.YAlign = math.Pi/2, draw.YTop
	c.FillText(ylab, vg.Point{X: c.Min.X, Y: (c.Min.Y + c.Max.Y) / 2}, f.d.Labels.Y)
	c.Min.X += lineHeight(ylab) + vg.Points(4)
	cols, rows := f.panelGrid()
	plots := make([][]*plot.Plot, rows)
	for r := range plots {
		plots[r] = make([]*plot.Plot, cols)
	}
	pad := vg.Points(10)
	titleW := (c.Max.X-c.Min.X-pad*vg.Length(cols-1))/vg.Length(cols) - vg.Points(4)
	for i := range f.d.Curves {
		plots[i/cols][i%cols] = f.panel(i, i%cols == 0, titleW)
	}
	// The last x tick's label reaches half its width past the data area.
	last := textStyle(TickSize, false).Width(number(f.d.Labels.Lang, f.xmax))/2 + vg.Points(2)
	tiles := draw.Tiles{Rows: rows, Cols: cols, PadX: pad, PadY: vg.Points(8), PadRight: last}
	canvases := plot.Align(plots, tiles, c)
	for r := range plots {
		for k, p := range plots[r] {
			if p == nil {
				continue
			}
			p.Draw(canvases[r][k])
			// The title over the data area, not the tile: the first
			// column's tick labels reach higher, and gonum would draw its
			// titles higher than the others'.
			sty := p.Title.TextStyle
			sty.Color = inkColor
			sty.YAlign = draw.YBottom
			dc := p.DataCanvas(canvases[r][k])
			c.FillText(sty, vg.Point{X: (dc.Min.X + dc.Max.X) / 2, Y: dc.Max.Y + vg.Points(7)}, p.Title.Text)
		}
	}
}

// panel is the plot of curve i, titled by its name (cut to titleW); only
// the first column labels the shared y axis's ticks.
func (f *RetentionCurve) panel(i int, first bool, titleW vg.Length) *plot.Plot {
	lb := f.d.Labels
	lb.X, lb.Y = "", ""
	p := timePlot(lb, f.xmax, f.d.Times)
	p.Title.TextStyle = textStyle(LabelSize, true)
	p.Title.TextStyle.XAlign, p.Title.TextStyle.YAlign = draw.XCenter, draw.YTop
	p.Title.Text = ellipsis(p.Title.TextStyle, f.d.Curves[i].Name, titleW)
	p.Title.TextStyle.Color = color.Transparent // room kept here, drawn by drawPanels
	p.Title.Padding = vg.Points(4)
	if !first {
		p.Y.Tick.Marker = unlabelled{p.Y.Tick.Marker}
	}
	p.Add(panelLayer{f: f, i: i})
	return p
}

// unlabelled keeps a ticker's ticks without their labels.
type unlabelled struct{ plot.Ticker }

// Ticks implements plot.Ticker.
func (u unlabelled) Ticks(min, max float64) []plot.Tick {
	ticks := u.Ticker.Ticks(min, max)
	for j := range ticks {
		ticks[j].Label = ""
	}
	return ticks
}

// panelLayer draws the other curves faintly, then curve i as kmLayer does.
type panelLayer struct {
	f *RetentionCurve
	i int
}

// Plot implements plot.Plotter.
func (l panelLayer) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	faint := draw.LineStyle{Color: withAlpha(mutedColor, 0.35), Width: vg.Points(0.8)}
	for j, k := range l.f.d.Curves {
		if j == l.i || k.Suppressed {
			continue
		}
		pts := stepPoints(k.T, k.S, curveEnd(k))
		line := make([]vg.Point, len(pts))
		for n, q := range pts {
			line[n] = vg.Point{X: trX(q[0]), Y: trY(q[1])}
		}
		c.StrokeLines(faint, c.ClipLinesXY(line)...)
	}
	if l.f.d.Curves[l.i].Suppressed {
		sty := textStyle(LabelSize, true)
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
		c.FillText(sty, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: (c.Min.Y + c.Max.Y) / 2}, SuppressedMark)
		return
	}
	kmLayer{f: l.f, only: l.i, one: true}.Plot(c, p)
}

// DataRange implements plot.DataRanger.
func (l panelLayer) DataRange() (xmin, xmax, ymin, ymax float64) {
	return 0, l.f.xmax, 0, 1
}
