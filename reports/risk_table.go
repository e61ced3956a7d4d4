package reports

import (
	"image/color"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// NoneAtRiskMark is shown in the risk table where no one was at risk.
const NoneAtRiskMark = "–"

var (
	riskGap    = vg.Points(10) // between the x axis label and the table
	riskIndent = vg.Points(8)  // of stratum rows under a heading row
)

// riskRow is one row of the risk table; a heading row has no cells. Its
// label may be wrapped onto several lines.
type riskRow struct {
	label  string
	lines  int
	bold   bool
	indent bool
	color  color.Color // with dashes, the stratum's line sample; nil for none
	dashes []vg.Length
	cells  []RiskCell
	times  []string // a header row's cells: the times
}

// riskLabelShare is the most of the figure's width the label column takes;
// longer labels wrap.
const riskLabelShare = 0.3

func (f *RetentionCurve) riskRows(w vg.Length) []riskRow {
	r := f.d.Risk
	if r == nil {
		return nil
	}
	var rows []riskRow
	if len(r.Rows) > 0 {
		for _, l := range r.Rows {
			rows = append(rows, riskRow{label: l.Label, cells: l.Cells})
		}
	} else if len(f.d.Curves) == 1 {
		rows = []riskRow{{label: r.AtRiskLabel, cells: r.AtRisk[0]}, {label: r.LeftLabel, cells: r.Left[0]}}
	} else {
		for _, part := range []struct {
			label string
			cells [][]RiskCell
		}{{r.AtRiskLabel, r.AtRisk}, {r.LeftLabel, r.Left}} {
			rows = append(rows, riskRow{label: part.label, bold: true})
			for i, k := range f.d.Curves {
				row := riskRow{label: k.Name, indent: true, cells: part.cells[i]}
				if !k.Suppressed {
					row.color, row.dashes = paletteColor(i), dashes(i)
				}
				rows = append(rows, row)
			}
		}
	}
	maxW := w * riskLabelShare
	for i := range rows {
		lw := maxW
		if rows[i].indent {
			lw -= riskIndent
		}
		if rows[i].color != nil {
			lw -= riskKeyW
		}
		rows[i].label = wrap(textStyle(NoteSize, rows[i].bold), rows[i].label, lw)
		rows[i].lines = strings.Count(rows[i].label, "\n") + 1
	}
	return rows
}

func riskLineHeight() vg.Length { return lineHeight(textStyle(NoteSize, false)) }

func (r riskRow) height() vg.Length {
	return vg.Length(r.lines)*riskLineHeight() + riskLineHeight()*0.35
}

func (f *RetentionCurve) riskHeight(w vg.Length) vg.Length {
	rows := f.riskRows(w)
	if len(rows) == 0 {
		return 0
	}
	h := riskGap
	for _, r := range rows {
		h += r.height()
	}
	return h
}

func (f *RetentionCurve) cellText(c RiskCell) string {
	switch {
	case c.Suppressed:
		return SuppressedMark
	case c.NoneAtRisk:
		return NoneAtRiskMark
	}
	return Int(f.d.Labels.Lang, c.N)
}

// riskMargins is the room the table needs left and right of the plot's
// data area: its label column and half of the outermost cells.
func (f *RetentionCurve) riskMargins(w vg.Length) (left, right vg.Length) {
	rows := f.riskRows(w)
	if len(rows) == 0 {
		return 0, 0
	}
	sty, bold := textStyle(NoteSize, false), textStyle(NoteSize, true)
	var first, last vg.Length
	for _, r := range rows {
		w := sty.Width(r.label)
		if r.bold {
			w = bold.Width(r.label)
		}
		if r.indent {
			w += riskIndent
		}
		if r.color != nil {
			w += riskKeyW
		}
		left = max(left, w)
		if n := len(r.cells); n > 0 {
			first = max(first, sty.Width(f.cellText(r.cells[0])))
			last = max(last, sty.Width(f.cellText(r.cells[n-1])))
		}
	}
	return left + vg.Points(8) + first/2, last/2 + vg.Points(2)
}

// riskKeyW is the width of the line sample before a stratum's label: the
// stratum's colour and dashes, so the label itself stays in ink (a yellow
// label would be unreadable) and the row reads in grey print.
var riskKeyW = vg.Points(16)

// dodge moves the centres xs of cells as wide as ws apart until
// neighbours are at least riskCellGap apart, keeping them in order and
// inside [lo, hi]: close configured times keep their cells legible at full
// size instead of shrinking the type.
func dodge(xs, ws []vg.Length, lo, hi vg.Length) []vg.Length {
	out := append([]vg.Length(nil), xs...)
	need := func(j int) vg.Length { return (ws[j-1]+ws[j])/2 + riskCellGap }
	forward := func() {
		for j := 1; j < len(out); j++ {
			out[j] = max(out[j], out[j-1]+need(j))
		}
	}
	forward()
	if n := len(out); n > 0 {
		out[n-1] = min(out[n-1], hi-ws[n-1]/2)
		for j := n - 2; j >= 0; j-- {
			out[j] = min(out[j], out[j+1]-need(j+1))
		}
		out[0] = max(out[0], lo+ws[0]/2)
		forward() // too many columns for the width: they run off the right, never overlap
	}
	return out
}

// riskCellGap is the least space between the cells of neighbouring times.
var riskCellGap = vg.Points(4)

// cellWidths is the widest cell of each column.
func (f *RetentionCurve) cellWidths(rows []riskRow, n int) []vg.Length {
	sty := textStyle(NoteSize, false)
	ws := make([]vg.Length, n)
	for _, r := range rows {
		for j := range r.cells {
			ws[j] = max(ws[j], sty.Width(f.rowCell(r, j)))
		}
	}
	return ws
}

// rowCell is the text of a row's j-th cell.
func (f *RetentionCurve) rowCell(r riskRow, j int) string {
	if r.times != nil {
		return r.times[j]
	}
	return f.cellText(r.cells[j])
}

// drawRisk draws the table in tc, each column centred at xs (under its
// time), moved apart where neighbours would touch. A header row of the
// times is drawn when header is set (the small multiples, whose panels'
// axes the table cannot sit under).
func (f *RetentionCurve) drawRisk(tc draw.Canvas, xs []vg.Length, w vg.Length, header string) {
	rows := f.riskRows(w)
	if header != "" {
		head := riskRow{label: header, lines: 1, bold: true}
		for _, t := range f.d.Times {
			head.cells = append(head.cells, RiskCell{N: int(t)})
			head.times = append(head.times, number(f.d.Labels.Lang, t))
		}
		rows = append([]riskRow{head}, rows...)
	}
	xs = dodge(xs, f.cellWidths(rows, len(xs)), tc.Min.X, tc.Max.X)
	y := tc.Max.Y - riskGap
	for _, r := range rows {
		h := r.height()
		y -= h / 2
		sty := textStyle(NoteSize, r.bold)
		sty.YAlign = draw.YCenter
		cell := sty
		cell.XAlign = draw.XCenter
		x := tc.Min.X
		if r.indent {
			x += riskIndent
		}
		if r.color != nil {
			ls := draw.LineStyle{Color: r.color, Width: vg.Points(1.5), Dashes: r.dashes}
			tc.StrokeLine2(ls, x, y, x+riskKeyW-vg.Points(4), y)
			x += riskKeyW
		}
		tc.FillText(sty, vg.Point{X: x, Y: y}, r.label)
		for j := range r.cells {
			tc.FillText(cell, vg.Point{X: xs[j], Y: y}, f.rowCell(r, j))
		}
		y -= h / 2
	}
}
