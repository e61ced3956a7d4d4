package reports

import (
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// figureStack draws figures one under the other (e.g. one forest plot per
// measure), each with the height it asks for, scaled to fit the canvas.
type figureStack []Figure

// panelHeight is the height of a panel that does not say what it needs.
const panelHeight = 45 * vg.Millimeter

func panelHeightOf(f Figure, w vg.Length) vg.Length {
	if s, ok := f.(Sizer); ok {
		return s.Height(w)
	}
	return panelHeight
}

// Draw divides the canvas into horizontal bands, top to bottom.
func (s figureStack) Draw(c draw.Canvas) {
	w := c.Max.X - c.Min.X
	total := s.Height(w)
	if total <= 0 {
		return
	}
	if h := c.Max.Y - c.Min.Y; h < total*(1-maxSqueeze) {
		drawFitted(c, s, total) // squeezed further, panels could get negative plot areas
		return
	}
	scale := (c.Max.Y - c.Min.Y) / total
	top := c.Max.Y
	for _, f := range s {
		h := panelHeightOf(f, w) * scale
		sub := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: c.Min.X, Y: top - h}, Max: vg.Point{X: c.Max.X, Y: top}}}
		f.Draw(sub)
		top -= h
	}
}

// Height is the sum of the panels' heights.
func (s figureStack) Height(w vg.Length) vg.Length {
	var h vg.Length
	for _, f := range s {
		h += panelHeightOf(f, w)
	}
	return h
}
