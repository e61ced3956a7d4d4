package models_test

import (
	"fmt"
	"math"

	"github.com/danish-eval/evaluate/models"
)

// The share of the pva example: 52 of 148 completers in paid work and/or
// education.
func ExampleWilson() {
	iv, _ := models.Wilson(52, 148, 0.95)
	fmt.Printf("%s %.4f–%.4f\n", iv.Method, iv.Low, iv.High)
	iv, _ = models.Wilson(0, 0, 0.95)
	fmt.Println(iv.Defined, iv.Note)
	// Output:
	// wilson 0.2791–0.4311
	// false not defined: denominator is 0
}

// One joint bootstrap of two measures: completion among starters and
// employment among completers (bit 0 completed, bit 1 paid hours).
func ExampleBootstrapShares() {
	var units []models.Unit
	for i := range 195 {
		var p uint32
		if i < 148 {
			p = 1
		}
		if i < 35 {
			p |= 2
		}
		units = append(units, models.Unit{Pattern: p})
	}
	completed := func(p uint32) bool { return p&1 != 0 }
	specs := []models.Spec{
		models.ShareSpec{ID: "completion", Num: completed},
		models.ShareSpec{ID: "employment", Num: func(p uint32) bool { return p&2 != 0 }, Den: completed,
			Target: &models.Target{Value: 0.20, Direction: models.AtLeast}},
	}
	res, _, err := models.BootstrapShares(units, specs, models.BootOptions{
		B: 9999, Seed: 1, Level: 0.95, Methods: []string{"clopper-pearson"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range res {
		iv := r.Intervals[0]
		fmt.Printf("%s %d/%d = %.3f, %s %.3f–%.3f\n", r.ID, r.Count, r.Denominator, r.Estimate, iv.Method, iv.Low, iv.High)
	}
	fmt.Printf("employment ≥ 20 %%: met %v, P(met) %.2f\n", res[1].Target.Met, res[1].Target.PMet)
	// Output:
	// completion 148/195 = 0.759, clopper-pearson 0.693–0.817
	// employment 35/148 = 0.236, clopper-pearson 0.171–0.313
	// employment ≥ 20 %: met true, P(met) 0.85
}

// A comparison group weighted by coarsened exact matching: twelve people
// in two sites; the effect on the participants of a 0/1 outcome (job),
// with the balance of the site before and after weighting.
func ExampleEstimateComparison() {
	c := models.Comparison{
		Treated: []bool{true, true, true, true, false, false, false, false, false, false, false, false},
		Covariates: []models.Covariate{
			{Name: "site", Codes: []int{0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 0}, Levels: []string{"Næstved", "Slagelse"}},
		},
	}
	job := models.Outcome{ID: "job", Y: []float64{1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 0, 1}}
	res, err := models.EstimateComparison(c, models.ComparisonOptions{Method: models.MethodCEM},
		[]models.Outcome{job}, models.EffectOptions{B: 999, Seed: 1, Level: 0.95})
	if err != nil {
		fmt.Println(err)
		return
	}
	e := res.Effects[0]
	fmt.Printf("participants %.3f, comparison %.3f, difference %.3f\n", e.Participants, e.Comparison, e.Difference)
	for _, b := range res.Balance {
		fmt.Printf("%s: SMD %.2f before, |SMD| < 0.1 after: %v\n", b.Covariate, b.SMDBefore, math.Abs(b.SMDAfter) < 0.1)
	}
	// Output:
	// participants 0.750, comparison 0.458, difference 0.292
	// site=Næstved: SMD 1.15 before, |SMD| < 0.1 after: true
	// site=Slagelse: SMD -1.15 before, |SMD| < 0.1 after: true
}
