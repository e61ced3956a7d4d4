package reports

import (
	"unicode/utf8"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// maxSqueeze is the share of its height a figure may lose by being drawn
// squeezed (its plot areas take the loss, its type keeps its size).
const maxSqueeze = 0.2

// drawFitted draws f into c when f needs a height of need at c's width.
// Squeezed by more than maxSqueeze, a plot area could reach a negative
// height, which gonum turns into NaN coordinates (an unreadable PDF page:
// 30 strata did it), so the figure is instead laid out on a larger canvas
// of c's proportions and scaled down to c: smaller type, never a broken
// page.
func drawFitted(c draw.Canvas, f Figure, need vg.Length) {
	h := c.Max.Y - c.Min.Y
	if h >= need*(1-maxSqueeze) || h <= 0 || need <= 0 {
		f.Draw(c)
		return
	}
	s := float64(h / need)
	c.Push()
	defer c.Pop()
	c.Translate(c.Min)
	c.Scale(s, s)
	big := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
		Max: vg.Point{X: (c.Max.X - c.Min.X) / vg.Length(s), Y: need}}}
	f.Draw(big)
}

// ellipsis shortens txt with "…" so that it is no wider than maxW when
// drawn with sty; a legend entry or axis label longer than its figure is
// cut rather than drawn off the page.
func ellipsis(sty draw.TextStyle, txt string, maxW vg.Length) string {
	if maxW <= 0 || sty.Width(txt) <= maxW {
		return txt
	}
	runes := []rune(txt)
	lo, hi := 0, len(runes) // the longest prefix that fits is in [lo, hi)
	for lo < hi-1 {
		mid := (lo + hi) / 2
		if sty.Width(string(runes[:mid])+"…") <= maxW {
			lo = mid
		} else {
			hi = mid
		}
	}
	return string(runes[:lo]) + "…"
}

// MaxLabelRunes is the longest text a figure or table shows as a label
// (a stratum name, a category); longer values are cut with "…".
const MaxLabelRunes = 200

// ClipLabel cuts s to MaxLabelRunes characters, the last being "…".
func ClipLabel(s string) string {
	if utf8.RuneCountInString(s) <= MaxLabelRunes {
		return s
	}
	return string([]rune(s)[:MaxLabelRunes-1]) + "…"
}
