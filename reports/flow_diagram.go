package reports

import (
	"errors"
	"fmt"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// FlowBox is one box of the flow diagram: a label and a number the caller
// has already formatted ("195", or ".." when suppressed).
type FlowBox struct {
	Label string // e.g. "Rækker læst"
	Value string // e.g. "195"; "" shows the label only
}

// FlowData is the input of a CONSORT-style flow diagram: rows read, the
// rows excluded (each reason a line), those included, their status, and
// an outcome under one status box.
type FlowData struct {
	Title     string
	Read      FlowBox   // "Rækker læst" "195"
	Excluded  FlowBox   // heading of the side box: "Udelukket" "3"
	Reasons   []FlowBox // "dublet-id" "2", one line each
	Included  FlowBox   // "Inkluderet" "192"
	Statuses  []FlowBox // completed, ended early, ongoing …, in the caller's order
	Outcome   *FlowBox  // e.g. "Lønnede timer og/eller uddannelse" "52 af 148"; nil for none
	OutcomeOf int       // the index in Statuses the outcome box hangs under
}

// FlowDiagram draws a FlowData as boxes and arrows. Boxes are sized to
// their text, measured with the figure font; labels wrap, and the whole
// diagram is scaled down if the canvas is too small for it.
type FlowDiagram struct{ d FlowData }

// NewFlowDiagram validates and copies d.
func NewFlowDiagram(d FlowData) (*FlowDiagram, error) {
	if d.Read.Label == "" || d.Included.Label == "" {
		return nil, errors.New("flow diagram: the read and included boxes need labels")
	}
	if d.Outcome != nil && (d.OutcomeOf < 0 || d.OutcomeOf >= len(d.Statuses)) {
		return nil, fmt.Errorf("flow diagram: outcome under status %d of %d", d.OutcomeOf, len(d.Statuses))
	}
	f := &FlowDiagram{d: d}
	f.d.Reasons = append([]FlowBox(nil), d.Reasons...)
	f.d.Statuses = append([]FlowBox(nil), d.Statuses...)
	if d.Outcome != nil {
		o := *d.Outcome
		f.d.Outcome = &o
	}
	return f, nil
}

// Height is the height the diagram needs at width w (it is drawn at its
// natural size when the canvas is at least this high).
func (f *FlowDiagram) Height(w vg.Length) vg.Length {
	inner := w - 2*figureMargin
	return f.layout(inner).height + titleHeight(f.d.Title, inner) + 2*figureMargin
}

// Draw implements Figure.
func (f *FlowDiagram) Draw(c draw.Canvas) {
	c = drawTitle(inset(c), f.d.Title)
	w, h := c.Max.X-c.Min.X, c.Max.Y-c.Min.Y
	l := f.layout(w)
	scale := 1.0
	if l.height > h {
		scale = float64(h / l.height)
		l = f.layout(w / vg.Length(scale))
	}
	c.Push()
	defer c.Pop()
	c.Translate(vg.Point{X: c.Min.X, Y: c.Max.Y})
	if scale != 1 {
		c.Scale(scale, scale)
	}
	l.draw(draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
		Min: vg.Point{Y: -l.height}, Max: vg.Point{X: l.width}}})
}
