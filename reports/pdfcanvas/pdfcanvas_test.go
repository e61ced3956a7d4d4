package pdfcanvas

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

const danish = "æøå ÆØÅ – Gennemført, afbrudt, selvforsørgende"

var fixedDate = time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC)

func danishPlot(t *testing.T) *plot.Plot {
	t.Helper()
	p := plot.New()
	p.Title.Text = danish
	p.X.Label.Text = "Uger – æøå"
	p.Y.Label.Text = "Andel i forløb (ÆØÅ)"
	p.X.Tick.Marker = plot.ConstantTicks{{Value: 0, Label: "gennemført"}, {Value: 1, Label: "afbrudt"},
		{Value: 2, Label: "selvforsørgende"}}
	p.Y.Tick.Marker = plot.ConstantTicks{{Value: 0, Label: "0 %"}, {Value: 0.5, Label: "50 %"},
		{Value: 1, Label: "100 %"}}
	l, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 1}, {X: 1, Y: 0.7}, {X: 2, Y: 0.35}})
	if err != nil {
		t.Fatal(err)
	}
	p.Add(l)
	return p
}

func sansFace() font.Face {
	return plot.DefaultTextHandler.Cache().Lookup(font.Font{Typeface: "Liberation", Variant: "Sans"}, 12)
}

// render writes an A4 page with a heading written by fpdf and a plot drawn
// through a Canvas in a rectangle below it.
func render(t *testing.T, perDoc bool) []byte {
	t.Helper()
	doc := fpdf.New("P", "mm", "A4", "")
	if perDoc {
		doc.SetCreationDate(fixedDate)
		doc.SetModificationDate(fixedDate)
		doc.SetCatalogSort(true)
	}
	doc.AddPage()
	fam, sty := RegisterFont(doc, sansFace())
	doc.SetFont(fam, sty, 14)
	doc.CellFormat(0, 10, "Overskrift: "+danish, "", 1, "L", false, 0, "")
	x, y := doc.GetXY()
	c := New(doc, 170*vg.Millimeter, 100*vg.Millimeter,
		vg.Point{X: FromUnits(doc, x), Y: FromUnits(doc, y)})
	danishPlot(t).Draw(draw.New(c))
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if gx, gy := doc.GetXY(); gx != x || gy != y {
		t.Errorf("position after Close = (%v, %v), want (%v, %v)", gx, gy, x, y)
	}
	doc.SetY(y + 105)
	doc.CellFormat(0, 8, "Efter figuren: Lønnede timer og/eller uddannelse", "", 1, "L", false, 0, "")
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestUTF8Text(t *testing.T) {
	raw := render(t, true)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	dir := t.TempDir()
	if keep := os.Getenv("PDFCANVAS_OUT"); keep != "" {
		dir = keep // to look at the page: PDFCANVAS_OUT=/tmp go test -run UTF8
	}
	path := filepath.Join(dir, "danish.pdf")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{
		danish, "Overskrift: " + danish, "Uger – æøå", "Andel i forløb (ÆØÅ)",
		"gennemført", "afbrudt", "selvforsørgende", "100 %",
		"Efter figuren: Lønnede timer og/eller uddannelse",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext output lacks %q; got:\n%s", want, text)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, b := render(t, true), render(t, true)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders with fixed dates differ")
	}
}

// The package-level defaults named in DESIGN.md §10 work as well.
func TestDeterministicDefaults(t *testing.T) {
	fpdf.SetDefaultCreationDate(fixedDate)
	fpdf.SetDefaultModificationDate(fixedDate)
	fpdf.SetDefaultCatalogSort(true)
	defer func() {
		fpdf.SetDefaultCreationDate(time.Time{})
		fpdf.SetDefaultModificationDate(time.Time{})
		fpdf.SetDefaultCatalogSort(false)
	}()
	a, b := render(t, false), render(t, false)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders with fixed default dates differ")
	}
}

// Documents built in parallel share nothing mutable (run with -race).
func TestConcurrentDocuments(t *testing.T) {
	want := render(t, true)
	var wg sync.WaitGroup
	got := make([][]byte, 4)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = render(t, true)
		}()
	}
	wg.Wait()
	for i, g := range got {
		if !bytes.Equal(g, want) {
			t.Errorf("document %d differs from a serial render", i)
		}
	}
}

func TestRegisterFontOnce(t *testing.T) {
	doc := fpdf.New("P", "mm", "A4", "")
	face := sansFace()
	f1, s1 := RegisterFont(doc, face)
	f2, s2 := RegisterFont(doc, face)
	if f1 != f2 || s1 != s2 || f1 != "liberationsans" || s1 != "" {
		t.Errorf("RegisterFont = (%q, %q) then (%q, %q)", f1, s1, f2, s2)
	}
	if err := doc.Error(); err != nil {
		t.Fatal(err)
	}
}
