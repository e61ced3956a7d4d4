package reports

import (
	"image/color"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legendKind is how a legend entry's key is drawn.
type legendKind int

const (
	keyLine legendKind = iota // a line sample (colour and dashes)
	keyBox                    // a filled square (areas, bands)
	keyPlus                   // a "+" glyph (censoring)
	keyNone                   // text only
)

type legendEntry struct {
	Label  string
	Kind   legendKind
	Color  color.Color
	Dashes []vg.Length
	Width  vg.Length // line width of keyLine; 0 means 1.5 pt
}

var (
	legendKeyW = vg.Points(22)
	legendGap  = vg.Points(4)  // between key and label
	legendSep  = vg.Points(14) // between entries
)

// keyWidth is the room taken by e's key and the gap after it.
func (e legendEntry) keyWidth() vg.Length {
	if e.Kind == keyNone {
		return 0
	}
	return legendKeyW + legendGap
}

// legendLines lays the entries out in rows no wider than w; a label too
// long for a row of its own is cut with "…".
func legendLines(entries []legendEntry, w vg.Length) [][]legendEntry {
	sty := textStyle(TickSize, false)
	var rows [][]legendEntry
	var row []legendEntry
	var x vg.Length
	for _, e := range entries {
		e.Label = ellipsis(sty, e.Label, w-e.keyWidth())
		ew := e.keyWidth() + sty.Width(e.Label)
		if len(row) > 0 && x+legendSep+ew > w {
			rows = append(rows, row)
			row, x = nil, 0
		}
		if len(row) > 0 {
			x += legendSep
		}
		row = append(row, e)
		x += ew
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

// legendHeight is the height drawLegend takes at width w.
func legendHeight(entries []legendEntry, w vg.Length) vg.Length {
	if len(entries) == 0 {
		return 0
	}
	sty := textStyle(TickSize, false)
	return vg.Length(len(legendLines(entries, w)))*lineHeight(sty)*1.3 + vg.Points(4)
}

// drawLegend draws the entries in rows across the top of c and returns the
// rest of c.
func drawLegend(c draw.Canvas, entries []legendEntry) draw.Canvas {
	if len(entries) == 0 {
		return c
	}
	sty := textStyle(TickSize, false)
	sty.YAlign = draw.YCenter
	rowH := lineHeight(sty) * 1.3
	y := c.Max.Y - rowH/2
	for _, row := range legendLines(entries, c.Max.X-c.Min.X) {
		x := c.Min.X
		for _, e := range row {
			drawKey(c, e, vg.Point{X: x, Y: y})
			x += e.keyWidth()
			c.FillText(sty, vg.Point{X: x, Y: y}, e.Label)
			x += sty.Width(e.Label) + legendSep
		}
		y -= rowH
	}
	c.Max.Y -= legendHeight(entries, c.Max.X-c.Min.X)
	return c
}

// drawKey draws the key of e with its left end at pt (vertically centred).
func drawKey(c draw.Canvas, e legendEntry, pt vg.Point) {
	half := vg.Points(4)
	switch e.Kind {
	case keyLine:
		w := e.Width
		if w == 0 {
			w = vg.Points(1.5)
		}
		ls := draw.LineStyle{Color: e.Color, Width: w, Dashes: e.Dashes}
		c.StrokeLine2(ls, pt.X, pt.Y, pt.X+legendKeyW, pt.Y)
	case keyBox:
		c.FillPolygon(e.Color, []vg.Point{
			{X: pt.X + 3, Y: pt.Y - half}, {X: pt.X + legendKeyW - 3, Y: pt.Y - half},
			{X: pt.X + legendKeyW - 3, Y: pt.Y + half}, {X: pt.X + 3, Y: pt.Y + half},
		})
	case keyPlus:
		gs := draw.GlyphStyle{Color: e.Color, Radius: vg.Points(3.5), Shape: draw.PlusGlyph{}}
		c.DrawGlyphNoClip(gs, vg.Point{X: pt.X + legendKeyW/2, Y: pt.Y})
	}
}
