package reports

import (
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// StateStack is the state occupation over time, drawn as stacked step
// areas (the first state at the bottom) that fill the height: at each
// time, the share of everyone in each state.
type StateStack struct {
	Names  []string    // the states, bottom first
	T      []float64   // step times (weeks), ascending; each value holds until the next
	Shares [][]float64 // [state][step], adding up to 1 at each step
	// Low and High bound each boundary of the stack, [boundary][step]:
	// boundary j lies between state j and state j+1; nil for no bands.
	Low, High [][]float64
}

// stackTol is how far the shares at one step may add up from 1.
const stackTol = 1e-9

// copyStates validates and copies s.
func copyStates(s StateStack) (StateStack, error) {
	n, k := len(s.T), len(s.Names)
	if n == 0 || k < 2 || len(s.Shares) != k {
		return s, fmt.Errorf("%d times, %d states and %d share rows", n, k, len(s.Shares))
	}
	band := s.Low != nil || s.High != nil
	if band && (len(s.Low) != k-1 || len(s.High) != k-1) {
		return s, fmt.Errorf("%d and %d bands for %d boundaries", len(s.Low), len(s.High), k-1)
	}
	for i, t := range s.T {
		if !finite(t) || t < 0 || (i > 0 && t < s.T[i-1]) {
			return s, fmt.Errorf("time %v is not finite, ≥ 0 and ascending", t)
		}
	}
	out := StateStack{Names: append([]string(nil), s.Names...), T: clone(s.T)}
	for j, row := range s.Shares {
		if len(row) != n {
			return s, fmt.Errorf("state %q has %d shares for %d times", s.Names[j], len(row), n)
		}
		out.Shares = append(out.Shares, clone(row))
	}
	for i := range s.T {
		sum := 0.0
		for j := range s.Shares {
			if err := checkShare(s.Shares[j][i]); err != nil {
				return s, fmt.Errorf("state %q at t = %v: %w", s.Names[j], s.T[i], err)
			}
			sum += s.Shares[j][i]
			if band && j < k-1 {
				if len(s.Low[j]) != n || len(s.High[j]) != n {
					return s, fmt.Errorf("band %d has %d and %d points for %d times", j, len(s.Low[j]), len(s.High[j]), n)
				}
				if err := checkInterval(sum, s.Low[j][i], s.High[j][i]); err != nil {
					return s, fmt.Errorf("boundary above %q at t = %v: %w", s.Names[j], s.T[i], err)
				}
			}
		}
		if sum < 1-stackTol || sum > 1+stackTol {
			return s, fmt.Errorf("shares add up to %v at t = %v", sum, s.T[i])
		}
	}
	if band {
		for j := range s.Low {
			out.Low, out.High = append(out.Low, clone(s.Low[j])), append(out.High, clone(s.High[j]))
		}
	}
	return out, nil
}

// stateLayer draws a RetentionCurve's StateStack: the areas, each
// boundary's band and line, and the configured times.
type stateLayer struct{ f *RetentionCurve }

// Plot implements plot.Plotter.
func (l stateLayer) Plot(c draw.Canvas, p *plot.Plot) {
	s := l.f.d.States
	trX, trY := p.Transforms(&c)
	end := s.T[len(s.T)-1]
	polygon := func(top, bottom []float64) []vg.Point {
		up, down := stepPoints(s.T, top, end), stepPoints(s.T, bottom, end)
		poly := make([]vg.Point, 0, len(up)+len(down))
		for _, q := range up {
			poly = append(poly, vg.Point{X: trX(q[0]), Y: trY(q[1])})
		}
		for j := len(down) - 1; j >= 0; j-- {
			poly = append(poly, vg.Point{X: trX(down[j][0]), Y: trY(down[j][1])})
		}
		return c.ClipPolygonXY(poly)
	}
	base := make([]float64, len(s.T))
	var tops [][]float64
	for j := range s.Names {
		top := make([]float64, len(base))
		for i := range base {
			top[i] = base[i] + s.Shares[j][i]
		}
		c.FillPolygon(withAlpha(paletteColor(j), 0.8), polygon(top, base))
		tops, base = append(tops, top), top
	}
	for j := range s.Low {
		c.FillPolygon(withAlpha(inkColor, 0.22), polygon(s.High[j], s.Low[j]))
		pts := stepPoints(s.T, tops[j], end)
		line := make([]vg.Point, len(pts))
		for i, q := range pts {
			line[i] = vg.Point{X: trX(q[0]), Y: trY(q[1])}
		}
		c.StrokeLines(draw.LineStyle{Color: inkColor, Width: vg.Points(0.8)}, c.ClipLinesXY(line)...)
	}
	mark := draw.LineStyle{Color: withAlpha(inkColor, 0.35), Width: vg.Points(0.8),
		Dashes: []vg.Length{vg.Points(2), vg.Points(2)}}
	for _, t := range l.f.d.Times {
		c.StrokeLine2(mark, trX(t), c.Min.Y, trX(t), c.Max.Y)
	}
}

// DataRange implements plot.DataRanger.
func (l stateLayer) DataRange() (xmin, xmax, ymin, ymax float64) {
	return 0, l.f.xmax, 0, 1
}

// stateLegend names the states, bottom first, and the bands.
func (f *RetentionCurve) stateLegend() []legendEntry {
	var es []legendEntry
	for j, name := range f.d.States.Names {
		es = append(es, legendEntry{Label: name, Kind: keyBox, Color: withAlpha(paletteColor(j), 0.8)})
	}
	if f.d.BandLabel != "" && f.d.States.Low != nil {
		es = append(es, legendEntry{Label: f.d.BandLabel, Kind: keyBox, Color: withAlpha(inkColor, 0.22)})
	}
	return es
}
