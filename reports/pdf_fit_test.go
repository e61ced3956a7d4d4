package reports

import (
	"math"
	"strings"
	"testing"
)

// A column too narrow for its longest word takes width from columns with
// room to spare, so no word breaks inside (jeps' "Median
// (kvartilafstand)" header broke as "(kvartilafstan" / "d)"); when no
// column can spare enough, the shares stay as they were.
func TestFitWords(t *testing.T) {
	cases := []struct {
		name   string
		widths []float64
		head   []string
		rows   [][]string
		widen  bool
	}{
		{"header word", []float64{0.8, 0.05}, []string{"Alder", "Median (kvartilafstand)"}, [][]string{{"I alt", "40 (33–47)"}}, true},
		{"cell word", []float64{0.8, 0.05}, []string{"Alder", "n"}, [][]string{{"I alt", "Uddannelseshjælp"}}, true},
		{"fits", []float64{0.5, 0.5}, []string{"Alder", "Median (kvartilafstand)"}, nil, false},
		{"no room", []float64{0.05, 0.05}, []string{"Kvartilafstand", "Kvartilafstand"}, nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := newPDF(&Content{Lang: "da"})
			w := make([]float64, len(c.widths))
			for i, s := range c.widths {
				w[i] = s * textW
			}
			before := append([]float64(nil), w...)
			d.fitWords(table{head: c.head, rows: c.rows, widths: c.widths}, w)
			if math.Abs(sum(w)-sum(before)) > 1e-9 {
				t.Errorf("total width %v, was %v", sum(w), sum(before))
			}
			if changed := w[1] != before[1]; changed != c.widen {
				t.Fatalf("widths %v → %v, widened %v, want %v", before, w, changed, c.widen)
			}
			if !c.widen {
				return
			}
			for k, cells := range append([][]string{c.head}, c.rows...) {
				style := ""
				if k == 0 {
					style = "B"
				}
				d.pdf.SetFont(fontFamily, style, 9)
				for _, word := range strings.FieldsFunc(cells[1], breaksLine) {
					if n := len(d.pdf.SplitText(word, w[1]-2)); n != 1 {
						t.Errorf("%q broken over %d lines in %.1f mm", word, n, w[1])
					}
				}
			}
		})
	}
}
