package models

import "fmt"

// Outcome is one measure for both groups: Y per person (0/1 for a share,
// any number for a continuous outcome) among the people In (the measure's
// population, e.g. those who completed; nil: everyone).
type Outcome struct {
	ID string
	Y  []float64
	In []bool
}

// Effect is the effect on the participants (ATT) of one outcome.
type Effect struct {
	// Participants is the participants' mean (share), Comparison the
	// weighted comparison mean, Difference = Participants − Comparison.
	Participants, Comparison, Difference float64
	// NParticipants and NComparison count the people in the outcome's
	// population with a positive weight; EffectiveN is the comparison's
	// effective sample size (Σw)²/Σw².
	NParticipants, NComparison int
	EffectiveN                 float64
	// Defined is false when a group has nobody in the population (Note
	// says which); the numbers are then 0.
	Defined bool
	Note    string
}

// ATT returns the effect on the participants of outcome o under the
// weights w: Σ w y / Σ w among participants in o's population (w is 1 or
// 0 there) minus the same among comparison people.
func ATT(treated []bool, w []float64, o Outcome) Effect {
	checkLength("outcome "+o.ID, len(o.Y), len(treated))
	checkLength("weights", len(w), len(treated))
	var e Effect
	var s [2]attSums
	for i, t := range treated {
		if w[i] <= 0 || (o.In != nil && !o.In[i]) {
			continue
		}
		s[b2i(t)].add(w[i], o.Y[i])
	}
	e.NParticipants, e.NComparison = s[1].n, s[0].n
	if s[1].n == 0 || s[0].n == 0 {
		group := "participant"
		if s[1].n > 0 {
			group = "comparison person"
		}
		e.Note = fmt.Sprintf("not defined: no %s with weight in the population of %s", group, o.ID)
		return e
	}
	e.Defined = true
	e.Participants, e.Comparison = s[1].wy/s[1].w, s[0].wy/s[0].w
	e.Difference = e.Participants - e.Comparison
	e.EffectiveN = s[0].w * s[0].w / s[0].w2
	return e
}

// attSums accumulates one group's weighted sums.
type attSums struct {
	n         int
	w, wy, w2 float64
}

func (s *attSums) add(w, y float64) {
	s.n++
	s.w += w
	s.wy += w * y
	s.w2 += w * w
}

// attCounted is the ATT with case weights c (a bootstrap replicate): NaN
// when a group is empty.
func attCounted(treated []bool, w, c []float64, o Outcome) float64 {
	var w1, y1, w0, y0 float64
	for i, t := range treated {
		cw := w[i] * caseWeight(c, i)
		if cw == 0 || (o.In != nil && !o.In[i]) {
			continue
		}
		if t {
			w1 += cw
			y1 += cw * o.Y[i]
		} else {
			w0 += cw
			y0 += cw * o.Y[i]
		}
	}
	return y1/w1 - y0/w0
}

// EffectiveSampleSize is (Σw)²/Σw² over the comparison people.
func EffectiveSampleSize(treated []bool, w []float64) float64 {
	var s attSums
	for i, t := range treated {
		if !t && w[i] > 0 {
			s.add(w[i], 0)
		}
	}
	if s.w2 == 0 {
		return 0
	}
	return s.w * s.w / s.w2
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
