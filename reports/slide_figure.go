package reports

import (
	"fmt"
	"slices"
	"strings"
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

// slideCaption says what a figure shows, so a PNG pasted on a slide
// cannot be read out of context: on one line the population the figure
// counts and its n, and when they started; on the next the source — the
// programme, evaluate's version and the date of data:
//
//	Resultater blandt dem, der gennemførte (n = 148) · startede september 2017–december 2020
//	Kilde: På vej til arbejde · evaluate 1.4.0 · data pr. 31. december 2021
func slideCaption(t *Text, r *results.Results, name, version string) string {
	c := r.Cohort
	s := slidePopulation(t, r, name)
	first, _ := time.Parse("2006-01-02", c.FirstEntry)
	last, _ := time.Parse("2006-01", c.LastEntry)
	switch {
	case !first.IsZero() && !last.IsZero():
		s += " · " + fmt.Sprintf(t.Msg("slideCaption.period"), Month(t.Lang, first), Month(t.Lang, last))
	case !first.IsZero():
		s += " · " + fmt.Sprintf(t.Msg("slideCaption.since"), Month(t.Lang, first))
	}
	return s + "\n" + fmt.Sprintf(t.Msg("slideCaption.source"), c.Title, version, Date(t.Lang, dataDate(r)))
}

// slidePopulation is whom figure name counts, with n: the rows read (the
// flow), the measures' population (the outcomes), else everyone who
// started.
func slidePopulation(t *Text, r *results.Results, name string) string {
	switch figureKind(name) {
	case "flow":
		return fmt.Sprintf(t.Msg("flowTable.caption"), Int(t.Lang, r.Flow.RowsRead))
	case "outcomes", "sites", "sensitivity":
		return slideBases(t, t.Outcomes, r.Measures)
	case "exits":
		if r.Exits != nil {
			return slideBases(t, t.Exits, r.Exits.Categories)
		}
	}
	return fmt.Sprintf(t.Msg("slideCaption.started"), Int(t.Lang, r.Flow.Included))
}

// slideBases names the measures' population and n, as a table's caption
// does; measures of different populations are listed under each, since a
// figure has no count column to point to.
func slideBases(t *Text, title string, ms []results.Measure) string {
	type base struct {
		among, n string
		labels   []string
	}
	var bases []base
	for _, m := range ms {
		b := base{among: t.Population(m.Among), n: t.count(m.Denominator)}
		i := slices.IndexFunc(bases, func(o base) bool { return o.among == b.among && o.n == b.n })
		if i < 0 {
			bases, i = append(bases, b), len(bases)
		}
		bases[i].labels = append(bases[i].labels, m.Label)
	}
	if len(bases) <= 1 {
		return measuresCaption(t, title, ms)
	}
	parts := make([]string, len(bases))
	for i, b := range bases {
		parts[i] = fmt.Sprintf(t.Msg("slideCaption.base"), b.among, b.n, strings.Join(b.labels, ", "))
	}
	return fmt.Sprintf(t.Msg("slideCaption.bases"), strings.Join(parts, "; "))
}
