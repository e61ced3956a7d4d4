package reports

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/plot/vg"
)

var update = flag.Bool("update", false, "rewrite the golden PNGs in testdata")

// figWidth is the width figures have in the PDF (17 cm), used for the PNG
// goldens too.
const figWidth = 170 * vg.Millimeter

// checkGolden writes f as testdata/<name>.png and compares it, decoded,
// pixel by pixel with testdata/<name>_golden.png (-update rewrites that).
func checkGolden(t *testing.T, name string, f Figure, h vg.Length) {
	t.Helper()
	if s, ok := f.(Sizer); ok && h == 0 {
		h = s.Height(figWidth)
	}
	out := filepath.Join("testdata", name+".png")
	golden := filepath.Join("testdata", name+"_golden.png")
	if err := WritePNG(f, figWidth, h, out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !samePixels(t, got, want) {
		t.Errorf("%s differs from %s (look at both; -update accepts the new one)", out, golden)
	}
}

func samePixels(t *testing.T, a, b []byte) bool {
	t.Helper()
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if ia.Bounds() != ib.Bounds() {
		return false
	}
	r := ia.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if !sameColor(ia, ib, x, y) {
				return false
			}
		}
	}
	return true
}

func sameColor(a, b image.Image, x, y int) bool {
	r1, g1, b1, a1 := a.At(x, y).RGBA()
	r2, g2, b2, a2 := b.At(x, y).RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// WritePNG gives the same bytes twice.
func TestWritePNGDeterministic(t *testing.T) {
	f := pvaOutcomes(t, "da", false)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.png"), filepath.Join(dir, "b.png")
	for _, p := range []string{a, b} {
		if err := WritePNG(f, figWidth, 90*vg.Millimeter, p); err != nil {
			t.Fatal(err)
		}
	}
	ba, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	if !bytes.Equal(ba, bb) {
		t.Fatal("two writes of the same figure differ")
	}
}
