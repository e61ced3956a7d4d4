package models

import (
	"errors"
	"strings"
	"testing"
)

// TestFitLogisticLalonde: coefficients, deviance, iterations and scores
// match R 4.2.2 glm(treat ~ age + educ + race + married + nodegree + re74 +
// re75, binomial) on MatchIt's lalonde (testdata/comparison_reference.json)
// to 1e-6 relative (scores: absolute).
func TestFitLogisticLalonde(t *testing.T) {
	ref := loadComparisonRef(t)
	d := loadLalonde(t, nil)
	cols, names := DesignMatrix(d.covs)
	m, err := FitLogistic(cols, names, d.treated)
	if err != nil {
		t.Fatal(err)
	}
	rNames := map[string]string{"race=hispan": "racehispan", "race=white": "racewhite"}
	for j, name := range m.Names {
		if r, ok := rNames[name]; ok {
			name = r
		}
		want, ok := ref.GLM.Coefficients[name]
		if !ok || !closeTo(m.Coef[j], want, 1e-6) {
			t.Errorf("coefficient %s = %.12g, R %.12g", name, m.Coef[j], want)
		}
	}
	if !closeTo(m.Deviance, ref.GLM.Deviance, 1e-9) || m.Iterations != ref.GLM.Iterations {
		t.Errorf("deviance %.12g in %d iterations, R %.12g in %d", m.Deviance, m.Iterations, ref.GLM.Deviance, ref.GLM.Iterations)
	}
	eta := m.Linear(cols)
	for i, want := range ref.GLM.Linear {
		if !closeTo(eta[i], want, 1e-6) || !closeTo(logitInv(eta[i]), ref.GLM.Scores[i], 1e-6) {
			t.Fatalf("unit %d: logit %.12g score %.12g, R %.12g %.12g", i, eta[i], logitInv(eta[i]), want, ref.GLM.Scores[i])
		}
	}
}

func TestFitLogisticErrors(t *testing.T) {
	y := []bool{false, false, false, true, true, true}
	tests := []struct {
		name string
		cols [][]float64
		want error
		text string
	}{
		{"complete separation", [][]float64{{1, 2, 3, 4, 5, 6}}, ErrSeparation, "separate"},
		{"constant covariate", [][]float64{{2, 2, 2, 2, 2, 2}}, nil, `"x" has the same value for everyone`},
		{"collinear", [][]float64{{1, 2, 1, 3, 2, 4}, {2, 4, 2, 6, 4, 8}}, ErrCollinear, "collinear"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			names := []string{"x", "z"}[:len(tt.cols)]
			_, err := FitLogistic(tt.cols, names, y)
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) || !strings.Contains(err.Error(), tt.text) {
				t.Errorf("error %v, want %v containing %q", err, tt.want, tt.text)
			}
		})
	}
}
