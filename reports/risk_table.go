package reports

import (
	"image/color"
	"strings"

	"gonum.org/v1/plot"
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
	color  color.Color
	cells  []RiskCell
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
				clr := paletteColor(i)
				if k.Suppressed {
					clr = inkColor
				}
				rows = append(rows, riskRow{label: k.Name, indent: true, color: clr, cells: part.cells[i]})
			}
		}
	}
	maxW := w * riskLabelShare
	for i := range rows {
		lw := maxW
		if rows[i].indent {
			lw -= riskIndent
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
		left = max(left, w)
		if n := len(r.cells); n > 0 {
			first = max(first, sty.Width(f.cellText(r.cells[0])))
			last = max(last, sty.Width(f.cellText(r.cells[n-1])))
		}
	}
	return left + vg.Points(8) + first/2, last/2 + vg.Points(2)
}

// cellSize is the largest font size, at most NoteSize, at which the
// widest cells of neighbouring columns do not touch.
func (f *RetentionCurve) cellSize(rows []riskRow, xs []vg.Length) vg.Length {
	for size := NoteSize; size > vg.Points(5); size -= vg.Points(0.5) {
		sty := textStyle(size, false)
		ok := true
		for j := 1; j < len(xs) && ok; j++ {
			for _, r := range rows {
				if r.cells == nil {
					continue
				}
				need := (sty.Width(f.cellText(r.cells[j-1]))+sty.Width(f.cellText(r.cells[j])))/2 + vg.Points(3)
				if xs[j]-xs[j-1] < need {
					ok = false
					break
				}
			}
		}
		if ok {
			return size
		}
	}
	return vg.Points(5)
}

// drawRisk draws the table in tc, its columns under the times of the
// plot's data canvas dc.
func (f *RetentionCurve) drawRisk(tc draw.Canvas, p *plot.Plot, dc draw.Canvas, w vg.Length) {
	rows := f.riskRows(w)
	xs := make([]vg.Length, len(f.d.Times))
	for j, t := range f.d.Times {
		xs[j] = dc.X(p.X.Norm(t))
	}
	cell := textStyle(f.cellSize(rows, xs), false)
	cell.XAlign, cell.YAlign = draw.XCenter, draw.YCenter
	y := tc.Max.Y - riskGap
	for _, r := range rows {
		h := r.height()
		y -= h / 2
		sty := textStyle(NoteSize, r.bold)
		sty.YAlign = draw.YCenter
		x := tc.Min.X
		if r.indent {
			x += riskIndent
		}
		if r.color != nil {
			sty.Color = r.color
		}
		tc.FillText(sty, vg.Point{X: x, Y: y}, r.label)
		for j, rc := range r.cells {
			tc.FillText(cell, vg.Point{X: xs[j], Y: y}, f.cellText(rc))
		}
		y -= h / 2
	}
}
