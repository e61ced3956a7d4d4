package reports

import "strings"

// Building blocks of the text pages: headings, paragraphs, tables.

func (d *pdfDoc) heading(s string) {
	p := d.pdf
	p.Bookmark(s, 0, -1) // the PDF's outline: one entry per section
	d.outlined = true
	p.SetFont(fontFamily, "B", 16)
	p.MultiCell(textW, 8, s, "", "L", false)
	p.Ln(2)
}

func (d *pdfDoc) subheading(s string) {
	p := d.pdf
	d.ensureSpace(16)
	p.Ln(2)
	if d.outlined {
		p.Bookmark(s, 1, -1)
	}
	p.SetFont(fontFamily, "B", 11.5)
	p.MultiCell(textW, 6, s, "", "L", false)
	p.Ln(1)
}

// The type of paragraphs and notes: size in pt, line height and the space
// after, in mm (keepWithFigure measures with them too).
const (
	paraSize, paraLineH, paraAfter = 10.5, 5.2, 1.5
	noteSize, noteLineH, noteAfter = 8.5, 4.2, 1.0
)

func (d *pdfDoc) para(s string) {
	p := d.pdf
	p.SetFont(fontFamily, "", paraSize)
	p.MultiCell(textW, paraLineH, keepTogether(s), "", "L", false)
	p.Ln(paraAfter)
}

func (d *pdfDoc) small(s string) {
	p := d.pdf
	p.SetFont(fontFamily, "I", noteSize)
	p.SetTextColor(70, 70, 70)
	p.MultiCell(textW, noteLineH, keepTogether(s), "", "L", false)
	p.SetTextColor(0, 0, 0)
	p.Ln(noteAfter)
}

// ensureSpace starts a new page when fewer than h mm remain.
func (d *pdfDoc) ensureSpace(h float64) {
	if d.pdf.GetY()+h > pageH-marginBottom {
		d.pdf.AddPage()
	}
}

// table draws a table whose column widths are shares of the text width;
// align holds one of L, C, R per column. Cells wrap when too long.
type table struct {
	caption string // the table's heading, drawn above it; "" for none
	head    []string
	rows    [][]string
	widths  []float64
	align   string
	bold    map[int]bool // rows to set in bold (e.g. the pooled row)
}

func (d *pdfDoc) table(t table) {
	t = t.keptTogether()
	p := d.pdf
	w := make([]float64, len(t.widths))
	for i, s := range t.widths {
		w[i] = s * textW
	}
	d.fitWords(t, w)
	d.tableCaption(t, w)
	d.tableRow(t.head, w, t.align, "B", 230)
	for i, row := range t.rows {
		style := ""
		if t.bold[i] {
			style = "B"
		}
		if d.pdf.GetY()+d.rowHeight(row, w, style) > pageH-marginBottom {
			d.pdf.AddPage()
			d.tableRow(t.head, w, t.align, "B", 230) // repeat the header
		}
		d.tableRow(row, w, t.align, style, -1)
	}
	p.Ln(2)
}

const tableLineH = 4.6

// fitWords widens any column too narrow for its longest word (a header
// such as "Median (kvartilafstand)" would otherwise break inside a word),
// taking the width from columns that have more than their longest word
// needs, in proportion to their spare width. When the spare width does not
// suffice, the columns keep their shares.
func (d *pdfDoc) fitWords(t table, w []float64) {
	need := make([]float64, len(w))
	d.widestWords(need, t.head, "B")
	for i, row := range t.rows {
		style := ""
		if t.bold[i] {
			style = "B"
		}
		d.widestWords(need, row, style)
	}
	short, spare := 0.0, 0.0
	for i := range w {
		short += max(0, need[i]-w[i])
		spare += max(0, w[i]-need[i])
	}
	if short == 0 || spare < short {
		return
	}
	for i := range w {
		if need[i] > w[i] {
			w[i] = need[i]
		} else {
			w[i] -= (w[i] - need[i]) * short / spare
		}
	}
}

// breaksLine says where fpdf may break a cell's text: at a plain space or
// a newline, never at the no-break space that joins a number to its "%".
func breaksLine(r rune) bool { return r == ' ' || r == '\n' }

// widestWords raises need[i] to the width cell i's longest word takes,
// with the cell's padding (tableRow's 1 mm a side and fpdf's cell margin).
func (d *pdfDoc) widestWords(need []float64, cells []string, style string) {
	d.pdf.SetFont(fontFamily, style, 9)
	pad := 2 + 2*d.pdf.GetCellMargin() + 0.1
	for i, c := range cells {
		if i >= len(need) {
			break
		}
		for _, word := range strings.FieldsFunc(c, breaksLine) {
			need[i] = max(need[i], d.pdf.GetStringWidth(word)+pad)
		}
	}
}

// tableCaption draws the table's heading, a small bold line, kept on the
// page with the header row and the first row.
func (d *pdfDoc) tableCaption(t table, w []float64) {
	if t.caption == "" {
		return
	}
	p := d.pdf
	p.SetFont(fontFamily, "B", 9)
	capH := float64(len(p.SplitText(t.caption, textW)))*tableLineH + 1
	need := capH + d.rowHeight(t.head, w, "B")
	if len(t.rows) > 0 {
		need += d.rowHeight(t.rows[0], w, "")
	}
	d.ensureSpace(need)
	p.SetFont(fontFamily, "B", 9)
	p.MultiCell(textW, tableLineH, t.caption, "", "L", false)
	p.Ln(1)
}

// rowHeight is the height a table row needs with its cells wrapped.
func (d *pdfDoc) rowHeight(cells []string, w []float64, style string) float64 {
	p := d.pdf
	p.SetFont(fontFamily, style, 9)
	lines := 1
	for i, c := range cells {
		if n := len(p.SplitText(c, w[i]-2)); n > lines {
			lines = n
		}
	}
	return float64(lines)*tableLineH + 1.6
}

func (d *pdfDoc) tableRow(cells []string, w []float64, align, style string, fill int) {
	p := d.pdf
	h := d.rowHeight(cells, w, style)
	d.ensureSpace(h)
	x, y := p.GetX(), p.GetY()
	if fill >= 0 {
		p.SetFillColor(fill, fill, fill)
		p.Rect(x, y, sum(w), h, "F")
	}
	for i, c := range cells {
		p.SetXY(x+1, y+0.8)
		a := "L"
		if i < len(align) {
			a = string(align[i])
		}
		p.MultiCell(w[i]-2, tableLineH, c, "", a, false)
		x += w[i]
	}
	p.SetDrawColor(200, 200, 200)
	p.Line(marginX, y+h, marginX+sum(w), y+h)
	p.SetXY(marginX, y+h)
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// keptTogether is t with each number joined to its per cent sign (done
// once here, not each time a row is measured and drawn).
func (t table) keptTogether() table {
	out := t
	out.head = make([]string, len(t.head))
	for j, h := range t.head {
		out.head[j] = keepTogether(h)
	}
	out.rows = make([][]string, len(t.rows))
	for i, row := range t.rows {
		out.rows[i] = make([]string, len(row))
		for j, c := range row {
			out.rows[i][j] = keepTogether(c)
		}
	}
	return out
}
