// Package reports draws the figures of an evaluation report and writes them
// as PNG files or into a PDF page (see the pdfcanvas package).
//
// Figures take plain typed inputs defined here; every label they show is
// given by the caller, already translated, and numbers are formatted with
// the language's conventions (format.go). Shares are fractions (0.351 is
// 35.1 %). Constructors copy and validate their input: a NaN or infinite
// value is an error, and suppressed values (disclosure control, shown as
// "..") are dropped before anything is drawn.
package reports

import (
	"bufio"
	"fmt"
	"image/color"
	"os"

	stdfont "golang.org/x/image/font"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Figure is anything that draws itself into a canvas: a PNG image
// (WritePNG) or a rectangle of a PDF page (pdfcanvas).
type Figure interface {
	Draw(c draw.Canvas)
}

// Sizer is implemented by figures that know the height they need to be
// drawn at a given width without crowding.
type Sizer interface {
	Height(width vg.Length) vg.Length
}

// Labels holds the text common to all figures. Empty strings are not drawn
// and take no space.
type Labels struct {
	Lang  string // "da" or "en": number formats of ticks and value labels
	Title string
	X, Y  string // axis labels
}

// PNGDPI is the resolution of the PNG figures.
const PNGDPI = 200

// WritePNG draws f on a white w×h image at 200 dpi and writes it to path.
// The same figure and size give the same bytes.
func WritePNG(f Figure, w, h vg.Length, path string) (err error) {
	c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(PNGDPI),
		vgimg.UseBackgroundColor(color.White))
	f.Draw(draw.New(c))
	file, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := file.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	bw := bufio.NewWriter(file)
	if err := writePNG(bw, c); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return bw.Flush()
}

// Font sizes, chosen to be readable when a figure 17 cm wide is placed on
// an A4 page.
var (
	TitleSize = vg.Points(11)
	LabelSize = vg.Points(9.5)
	TickSize  = vg.Points(8.5)
	NoteSize  = vg.Points(8)
)

// SansFont is the font of all figure text (Liberation Sans).
var SansFont = font.Font{Typeface: "Liberation", Variant: "Sans"}

// textHandler measures and draws text with gonum's font cache, which holds
// the Liberation fonts.
var textHandler = text.Plain{Fonts: font.DefaultCache}

// Palette is a colour-blind safe palette (Okabe and Ito), one colour per
// stratum or category, in order.
var Palette = []color.Color{
	color.NRGBA{0x00, 0x72, 0xB2, 0xff}, // blue
	color.NRGBA{0xD5, 0x5E, 0x00, 0xff}, // vermillion
	color.NRGBA{0x00, 0x9E, 0x73, 0xff}, // bluish green
	color.NRGBA{0xCC, 0x79, 0xA7, 0xff}, // reddish purple
	color.NRGBA{0xE6, 0x9F, 0x00, 0xff}, // orange
	color.NRGBA{0x56, 0xB4, 0xE9, 0xff}, // sky blue
	color.NRGBA{0x00, 0x00, 0x00, 0xff}, // black
	color.NRGBA{0xF0, 0xE4, 0x42, 0xff}, // yellow
}

// Dashes gives each stratum its own line pattern as well as its colour, so
// the figure reads in black and white (or to a reader who cannot tell the
// colours apart): eight patterns, one for each colour of Palette.
var Dashes = [][]vg.Length{
	nil,
	{vg.Points(6), vg.Points(3)},
	{vg.Points(1.5), vg.Points(2)},
	{vg.Points(8), vg.Points(2), vg.Points(2), vg.Points(2)},
	{vg.Points(3), vg.Points(3)},
	{vg.Points(10), vg.Points(3), vg.Points(2), vg.Points(3), vg.Points(2), vg.Points(3)},
	{vg.Points(12), vg.Points(4)},
	{vg.Points(4), vg.Points(2), vg.Points(1.5), vg.Points(2)},
}

var (
	gridColor  = color.Gray{Y: 0xdd}
	inkColor   = color.Gray{Y: 0x22}
	mutedColor = color.Gray{Y: 0x66}
)

func paletteColor(i int) color.Color { return Palette[i%len(Palette)] }
func dashes(i int) []vg.Length       { return Dashes[i%len(Dashes)] }

// withAlpha returns c at the given opacity (0–1).
func withAlpha(c color.Color, a float64) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a*255 + 0.5)}
}

// textStyle returns a left-aligned, baseline-anchored style of the figure
// font.
func textStyle(size vg.Length, bold bool) draw.TextStyle {
	f := font.From(SansFont, size)
	if bold {
		f.Weight = stdfont.WeightBold
	}
	return draw.TextStyle{Color: inkColor, Font: f, Handler: textHandler}
}

// newPlot returns a plot whose text uses the figure font and sizes, with
// the axis labels of lb. The title is drawn by drawTitle, not the plot.
func newPlot(lb Labels) *plot.Plot {
	p := plot.New()
	p.X.Label.Text, p.Y.Label.Text = lb.X, lb.Y
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle = textStyle(LabelSize, false)
		a.Tick.Label = textStyle(TickSize, false)
		a.Label.Padding = vg.Points(4)
		a.Color, a.Tick.Color = mutedColor, mutedColor
		a.Tick.Length = vg.Points(4)
	}
	p.X.Label.TextStyle.XAlign = draw.XCenter
	p.Y.Label.TextStyle.XAlign = draw.XCenter
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XCenter, draw.YTop
	p.Y.Tick.Label.XAlign, p.Y.Tick.Label.YAlign = draw.XRight, draw.YCenter
	p.Legend.TextStyle = textStyle(TickSize, false)
	return p
}

// figureMargin is left free around every figure.
var figureMargin = vg.Points(3)

// inset returns c without its margin.
func inset(c draw.Canvas) draw.Canvas {
	m := figureMargin
	return draw.Crop(c, m, -m, m, -m)
}

// drawTitle draws title at the top left of c and returns the rest of c.
func drawTitle(c draw.Canvas, title string) draw.Canvas {
	if title == "" {
		return c
	}
	sty := textStyle(TitleSize, true)
	sty.YAlign = draw.YTop
	lines := wrap(sty, title, c.Max.X-c.Min.X)
	c.FillText(sty, vg.Point{X: c.Min.X, Y: c.Max.Y}, lines)
	c.Max.Y -= sty.Height(lines) + vg.Points(6)
	return c
}

// titleHeight is the height drawTitle takes at width w.
func titleHeight(title string, w vg.Length) vg.Length {
	if title == "" {
		return 0
	}
	sty := textStyle(TitleSize, true)
	return sty.Height(wrap(sty, title, w)) + vg.Points(6)
}
