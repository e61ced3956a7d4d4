package reports

import (
	"testing"

	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// Bold figure text uses the bold face. It did not: a weight of 700 (CSS's
// number, not x/image's font.WeightBold) fell back to the regular face in
// the PNGs and made the SVG backend panic.
func TestBoldTextIsBold(t *testing.T) {
	for _, tt := range []struct {
		bold bool
		want string
	}{{false, "Regular"}, {true, "Bold"}} {
		face := font.DefaultCache.Lookup(textStyle(10*vg.Millimeter, tt.bold).Font, 10)
		var buf sfnt.Buffer
		got, err := face.Face.Name(&buf, sfnt.NameIDSubfamily)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("textStyle(bold=%v) uses the %q face, want %q", tt.bold, got, tt.want)
		}
	}
}
