package reports

import (
	"math"
	"strings"
	"testing"
)

// Illustrative curves in the shape of the pva cohort: 195 started, 47
// ended early (the event), everyone else censored.
func kmSample(scale float64) KMCurve {
	t := []float64{0, 2, 5, 9, 14, 20, 27, 35, 44, 58}
	s := []float64{1, 0.97, 0.93, 0.9, 0.86, 0.83, 0.8, 0.78, 0.76, 0.74}
	k := KMCurve{T: t, S: make([]float64, len(s)), Low: make([]float64, len(s)), High: make([]float64, len(s)),
		CensorT: []float64{12, 30, 47, 52, 61, 66}}
	for i, v := range s {
		v = 1 - (1-v)*scale
		w := 0.012 * math.Sqrt(float64(i))
		k.S[i], k.Low[i], k.High[i] = v, math.Max(0, v-1.4*w), math.Min(1, v+w)
	}
	return k
}

func risk(n ...int) []RiskCell {
	out := make([]RiskCell, len(n))
	for i, v := range n {
		out[i] = RiskCell{N: v}
	}
	return out
}

func retentionSingle(t *testing.T) *RetentionCurve {
	t.Helper()
	f, err := NewRetentionCurve(RetentionData{
		Labels: Labels{Lang: "da", Title: "Fastholdelse: andel stadig i forløb (ikke afbrudt)",
			X: "Uger siden start", Y: "Andel i forløb"},
		Curves: []KMCurve{kmSample(1)},
		Times:  []float64{4, 13, 26, 52},
		Risk: &RiskTable{AtRiskLabel: "I forløb (antal)", LeftLabel: "Afbrudt i alt",
			AtRisk: [][]RiskCell{risk(183, 160, 121, 1048)}, Left: [][]RiskCell{risk(8, 22, 35, 47)}},
		BandLabel: "95 %-konfidensbånd", CensorLabel: "censureret (+)",
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func retentionStrata(t *testing.T) *RetentionCurve {
	t.Helper()
	a, b, c := kmSample(1), kmSample(1.8), kmSample(0.5)
	a.Name, b.Name, c.Name = "Næstved", "Slagelse og Sorø (jobcenter i boligområder)", "Holbæk"
	none := RiskCell{NoneAtRisk: true}
	f, err := NewRetentionCurve(RetentionData{
		Labels: Labels{Lang: "en", Title: "Retention by site", X: "Weeks since start", Y: "Still in the programme"},
		Curves: []KMCurve{a, b, c, {Name: "Ringsted", Suppressed: true, S: []float64{math.NaN()}}},
		Times:  []float64{0, 4, 13, 26, 52},
		Risk: &RiskTable{AtRiskLabel: "n at risk", LeftLabel: "n left",
			AtRisk: [][]RiskCell{risk(95, 90, 80, 61, 20), risk(60, 55, 41, 30, 9),
				{{N: 40}, {N: 38}, {N: 30}, {Suppressed: true}, none}, risk(4, 4, 3, 2, 1)},
			Left: [][]RiskCell{risk(0, 3, 10, 18, 24), risk(0, 4, 12, 20, 23),
				{{N: 0}, {N: 1}, {N: 3}, {Suppressed: true}, none}, risk(0, 0, 1, 1, 2)}},
		BandLabel: "95 % CI",
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestRetentionGolden(t *testing.T) {
	checkGolden(t, "retention_da", retentionSingle(t), 0)
	checkGolden(t, "retention_strata_en", retentionStrata(t), 0)
}

func TestNewRetentionCurveErrors(t *testing.T) {
	good := kmSample(1)
	nanS := kmSample(1)
	nanS.S[3] = math.NaN()
	infLow := kmSample(1)
	infLow.Low[2] = math.Inf(-1)
	back := kmSample(1)
	back.T[4] = 1
	for _, tc := range []struct {
		name string
		d    RetentionData
		want string
	}{
		{"no curves", RetentionData{}, "no curves"},
		{"NaN survival", RetentionData{Curves: []KMCurve{nanS}}, "not a finite"},
		{"Inf band", RetentionData{Curves: []KMCurve{infLow}}, "not a finite"},
		{"time goes back", RetentionData{Curves: []KMCurve{back}}, "ascending"},
		{"NaN time", RetentionData{Curves: []KMCurve{good}, Times: []float64{4, math.NaN()}}, "times"},
		{"NaN censoring", RetentionData{Curves: []KMCurve{{T: []float64{0}, S: []float64{1},
			CensorT: []float64{math.NaN()}}}}, "censoring"},
		{"short risk row", RetentionData{Curves: []KMCurve{good}, Times: []float64{4, 13},
			Risk: &RiskTable{AtRisk: [][]RiskCell{risk(1)}, Left: [][]RiskCell{risk(1, 2)}}}, "risk table"},
	} {
		_, err := NewRetentionCurve(tc.d)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to mention %q", tc.name, err, tc.want)
		}
	}
}
