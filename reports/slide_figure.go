package reports

import (
	"fmt"
	"time"

	"github.com/danish-eval/evaluate/models/results"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// slideFigure is a figure made to stand alone, as a PNG pasted on a slide:
// a title above and, below, what it shows — the programme, how many
// started and when, the date of data — so it cannot be read out of
// context. The PDF draws the bare figure: its page says all that.
type slideFigure struct {
	inner          Figure
	title, caption string
	height         vg.Length // of inner, when it does not size itself
}

func (s slideFigure) innerHeight(w vg.Length) vg.Length {
	if sz, ok := s.inner.(Sizer); ok {
		return sz.Height(w)
	}
	return s.height
}

// Height is the title, the figure and the caption.
func (s slideFigure) Height(w vg.Length) vg.Length {
	return titleHeight(s.title, w-2*figureMargin) + s.innerHeight(w) + captionHeight(s.caption, w-2*figureMargin)
}

func (s slideFigure) Draw(c draw.Canvas) {
	w := c.Max.X - c.Min.X
	top := inset(c)
	rest := drawTitle(top, s.title)
	capH := captionHeight(s.caption, w-2*figureMargin)
	sty := captionStyle()
	sty.YAlign = draw.YBottom
	lines := wrap(sty, s.caption, w-2*figureMargin)
	c.FillText(sty, vg.Point{X: c.Min.X + figureMargin, Y: c.Min.Y + figureMargin}, lines)
	body := c
	body.Max.Y = rest.Max.Y + figureMargin
	body.Min.Y += capH
	s.inner.Draw(body)
}

func captionStyle() draw.TextStyle {
	sty := textStyle(TickSize, false)
	sty.Color = mutedColor
	return sty
}

func captionHeight(caption string, w vg.Length) vg.Length {
	if caption == "" {
		return 0
	}
	sty := captionStyle()
	return sty.Height(wrap(sty, caption, w)) + vg.Points(8)
}

// slideCaption says what a figure shows: "På vej til arbejde · 195
// startede, første start 1. september 2017 · data pr. 31. december 2021".
func slideCaption(t *Text, r *results.Results) string {
	c := r.Cohort
	first, _ := time.Parse("2006-01-02", c.FirstEntry)
	s := fmt.Sprintf(t.Msg("slideCaption.1"), c.Title, Int(t.Lang, r.Flow.Included))
	if !first.IsZero() {
		s += fmt.Sprintf(t.Msg("slideCaption.2"), Month(t.Lang, first))
	}
	return s + fmt.Sprintf(t.Msg("slideCaption.3"), Date(t.Lang, dataDate(r)))
}
