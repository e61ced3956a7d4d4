package reports

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/danish-eval/evaluate/reports/pdfcanvas"
)

// figuresPDF puts every test figure on its own A4 page under a heading
// written with fpdf, as the report does.
func figuresPDF(t *testing.T) []byte {
	t.Helper()
	doc := fpdf.New("P", "mm", "A4", "")
	date := time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC)
	doc.SetCreationDate(date)
	doc.SetModificationDate(date)
	doc.SetCatalogSort(true)
	doc.SetMargins(18, 20, 18)
	face := font.DefaultCache.Lookup(SansFont, 12)
	fam, sty := pdfcanvas.RegisterFont(doc, face)
	for _, fig := range []struct {
		title string
		f     Figure
	}{
		{"Forløb", pvaFlow(t, "da")},
		{"Fastholdelse", retentionSingle(t)},
		{"Fastholdelse efter sted", retentionStrata(t)},
		{"Resultater", pvaOutcomes(t, "da", false)},
		{"Resultater (lodrette søjler)", pvaOutcomes(t, "en", true)},
		{"Afdelinger", jepsForest(t)},
		{"Afslutninger", roskildeExits(t)},
	} {
		doc.AddPage()
		doc.SetFont(fam, sty, 14)
		doc.CellFormat(0, 9, fig.title+" – æøå", "", 1, "L", false, 0, "")
		w := 174 * vg.Millimeter
		h := fig.f.(Sizer).Height(w)
		x, y := doc.GetXY()
		c := pdfcanvas.New(doc, w, h, vg.Point{X: pdfcanvas.FromUnits(doc, x), Y: pdfcanvas.FromUnits(doc, y)})
		fig.f.Draw(draw.New(c))
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		doc.SetXY(x, y+float64(h/vg.Millimeter)+4)
		doc.SetFont(fam, "", 10)
		doc.MultiCell(0, 5, "Tekst efter figuren: Lønnede timer og/eller uddannelse.", "", "L", false)
	}
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestFiguresInPDF(t *testing.T) {
	raw := figuresPDF(t)
	if !bytes.Equal(raw, figuresPDF(t)) {
		t.Error("two renders of the figures PDF differ")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	path := filepath.Join("testdata", "figures.pdf") // ignored by git; look at it with pdftoppm
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{
		"Rækker læst", "Lønnede timer og/eller uddannelse blandt gennemførte", "52 af 148 (35,1 %)",
		"Fastholdelse: andel stadig i forløb (ikke afbrudt)", "I forløb (antal)", "1.048",
		"Slagelse og Sorø", "Resultater blandt deltagere – æøå ÆØÅ", "mål 20 %", "35,1 %",
		"Selvforsørgende efter afdeling", "Sønderborg", "Ressourceforløb", "Ikke oplyst: ..",
		"Tekst efter figuren: Lønnede timer og/eller uddannelse.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext output lacks %q", want)
		}
	}
}
