package reports

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ExitCurve is the cumulative incidence of one kind of exit (job,
// education, dropped out …) at the times of ExitsData.T.
type ExitCurve struct {
	Name       string
	CIF        []float64 // shares, one per time
	Suppressed bool      // disclosure control: not drawn; the legend shows ".."
}

// ExitsData is the input of a stacked cumulative incidence figure.
type ExitsData struct {
	Labels Labels    // X: "Uger", Y: "Andel afsluttet"
	T      []float64 // step times (weeks), ascending; each value holds until the next
	Exits  []ExitCurve
	Times  []float64 // configured times, marked and ticked; may be empty
	// FirstColor is the palette index of the first exit, so an exit keeps
	// its colour from a state-occupation figure (where 0 is in the programme).
	FirstColor int
}

// ExitsStacked draws competing exits as stacked step areas: at each time,
// the height of a band is the share who had left that way.
type ExitsStacked struct {
	d    ExitsData
	xmax float64
}

// NewExitsStacked validates and copies d.
func NewExitsStacked(d ExitsData) (*ExitsStacked, error) {
	n := len(d.T)
	if n == 0 || len(d.Exits) == 0 {
		return nil, errors.New("exits: no times or no exits")
	}
	f := &ExitsStacked{d: ExitsData{Labels: d.Labels, T: clone(d.T), Times: clone(d.Times), FirstColor: d.FirstColor}}
	for i, t := range f.d.T {
		if !finite(t) || t < 0 || (i > 0 && t < f.d.T[i-1]) {
			return nil, fmt.Errorf("exits: time %v is not finite, ≥ 0 and ascending", t)
		}
	}
	if err := checkTimes(f.d.Times); err != nil {
		return nil, fmt.Errorf("exits: times: %w", err)
	}
	total := make([]float64, n)
	for _, e := range d.Exits {
		if e.Suppressed {
			f.d.Exits = append(f.d.Exits, ExitCurve{Name: e.Name, Suppressed: true})
			continue
		}
		if len(e.CIF) != n {
			return nil, fmt.Errorf("exits: %q has %d values for %d times", e.Name, len(e.CIF), n)
		}
		for i, v := range e.CIF {
			if err := checkShare(v); err != nil {
				return nil, fmt.Errorf("exits: %q at t = %v: %w", e.Name, d.T[i], err)
			}
			total[i] += v
		}
		f.d.Exits = append(f.d.Exits, ExitCurve{Name: e.Name, CIF: clone(e.CIF)})
	}
	for i, v := range total {
		if v > 1+1e-6 {
			return nil, fmt.Errorf("exits: shares add up to %v at t = %v", v, d.T[i])
		}
	}
	f.xmax = f.d.T[n-1]
	if k := len(f.d.Times); k > 0 {
		f.xmax = f.d.Times[k-1] // as the retention figure: the axis ends at the last configured time
	}
	return f, nil
}

// Height is the height the figure needs at width w.
func (f *ExitsStacked) Height(w vg.Length) vg.Length {
	inner := w - 2*figureMargin
	return 2*figureMargin + titleHeight(f.d.Labels.Title, inner) +
		legendHeight(f.legend(), inner) + vg.Points(230)
}

func (f *ExitsStacked) legend() []legendEntry {
	var es []legendEntry
	for i, e := range f.d.Exits {
		if e.Suppressed {
			es = append(es, legendEntry{Label: e.Name + ": " + SuppressedMark, Kind: keyNone})
			continue
		}
		es = append(es, legendEntry{Label: e.Name, Kind: keyBox, Color: withAlpha(paletteColor(f.d.FirstColor+i), 0.8)})
	}
	return es
}

// Draw implements Figure.
func (f *ExitsStacked) Draw(c draw.Canvas) {
	c = drawTitle(inset(c), f.d.Labels.Title)
	c = drawLegend(c, f.legend())
	p := timePlot(f.d.Labels, math.Max(f.xmax, 1e-9), f.d.Times)
	p.Add(exitsLayer{f})
	p.Draw(c)
}

// exitsLayer draws the stacked areas.
type exitsLayer struct{ f *ExitsStacked }

// Plot implements plot.Plotter.
func (l exitsLayer) Plot(c draw.Canvas, p *plot.Plot) {
	f := l.f
	trX, trY := p.Transforms(&c)
	base := make([]float64, len(f.d.T))
	for i, e := range f.d.Exits {
		if e.Suppressed {
			continue
		}
		top := make([]float64, len(base))
		for j := range base {
			top[j] = base[j] + e.CIF[j]
		}
		up := stepPoints(f.d.T, top, f.xmax)
		down := stepPoints(f.d.T, base, f.xmax)
		poly := make([]vg.Point, 0, len(up)+len(down))
		for _, q := range up {
			poly = append(poly, vg.Point{X: trX(q[0]), Y: trY(q[1])})
		}
		for j := len(down) - 1; j >= 0; j-- {
			poly = append(poly, vg.Point{X: trX(down[j][0]), Y: trY(down[j][1])})
		}
		c.FillPolygon(withAlpha(paletteColor(f.d.FirstColor+i), 0.8), c.ClipPolygonXY(poly))
		base = top
	}
	mark := draw.LineStyle{Color: withAlpha(inkColor, 0.35), Width: vg.Points(0.8),
		Dashes: []vg.Length{vg.Points(2), vg.Points(2)}}
	for _, t := range f.d.Times {
		c.StrokeLine2(mark, trX(t), c.Min.Y, trX(t), c.Max.Y)
	}
}

// DataRange implements plot.DataRanger.
func (l exitsLayer) DataRange() (xmin, xmax, ymin, ymax float64) {
	return 0, l.f.xmax, 0, 1
}
