package models

import "math"

// TimeOutcome is one measure's time to its event, for both groups: per
// person the time from the origin to the event or to the end of
// follow-up (Event false), among the people In (nil: everyone), read at
// the Horizons.
type TimeOutcome struct {
	ID       string
	Time     []float64
	Event    []bool
	In       []bool
	Horizons []float64
}

// HorizonEffect is the effect on the participants at one horizon: their
// cumulative incidence (1 − Kaplan-Meier) minus the comparison's under
// the ATT weights (weighted Kaplan-Meier). Effect's N fields count the
// people with a positive weight in the population; Defined is false when
// a group has nobody followed to the horizon (Note says so).
type HorizonEffect struct {
	Horizon float64
	Effect
	// NRiskParticipants and NRiskComparison count the people with a
	// positive weight followed to the horizon without the event before it
	// (time ≥ horizon).
	NRiskParticipants, NRiskComparison int
	Intervals                          []Interval
}

// TimeEffectResult is one time outcome's effect at each of its horizons.
type TimeEffectResult struct {
	ID       string
	Horizons []HorizonEffect
	// W are the weights when they differ from the Weighting's (see
	// EffectResult.W).
	W []float64
}

// NoteNotFollowed is the Note of a horizon no one of a group reached.
const NoteNotFollowed = "not defined: no one of a group was followed this long"

// timeStat evaluates one time outcome's differences at its horizons
// under weights and case weights.
type timeStat struct {
	o     TimeOutcome
	hs    []float64
	order [2][]int // comparison, participants: the population in order of time
}

func newTimeStat(treated []bool, o TimeOutcome) *timeStat {
	checkLength("times of "+o.ID, len(o.Time), len(treated))
	checkLength("events of "+o.ID, len(o.Event), len(treated))
	if o.In != nil {
		checkLength("population of "+o.ID, len(o.In), len(treated))
	}
	s := &timeStat{o: o, hs: cleanHorizons(o.Horizons)}
	for g := range 2 {
		s.order[g] = timeOrder(o.Time, func(i int) bool {
			return b2i(treated[i]) == g && (o.In == nil || o.In[i])
		})
	}
	return s
}

// eval writes the differences (participants − comparison) at every
// horizon into out, using buf (2 × horizons); NaN when a group has no
// weight.
func (s *timeStat) eval(w, c, out, buf []float64) {
	h := len(s.hs)
	inc0, inc1 := buf[:h], buf[h:2*h]
	t0 := incidenceWalk(s.order[0], s.o.Time, s.o.Event, w, c, s.hs, inc0, nil)
	t1 := incidenceWalk(s.order[1], s.o.Time, s.o.Event, w, c, s.hs, inc1, nil)
	for k := range h {
		out[k] = inc1[k] - inc0[k]
		if !(t0 > 0 && t1 > 0) {
			out[k] = math.NaN()
		}
	}
}

// estimate returns the full-sample effect at every horizon under w.
func (s *timeStat) estimate(w []float64) TimeEffectResult {
	h := len(s.hs)
	var inc, n [2][]float64
	var count [2]int
	for g := range 2 {
		inc[g], n[g] = make([]float64, h), make([]float64, h)
		positive := make([]float64, len(w)) // 1 per person with weight: counts, not weights
		for _, i := range s.order[g] {
			if w[i] > 0 {
				positive[i] = 1
				count[g]++
			}
		}
		incidenceWalk(s.order[g], s.o.Time, s.o.Event, w, nil, s.hs, inc[g], nil)
		incidenceWalk(s.order[g], s.o.Time, s.o.Event, positive, nil, s.hs, make([]float64, h), n[g])
	}
	ess := s.effectiveN(w)
	res := TimeEffectResult{ID: s.o.ID}
	for k, hz := range s.hs {
		e := HorizonEffect{Horizon: hz, NRiskParticipants: int(math.Round(n[1][k])), NRiskComparison: int(math.Round(n[0][k]))}
		e.NParticipants, e.NComparison = count[1], count[0]
		switch {
		case e.NRiskParticipants == 0 || e.NRiskComparison == 0:
			e.Note = NoteNotFollowed
		default:
			e.Defined = true
			e.Participants, e.Comparison = inc[1][k], inc[0][k]
			e.Difference, e.EffectiveN = e.Participants-e.Comparison, ess
		}
		res.Horizons = append(res.Horizons, e)
	}
	return res
}

// effectiveN is the comparison population's (Σw)²/Σw².
func (s *timeStat) effectiveN(w []float64) float64 {
	var a attSums
	for _, i := range s.order[0] {
		if w[i] > 0 {
			a.add(w[i], 0)
		}
	}
	if a.w2 == 0 {
		return 0
	}
	return a.w * a.w / a.w2
}

// pseudoOutcome returns, for horizon k, the outcome whose weighted mean
// has the same derivatives in every person's weight as the incidence
// there: yᵢ = D ∂F(h)/∂vᵢ in each group (D its total weight), which has
// weighted mean 0 (F does not change when all weights are scaled). The
// estimators' influence values of this outcome are then those of the
// difference of incidences, the weights' estimation included.
func (s *timeStat) pseudoOutcome(w []float64, k int) Outcome {
	y := make([]float64, len(s.o.Time))
	for g := range 2 {
		incidenceGradient(s.order[g], s.o.Time, s.o.Event, w, s.hs[k], y)
	}
	return Outcome{ID: s.o.ID, Y: y, In: s.o.In}
}

// incidenceGradient writes D ∂F(h)/∂vᵢ into y for the people of order,
// F = 1 − S the weighted Kaplan-Meier incidence and D = Σv. With
// log S(h) = Σ_{tⱼ ≤ h} log(1 − dⱼ/nⱼ),
//
//	∂log S/∂vᵢ = Σ_{tⱼ ≤ min(h, Tᵢ)} dⱼ/(nⱼ(nⱼ − dⱼ)) − [event i, Tᵢ ≤ h]/(n(Tᵢ) − d(Tᵢ)),
//
// and ∂F/∂vᵢ = −S(h) ∂log S/∂vᵢ; all zero once S reaches 0 (then no
// small change of weight moves it).
func incidenceGradient(order []int, time []float64, event []bool, w []float64, h float64, y []float64) {
	total := 0.0
	for _, i := range order {
		total += w[i]
	}
	atRisk, s, sum := total, 1.0, 0.0
	a := 0
	for a < len(order) && time[order[a]] <= h {
		t, d, r, b := time[order[a]], 0.0, 0.0, a
		for ; b < len(order) && time[order[b]] == t; b++ {
			r += w[order[b]]
			if event[order[b]] {
				d += w[order[b]]
			}
		}
		left := atRisk - d
		if d > 0 && left <= 1e-12*total {
			for _, i := range order {
				y[i] = 0
			}
			return
		}
		if d > 0 {
			s *= 1 - d/atRisk
			sum += d / (atRisk * left)
		}
		for _, i := range order[a:b] {
			y[i] = sum
			if event[i] {
				y[i] -= 1 / left
			}
		}
		atRisk -= r
		a = b
	}
	for _, i := range order[a:] {
		y[i] = sum
	}
	for _, i := range order {
		y[i] *= -s * total
	}
}
