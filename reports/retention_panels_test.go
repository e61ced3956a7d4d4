package reports

import (
	"fmt"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// retentionSeven has seven strata, as jeps has sites: more than
// maxOverlaid, so it is drawn as small multiples.
func retentionSeven(t *testing.T) *RetentionCurve {
	t.Helper()
	names := []string{"AOF Center Fyn", "AOF Center Sydjylland", "AOF Center Sønderjylland",
		"Kolding Kommune", "Odense Kommune", "Svendborg Kommune", "Vejle Kommune"}
	d := RetentionData{
		Labels:    Labels{Lang: "da", Title: "Fastholdelse efter sted", X: "Uger siden start", Y: "Andel stadig i forløb"},
		Times:     []float64{4, 12, 13, 26, 52},
		Risk:      &RiskTable{AtRiskLabel: "Stadig i forløb", LeftLabel: "Afbrudt (kumuleret)"},
		BandLabel: "95 %-KI", CensorLabel: "censureret", OthersLabel: "de øvrige grupper",
	}
	for i, name := range names {
		k := kmSample(0.4 + 0.3*float64(i))
		k.Name = name
		if i == 3 {
			k = KMCurve{Name: name, Suppressed: true}
		}
		d.Curves = append(d.Curves, k)
		d.Risk.AtRisk = append(d.Risk.AtRisk, risk(120-i, 110-i, 109-i, 1000+i, 20))
		d.Risk.Left = append(d.Risk.Left, risk(1, 5, 6, 12, 30+i))
	}
	f, err := NewRetentionCurve(d)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestRetentionPanelsGolden(t *testing.T) {
	f := retentionSeven(t)
	if !f.panelled() {
		t.Fatal("seven strata are not drawn as small multiples")
	}
	checkGolden(t, "retention_panels_da", f, 0)
}

// The risk table is never set smaller than 7 pt at the width of the PDF's
// figures, even with times as close as 12 and 13 weeks (the cells are
// moved apart instead of shrunk).
func TestRiskTableAtLeast7pt(t *testing.T) {
	for name, f := range map[string]*RetentionCurve{"single": retentionSingle(t), "strata": retentionStrata(t),
		"panels": retentionSeven(t)} {
		var rec recorder.Canvas
		f.Draw(draw.NewCanvas(&rec, figureWidth, f.Height(figureWidth)))
		cells := 0
		for _, a := range rec.Actions {
			if s, ok := a.(*recorder.FillString); ok {
				if s.Font.Size < 7 {
					t.Errorf("%s: %q drawn at %.1f pt", name, s.String, float64(s.Font.Size))
				}
				cells++
			}
		}
		if cells == 0 {
			t.Errorf("%s: no text drawn", name)
		}
	}
}

// dodge keeps cells in order, at least riskCellGap apart and inside the
// table, and leaves cells that do not touch where they are.
func TestDodge(t *testing.T) {
	w := vg.Length(10)
	for _, tc := range []struct{ xs, want []vg.Length }{
		{[]vg.Length{20, 50, 80}, []vg.Length{20, 50, 80}},
		{[]vg.Length{20, 22, 80}, []vg.Length{20, 34, 80}},
		{[]vg.Length{20, 90, 99}, []vg.Length{20, 81, 95}},
		{[]vg.Length{0, 1}, []vg.Length{5, 19}},
	} {
		ws := make([]vg.Length, len(tc.xs))
		for i := range ws {
			ws[i] = w
		}
		got := dodge(tc.xs, ws, 0, 100)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("dodge(%v) = %v, want %v", tc.xs, got, tc.want)
		}
	}
}

// A figure that would be scaled below its type size in the room left on a
// page starts a fresh page instead (the risk table was printed at about
// 4 pt when squeezed under a table).
func TestFigureStartsFreshPageRatherThanShrink(t *testing.T) {
	f := retentionSingle(t)
	need := float64(f.Height(figureWidth) / vg.Millimeter)
	for _, tc := range []struct {
		y       float64 // where the figure would start, mm from the top
		newPage bool
	}{
		{marginTop, false},
		{pageH - marginBottom - need - 5, false},
		{pageH - marginBottom - need*(1-maxSqueeze) + 5, true},
	} {
		d := newPDF(&Content{Lang: "da", Level: 0.95})
		d.pdf.AddPage()
		d.pdf.SetY(tc.y)
		d.figure(f, 0)
		if got := d.pdf.PageNo() == 2; got != tc.newPage {
			t.Errorf("figure of %.0f mm at y = %.0f mm: new page %v, want %v", need, tc.y, got, tc.newPage)
		}
	}
}

// A stack of panels taller than a page is drawn panel by panel across
// pages, each at full size, rather than scaled down as a whole; the
// first panel starts under the heading (no empty page).
func TestTallStackGoesAcrossPages(t *testing.T) {
	panel := jepsForest(t)
	if h := panel.Height(figureWidth) / vg.Millimeter; 3*h < freshRoom || 2*h > freshRoom-20 {
		t.Fatalf("the test needs a panel between a third and half a page high, not %.0f mm", h)
	}
	d := newPDF(&Content{Lang: "da", Level: 0.95})
	d.pdf.AddPage()
	d.heading("Resultater fordelt på sted")
	d.figure(figureStack{panel, panel, panel, panel}, 0)
	if n := d.pdf.PageNo(); n != 2 {
		t.Errorf("four panels of %.0f mm took %d pages, want 2", float64(panel.Height(figureWidth)/vg.Millimeter), n)
	}
}
