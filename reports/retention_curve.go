package reports

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// KMCurve is one Kaplan-Meier curve as step points: S[i] holds from T[i]
// until T[i+1] (so T[0] = 0, S[0] = 1 for a curve that starts at 100 %).
type KMCurve struct {
	Name       string    // stratum, shown in the legend and the risk table; "" for one curve
	T, S       []float64 // times (weeks, ascending) and survival shares
	Low, High  []float64 // confidence band at the same points; nil for none
	CensorT    []float64 // censoring times, marked "+" on the curve
	Suppressed bool      // disclosure control: not drawn; the legend shows ".."
}

// RiskCell is one count of the risk table.
type RiskCell struct {
	N          int
	Suppressed bool // shown as ".."
	NoneAtRisk bool // no one at risk at this time: shown as "–"
}

// RiskTable is the table under a retention curve: for each configured
// time, how many were still at risk and how many had left, per curve (in
// the order of the curves).
type RiskTable struct {
	AtRiskLabel, LeftLabel string       // e.g. "I forløb (antal)", "Afbrudt (antal)"
	AtRisk, Left           [][]RiskCell // [curve][time]
	// Rows, when set, are the table's rows instead (the state occupation:
	// still at risk, then the exits of each kind).
	Rows []RiskLine
}

// RiskLine is one labelled row of a risk table, a cell per time.
type RiskLine struct {
	Label string
	Cells []RiskCell
}

// RetentionData is the input of a retention figure.
type RetentionData struct {
	Labels Labels // X: "Uger", Y: "Andel stadig i forløb"
	Curves []KMCurve
	// States, when set, replaces the curves by the state occupation.
	States      *StateStack
	Times       []float64  // configured times: marked, ticked, and the risk table's columns
	Risk        *RiskTable // nil: no risk table
	BandLabel   string     // legend text for the band ("95 %-KI"); "" for none
	CensorLabel string     // legend text for "+" ("censureret"); "" for none
	// OthersLabel names the faint curves behind each panel of the small
	// multiples (more than three strata): "de øvrige grupper".
	OthersLabel string
}

// RetentionCurve draws Kaplan-Meier curves with confidence bands,
// censoring ticks and the configured times, and a risk table under the x
// axis aligned with those times.
type RetentionCurve struct {
	d    RetentionData
	xmax float64
}

// NewRetentionCurve validates and copies d. Suppressed curves keep only
// their names.
func NewRetentionCurve(d RetentionData) (*RetentionCurve, error) {
	if len(d.Curves) == 0 && d.States == nil {
		return nil, errors.New("retention: no curves")
	}
	f := &RetentionCurve{d: d}
	f.d.Times = append([]float64(nil), d.Times...)
	if err := checkTimes(f.d.Times); err != nil {
		return nil, fmt.Errorf("retention: times: %w", err)
	}
	f.d.Curves = make([]KMCurve, len(d.Curves))
	for i, k := range d.Curves {
		if k.Suppressed {
			f.d.Curves[i] = KMCurve{Name: k.Name, Suppressed: true}
			continue
		}
		k, err := copyCurve(k)
		if err != nil {
			return nil, fmt.Errorf("retention: curve %q: %w", k.Name, err)
		}
		f.d.Curves[i] = k
		f.xmax = math.Max(f.xmax, curveEnd(k))
	}
	if d.States != nil {
		s, err := copyStates(*d.States)
		if err != nil {
			return nil, fmt.Errorf("retention: states: %w", err)
		}
		f.d.States = &s
		f.xmax = math.Max(f.xmax, s.T[len(s.T)-1])
	}
	if n := len(f.d.Times); n > 0 {
		// The axis ends at the last configured time: the reader asked
		// about those weeks, and a long tail of a few people would
		// squeeze them into the left of the figure.
		f.xmax = f.d.Times[n-1]
	}
	if d.Risk != nil {
		r, err := copyRisk(*d.Risk, f.d.Curves, len(d.Times))
		if err != nil {
			return nil, fmt.Errorf("retention: risk table: %w", err)
		}
		f.d.Risk = &r
	}
	return f, nil
}

func checkTimes(ts []float64) error {
	for i, t := range ts {
		if !finite(t) || t < 0 {
			return fmt.Errorf("time %v is not a finite number ≥ 0", t)
		}
		if i > 0 && t <= ts[i-1] {
			return fmt.Errorf("times are not increasing at %v", t)
		}
	}
	return nil
}

func copyCurve(k KMCurve) (KMCurve, error) {
	n := len(k.T)
	if n == 0 || len(k.S) != n {
		return k, fmt.Errorf("%d times and %d values", n, len(k.S))
	}
	band := k.Low != nil || k.High != nil
	if band && (len(k.Low) != n || len(k.High) != n) {
		return k, fmt.Errorf("band has %d and %d points for %d times", len(k.Low), len(k.High), n)
	}
	for i := range k.T {
		if !finite(k.T[i]) || k.T[i] < 0 || (i > 0 && k.T[i] < k.T[i-1]) {
			return k, fmt.Errorf("time %v is not finite, ≥ 0 and ascending", k.T[i])
		}
		var err error
		if band {
			err = checkInterval(k.S[i], k.Low[i], k.High[i])
		} else {
			err = checkShare(k.S[i])
		}
		if err != nil {
			return k, fmt.Errorf("at t = %v: %w", k.T[i], err)
		}
	}
	for _, t := range k.CensorT {
		if !finite(t) || t < 0 {
			return k, fmt.Errorf("censoring time %v is not a finite number ≥ 0", t)
		}
	}
	c := KMCurve{Name: k.Name, T: clone(k.T), S: clone(k.S), Low: clone(k.Low),
		High: clone(k.High), CensorT: clone(k.CensorT)}
	sort.Float64s(c.CensorT)
	return c, nil
}

// copyRisk validates and copies r; a suppressed curve's cells are all
// suppressed.
func copyRisk(r RiskTable, curves []KMCurve, times int) (RiskTable, error) {
	cp := func(rows [][]RiskCell, what string) ([][]RiskCell, error) {
		if len(rows) != len(curves) {
			return nil, fmt.Errorf("%s has %d rows for %d curves", what, len(rows), len(curves))
		}
		out := make([][]RiskCell, len(rows))
		for i, row := range rows {
			if len(row) != times {
				return nil, fmt.Errorf("%s row %d has %d cells for %d times", what, i, len(row), times)
			}
			out[i] = append([]RiskCell(nil), row...)
			for j := range out[i] {
				if curves[i].Suppressed {
					out[i][j] = RiskCell{Suppressed: true}
				}
				if out[i][j].Suppressed || out[i][j].NoneAtRisk {
					out[i][j].N = 0 // never drawn
				} else if out[i][j].N < 0 {
					return nil, fmt.Errorf("%s row %d: negative count", what, i)
				}
			}
		}
		return out, nil
	}
	var err error
	lines := make([][]RiskCell, len(r.Rows))
	for i, l := range r.Rows {
		lines[i] = l.Cells
	}
	if lines, err = cpLines(lines, times); err != nil {
		return r, err
	}
	r.Rows = append([]RiskLine(nil), r.Rows...)
	for i := range r.Rows {
		r.Rows[i].Cells = lines[i]
	}
	if r.AtRisk, err = cp(r.AtRisk, "at risk"); err != nil {
		return r, err
	}
	r.Left, err = cp(r.Left, "left")
	return r, err
}

// cpLines validates and copies the rows of a table given row by row.
func cpLines(rows [][]RiskCell, times int) ([][]RiskCell, error) {
	out := make([][]RiskCell, len(rows))
	for i, row := range rows {
		if len(row) != times {
			return nil, fmt.Errorf("row %d has %d cells for %d times", i, len(row), times)
		}
		out[i] = append([]RiskCell(nil), row...)
		for j := range out[i] {
			if c := &out[i][j]; c.Suppressed || c.NoneAtRisk {
				c.N = 0
			} else if c.N < 0 {
				return nil, fmt.Errorf("row %d: negative count", i)
			}
		}
	}
	return out, nil
}

func clone(x []float64) []float64 {
	if x == nil {
		return nil
	}
	return append([]float64(nil), x...)
}

// curveEnd is where a curve stops: its last step or censoring.
func curveEnd(k KMCurve) float64 {
	end := k.T[len(k.T)-1]
	if n := len(k.CensorT); n > 0 {
		end = math.Max(end, k.CensorT[n-1])
	}
	return end
}

// stepAt is the value of the step function (ts, vs) at t.
func stepAt(ts, vs []float64, t float64) float64 {
	i := sort.Search(len(ts), func(i int) bool { return ts[i] > t }) - 1
	if i < 0 {
		i = 0
	}
	return vs[i]
}

// Height is the height the figure needs at width w.
func (f *RetentionCurve) Height(w vg.Length) vg.Length {
	inner := w - 2*figureMargin
	body := vg.Points(230) + f.riskHeight(inner)
	if f.panelled() {
		body = f.panelledHeight(inner)
	}
	return 2*figureMargin + titleHeight(f.d.Labels.Title, inner) + legendHeight(f.legend(), inner) + body
}

// Draw implements Figure.
func (f *RetentionCurve) Draw(c draw.Canvas) {
	c = drawTitle(inset(c), f.d.Labels.Title)
	c = drawLegend(c, f.legend())
	if f.panelled() {
		f.drawPanels(c)
		return
	}
	pc := c
	w := c.Max.X - c.Min.X
	pc.Min.Y += f.riskHeight(w)
	p := f.plot()
	left, right := f.riskMargins(w)
	dc := p.DataCanvas(pc)
	if d := left - (dc.Min.X - pc.Min.X); d > 0 {
		pc.Min.X += d
	}
	if d := right - (pc.Max.X - dc.Max.X); d > 0 {
		pc.Max.X -= d
	}
	p.Draw(pc)
	if f.d.Risk != nil {
		tc := c
		tc.Max.Y = pc.Min.Y
		dc := p.DataCanvas(pc)
		xs := make([]vg.Length, len(f.d.Times))
		for j, t := range f.d.Times {
			xs[j] = dc.X(p.X.Norm(t))
		}
		f.drawRisk(tc, xs, w, "")
	}
}

func (f *RetentionCurve) plot() *plot.Plot {
	p := timePlot(f.d.Labels, f.xmax, f.d.Times)
	if f.d.States != nil {
		p.Add(stateLayer{f})
	} else {
		p.Add(kmLayer{f: f})
	}
	return p
}

func (f *RetentionCurve) legend() []legendEntry {
	if f.d.States != nil {
		return f.stateLegend()
	}
	var es []legendEntry
	if f.panelled() {
		// The panels' titles name the strata.
		if f.d.OthersLabel != "" {
			es = append(es, legendEntry{Label: f.d.OthersLabel, Kind: keyLine, Color: withAlpha(mutedColor, 0.35), Width: vg.Points(0.8)})
		}
	} else if len(f.d.Curves) > 1 || f.d.Curves[0].Name != "" {
		for i, k := range f.d.Curves {
			if k.Suppressed {
				es = append(es, legendEntry{Label: k.Name + ": " + SuppressedMark, Kind: keyNone})
				continue
			}
			es = append(es, legendEntry{Label: k.Name, Kind: keyLine, Color: paletteColor(i), Dashes: dashes(i)})
		}
	}
	if f.d.BandLabel != "" {
		es = append(es, legendEntry{Label: f.d.BandLabel, Kind: keyBox, Color: withAlpha(mutedColor, 0.3)})
	}
	if f.d.CensorLabel != "" {
		es = append(es, legendEntry{Label: f.d.CensorLabel, Kind: keyPlus, Color: inkColor})
	}
	return es
}

// timePlot is the frame shared by the figures over time: weeks from 0 to
// xmax (1 when there is no time), shares from 0 to 100 %, and the
// configured times as the x ticks (plain numbers when none are set).
func timePlot(lb Labels, xmax float64, times []float64) *plot.Plot {
	p := newPlot(lb)
	p.X.Min, p.X.Max = 0, xmax
	if p.X.Max <= 0 {
		p.X.Max = 1
	}
	p.Y.Min, p.Y.Max = 0, 1
	p.Y.Tick.Marker = percentTicks{Lang: lb.Lang}
	if len(times) > 0 {
		p.X.Tick.Marker = fixedTicks(lb.Lang, append([]float64{0}, times...)...)
	} else {
		p.X.Tick.Marker = numberTicks{Lang: lb.Lang}
	}
	return p
}
