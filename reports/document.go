package reports

import (
	"bytes"
	"fmt"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/danish-eval/evaluate/models/results"
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

// doc is a report being written: the fpdf document and what every page shows.
type doc struct {
	pdf  *fpdf.Fpdf
	r    *results.Results
	t    *Text
	meta results.Meta
	// outlined is set once a page heading is in the PDF's outline, so
	// subheadings can hang below it.
	outlined bool
}

// PDF renders the report. The creation date is the data date, so the same
// inputs give the same bytes.
func PDF(r *results.Results, meta results.Meta, figs Figures) ([]byte, error) {
	d := newDoc(r, meta)
	d.summaryPage()
	d.flowPage(figs)
	d.retentionPage(figs)
	d.outcomesPage(figs)
	d.strataPage(figs)
	d.exitsPage(figs)
	d.costsPage()
	d.sensitivityPage(figs)
	d.methodsPage()
	if err := d.pdf.Error(); err != nil {
		return nil, fmt.Errorf("render report.pdf: %w", err)
	}
	var b bytes.Buffer
	if err := d.pdf.Output(&b); err != nil {
		return nil, fmt.Errorf("render report.pdf: %w", err)
	}
	return b.Bytes(), nil
}

func newDoc(r *results.Results, meta results.Meta) *doc {
	p := fpdf.New("P", "mm", "A4", "")
	d := &doc{pdf: p, r: r, t: TextFor(r.Cohort.Language, r.Bootstrap.Level).WithLabels(r.Cohort.Labels), meta: meta}
	stamp := dataDate(r)
	p.SetCreationDate(stamp)
	p.SetModificationDate(stamp)
	p.SetCatalogSort(true)
	p.SetCompression(true)
	p.SetTitle(r.Cohort.Title, true)
	p.SetLang(map[string]string{"da": "da-DK", "en": "en-GB"}[d.t.Lang])
	p.SetCreator("evaluate "+meta.Version, true)
	p.SetProducer("evaluate "+meta.Version, true)
	registerTextFonts(p)
	p.SetMargins(marginX, marginTop, marginX)
	p.SetAutoPageBreak(true, marginBottom)
	p.AliasNbPages("{nb}")
	p.SetHeaderFunc(d.header)
	p.SetFooterFunc(d.footer)
	return d
}

// dataDate is the date of the data, or 1 January 2000 when unknown.
func dataDate(r *results.Results) time.Time {
	t, err := time.Parse("2006-01-02", r.Cohort.DataDate)
	if err != nil {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

func (d *doc) header() {
	p := d.pdf
	p.SetFont(fontFamily, "B", 9)
	p.SetTextColor(60, 60, 60)
	p.SetXY(marginX, 10)
	p.CellFormat(textW/2, 5, d.r.Cohort.Title, "", 0, "L", false, 0, "")
	p.SetFont(fontFamily, "", 9)
	p.CellFormat(textW/2, 5, d.t.DataAsOf+" "+Date(d.t.Lang, dataDate(d.r)), "", 0, "R", false, 0, "")
	p.SetDrawColor(180, 180, 180)
	p.Line(marginX, 16, pageW-marginX, 16)
	if d.r.Disclosure.MinCell == 0 {
		d.watermark()
	}
	p.SetTextColor(0, 0, 0)
	p.SetXY(marginX, marginTop)
}

// watermark stamps pages whose small cells are not suppressed.
func (d *doc) watermark() {
	p := d.pdf
	p.SetFont(fontFamily, "B", 10)
	p.SetTextColor(200, 0, 0)
	p.SetXY(marginX, 17)
	p.CellFormat(textW, 4, d.t.NotForPublication, "", 0, "C", false, 0, "")
}

func (d *doc) footer() {
	p := d.pdf
	p.SetY(-14)
	p.SetFont(fontFamily, "", 8)
	p.SetTextColor(90, 90, 90)
	p.CellFormat(textW/2, 5, "evaluate "+d.meta.Version, "", 0, "L", false, 0, "")
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
