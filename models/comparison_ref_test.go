package models

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// comparisonRef is testdata/comparison_reference.json, written by
// testdata/comparison_reference.R (R 4.2.2, MatchIt 4.5.1, Matching
// 4.10-8) on MatchIt's lalonde (Dehejia and Wahba 1999; LaLonde 1986).
type comparisonRef struct {
	GLM struct {
		Coefficients map[string]float64 `json:"coefficients"`
		Deviance     float64            `json:"deviance"`
		Iterations   int                `json:"iterations"`
		Scores       []float64          `json:"scores"`
		Linear       []float64          `json:"linear_predictor"`
	} `json:"glm"`
	IPW struct {
		Weights             []float64  `json:"weights"`
		Trim                [2]float64 `json:"trim"`
		TrimBounds          [2]float64 `json:"trim_bounds"`
		TrimmedParticipants int        `json:"trimmed_participants"`
		TrimmedComparison   int        `json:"trimmed_comparison"`
		TrimATTBinary       float64    `json:"trim_att_binary"`
		TrimATTContinuous   float64    `json:"trim_att_continuous"`
		ATTBinary           float64    `json:"att_binary"`
		ATTContinuous       float64    `json:"att_continuous"`
		AccelBinary         float64    `json:"accel_binary"`
		AccelContinuous     float64    `json:"accel_continuous"`
	} `json:"ipw"`
	CEM struct {
		Cutpoints             map[string][]float64 `json:"cutpoints"`
		Weights               []float64            `json:"weights"`
		MatchedParticipants   int                  `json:"matched_participants"`
		MatchedComparison     int                  `json:"matched_comparison"`
		UnmatchedParticipants int                  `json:"unmatched_participants"`
		UnmatchedComparison   int                  `json:"unmatched_comparison"`
		ATTBinary             float64              `json:"att_binary"`
		ATTContinuous         float64              `json:"att_continuous"`
	} `json:"cem"`
	Nearest struct {
		CaliperSD           float64   `json:"caliper_sd"`
		Caliper             float64   `json:"caliper"`
		Weights             []float64 `json:"weights"`
		MatchedParticipants int       `json:"matched_participants"`
		MatchedComparison   int       `json:"matched_comparison"`
		ATTBinary           float64   `json:"att_binary"`
		ATTContinuous       float64   `json:"att_continuous"`
		AIBinary            aiRef     `json:"ai_nocaliper_binary"`
		AIContinuous        aiRef     `json:"ai_nocaliper_continuous"`
	} `json:"nearest"`
	Balance map[string]struct {
		Covariates []struct {
			Covariate           string   `json:"covariate"`
			Binary              bool     `json:"binary"`
			SMDBefore           float64  `json:"smd_before"`
			SMDAfter            float64  `json:"smd_after"`
			VarianceRatioBefore *float64 `json:"variance_ratio_before"`
			VarianceRatioAfter  *float64 `json:"variance_ratio_after"`
		} `json:"covariates"`
		ESS float64 `json:"ess_comparison"`
	} `json:"balance"`
}

type aiRef struct {
	Estimate float64 `json:"estimate"`
	SE       float64 `json:"se"`
}

func loadComparisonRef(t testing.TB) comparisonRef {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "comparison_reference.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r comparisonRef
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// lalonde is testdata/lalonde.csv as covariates (the glm's order: age,
// educ, race, married, nodegree, re74, re75), treatment and outcomes.
type lalonde struct {
	treated []bool
	covs    []Covariate
	re78    []float64
	re78pos []float64
}

// band codes x by cut points as R's findInterval(x, c(-Inf, cuts, Inf)),
// MatchIt's cem: bins closed on the left. No cuts: the value itself.
func band(x, cuts []float64) []int {
	codes := make([]int, len(x))
	for i, v := range x {
		if cuts == nil {
			codes[i] = int(v)
			continue
		}
		for _, c := range cuts {
			if v >= c {
				codes[i]++
			}
		}
	}
	return codes
}

func loadLalonde(t testing.TB, cuts map[string][]float64) lalonde {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "lalonde.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	num := map[string][]float64{}
	var race []int
	var d lalonde
	for _, r := range rows[1:] {
		for j, h := range rows[0] {
			if h == "race" {
				race = append(race, map[string]int{"black": 0, "hispan": 1, "white": 2}[r[j]])
				continue
			}
			v, err := strconv.ParseFloat(r[j], 64)
			if err != nil {
				t.Fatal(err)
			}
			num[h] = append(num[h], v)
		}
	}
	for _, v := range num["treat"] {
		d.treated = append(d.treated, v == 1)
	}
	for _, name := range []string{"age", "educ", "race", "married", "nodegree", "re74", "re75"} {
		if name == "race" {
			d.covs = append(d.covs, Covariate{Name: "race", Codes: race, Levels: []string{"black", "hispan", "white"}})
			continue
		}
		d.covs = append(d.covs, Covariate{Name: name, Values: num[name], Codes: band(num[name], cuts[name])})
	}
	d.re78 = num["re78"]
	for _, v := range d.re78 {
		d.re78pos = append(d.re78pos, b2f(v > 0))
	}
	return d
}

// closeTo reports |got − want| ≤ tol (1 + |want|): relative for large
// values, absolute near zero.
func closeTo(got, want, tol float64) bool {
	d := got - want
	if d < 0 {
		d = -d
	}
	a := want
	if a < 0 {
		a = -a
	}
	return d <= tol*(1+a)
}
