package pipeline

import (
	"math"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// comparisonResult turns the estimate into results, with the first
// disclosure rule: a count of either group below min_cell is hidden (nil),
// and so is every figure of an effect whose participant or comparison
// base, or the comparison's count with or without the outcome, is below
// min_cell (a weighted share over a handful of people could reveal them).
// The ledger (discloseComparison) then hides what could still be derived.
func comparisonResult(cfg *config.Config, d models.Comparison, est *models.ComparisonResult, outcomes []models.Outcome,
	notes map[string]string, miss missingCovariates) *Compared {
	min := cfg.Disclosure.Min()
	w := est.Weighting
	n1 := 0
	for _, t := range d.Treated {
		if t {
			n1++
		}
	}
	res := &results.Comparison{Method: w.Method, Participants: cell(n1, min), People: cell(len(d.Treated)-n1, min),
		DroppedParticipants: cell(w.DroppedParticipants, min), DroppedComparison: cell(w.DroppedComparison, min),
		Missing: missingResult(cfg, miss)}
	if res.People != nil {
		res.EffectiveN = f64p(est.EffectiveN)
	}
	if w.Score != nil && res.Participants != nil && res.People != nil {
		res.Overlap = overlap(d.Treated, w.Score)
	}
	out := &Compared{Comparison: res}
	byID := map[string]int{}
	for j, e := range est.Effects {
		byID[e.ID] = j
	}
	for _, m := range cfg.Measures {
		if note, ok := notes[m.ID]; ok {
			out.Effects = append(out.Effects, results.Effect{Measure: m.ID, Method: w.Method, Note: note})
			continue
		}
		e, o := est.Effects[byID[m.ID]], outcomes[byID[m.ID]]
		r := effectResult(e, w.Method, withOutcome(d.Treated, effectWeights(w, e.W), o))
		r.OverTime = overTimeResult(m, est.OverTime)
		if small(e, o, d, effectWeights(w, e.W), min) {
			r.Hide(results.NoteSuppressed)
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

// cell is n, or nil when disclosure control hides it (0 < n < min).
func cell(n, min int) *int {
	if n > 0 && n < min {
		return nil
	}
	return &n
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

// overTimeResult is measure m's effect at each horizon, when it has one.
func overTimeResult(m config.Measure, over []models.TimeEffectResult) *results.EffectOverTime {
	for _, te := range over {
		if te.ID != m.ID {
			continue
		}
		out := &results.EffectOverTime{At: m.At, From: m.From, Unit: "weeks"}
		if out.From == "" {
			out.From = config.FromEntry
		}
		for _, h := range te.Horizons {
			pt := results.EffectPoint{Weeks: h.Horizon, NRiskParticipants: intp(h.NRiskParticipants), NRiskComparison: intp(h.NRiskComparison)}
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
	return nil
}

// small reports whether an effect's bases are too small to publish: the
// participants or comparison people in its population below min; the
// comparison people with (or without) the outcome between 1 and min − 1
// (an empty cell reveals no one); or the same for the participants left
// out (trimmed or unmatched), whose counts are the measure's published
// count minus the effect's.
func small(e models.EffectResult, o models.Outcome, d models.Comparison, w []float64, min int) bool {
	if min == 0 {
		return false
	}
	if e.NParticipants < min || e.NComparison < min {
		return true
	}
	var cells [2][2]int // [kept comparison, dropped participants][no, yes]
	for i, t := range d.Treated {
		if o.In != nil && !o.In[i] {
			continue
		}
		switch {
		case !t && w[i] > 0:
			cells[0][b2i(o.Y[i] != 0)]++
		case t && w[i] <= 0:
			cells[1][b2i(o.Y[i] != 0)]++
		}
	}
	for _, c := range cells {
		for _, n := range c {
			if n > 0 && n < min {
				return true
			}
		}
	}
	return false
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
