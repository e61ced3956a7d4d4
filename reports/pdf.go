package reports

import (
	"bytes"
	"fmt"

	"codeberg.org/go-pdf/fpdf"
	"github.com/danish-eval/evaluate/reports/pdfcanvas"
	stdfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
)

// Page geometry in millimetres (A4 portrait).
const (
	pageW, pageH = 210.0, 297.0
	marginX      = 18.0
	marginTop    = 22.0
	marginBottom = 20.0
	textW        = pageW - 2*marginX
)

// pdfDoc renders a Content as an A4 PDF: one page per section.
type pdfDoc struct {
	pdf *fpdf.Fpdf
	c   *Content
	t   *Text
	// outlined is set once a page heading is in the PDF's outline, so
	// subheadings can hang below it.
	outlined bool
	// measure measures text for keepWithFigure (made when first needed).
	measure *fpdf.Fpdf
}

// PDF renders the report. The creation date is the data date, so the same
// inputs give the same bytes.
func PDF(c *Content) ([]byte, error) {
	d := newPDF(c)
	for _, s := range c.Sections {
		d.section(s)
	}
	if err := d.pdf.Error(); err != nil {
		return nil, fmt.Errorf("render report.pdf: %w", err)
	}
	var b bytes.Buffer
	if err := d.pdf.Output(&b); err != nil {
		return nil, fmt.Errorf("render report.pdf: %w", err)
	}
	return b.Bytes(), nil
}

func newPDF(c *Content) *pdfDoc {
	p := fpdf.New("P", "mm", "A4", "")
	d := &pdfDoc{pdf: p, c: c, t: TextFor(c.Lang, c.Level)}
	p.SetCreationDate(c.Date)
	p.SetModificationDate(c.Date)
	p.SetCatalogSort(true)
	p.SetCompression(true)
	p.SetTitle(c.Title, true)
	p.SetLang(d.t.Msg("PDFLang"))
	p.SetCreator("evaluate "+c.Version, true)
	p.SetProducer("evaluate "+c.Version, true)
	registerTextFonts(p)
	p.SetMargins(marginX, marginTop, marginX)
	p.SetAutoPageBreak(true, marginBottom)
	p.AliasNbPages("{nb}")
	p.SetHeaderFunc(d.header)
	p.SetFooterFunc(d.footer)
	return d
}

// section draws a section from a new page.
func (d *pdfDoc) section(s Section) {
	if s.Lead {
		d.leadHeading(s.Heading)
	} else {
		d.pdf.AddPage()
		d.heading(s.Heading)
	}
	for i, b := range s.Blocks {
		switch b := b.(type) {
		case Paragraph:
			d.para(b.Text)
		case Note:
			d.small(b.Text)
		case Subheading:
			d.keepWithFigure(s.Blocks[i+1:])
			d.subheading(b.Text)
		case TableBlock:
			d.table(d.pdfTable(b.Table))
		case FigureBlock:
			d.figure(b.Figure, b.Height)
		}
	}
}

// leadHeading opens the first page: the programme's title, large, and the
// section's name under it.
func (d *pdfDoc) leadHeading(heading string) {
	p := d.pdf
	p.AddPage()
	p.Bookmark(heading, 0, -1)
	d.outlined = true
	p.SetFont(fontFamily, "B", 20)
	p.MultiCell(textW, 9, d.c.Title, "", "L", false)
	p.Ln(1)
	p.SetFont(fontFamily, "", 11)
	p.MultiCell(textW, 5.5, heading, "", "L", false)
	p.Ln(3)
}

func (d *pdfDoc) header() {
	p := d.pdf
	p.SetFont(fontFamily, "B", 9)
	p.SetTextColor(60, 60, 60)
	p.SetXY(marginX, 10)
	p.CellFormat(textW/2, 5, d.c.Title, "", 0, "L", false, 0, "")
	p.SetFont(fontFamily, "", 9)
	p.CellFormat(textW/2, 5, d.c.Stamp, "", 0, "R", false, 0, "")
	p.SetDrawColor(180, 180, 180)
	p.Line(marginX, 16, pageW-marginX, 16)
	if d.c.Draft != "" {
		d.watermark()
	}
	p.SetTextColor(0, 0, 0)
	p.SetXY(marginX, marginTop)
}

// watermark stamps pages whose small cells are not suppressed.
func (d *pdfDoc) watermark() {
	p := d.pdf
	p.SetFont(fontFamily, "B", 10)
	p.SetTextColor(200, 0, 0)
	p.SetXY(marginX, 17)
	p.CellFormat(textW, 4, d.c.Draft, "", 0, "C", false, 0, "")
}

func (d *pdfDoc) footer() {
	p := d.pdf
	p.SetY(-14)
	p.SetFont(fontFamily, "", 8)
	p.SetTextColor(90, 90, 90)
	p.CellFormat(textW/2, 5, "evaluate "+d.c.Version, "", 0, "L", false, 0, "")
	p.CellFormat(textW/2, 5, fmt.Sprintf("%s %d %s {nb}", d.t.Page, p.PageNo(), d.t.Of), "", 0, "R", false, 0, "")
	p.SetTextColor(0, 0, 0)
}

// fontFamily is the fpdf family of the text pages: the figures' Liberation
// Sans, registered once, so the document embeds one copy of each face.
const fontFamily = "liberationsans"

// registerTextFonts adds the regular, bold and italic faces of the figure font.
func registerTextFonts(p *fpdf.Fpdf) {
	for _, f := range []font.Font{
		SansFont,
		{Typeface: SansFont.Typeface, Variant: SansFont.Variant, Weight: stdfont.WeightBold},
		{Typeface: SansFont.Typeface, Variant: SansFont.Variant, Style: stdfont.StyleItalic},
	} {
		pdfcanvas.RegisterFont(p, font.DefaultCache.Lookup(f, 10))
	}
}
