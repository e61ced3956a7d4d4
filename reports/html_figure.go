package reports

import (
	"bytes"
	"errors"
	"html"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// figure writes a figure as inline SVG named by its alt text, described by
// the table of its numbers, with its title as the caption.
func (h *htmlDoc) figure(s Section, j int, f FigureBlock) error {
	svg, err := EncodeSVG(f.Figure, f.Height)
	if err != nil {
		return err
	}
	id := "fig-" + f.Name
	attrs := ` role="img" aria-label="` + html.EscapeString(f.Alt) + `"`
	if data := h.dataTableOf(s, j); data != "" {
		attrs += ` aria-describedby="` + data + `"`
	}
	h.w(`<figure id="` + id + `" aria-labelledby="` + id + `-c">` + "\n")
	h.w(strings.Replace(string(svg), "<svg ", "<svg"+attrs+" ", 1))
	h.w(`<figcaption id="` + id + `-c">` + h.text(f.Title) + "</figcaption>\n</figure>\n")
	return nil
}

// svgFonts names the figure font with fallbacks for a reader without it.
var svgFonts = strings.NewReplacer("font-family:Liberation Sans;", "font-family:'Liberation Sans',Arial,Helvetica,sans-serif;")

// EncodeSVG draws f the text width wide and h mm high (or the height it
// asks for) as an SVG element, without the XML prolog, for inlining.
func EncodeSVG(f Figure, h float64) ([]byte, error) {
	h = heightMM(f, h)
	c := vgsvg.NewWith(vgsvg.UseWH(figureWidth, vg.Length(h)*vg.Millimeter))
	f.Draw(draw.New(c))
	var b bytes.Buffer
	if _, err := c.WriteTo(&b); err != nil {
		return nil, err
	}
	out := b.Bytes()
	i := bytes.Index(out, []byte("<svg "))
	if i < 0 {
		return nil, errors.New("the SVG backend wrote no <svg> element")
	}
	return []byte(svgFonts.Replace(string(out[i:]))), nil
}
