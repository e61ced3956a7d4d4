package models

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// Pattern bits of strata_example.csv.
const (
	bitCompleted = 1 << iota
	bitOutcome
)

// strataUnits reads testdata/strata_example.csv (id, site, completed,
// outcome) into units: stratum = site A…D as 0…3.
func strataUnits(t testing.TB) []Unit {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "strata_example.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var units []Unit
	for _, row := range rows[1:] {
		c, _ := strconv.Atoi(row[2])
		o, _ := strconv.Atoi(row[3])
		units = append(units, Unit{Stratum: int32(row[1][0] - 'A'), Pattern: uint32(c*bitCompleted + o*bitOutcome)})
	}
	return units
}

// strataSpecs are the two statistics of bootstrap_strata.json.
func strataSpecs() []Spec {
	completed := func(p uint32) bool { return p&bitCompleted != 0 }
	return []Spec{
		ShareSpec{ID: "completion", Num: completed},
		ShareSpec{ID: "outcome_among_completed", Num: func(p uint32) bool { return p&bitOutcome != 0 }, Den: completed},
	}
}

// TestStrataReference bootstraps strata_example.csv (B = 9999, seed 1)
// stratified by site and unstratified, and compares with
// testdata/bootstrap_strata.json:
//   - accelerations (deterministic, 1e-9): Accel = a_influence and
//     AccelWeighted = a_influence_weighted of the R boot.ci bca records
//     ("R 4.2.2 boot 1.3-28.1 boot.ci");
//   - intervals with the "Python 3.11.2 scipy 1.10.1 numpy 1.24.2 exact
//     enumeration" records: percentile (boot rule) with exact_percentile, BCa
//     (strict z0, unweighted a) with exact_bca_strict_influence, BCa (mid z0,
//     linear rule, weighted a) with exact_bca_mid_weighted; tolerance 4 × the
//     sd of the matching monte_carlo_* record (R rules, resp. scipy rules),
//     and for completion (a share of 195) at least one grid step 1/195 + 1e-9.
func TestStrataReference(t *testing.T) {
	ref := loadReference(t, "bootstrap_strata.json")
	units := strataUnits(t)
	for _, strata := range []string{"site", "none"} {
		opts := BootOptions{B: 9999, Seed: 1, Level: 0.95, Methods: []string{MethodPercentile}, Design: Design{Strata: strata == "site"}}
		_, r, err := BootstrapShares(units, strataSpecs(), opts)
		if err != nil {
			t.Fatal(err)
		}
		for j, stat := range []string{"completion", "outcome_among_completed"} {
			bca := findRecord(t, ref.Results, "bca", "", stat, strata)
			if math.Abs(r.Accel[j]-bca.AInfluence) > 1e-9 || math.Abs(r.AccelWeighted[j]-bca.AInfluenceW) > 1e-9 {
				t.Errorf("%s/%s: a = %.15g, weighted %.15g; a_influence %.15g, weighted %.15g",
					stat, strata, r.Accel[j], r.AccelWeighted[j], bca.AInfluence, bca.AInfluenceW)
			}
			for _, m := range []struct {
				method      BootMethod
				exact, mc   string
				rules, name string
			}{
				{Percentile{}, "exact_percentile", "monte_carlo_percentile", "R boot.ci", "percentile"},
				{BCa{}, "exact_bca_strict_influence", "monte_carlo_bca", "R boot.ci", "bca strict"},
				{BCa{Z0: Z0Mid, Rule: Linear, Accel: AccelWeighted}, "exact_bca_mid_weighted", "monte_carlo_bca", "scipy.stats.bootstrap", "bca mid"},
			} {
				want := findRecord(t, ref.Results, m.exact, "", stat, strata)
				mc := findRecord(t, ref.Results, m.mc, m.rules, stat, strata)
				tolLo, tolHi := 4*mc.SdLower, 4*mc.SdUpper
				if stat == "completion" {
					tolLo, tolHi = math.Max(tolLo, 1.0/195+1e-9), math.Max(tolHi, 1.0/195+1e-9)
				}
				iv, err := m.method.Interval(r, j, 0.95)
				if err != nil || !iv.Defined {
					t.Fatalf("%s: %+v %v", m.name, iv, err)
				}
				t.Logf("%s/%s %s: [%.6f, %.6f] vs %s [%.6f, %.6f] ± [%.4f, %.4f]", stat, strata, m.name, iv.Low, iv.High, m.exact, want.Lower, want.Upper, tolLo, tolHi)
				if math.Abs(iv.Low-want.Lower) > tolLo || math.Abs(iv.High-want.Upper) > tolHi {
					t.Errorf("%s/%s %s: [%.6f, %.6f], %s (%s) [%.6f, %.6f] ± [%.4f, %.4f]",
						stat, strata, m.name, iv.Low, iv.High, m.exact, want.Software, want.Lower, want.Upper, tolLo, tolHi)
				}
			}
		}
	}
}

// TestStrataSizesKept: with Design.Strata, the number of people drawn in
// each site equals the site's size (60, 55, 45, 35) in every replicate;
// without it the sizes vary (but the total stays 195).
func TestStrataSizesKept(t *testing.T) {
	units := strataUnits(t)
	sizes := []float64{60, 55, 45, 35}
	var specs []Spec
	for s := range sizes {
		specs = append(specs, ScaledSpec{ID: string(rune('A' + s)), Count: func(uint32) bool { return true }, Factor: 1, Strata: []int{s}})
	}
	for _, stratified := range []bool{true, false} {
		_, r, err := BootstrapShares(units, specs, BootOptions{B: 2000, Seed: 3, Level: 0.95, Methods: []string{MethodPercentile}, Design: Design{Strata: stratified}})
		if err != nil {
			t.Fatal(err)
		}
		varied := false
		for b := range r.B {
			total := 0.0
			for s := range sizes {
				total += r.T[s][b]
				if r.T[s][b] != sizes[s] {
					varied = true
				}
			}
			if total != 195 {
				t.Fatalf("replicate %d: %v people", b, total)
			}
		}
		if varied == stratified {
			t.Errorf("stratified=%v: site sizes varied=%v", stratified, varied)
		}
	}
}
