package reports

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

var (
	barColor    = withAlpha(Palette[0], 0.8)
	targetColor = Palette[1]
	barWidth    = 0.5  // of a slot
	capWidth    = 0.22 // of a slot
	targetSpan  = 0.8  // of a slot
)

// barGeom draws one slot of an outcome bar chart. Offsets across the slot
// are in category units (a slot is 1); values are shares.
type barGeom struct {
	pt       func(cat, v float64) vg.Point
	cat      float64
	vertical bool
	unit     vg.Length // canvas length of one category unit
}

// at returns the canvas point at offset d across the slot and share v.
func (g barGeom) at(d, v float64) vg.Point { return g.pt(g.cat+d, v) }

func (g barGeom) bar(c draw.Canvas, b OutcomeBar, lang string) {
	h := barWidth / 2
	c.FillPolygon(barColor, []vg.Point{g.at(-h, 0), g.at(-h, b.Estimate), g.at(h, b.Estimate), g.at(h, 0)})
	ls := draw.LineStyle{Color: inkColor, Width: vg.Points(1.2)}
	if b.High-b.Low > shareTol {
		k := capWidth / 2
		c.StrokeLines(ls, []vg.Point{g.at(0, b.Low), g.at(0, b.High)},
			[]vg.Point{g.at(-k, b.Low), g.at(k, b.Low)},
			[]vg.Point{g.at(-k, b.High), g.at(k, b.High)})
	}
	sty := textStyle(TickSize, false)
	label := Percent(lang, b.Estimate, 1)
	end := g.at(0, math.Max(b.Estimate, b.High))
	if !g.vertical {
		sty.YAlign = draw.YCenter
		x := end.X + vg.Points(4)
		if t := b.Target; t != nil {
			tx := g.at(0, t.Share).X
			if tx >= x-vg.Points(2) && tx <= x+sty.Width(label)+vg.Points(2) {
				x = tx + vg.Points(4)
			}
		}
		c.FillText(sty, vg.Point{X: x, Y: end.Y}, label)
		return
	}
	sty.XAlign = draw.XCenter
	y := end.Y + vg.Points(3)
	if t := b.Target; t != nil {
		lo, hi := g.targetLabelSpan(t)
		if y+lineHeight(sty) > lo && y < hi {
			y = hi + vg.Points(2)
		}
	}
	c.FillText(sty, vg.Point{X: end.X, Y: y}, label)
}

// mark writes txt ("..") where a suppressed bar would start.
func (g barGeom) mark(c draw.Canvas, txt string) {
	sty := textStyle(TickSize, true)
	p := g.at(0, 0)
	if g.vertical {
		sty.XAlign = draw.XCenter
		p.Y += vg.Points(4)
	} else {
		sty.YAlign = draw.YCenter
		p.X += vg.Points(4)
	}
	c.FillText(sty, p, txt)
}

// target draws the dashed target line across the slot and its label: above
// the bar (horizontal bars) or just above the line (upright bars).
func (g barGeom) target(c draw.Canvas, t BarTarget) {
	h := targetSpan / 2
	ls := draw.LineStyle{Color: targetColor, Width: vg.Points(1.5),
		Dashes: []vg.Length{vg.Points(4), vg.Points(2.5)}}
	c.StrokeLine2(ls, g.at(-h, t.Share).X, g.at(-h, t.Share).Y, g.at(h, t.Share).X, g.at(h, t.Share).Y)
	if t.Label == "" {
		return
	}
	sty := textStyle(NoteSize, false)
	sty.Color = targetColor
	label := t.Label
	var p vg.Point
	if g.vertical {
		// Right of the whisker, above the line, wrapped to the room before
		// the next bar.
		label = g.targetLabel(t)
		lo, _ := g.targetLabelSpan(&t)
		p = vg.Point{X: g.at(0, t.Share).X + vg.Points(3), Y: lo}
	} else {
		// Above the bar, centred on the line.
		sty.XAlign = draw.XCenter
		p = g.at(h, t.Share)
		p.Y += vg.Points(1)
		p.X -= sty.Width(label) / 2
	}
	w, ht := sty.Width(label), sty.Height(label)
	backdrop(c, vg.Rectangle{Min: vg.Point{X: p.X - 1, Y: p.Y - 1}, Max: vg.Point{X: p.X + w + 1, Y: p.Y + ht}})
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YTop
	c.FillText(sty, vg.Point{X: p.X, Y: p.Y + ht}, label)
}

// targetLabel is the target label of an upright bar, wrapped to fit
// between the whisker and the next bar.
func (g barGeom) targetLabel(t BarTarget) string {
	sty := textStyle(NoteSize, false)
	return wrap(sty, t.Label, g.unit*vg.Length(0.5+barWidth/2)-vg.Points(5))
}

// targetLabelSpan is the vertical extent of an upright bar's target label.
func (g barGeom) targetLabelSpan(t *BarTarget) (lo, hi vg.Length) {
	if t == nil || t.Label == "" {
		return 0, 0
	}
	lo = g.at(0, t.Share).Y + vg.Points(2)
	return lo, lo + textStyle(NoteSize, false).Height(g.targetLabel(*t))
}

// backdrop fills r in almost opaque white, so text stays legible over bars
// and grid lines.
func backdrop(c draw.Canvas, r vg.Rectangle) {
	c.FillPolygon(color.NRGBA{255, 255, 255, 220}, []vg.Point{
		r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}})
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
