package reports

import (
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

var (
	flowPad     = vg.Points(6)  // inside boxes
	flowArrow   = vg.Points(18) // length of a vertical arrow
	flowSideGap = vg.Points(28) // main column to the excluded box
	flowColGap  = vg.Points(10) // between status boxes
	flowMain    = color.NRGBA{0xEE, 0xF3, 0xF8, 0xff}
	flowSide    = color.NRGBA{0xF5, 0xF5, 0xF5, 0xff}
	flowOutcome = color.NRGBA{0xEC, 0xF6, 0xF0, 0xff}
)

// fline is one line of text in a box.
type fline struct {
	text       string
	bold, left bool
	size       vg.Length
}

func (l fline) style() draw.TextStyle { return textStyle(l.size, l.bold) }

// fbox is a box laid out top-down: (x, y) is its top left corner, y grows
// downwards from the top of the diagram.
type fbox struct {
	x, y, w, h vg.Length
	lines      []fline
	fill       color.Color
}

func (b *fbox) cx() vg.Length     { return b.x + b.w/2 }
func (b *fbox) bottom() vg.Length { return b.y + b.h }

// measure sets the box's size from its lines.
func (b *fbox) measure() {
	b.w, b.h = 0, 2*flowPad
	for _, l := range b.lines {
		b.w = max(b.w, l.style().Width(l.text))
		b.h += lineHeight(l.style())
	}
	b.w += 2 * flowPad
}

// newFBox makes a box of a label (wrapped to maxW) and a bold value.
func newFBox(fb FlowBox, maxW vg.Length, fill color.Color) *fbox {
	b := &fbox{fill: fill}
	sty := textStyle(LabelSize, false)
	for _, s := range strings.Split(wrap(sty, fb.Label, maxW-2*flowPad), "\n") {
		b.lines = append(b.lines, fline{text: s, size: LabelSize})
	}
	if fb.Value != "" {
		b.lines = append(b.lines, fline{text: fb.Value, bold: true, size: LabelSize})
	}
	b.measure()
	return b
}

type flowLayout struct {
	width, height vg.Length
	boxes         []*fbox
	arrows        [][]vg.Point // polylines, in top-down coordinates; arrowhead at the end
	lines         [][]vg.Point // connectors without a head
}

// layout places the boxes of f in a diagram w wide.
func (f *FlowDiagram) layout(w vg.Length) flowLayout {
	l := flowLayout{width: w}
	d := f.d
	read := newFBox(d.Read, w*0.4, flowMain)
	incl := newFBox(d.Included, w*0.4, flowMain)
	mainW := max(read.w, incl.w)
	var excl *fbox
	if d.Excluded.Label != "" || len(d.Reasons) > 0 {
		excl = newFBox(d.Excluded, w-mainW-flowSideGap, flowSide)
		sty := textStyle(NoteSize, false)
		for _, r := range d.Reasons {
			txt := r.Label
			if r.Value != "" {
				txt += ": " + r.Value
			}
			for _, s := range strings.Split(wrap(sty, txt, w-mainW-flowSideGap-2*flowPad), "\n") {
				excl.lines = append(excl.lines, fline{text: s, left: true, size: NoteSize})
			}
		}
		excl.measure()
	}
	total, sideW := mainW, vg.Length(0)
	if excl != nil {
		sideW = flowSideGap + excl.w
		total += sideW
	}
	xm := max((w-total)/2+mainW/2, mainW/2)
	read.x, read.y = xm-read.w/2, 0
	incl.x, incl.y = xm-incl.w/2, read.h+2*flowArrow
	if excl != nil {
		gap := max(2*flowArrow, excl.h+2*flowPad)
		incl.y = read.h + gap
		excl.x, excl.y = xm+mainW/2+flowSideGap, read.h+(gap-excl.h)/2
		mid := excl.y + excl.h/2
		l.arrows = append(l.arrows, []vg.Point{{X: xm, Y: mid}, {X: excl.x, Y: mid}})
		l.boxes = append(l.boxes, excl)
	}
	l.arrows = append(l.arrows, []vg.Point{{X: xm, Y: read.h}, {X: xm, Y: incl.y}})
	l.boxes = append(l.boxes, read, incl)
	l.height = incl.bottom()
	l.placeStatuses(f, incl, xm)
	return l
}

// placeStatuses puts the status boxes in a row under the included box,
// joined to it by a branching connector, and the outcome box under its
// status.
func (l *flowLayout) placeStatuses(f *FlowDiagram, incl *fbox, xm vg.Length) {
	d := f.d
	n := len(d.Statuses)
	if n == 0 {
		return
	}
	maxW := (l.width - vg.Length(n-1)*flowColGap) / vg.Length(n)
	boxes := make([]*fbox, n)
	var total vg.Length
	for i, s := range d.Statuses {
		boxes[i] = newFBox(s, maxW, color.White)
		total += boxes[i].w
	}
	total += vg.Length(n-1) * flowColGap
	x, top := (l.width-total)/2, incl.bottom()+2*flowArrow
	branch := incl.bottom() + flowArrow
	lo, hi := xm, xm
	for _, b := range boxes {
		b.x, b.y = x, top
		x += b.w + flowColGap
		lo, hi = min(lo, b.cx()), max(hi, b.cx())
		l.arrows = append(l.arrows, []vg.Point{{X: b.cx(), Y: branch}, {X: b.cx(), Y: top}})
		l.height = max(l.height, b.bottom())
	}
	l.lines = append(l.lines, []vg.Point{{X: xm, Y: incl.bottom()}, {X: xm, Y: branch}},
		[]vg.Point{{X: lo, Y: branch}, {X: hi, Y: branch}})
	l.boxes = append(l.boxes, boxes...)
	if d.Outcome == nil {
		return
	}
	under := boxes[d.OutcomeOf]
	o := newFBox(*d.Outcome, l.width*0.6, flowOutcome)
	o.y = l.height + flowArrow
	o.x = min(max(under.cx()-o.w/2, 0), l.width-o.w)
	l.arrows = append(l.arrows, []vg.Point{{X: under.cx(), Y: under.bottom()}, {X: under.cx(), Y: o.y}})
	l.boxes = append(l.boxes, o)
	l.height = o.bottom()
}

// draw draws the layout into c, whose top left corner is the diagram's
// origin (c.Max.Y is the top).
func (l flowLayout) draw(c draw.Canvas) {
	top := c.Max.Y
	at := func(p vg.Point) vg.Point { return vg.Point{X: c.Min.X + p.X, Y: top - p.Y} }
	ls := draw.LineStyle{Color: inkColor, Width: vg.Points(0.9)}
	for _, b := range l.boxes {
		r := []vg.Point{at(vg.Point{X: b.x, Y: b.y}), at(vg.Point{X: b.x + b.w, Y: b.y}),
			at(vg.Point{X: b.x + b.w, Y: b.bottom()}), at(vg.Point{X: b.x, Y: b.bottom()})}
		c.FillPolygon(b.fill, r)
		c.StrokeLines(ls, append(r, r[0]))
		y := top - b.y - flowPad
		for _, ln := range b.lines {
			sty := ln.style()
			sty.YAlign = draw.YTop
			x := c.Min.X + b.cx()
			sty.XAlign = draw.XCenter
			if ln.left {
				x, sty.XAlign = c.Min.X+b.x+flowPad, draw.XLeft
			}
			c.FillText(sty, vg.Point{X: x, Y: y}, ln.text)
			y -= lineHeight(sty)
		}
	}
	for _, pl := range l.lines {
		c.StrokeLine2(ls, at(pl[0]).X, at(pl[0]).Y, at(pl[1]).X, at(pl[1]).Y)
	}
	for _, pl := range l.arrows {
		a, b := at(pl[0]), at(pl[1])
		arrow(c, ls, a, b)
	}
}

// arrow draws a line from a to b with a filled head at b.
func arrow(c draw.Canvas, ls draw.LineStyle, a, b vg.Point) {
	const size = 5
	d := b.Sub(a)
	n := vg.Length(math.Hypot(float64(d.X), float64(d.Y)))
	if n == 0 {
		return
	}
	u := vg.Point{X: d.X / n, Y: d.Y / n}
	base := b.Sub(u.Scale(size))
	perp := vg.Point{X: -u.Y, Y: u.X}.Scale(size * 0.45)
	c.StrokeLine2(ls, a.X, a.Y, base.X, base.Y)
	c.FillPolygon(ls.Color, []vg.Point{b, base.Add(perp), base.Sub(perp)})
}
