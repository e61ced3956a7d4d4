package reports

import "github.com/danish-eval/evaluate/models/results"

// stateFigure draws the state occupation (in the programme, then each
// exit) from the disclosed step curve, with the risk table: how many were
// still in the programme and how many had left each way by each
// configured time.
func stateFigure(ret *results.Retention, t *Text) (Figure, error) {
	st := t.states()
	d := RetentionData{Labels: Labels{Lang: t.Lang, X: t.RetentionAxis, Y: st.Axis}, Times: ret.Times(),
		BandLabel: t.Interval, Risk: &RiskTable{}}
	s := &StateStack{}
	for j, sh := range ret.States[0].Shares {
		name := capitalize(st.InProgramme)
		if j > 0 {
			name = capitalize(t.Status(sh.State))
		}
		s.Names = append(s.Names, name)
		line := RiskLine{Label: capitalize(t.AtRisk)}
		if j > 0 {
			line.Label = capitalize(t.LeftBy(sh.State))
		}
		for _, row := range ret.States {
			line.Cells = append(line.Cells, riskCell(row.Shares[j].N, j == 0 && row.Note != ""))
		}
		d.Risk.Rows = append(d.Risk.Rows, line)
	}
	k := len(s.Names)
	s.Shares, s.Low, s.High = make([][]float64, k), make([][]float64, k-1), make([][]float64, k-1)
	steps := ret.StateCurve
	if len(steps) == 0 || steps[0].T > 0 {
		// Everyone is in the programme at the start.
		start := results.StateStep{Shares: make([]float64, k), Low: make([]float64, k-1), High: make([]float64, k-1)}
		start.Shares[0] = 1
		for j := range start.Low {
			start.Low[j], start.High[j] = 1, 1
		}
		steps = append([]results.StateStep{start}, steps...)
	}
	for _, p := range steps {
		s.T = append(s.T, p.T)
		for j := range s.Shares {
			s.Shares[j] = append(s.Shares[j], p.Shares[j])
		}
		for j := range s.Low {
			s.Low[j], s.High[j] = append(s.Low[j], p.Low[j]), append(s.High[j], p.High[j])
		}
	}
	d.States = s
	return NewRetentionCurve(d)
}

// exitsOverTime stacks the exits of the state occupation (the drawn steps
// of the retention figure, so the two figures agree).
func exitsOverTime(ret *results.Retention, t *Text) (Figure, error) {
	d := ExitsData{Labels: Labels{Lang: t.Lang, X: t.RetentionAxis, Y: t.Ended}, Times: ret.Times(), T: []float64{0},
		FirstColor: 1}
	steps := ret.StateCurve
	if len(steps) > 0 && steps[0].T == 0 {
		d.T = nil
	}
	for _, p := range steps {
		d.T = append(d.T, p.T)
	}
	for k, inc := range ret.Incidence {
		c := ExitCurve{Name: capitalize(t.Status(inc.Exit))}
		if len(steps) == 0 || steps[0].T > 0 {
			c.CIF = []float64{0}
		}
		for _, p := range steps {
			c.CIF = append(c.CIF, p.Shares[k+1])
		}
		d.Exits = append(d.Exits, c)
	}
	return NewExitsStacked(d)
}
