package models

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// weightedKMRef is testdata/weighted_km_reference.json, written by
// testdata/weighted_km_reference.R (R 4.2.2, survival 3.5-3) on
// survival's lung without missing ph.ecog (testdata/lung.csv):
// survfit(Surv(time, status == 2) ~ 1, weights =) read with
// summary(times =, extend = TRUE).
type weightedKMRef struct {
	Times       []float64 `json:"times"`
	CaseWeights []float64 `json:"case_weights"`
	Case        kmIncRef  `json:"case"`
	ATTWeights  []float64 `json:"att_weights"`
	Treated     kmIncRef  `json:"participants"`
	Comparison  kmIncRef  `json:"comparison"`
	Difference  []float64 `json:"difference"`
}

type kmIncRef struct {
	Incidence []float64 `json:"incidence"`
	NRisk     []float64 `json:"n_risk"`
}

// Tolerances: the weighted Kaplan-Meier is exact arithmetic, as R's
// (1e-9 absolute, as kmTol); the effect goes through the glm fit of the
// ATT weights (1e-6, as the comparison references).
const effectTol = 1e-6

// lung is testdata/lung.csv: time (days), death, woman, age, ph.ecog.
type lung struct {
	time, age, ecog []float64
	death, woman    []bool
}

func loadWeightedKM(t testing.TB) (weightedKMRef, lung) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "weighted_km_reference.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ref weightedKMRef
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join("testdata", "lung.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var d lung
	for _, r := range rows[1:] { // time,status,sex,age,ph.ecog
		v := make([]float64, len(r))
		for j := range r {
			if v[j], err = strconv.ParseFloat(r[j], 64); err != nil {
				t.Fatal(err)
			}
		}
		d.time, d.death, d.woman = append(d.time, v[0]), append(d.death, v[1] == 2), append(d.woman, v[2] == 2)
		d.age, d.ecog = append(d.age, v[3]), append(d.ecog, v[4])
	}
	return ref, d
}

// TestWeightedIncidenceLung: 1 − S and the weighted number at risk with
// case weights match R survfit(weights =) at every time, including 0,
// times with tied deaths and times after the last (extend = TRUE).
func TestWeightedIncidenceLung(t *testing.T) {
	ref, d := loadWeightedKM(t)
	got := WeightedIncidence(d.time, d.death, ref.CaseWeights, ref.Times)
	for k, p := range got {
		if math.Abs(p.Incidence-ref.Case.Incidence[k]) > kmTol || math.Abs(p.NRisk-ref.Case.NRisk[k]) > kmTol {
			t.Errorf("t = %g: incidence %.12g, n.risk %.12g; R %.12g, %.12g", p.Time, p.Incidence, p.NRisk, ref.Case.Incidence[k], ref.Case.NRisk[k])
		}
	}
}

// lungComparison is lung as a comparison: women the participants, men
// weighted on age and ph.ecog, death by each time the outcome.
func lungComparison(d lung, times []float64) (Comparison, TimeOutcome) {
	c := Comparison{Treated: d.woman, Covariates: []Covariate{{Name: "age", Values: d.age}, {Name: "ph.ecog", Values: d.ecog}}}
	return c, TimeOutcome{ID: "death", Time: d.time, Event: d.death, Horizons: times}
}

// TestTimeEffectLung: the ATT weights of glm(woman ~ age + ph.ecog), the
// women's 1 − KM, the weighted men's and their difference at every time
// match R (survfit with weights = p/(1 − p)); horizons where a group has
// no one left are not defined; the bootstrap intervals of a defined
// horizon hold its estimate.
func TestTimeEffectLung(t *testing.T) {
	ref, d := loadWeightedKM(t)
	c, to := lungComparison(d, ref.Times)
	res, err := EstimateEffects(c, ComparisonOptions{}, nil, []TimeOutcome{to}, EffectOptions{B: 499, Seed: 7, Level: 0.95})
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range res.Weighting.W {
		if !closeTo(w, ref.ATTWeights[i], effectTol) {
			t.Fatalf("weight %d: %g, R %g", i, w, ref.ATTWeights[i])
		}
	}
	hs := res.OverTime[0].Horizons
	for k, h := range hs {
		if ref.Treated.NRisk[k] == 0 || ref.Comparison.NRisk[k] == 0 {
			if h.Defined || h.Note != NoteNotFollowed || h.Intervals != nil {
				t.Errorf("t = %g: no one at risk in R, got %+v", h.Horizon, h)
			}
			continue
		}
		if !h.Defined || math.Abs(h.Participants-ref.Treated.Incidence[k]) > effectTol ||
			math.Abs(h.Comparison-ref.Comparison.Incidence[k]) > effectTol || math.Abs(h.Difference-ref.Difference[k]) > effectTol {
			t.Errorf("t = %g: %+v; R %g − %g = %g", h.Horizon, h.Effect, ref.Treated.Incidence[k], ref.Comparison.Incidence[k], ref.Difference[k])
		}
		if h.NRiskParticipants != int(ref.Treated.NRisk[k]) {
			t.Errorf("t = %g: %d women at risk, R %g", h.Horizon, h.NRiskParticipants, ref.Treated.NRisk[k])
		}
		if h.Horizon == 0 {
			continue // every replicate 0: no interval
		}
		for _, iv := range h.Intervals {
			if !iv.Defined || iv.Low > h.Difference || iv.High < h.Difference {
				t.Errorf("t = %g: %s interval %+v around %g", h.Horizon, iv.Method, iv, h.Difference)
			}
		}
	}
}

// TestIncidenceGradient: the derivatives of the weighted incidence in
// each person's weight agree with central differences, with ties, zero
// weights and a horizon between event times.
func TestIncidenceGradient(t *testing.T) {
	ref, d := loadWeightedKM(t)
	w := append([]float64(nil), ref.CaseWeights...)
	w[3], w[40] = 0, 0
	order := timeOrder(d.time, nil)
	for _, h := range []float64{100, 365, 600} {
		y := make([]float64, len(w))
		incidenceGradient(order, d.time, d.death, w, h, y)
		total := 0.0
		for _, v := range w {
			total += v
		}
		f := func(w []float64) float64 { return WeightedIncidence(d.time, d.death, w, []float64{h})[0].Incidence }
		for _, i := range []int{0, 3, 7, 40, 100, 150, 226} {
			const eps = 1e-6
			up, down := append([]float64(nil), w...), append([]float64(nil), w...)
			up[i] += eps
			down[i] = math.Max(0, down[i]-eps)
			num := (f(up) - f(down)) / (up[i] - down[i])
			if math.Abs(y[i]/total-num) > 1e-6 {
				t.Errorf("h = %g, person %d: derivative %g, numerically %g", h, i, y[i]/total, num)
			}
		}
	}
}

// TestTimeInfluence: the influence values the BCa acceleration uses for a
// difference of incidences are its derivatives in each person's case
// weight, the re-estimation of the weights included (ipw refits the
// propensity model, cem re-matches its strata): checked against central
// differences of the replicate statistic.
func TestTimeInfluence(t *testing.T) {
	_, d := loadWeightedKM(t)
	c, to := lungComparison(d, []float64{183, 365})
	c.Covariates[0].Codes = band(d.age, []float64{50, 60, 70})
	c.Covariates[1].Codes = band(d.ecog, nil)
	for _, o := range []ComparisonOptions{{}, {Method: MethodCEM}} {
		w, err := Weigh(c, o)
		if err != nil {
			t.Fatal(err)
		}
		est, ts := newATTEstimator(c, o, w), newTimeStat(c.Treated, to)
		theta := func(cw []float64) float64 {
			s := &attScratch{c: cw, w: make([]float64, len(cw)), score: make([]float64, len(cw)), buf: make([]float64, 4)}
			if err := est.weights(cw, s); err != nil {
				t.Fatal(err)
			}
			out := make([]float64, 2)
			ts.eval(s.w, cw, out, s.buf)
			return out[1]
		}
		g := est.influence(ts.pseudoOutcome(w.W, 1))
		for _, i := range []int{0, 5, 17, 60, 120, 200} {
			const eps = 1e-5
			up, down := ones(len(c.Treated)), ones(len(c.Treated))
			up[i], down[i] = 1+eps, 1-eps
			num := (theta(up) - theta(down)) / (2 * eps)
			if math.Abs(g[i]-num) > 1e-6 {
				t.Errorf("%s, person %d: influence %g, numerically %g", o.method(), i, g[i], num)
			}
		}
	}
}

func ones(n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = 1
	}
	return x
}

// TestTimeEffectMethods: cem and nearest give the effect over time too;
// cem with bootstrap intervals that hold the estimate, nearest without an
// interval; with a population (In) nearest matches again within it, as
// for its outcomes, and reports those weights.
func TestTimeEffectMethods(t *testing.T) {
	_, d := loadWeightedKM(t)
	c, to := lungComparison(d, []float64{183, 365})
	c.Covariates[0].Codes = band(d.age, []float64{50, 60, 70})
	c.Covariates[1].Codes = band(d.ecog, nil)
	to.In = make([]bool, len(d.time))
	for i := range to.In {
		to.In[i] = d.age[i] >= 50
	}
	for _, o := range []ComparisonOptions{{Method: MethodCEM}, {Method: MethodNearest, Caliper: 0.2}} {
		res, err := EstimateEffects(c, o, nil, []TimeOutcome{to}, EffectOptions{B: 199, Seed: 1, Level: 0.9})
		if err != nil {
			t.Fatal(err)
		}
		te := res.OverTime[0]
		if (o.Method == MethodNearest) != (te.W != nil) {
			t.Errorf("%s: own weights %v", o.Method, te.W != nil)
		}
		w := res.Weighting.W
		if te.W != nil {
			w = te.W
		}
		var want [2][]IncidencePoint // comparison, participants: each group's own weighted curve
		for g := range want {
			keep := make([]bool, len(d.time))
			for i := range keep {
				keep[i] = to.In[i] && b2i(c.Treated[i]) == g
			}
			want[g] = WeightedIncidence(subsetFloat(d.time, keep), subsetBool(d.death, keep), subsetFloat(w, keep), to.Horizons)
		}
		for k, h := range te.Horizons {
			if math.Abs(h.Participants-want[1][k].Incidence) > kmTol || math.Abs(h.Comparison-want[0][k].Incidence) > kmTol {
				t.Errorf("%s, week %g: %g and %g, each group's weighted curve %g and %g", o.Method, h.Horizon,
					h.Participants, h.Comparison, want[1][k].Incidence, want[0][k].Incidence)
			}
			if !h.Defined {
				t.Fatalf("%s: horizon %g not defined: %s", o.Method, h.Horizon, h.Note)
			}
			if o.Method == MethodNearest {
				if h.Intervals != nil {
					t.Errorf("nearest: intervals %+v", h.Intervals)
				}
				continue
			}
			for _, iv := range h.Intervals {
				if !iv.Defined || iv.Low > h.Difference || iv.High < h.Difference {
					t.Errorf("cem, week %g: %s interval %+v around %g", h.Horizon, iv.Method, iv, h.Difference)
				}
			}
		}
	}
}

// The effect over time is drawn in BootstrapIndex's blocks: the same
// intervals for 1 and 3 workers.
func TestTimeEffectWorkers(t *testing.T) {
	ref, d := loadWeightedKM(t)
	c, to := lungComparison(d, ref.Times[2:6])
	var got [2][]HorizonEffect
	for k, workers := range []int{1, 3} {
		res, err := EstimateEffects(c, ComparisonOptions{}, nil, []TimeOutcome{to}, EffectOptions{B: 299, Seed: 5, Workers: workers, Level: 0.95})
		if err != nil {
			t.Fatal(err)
		}
		got[k] = res.OverTime[0].Horizons
	}
	for k := range got[0] {
		a, b := got[0][k].Intervals, got[1][k].Intervals
		for m := range a {
			if a[m] != b[m] {
				t.Errorf("week %g: %+v with 1 worker, %+v with 3", got[0][k].Horizon, a[m], b[m])
			}
		}
	}
}

// TestTimeEffectIsATTWithoutCensoring: at a horizon before anyone is
// censored, the incidence is the share with the event by then, so the
// effect over time is the ATT of that 0/1 outcome — point estimate and
// bootstrap intervals alike (the same resamples; the BCa acceleration
// through the pseudo-outcomes equals the outcome's), to rounding.
func TestTimeEffectIsATTWithoutCensoring(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 2026))
	for k := range 3 {
		s := simulate(rng, 1500)
		to := TimeOutcome{ID: "y", Time: make([]float64, len(s.y)), Event: make([]bool, len(s.y)), Horizons: []float64{26}}
		by26 := make([]float64, len(s.y))
		for i, y := range s.y {
			at, censor := 104*rng.Float64(), 26+130*rng.Float64()
			to.Time[i] = censor
			if y != 0 && at <= censor {
				to.Time[i], to.Event[i], by26[i] = at, true, b2f(at <= 26)
			}
		}
		for _, method := range []string{MethodIPW, MethodCEM} {
			opts := EffectOptions{B: 199, Seed: uint64(k), Level: 0.95}
			a, err := EstimateEffects(s.c, ComparisonOptions{Method: method}, nil, []TimeOutcome{to}, opts)
			if err != nil {
				t.Fatal(err)
			}
			b, err := EstimateEffects(s.c, ComparisonOptions{Method: method}, []Outcome{{ID: "y", Y: by26}}, nil, opts)
			if err != nil {
				t.Fatal(err)
			}
			h, e := a.OverTime[0].Horizons[0], b.Effects[0]
			if math.Abs(h.Difference-e.Difference) > 1e-12 {
				t.Errorf("%s: difference %g, ATT %g", method, h.Difference, e.Difference)
			}
			for m, iv := range h.Intervals {
				if math.Abs(iv.Low-e.Intervals[m].Low) > 1e-12 || math.Abs(iv.High-e.Intervals[m].High) > 1e-12 {
					t.Errorf("%s %s: %+v, ATT's %+v", method, iv.Method, iv, e.Intervals[m])
				}
			}
		}
	}
}
