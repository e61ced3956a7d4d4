package diff

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
)

// The rule's standard error of a percentile bound matches the spread of
// the bound over repeated bootstraps: draw B normal replicates (σ = 1)
// many times, take the 2.5 % order statistic as R boot does ((B+1)α), and
// compare its standard deviation with quantileSE. Tolerance 10 %: the
// standard deviation of 2000 repetitions is itself uncertain by ≈ 1.6 %,
// and the asymptotic formula is off by a few per cent at B = 999.
func TestQuantileSEMatchesSimulation(t *testing.T) {
	const reps, runs, p = 999, 2000, 0.025
	rng := rand.New(rand.NewPCG(1, 2))
	x := make([]float64, reps)
	var sum, sum2 float64
	for range runs {
		for i := range x {
			x[i] = rng.NormFloat64()
		}
		slices.Sort(x)
		q := x[int(math.Round((reps+1)*p))-1]
		sum += q
		sum2 += q * q
	}
	sd := math.Sqrt(sum2/runs - (sum/runs)*(sum/runs))
	se := quantileSE(p, 1, reps)
	if math.Abs(se-sd)/sd > 0.10 {
		t.Errorf("quantileSE %.5f, simulated %.5f", se, sd)
	}
}

func TestBoundSE(t *testing.T) {
	iv := func(method string, lo, hi float64) results.Interval {
		return results.Interval{Method: method, Level: 0.95, Low: &lo, High: &hi}
	}
	for _, c := range []struct {
		name string
		iv   results.Interval
		reps int
		want float64
	}{
		// 0.68 · width / sqrt(B) at 95 %: sqrt(0.025·0.975) / φ(1.96) / (2·1.96) = 0.6816.
		{"percentile", iv("percentile", 0.1655, 0.3), 9999, 0.6816 * 0.1345 / math.Sqrt(9999)},
		{"bca", iv("bca", 0.1655, 0.3), 9999, 0.6816 * 0.1345 / math.Sqrt(9999)},
		{"fewer replicates, more error", iv("bca", 0.1655, 0.3), 999, 0.6816 * 0.1345 / math.Sqrt(999)},
		// normal: z·sd/sqrt(2(B−1)) with sd = width/(2z) = width/2/sqrt(2(B−1)).
		{"normal", iv("normal", 0.1, 0.3), 9999, 0.1 / math.Sqrt(2*9998)},
		{"wilson is exact", iv("wilson", 0.1, 0.3), 9999, 0},
		{"clopper-pearson is exact", iv("clopper-pearson", 0.1, 0.3), 9999, 0},
		{"not shown", results.Interval{Method: "bca", Level: 0.95}, 9999, 0},
	} {
		if got := boundSE(c.iv, c.reps); math.Abs(got-c.want) > 1e-3*c.want+1e-15 {
			t.Errorf("%s: %.6g, want %.6g", c.name, got, c.want)
		}
	}
}

func TestWithinMC(t *testing.T) {
	for _, c := range []struct {
		change, seA, seB, step float64
		want                   bool
	}{
		{0.001, 0.0009, 0.0009, 0, true},  // 2·1.27e-3 > 0.001
		{0.003, 0.0009, 0.0009, 0, false}, // beyond 2 SE of the difference
		{1e-9, 0, 0, 0, false},            // exact figures: every change is real
		{-0.001, 0.0009, 0, 0, true},
		{1.0 / 148, 0.0009, 0.0009, 1.0 / 148, true},  // one step of a share of 148
		{2.0 / 148, 0.0009, 0.0009, 1.0 / 148, false}, // two steps
		{1.0 / 148, 0, 0, 1.0 / 148, false},           // exact: the step does not apply
	} {
		if got := withinMC(c.change, c.seA, c.seB, c.step); got != c.want {
			t.Errorf("withinMC(%v, %v, %v, %v) = %v", c.change, c.seA, c.seB, c.step, got)
		}
	}
	if got := pMetSE(fp(0.81), 9999); math.Abs(got-math.Sqrt(0.81*0.19/9999)) > 1e-15 {
		t.Errorf("pMetSE %v", got)
	}
}
