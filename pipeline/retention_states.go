package pipeline

import (
	"fmt"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/models/results"
)

// competingExits adds to out the Aalen-Johansen cumulative incidence of
// each exit (state k for exits[k-1]) and the state occupation's steps for
// the figure.
func competingExits(out *results.Retention, exits []string, d models.Durations, state []uint8, at []float64, opts models.CIFOptions) error {
	res, err := d.AalenJohansen(state, len(exits), opts)
	if err != nil {
		return err
	}
	out.Incidence = incidence(res, exits, at)
	out.StateCurve, err = stateCurve(res, d, state, opts)
	return err
}

// incidence reads each exit's cumulative incidence at the configured times.
// Its steps are drawn from the state occupation (StateCurve), so the exits
// figure and the retention figure are coarsened together.
func incidence(res models.CIFResult, exits []string, times []float64) []results.Incidence {
	out := make([]results.Incidence, len(exits))
	at := res.At(times)
	for k, name := range exits {
		out[k].Exit = name
		for _, p := range at {
			e := p.Exits[k]
			rp := results.RetentionPoint{T: p.Time, NRisk: intp(p.NRisk), NEvent: intp(p.NEventCumulative[k]), Surv: f64p(e.Estimate)}
			if e.CIDefined {
				rp.Low, rp.High = f64p(e.Lower), f64p(e.Upper)
			}
			if !p.AtRisk {
				rp.Note = "no one at risk"
			}
			out[k].Points = append(out[k].Points, rp)
		}
	}
	return out
}

// stateRows puts the Kaplan-Meier share still in the programme (out.Points,
// the Kaplan-Meier of any exit) and each exit's cumulative incidence side
// by side at each configured time, so both pages quote one number. It is
// a view: disclosure control hides the points and then rebuilds it.
func stateRows(in []results.RetentionPoint, inc []results.Incidence) []results.StateRow {
	rows := make([]results.StateRow, len(in))
	for i, p := range in {
		row := results.StateRow{T: p.T, Note: p.Note}
		row.Shares = append(row.Shares, stateShare(results.InProgramme, p.NRisk, p))
		for _, c := range inc {
			q := c.Points[i]
			row.Shares = append(row.Shares, stateShare(c.Exit, q.NEvent, q))
		}
		rows[i] = row
	}
	return rows
}

func stateShare(name string, n *int, p results.RetentionPoint) results.StateShare {
	return results.StateShare{State: name, N: clonep(n), Share: clonep(p.Surv), Low: clonep(p.Low), High: clonep(p.High)}
}

func clonep[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// stateCurve is the state occupation at every step with a band for each
// boundary of the stack. Boundary j is 1 − (the incidence of leaving by
// any of the exits stacked above it), so its band is that merged exit's
// Aalen-Johansen interval, turned over; the lowest boundary is the share
// still in the programme, with its own interval.
func stateCurve(res models.CIFResult, d models.Durations, state []uint8, opts models.CIFOptions) ([]results.StateStep, error) {
	k, n := res.K, len(res.Rows)
	steps := make([]results.StateStep, n)
	// One backing array each, as a cohort can have a step per person.
	ints, floats := make([]int, n*k), make([]float64, n*(3*k+1))
	for i, r := range res.Rows {
		f := floats[i*(3*k+1) : (i+1)*(3*k+1)]
		st := results.StateStep{T: r.Time, NRisk: r.NRisk, NEvent: ints[i*k : (i+1)*k : (i+1)*k],
			Shares: f[: k+1 : k+1], Low: f[k+1 : 2*k+1 : 2*k+1], High: f[2*k+1:]}
		copy(st.NEvent, r.NEvent)
		st.Shares[0] = r.EventFree.Estimate
		for e, x := range r.Exits {
			st.Shares[e+1] = x.Estimate
		}
		st.Low[0], st.High[0] = band(r.EventFree)
		steps[i] = st
	}
	merged := make([]uint8, len(state))
	for j := 1; j < k; j++ {
		for i, s := range state {
			merged[i] = 0
			if int(s) > j {
				merged[i] = 1
			} else if s > 0 {
				merged[i] = 2
			}
		}
		m, err := d.AalenJohansen(merged, 2, opts)
		if err != nil {
			return nil, err
		}
		if len(m.Rows) != len(steps) {
			return nil, fmt.Errorf("retention: %d steps for boundary %d, %d for the states", len(m.Rows), j, len(steps))
		}
		for i, r := range m.Rows {
			lo, hi := band(r.Exits[0])
			steps[i].Low[j], steps[i].High[j] = 1-hi, 1-lo
		}
	}
	return steps, nil
}

// band is an estimate's interval, or the estimate itself where none.
func band(e models.CIFEstimate) (lo, hi float64) {
	if !e.CIDefined {
		return e.Estimate, e.Estimate
	}
	return e.Lower, e.Upper
}
