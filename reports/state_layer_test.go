package reports

import (
	"math"
	"strings"
	"testing"
)

// stateSample is a state occupation in the shape of pva: everyone in the
// programme at first, some dropping out early, most completing around a
// year; bands around both boundaries.
func stateSample() StateStack {
	s := StateStack{Names: []string{"I forløb", "Afbrudt", "Gennemført"}}
	s.Shares = make([][]float64, 3)
	s.Low, s.High = make([][]float64, 2), make([][]float64, 2)
	for i := 0; i <= 30; i++ {
		t := float64(2 * i)
		fd := 0.24 * (1 - math.Exp(-t/15))
		fc := 0.0
		if t > 26 {
			fc = 0.64 * math.Min(1, (t-26)/30)
		}
		s.T = append(s.T, t)
		s.Shares[0], s.Shares[1], s.Shares[2] = append(s.Shares[0], 1-fd-fc), append(s.Shares[1], fd), append(s.Shares[2], fc)
		w := 0.05 * math.Sqrt(t/60)
		for j, b := range []float64{1 - fd - fc, 1 - fc} {
			s.Low[j], s.High[j] = append(s.Low[j], math.Max(0, b-w)), append(s.High[j], math.Min(1, b+w))
		}
	}
	return s
}

func TestRetentionStatesGolden(t *testing.T) {
	s := stateSample()
	f, err := NewRetentionCurve(RetentionData{
		Labels: Labels{Lang: "da", X: "Uger siden start", Y: "Andel af dem, der startede"},
		States: &s, Times: []float64{4, 13, 26, 52}, BandLabel: "95 %-KI",
		Risk: &RiskTable{Rows: []RiskLine{{"Stadig i forløb", risk(185, 170, 156, 25)},
			{"Afbrudt (kumuleret)", risk(10, 25, 39, 47)},
			{"Gennemført (kumuleret)", []RiskCell{{N: 0}, {N: 0}, {Suppressed: true}, {N: 124}}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "retention_states_da", f, 0)
}

func TestNewStateStackErrors(t *testing.T) {
	edit := func(f func(*StateStack)) *StateStack {
		s := stateSample()
		f(&s)
		return &s
	}
	for _, tc := range []struct {
		name string
		s    *StateStack
		want string
	}{
		{"one state", edit(func(s *StateStack) { s.Names, s.Shares = s.Names[:1], s.Shares[:1] }), "states"},
		{"NaN share", edit(func(s *StateStack) { s.Shares[1][3] = math.NaN() }), "not a finite"},
		{"do not add up", edit(func(s *StateStack) { s.Shares[2][20] += 0.1 }), "add up"},
		{"band misses", edit(func(s *StateStack) { s.Low[0][10] = s.High[0][10] + 0.01 }), "boundary"},
		{"short row", edit(func(s *StateStack) { s.Shares[2] = s.Shares[2][1:] }), "shares for"},
		{"time goes back", edit(func(s *StateStack) { s.T[5] = 1 }), "ascending"},
		{"bands missing one", edit(func(s *StateStack) { s.Low = s.Low[:1] }), "bands"},
	} {
		_, err := NewRetentionCurve(RetentionData{States: tc.s})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to mention %q", tc.name, err, tc.want)
		}
	}
}
