package reports

import (
	"bytes"
	"image/color"
	"image/png"
	"io"

	"codeberg.org/go-pdf/fpdf"

	"github.com/danish-eval/evaluate/reports/pdfcanvas"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// figureWidth is the width of every figure, in the PDF and the PNG files.
const figureWidth = textW * vg.Millimeter

// freshRoom is the height a figure has on a page of its own, in mm.
const freshRoom = pageH - marginBottom - marginTop - 3

// figure draws f at the current position, the text width wide and h mm
// high (or the height it asks for), as vector graphics.
func (d *pdfDoc) figure(f Figure, h float64) {
	if f == nil {
		return
	}
	need := vg.Length(h) * vg.Millimeter
	if s, ok := f.(figureStack); ok && s.Height(figureWidth) > freshRoom*vg.Millimeter {
		// Taller than a page, the stack would be scaled down as a whole
		// (its type with it): its panels go one after another instead,
		// across pages.
		for _, panel := range s {
			d.figure(panel, float64(panelHeightOf(panel, figureWidth)/vg.Millimeter))
		}
		return
	}
	if s, ok := f.(Sizer); ok {
		need = s.Height(figureWidth)
		h = float64(need / vg.Millimeter)
	}
	p := d.pdf
	room := func() float64 { return pageH - marginBottom - p.GetY() - 3 }
	if startsPage(room(), h) {
		// Start the figure on a fresh page rather than squeeze it: scaled
		// down to the room left, its type (the risk table's 8 pt) would
		// shrink below what a printed page can be read at. A figure taller
		// than a page is scaled wherever it starts, so it stays.
		p.AddPage()
	}
	h = min(h, room()) // figures scale down to the height they are given
	y := p.GetY()
	c := pdfcanvas.New(p, figureWidth, vg.Length(h)*vg.Millimeter, vg.Point{X: marginX * vg.Millimeter, Y: vg.Length(y) * vg.Millimeter})
	drawFitted(draw.New(c), f, need)
	if err := c.Close(); err != nil {
		p.SetError(err)
	}
	p.SetXY(marginX, y+h+3)
}

// startsPage reports whether a figure h mm high goes to a fresh page
// from a page with room mm left.
func startsPage(room, h float64) bool {
	return room < min(h, 90) || (room < h*(1-maxSqueeze) && h*(1-maxSqueeze) <= freshRoom)
}

// heightMM is the height in mm f asks for at the text width, or h when
// it does not say (not a Sizer).
func heightMM(f Figure, h float64) float64 {
	if s, ok := f.(Sizer); ok {
		return float64(s.Height(figureWidth) / vg.Millimeter)
	}
	return h
}

// keepWithFigure starts a new page before a subheading whose figure, after
// the text between them, would go to a page of its own: the heading and
// its text then go with the figure instead of being left behind.
func (d *pdfDoc) keepWithFigure(rest []Block) {
	p := d.pdf
	text := 9.0 // the subheading with its spacing
	for _, b := range rest {
		switch b := b.(type) {
		case Paragraph:
			text += paraLineH*float64(d.lines(b.Text, "", paraSize)) + paraAfter
		case Note:
			text += noteLineH*float64(d.lines(b.Text, "I", noteSize)) + noteAfter
		case FigureBlock:
			h := heightMM(b.Figure, b.Height)
			if _, stack := b.Figure.(figureStack); b.Figure == nil || stack {
				return
			}
			room := pageH - marginBottom - p.GetY() - 3 - text
			if startsPage(room, h) && !startsPage(freshRoom-text, h) {
				p.AddPage()
			}
			return
		default:
			return
		}
	}
}

// lines is the number of lines s takes in the text width, measured in a
// document of its own so the report's pages and fonts are not touched.
func (d *pdfDoc) lines(s, style string, size float64) int {
	if d.measure == nil {
		d.measure = fpdf.New("P", "mm", "A4", "")
		registerTextFonts(d.measure)
		d.measure.AddPage()
	}
	d.measure.SetFont(fontFamily, style, size)
	return len(d.measure.SplitText(keepTogether(s), textW))
}

// EncodePNG draws f on a white image the text width wide at 200 dpi.
func EncodePNG(f Figure, h float64) ([]byte, error) {
	h = heightMM(f, h)
	c := vgimg.NewWith(vgimg.UseWH(figureWidth, vg.Length(h)*vg.Millimeter), vgimg.UseDPI(PNGDPI),
		vgimg.UseBackgroundColor(color.White))
	f.Draw(draw.New(c))
	var b bytes.Buffer
	if err := writePNG(&b, c); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// writePNG encodes a drawn canvas at zlib's fastest level: a third less
// time than the default for files about 3 % larger, which matters because
// encoding the figures is most of drawing a report.
func writePNG(w io.Writer, c *vgimg.Canvas) error {
	return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, c.Image())
}
