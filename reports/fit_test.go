package reports

import (
	"strings"
	"testing"
	"unicode/utf8"

	"gonum.org/v1/plot/vg"
)

func TestEllipsis(t *testing.T) {
	sty := textStyle(TickSize, false)
	w := vg.Points(100)
	tests := []struct {
		in      string
		cut     bool
		wantLen int // runes of the result, 0 to skip
	}{
		{"Næstved", false, 7},
		{strings.Repeat("X", 300<<10), true, 0},
		{strings.Repeat("ø", 500), true, 0},
	}
	for _, tt := range tests {
		got := ellipsis(sty, tt.in, w)
		if sty.Width(got) > w {
			t.Errorf("%.20q… is %v wide, more than %v", got, sty.Width(got), w)
		}
		if cut := strings.HasSuffix(got, "…"); cut != tt.cut || !strings.HasPrefix(tt.in, strings.TrimSuffix(got, "…")) {
			t.Errorf("%.20q… cut to %q", tt.in, got)
		}
		if tt.wantLen > 0 && utf8.RuneCountInString(got) != tt.wantLen {
			t.Errorf("%q has %d runes", got, utf8.RuneCountInString(got))
		}
	}
}

func TestClipLabel(t *testing.T) {
	if got := ClipLabel(strings.Repeat("å", MaxLabelRunes)); got != strings.Repeat("å", MaxLabelRunes) {
		t.Errorf("a label at the limit was cut: %q", got)
	}
	got := ClipLabel(strings.Repeat("å", 32000))
	if utf8.RuneCountInString(got) != MaxLabelRunes || !strings.HasSuffix(got, "å…") {
		t.Errorf("ClipLabel of 32,000 characters: %d runes", utf8.RuneCountInString(got))
	}
}

// A legend entry longer than the figure is cut to one row, so the legend's
// height does not grow with a label's length.
func TestLegendBounded(t *testing.T) {
	w := vg.Points(400)
	short := []legendEntry{{Label: "Næstved", Kind: keyLine}}
	long := []legendEntry{{Label: strings.Repeat("X", 300<<10), Kind: keyLine}}
	if legendHeight(long, w) != legendHeight(short, w) {
		t.Errorf("a 300 KB label takes %v, a short one %v", legendHeight(long, w), legendHeight(short, w))
	}
	for _, row := range legendLines(long, w) {
		for _, e := range row {
			if e.keyWidth()+textStyle(TickSize, false).Width(e.Label) > w {
				t.Errorf("entry wider than the legend")
			}
		}
	}
}
