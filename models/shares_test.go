package models

import (
	"math"
	"strings"
	"testing"
)

// pvaCohort is the bundled pva example's seed figures (DESIGN.md §1): 195
// started, 148 completed, 52 of 148 paid hours and/or education (here 35
// with paid hours, 25 in education, 8 both — invented splits).
func pvaCohort() []Unit {
	var u []Unit
	add := func(n int, p uint32) {
		for range n {
			u = append(u, Unit{Pattern: p})
		}
	}
	add(47, 0)    // ended early
	add(96, 1)    // completed, neither
	add(27, 1|2)  // hours only
	add(17, 1|4)  // education only
	add(8, 1|2|4) // both
	return u
}

// TestBootstrapSharesPva: counts and estimates are exact, the exact
// intervals equal the direct functions (R stats, tested against
// proportions.json), every interval names method, rule and level, targets
// are assessed, and nothing is NaN.
func TestBootstrapSharesPva(t *testing.T) {
	opts := BootOptions{B: 9999, Seed: 1, Level: 0.95, Methods: []string{"bca", "percentile", "wilson", "clopper-pearson", "basic", "normal", "wilson-cc", "jeffreys"}}
	res, r, err := BootstrapShares(pvaCohort(), pvaSpecs(), opts)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ k, n int }{{148, 195}, {52, 148}, {35, 148}, {25, 148}}
	for j, w := range want {
		got := res[j]
		if got.Count != w.k || got.Denominator != w.n || got.Estimate != float64(w.k)/float64(w.n) || !got.Defined || got.Column != j {
			t.Errorf("%s: %d/%d = %v, want %d/%d", got.ID, got.Count, got.Denominator, got.Estimate, w.k, w.n)
		}
		if len(got.Intervals) != len(opts.Methods) {
			t.Fatalf("%s: %d intervals", got.ID, len(got.Intervals))
		}
		for i, iv := range got.Intervals {
			if iv.Method != opts.Methods[i] || iv.Level != 0.95 || !iv.Defined || math.IsNaN(iv.Low) || math.IsNaN(iv.High) {
				t.Errorf("%s: interval %d %+v", got.ID, i, iv)
			}
			if IsExactMethod(iv.Method) {
				direct, _ := ExactInterval(iv.Method, w.k, w.n, 0.95)
				if iv != direct {
					t.Errorf("%s %s: %+v, direct %+v", got.ID, iv.Method, iv, direct)
				}
			}
		}
		if got.Intervals[0].Rule != "boot/z0-strict" || got.Intervals[1].Rule != "boot" {
			t.Errorf("%s: rules %q %q", got.ID, got.Intervals[0].Rule, got.Intervals[1].Rule)
		}
	}
	// Employment 35/148 = 23.6 % against ≥ 20 %: met, P(met) high but not 1.
	emp := res[2].Target
	if emp == nil || !emp.Met || !emp.Defined || emp.PMet < 0.8 || emp.PMet >= 1 || emp.Rule != "boot" {
		t.Errorf("employment target %+v", emp)
	}
	if res[0].Target != nil {
		t.Error("completion has no target")
	}
	// P(met) is the share of replicates ≥ target, recounted here.
	n := 0
	for _, v := range r.T[2] {
		if v >= 0.2 {
			n++
		}
	}
	if emp.PMet != float64(n)/float64(r.B) {
		t.Errorf("P(met) %v, recount %v", emp.PMet, float64(n)/float64(r.B))
	}
}

// TestBootstrapSharesDegenerate: 0 of 148 in education gives bootstrap
// intervals replaced by Clopper-Pearson with the reason; a share among
// nobody (denominator 0) is not defined; no NaN anywhere.
func TestBootstrapSharesDegenerate(t *testing.T) {
	var units []Unit
	for i := range 195 {
		p := uint32(0)
		if i < 148 {
			p = 1
		}
		units = append(units, Unit{Pattern: p})
	}
	specs := []Spec{
		ShareSpec{ID: "education", Num: func(p uint32) bool { return p&4 != 0 }, Den: func(p uint32) bool { return p&1 != 0 }, Target: &Target{Value: 0.15}},
		ShareSpec{ID: "ongoing", Num: func(p uint32) bool { return true }, Den: func(p uint32) bool { return p&8 != 0 }, Target: &Target{Value: 0.15}},
	}
	res, _, err := BootstrapShares(units, specs, BootOptions{B: 999, Seed: 1, Level: 0.95})
	if err != nil {
		t.Fatal(err)
	}
	cp, _ := ClopperPearson(0, 148, 0.95)
	for _, iv := range res[0].Intervals[:2] { // bca, percentile
		if iv.Method != MethodClopperPearson || !strings.HasPrefix(iv.Rule, "fallback:") || iv.Low != cp.Low || iv.High != cp.High ||
			iv.Note != "interval not computed: all replicates equal; Clopper-Pearson shown" {
			t.Errorf("education fallback %+v", iv)
		}
	}
	if tg := res[0].Target; tg.Met || tg.PMet != 0 {
		t.Errorf("education target %+v", tg)
	}
	og := res[1]
	if og.Defined || og.Estimate != 0 || og.Note != noteZeroDenominator || og.Target.Defined {
		t.Errorf("ongoing %+v", og)
	}
	for _, iv := range og.Intervals {
		if iv.Defined || iv.Note == "" || math.IsNaN(iv.Low) || math.IsNaN(iv.High) {
			t.Errorf("ongoing interval %+v", iv)
		}
	}
}

// TestBootstrapSharesSaving: JEPS (DESIGN.md §1): 338 participants, 106
// self-supporting; saving 106 × 12.963,50 kr × 12 = 16.489.572 kr a year —
// exact in floating point. Exact share methods do not apply to a count.
func TestBootstrapSharesSaving(t *testing.T) {
	var units []Unit
	for i := range 338 {
		units = append(units, Unit{Pattern: uint32(min(1, i/232))}) // the last 106 self-supporting
	}
	gross, err := SavingFactor(12963.50, 12, 0)
	if err != nil {
		t.Fatal(err)
	}
	net, _ := SavingFactor(12963.50, 12, 0.25)
	self := func(p uint32) bool { return p == 1 }
	specs := []Spec{ScaledSpec{ID: "gross", Count: self, Factor: gross}, ScaledSpec{ID: "net", Count: self, Factor: net}}
	res, r, err := BootstrapShares(units, specs, BootOptions{B: 999, Seed: 1, Level: 0.95})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Estimate != 16489572 || res[0].Count != 106 || res[0].Denominator != 338 || res[0].Share {
		t.Errorf("gross %+v", res[0])
	}
	if res[1].Estimate != 16489572*0.75 {
		t.Errorf("net %v", res[1].Estimate)
	}
	if len(res[0].Intervals) != 2 || res[0].Intervals[0].Method != MethodBCa || res[0].Intervals[1].Method != MethodPercentile {
		t.Errorf("intervals %+v", res[0].Intervals)
	}
	// Same replicates for both (one joint resample): net = 0.75 × gross.
	for b := range r.B {
		if math.Abs(r.T[1][b]-0.75*r.T[0][b]) > 1e-6 {
			t.Fatalf("replicate %d: net %v, gross %v", b, r.T[1][b], r.T[0][b])
		}
	}
	for _, bad := range [][3]float64{{-1, 12, 0}, {1, -1, 0}, {1, 12, 1.5}, {math.Inf(1), 1, 0}, {1, 1, math.NaN()}} {
		if _, err := SavingFactor(bad[0], bad[1], bad[2]); err == nil {
			t.Errorf("SavingFactor%v accepted", bad)
		}
	}
}

// TestBootstrapSharesErrors: bad input is an error naming the problem.
func TestBootstrapSharesErrors(t *testing.T) {
	units := pvaCohort()
	ok := BootOptions{B: 10, Level: 0.95}
	num := func(uint32) bool { return true }
	for name, c := range map[string]struct {
		units []Unit
		specs []Spec
		opts  BootOptions
	}{
		"no units":     {nil, pvaSpecs(), ok},
		"no specs":     {units, nil, ok},
		"B = 0":        {units, pvaSpecs(), BootOptions{B: 0, Level: 0.95}},
		"level 0":      {units, pvaSpecs(), BootOptions{B: 10, Level: 0}},
		"level 1":      {units, pvaSpecs(), BootOptions{B: 10, Level: 1}},
		"method":       {units, pvaSpecs(), BootOptions{B: 10, Level: 0.95, Methods: []string{"studentized"}}},
		"empty id":     {units, []Spec{ShareSpec{Num: num}}, ok},
		"repeated id":  {units, []Spec{ShareSpec{ID: "a", Num: num}, ShareSpec{ID: "a", Num: num}}, ok},
		"no numerator": {units, []Spec{ShareSpec{ID: "a"}}, ok},
		"no count":     {units, []Spec{ScaledSpec{ID: "a", Factor: 1}}, ok},
		"NaN factor":   {units, []Spec{ScaledSpec{ID: "a", Count: num, Factor: math.NaN()}}, ok},
		"NaN target":   {units, []Spec{ShareSpec{ID: "a", Num: num, Target: &Target{Value: math.NaN()}}}, ok},
	} {
		if _, _, err := BootstrapShares(c.units, c.specs, c.opts); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
