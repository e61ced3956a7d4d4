package pipeline

import (
	"math"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// comparisonResult turns the estimate into results; disclosure control
// comes later (DiscloseComparison), with the rest of the report's counts.
func comparisonResult(cfg *config.Config, k *comparisonCells, notes map[string]string, miss missingCovariates) *Compared {
	d, est := k.data, k.est
	w := est.Weighting
	n1 := 0
	for _, t := range d.Treated {
		if t {
			n1++
		}
	}
	res := &results.Comparison{Method: w.Method, Participants: intp(n1), People: intp(len(d.Treated) - n1),
		DroppedParticipants: intp(w.DroppedParticipants), DroppedComparison: intp(w.DroppedComparison),
		EffectiveN: f64p(est.EffectiveN), Missing: missingResult(cfg, miss)}
	if w.Score != nil {
		res.Overlap = overlap(d.Treated, w.Score)
	}
	out := &Compared{Comparison: res, cells: k}
	for _, m := range cfg.Measures {
		if note, ok := notes[m.ID]; ok {
			out.Effects = append(out.Effects, results.Effect{Measure: m.ID, Method: w.Method, Note: note})
			continue
		}
		j := outcomeIndex(k.outcomes, m.ID)
		e, o := est.Effects[j], k.outcomes[j]
		r := effectResult(e, w.Method, withOutcome(d.Treated, effectWeights(w, e.W), o))
		if t := timeIndex(k, m.ID); t >= 0 {
			r.OverTime = overTimeResult(m, k, t)
		}
		out.Effects = append(out.Effects, r)
	}
	for _, b := range est.Balance {
		row := results.Balance{Covariate: b.Covariate, Age: cfg.Columns[b.Covariate].Type == config.TypeDate}
		if b.SMDDefined {
			row.SMDBefore, row.SMDAfter = f64p(b.SMDBefore), f64p(b.SMDAfter)
			res.Imbalanced = res.Imbalanced || math.Abs(b.SMDAfter) > 0.1
		}
		if !b.Binary && b.VarianceRatioAfter > 0 {
			row.VarianceRatio = f64p(b.VarianceRatioAfter)
		}
		out.Balance = append(out.Balance, row)
	}
	return out
}

func outcomeIndex(outcomes []models.Outcome, id string) int {
	for j, o := range outcomes {
		if o.ID == id {
			return j
		}
	}
	panic("pipeline: no outcome " + id)
}

// effectWeights are an effect's own weights, or the weighting's.
func effectWeights(w *models.Weighting, own []float64) []float64 {
	if own != nil {
		return own
	}
	return w.W
}

// withOutcome counts the kept participants in o's population with the
// outcome.
func withOutcome(treated []bool, w []float64, o models.Outcome) int {
	n := 0
	for i, t := range treated {
		if t && w[i] > 0 && (o.In == nil || o.In[i]) && o.Y[i] != 0 {
			n++
		}
	}
	return n
}

// missingResult lists the people left out for want of a covariate, in
// the config's order of covariates; nil when nobody was.
func missingResult(cfg *config.Config, m missingCovariates) *results.MissingCovariates {
	if m.people == [2]int{} {
		return nil
	}
	out := &results.MissingCovariates{Participants: m.people[0], Comparison: m.people[1]}
	for _, f := range cfg.Comparison.Covariates {
		if n, ok := m.by[f]; ok {
			out.ByCovariate = append(out.ByCovariate, results.MissingCovariate{Covariate: f, Participants: n[0], Comparison: n[1]})
		}
	}
	return out
}

// effectResult is one measure's effect.
func effectResult(e models.EffectResult, method string, count int) results.Effect {
	r := results.Effect{Measure: e.ID, Method: method}
	if !e.Defined {
		r.Note = e.Note
		return r
	}
	r.Participants = results.EffectGroup{Count: intp(count), Denominator: intp(e.NParticipants), Estimate: f64p(e.Participants)}
	r.Comparison = results.EffectComparison{N: intp(e.NComparison), EffectiveN: f64p(e.EffectiveN), Estimate: f64p(e.Comparison)}
	r.Difference = f64p(e.Difference)
	r.Intervals = intervals(e.Intervals)
	return r
}

// overTimeResult is measure m's effect at each horizon (time outcome t):
// the incidences, their difference and its intervals, and in each group
// the kept people in the population followed beyond the horizon.
func overTimeResult(m config.Measure, k *comparisonCells, t int) *results.EffectOverTime {
	te, to := k.est.OverTime[t], k.times[t]
	w := effectWeights(k.est.Weighting, te.W)
	out := &results.EffectOverTime{At: m.At, From: m.From, Unit: "weeks"}
	if out.From == "" {
		out.From = config.FromEntry
	}
	for _, h := range te.Horizons {
		var beyond [2]int
		for u, un := range k.units {
			if inPop(to.In, u) && w[u] > 0 && to.Time[u] > h.Horizon {
				beyond[un.group]++
			}
		}
		pt := results.EffectPoint{Weeks: h.Horizon, NRiskParticipants: intp(beyond[0]), NRiskComparison: intp(beyond[1])}
		if !h.Defined {
			pt.Note = results.NoteNotFollowed
		} else {
			pt.Participants, pt.Comparison, pt.Difference = f64p(h.Participants), f64p(h.Comparison), f64p(h.Difference)
			pt.Intervals = intervals(h.Intervals)
		}
		out.Points = append(out.Points, pt)
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// overlap gives each group's propensity-score quantiles.
func overlap(treated []bool, score []float64) *results.Overlap {
	var s1, s0 []float64
	for i, t := range treated {
		if t {
			s1 = append(s1, score[i])
		} else {
			s0 = append(s0, score[i])
		}
	}
	return &results.Overlap{Participants: models.Quantiles7(s1, results.OverlapProbs...),
		Comparison: models.Quantiles7(s0, results.OverlapProbs...)}
}
