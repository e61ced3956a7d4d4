package reports

import (
	"errors"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// IntakeData is the number who started in each period, stacked by stratum.
type IntakeData struct {
	Labels  Labels
	Periods []string // tick labels ("" leaves a period unlabelled)
	Totals  []*int   // per period; nil is hidden
	Strata  []string // stratum names, or none for one series
	Counts  [][]*int // [stratum][period]; nil is hidden
	// HiddenLabel is the legend of a period drawn as its total only,
	// because a part of its split by stratum is hidden.
	HiddenLabel string
}

// IntakeChart draws the starts per period as stacked bars.
type IntakeChart struct{ d IntakeData }

// NewIntakeChart checks that the counts fit the periods.
func NewIntakeChart(d IntakeData) (*IntakeChart, error) {
	if len(d.Periods) == 0 || len(d.Totals) != len(d.Periods) || len(d.Counts) != len(d.Strata) {
		return nil, errors.New("intake chart: periods, totals and strata do not match")
	}
	for _, c := range d.Counts {
		if len(c) != len(d.Periods) {
			return nil, errors.New("intake chart: a stratum's counts do not match the periods")
		}
	}
	return &IntakeChart{d: d}, nil
}

// Height asks for a chart 80 mm high.
func (f *IntakeChart) Height(vg.Length) vg.Length { return 80 * vg.Millimeter }

// Draw stacks each stratum's starts; a period whose split is hidden is one
// grey bar of its total, a hidden total no bar.
func (f *IntakeChart) Draw(c draw.Canvas) {
	d := f.d
	p := newPlot(d.Labels)
	p.NominalX(d.Periods...)
	p.Legend.Top, p.Legend.Left = true, true
	w := vg.Length(110/float64(len(d.Periods))) * vg.Millimeter
	var below *plotter.BarChart
	for s, name := range d.Strata {
		bars := f.bars(d.Counts[s], w, paletteColor(s), true)
		if below != nil {
			bars.StackOn(below)
		}
		p.Add(bars)
		p.Legend.Add(name, bars)
		below = bars
	}
	rest := f.bars(d.Totals, w, paletteColor(0), len(d.Strata) == 0)
	if len(d.Strata) > 0 {
		rest.Color = color.Gray{Y: 170}
		if f.anySplitHidden() {
			p.Legend.Add(d.HiddenLabel, rest)
		}
	}
	p.Add(rest)
	p.Y.Min = 0
	// Headroom above the tallest bar for the legend, one line per entry.
	entries := len(d.Strata)
	if len(d.Strata) > 0 && f.anySplitHidden() {
		entries++
	}
	p.Y.Max = f.maxTotal() * (1 + 0.11*float64(entries))
	p.Y.Tick.Marker = countTicks(d.Labels.Lang, f.maxTotal())
	if marks := f.hiddenMarks(); marks != nil {
		p.Add(marks) // a hidden total is "..", never an empty bar that reads as 0
	}
	p.Draw(inset(c))
}

// countTicks labels whole numbers at a round step up to top: 0, 5, 10 …
func countTicks(lang string, top float64) plot.ConstantTicks {
	step := 1.0
	for _, s := range []float64{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000} {
		step = s
		if top/s <= 6 {
			break
		}
	}
	var values []float64
	for v := 0.0; v <= top; v += step {
		values = append(values, v)
	}
	return fixedTicks(lang, values...)
}

// maxTotal is the tallest bar (at least 1).
func (f *IntakeChart) maxTotal() float64 {
	m := 1.0
	for _, n := range f.d.Totals {
		if n != nil {
			m = max(m, float64(*n))
		}
	}
	return m
}

// bars is one series: a period's count, or 0 where it is hidden or (for
// a stratum) its period's split is hidden; the totals series holds only
// the periods drawn whole.
func (f *IntakeChart) bars(counts []*int, w vg.Length, col color.Color, all bool) *plotter.BarChart {
	v := make(plotter.Values, len(counts))
	for i, n := range counts {
		whole := f.splitHidden(i)
		if n != nil && (all && !whole || !all && whole) {
			v[i] = float64(*n)
		}
	}
	b, _ := plotter.NewBarChart(v, w) // cannot fail: values are finite and w > 0
	b.Color, b.LineStyle.Width = col, 0
	return b
}

// splitHidden reports whether period i has a hidden part.
func (f *IntakeChart) splitHidden(i int) bool {
	for _, c := range f.d.Counts {
		if c[i] == nil {
			return true
		}
	}
	return false
}

func (f *IntakeChart) anySplitHidden() bool {
	for i := range f.d.Periods {
		if f.splitHidden(i) && f.d.Totals[i] != nil {
			return true
		}
	}
	return false
}

// hiddenMarks writes ".." at the foot of each period whose total is hidden.
func (f *IntakeChart) hiddenMarks() *plotter.Labels {
	var xy plotter.XYLabels
	for i, n := range f.d.Totals {
		if n == nil {
			xy.XYs = append(xy.XYs, plotter.XY{X: float64(i), Y: 0})
			xy.Labels = append(xy.Labels, suppressedMark)
		}
	}
	if len(xy.Labels) == 0 {
		return nil
	}
	l, err := plotter.NewLabels(xy)
	if err != nil {
		return nil
	}
	for i := range l.TextStyle {
		l.TextStyle[i] = textStyle(TickSize, true)
		l.TextStyle[i].XAlign, l.TextStyle[i].YAlign = draw.XCenter, draw.YBottom
	}
	return l
}
