package pipeline

import (
	"math"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// comparisonResult turns the estimate into results, with disclosure
// control: a count of either group below min_cell is hidden (nil), and so
// is every figure of an effect whose participant or comparison base, or
// the comparison's count with or without the outcome, is below min_cell
// (a weighted share over a handful of people could reveal them).
func comparisonResult(cfg *config.Config, d models.Comparison, est *models.ComparisonResult, outcomes []models.Outcome, notes map[string]string) *results.Comparison {
	min := cfg.Disclosure.Min()
	w := est.Weighting
	n1 := 0
	for _, t := range d.Treated {
		if t {
			n1++
		}
	}
	res := &results.Comparison{Method: w.Method, Participants: cell(n1, min), People: cell(len(d.Treated)-n1, min),
		DroppedParticipants: cell(w.DroppedParticipants, min), DroppedComparison: cell(w.DroppedComparison, min)}
	if res.People != nil {
		res.EffectiveN = f64p(est.EffectiveN)
	}
	if w.Score != nil && res.Participants != nil && res.People != nil {
		res.Overlap = overlap(d.Treated, w.Score)
	}
	byID := map[string]int{}
	for j, e := range est.Effects {
		byID[e.ID] = j
	}
	for _, m := range cfg.Measures {
		if note, ok := notes[m.ID]; ok {
			res.Effects = append(res.Effects, results.Effect{Measure: m.ID, Note: note})
			continue
		}
		e := est.Effects[byID[m.ID]]
		r := effectResult(e, small(e, outcomes[byID[m.ID]], d, w.W, min))
		// With a dropped count hidden, the effect's base would give it away
		// (the group's size minus the base).
		if res.DroppedParticipants == nil {
			r.NParticipant = nil
		}
		if res.DroppedComparison == nil {
			r.NComparison = nil
		}
		res.Effects = append(res.Effects, r)
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
		res.Balance = append(res.Balance, row)
	}
	return res
}

// cell is n, or nil when disclosure control hides it (0 < n < min).
func cell(n, min int) *int {
	if n > 0 && n < min {
		return nil
	}
	return &n
}

// effectResult is one measure's effect; hidden: every figure nil.
func effectResult(e models.EffectResult, hidden bool) results.Effect {
	r := results.Effect{Measure: e.ID}
	switch {
	case !e.Defined:
		r.Note = e.Note
		return r
	case hidden:
		r.Note = results.NoteSuppressed
		return r
	}
	r.Participants, r.Comparison, r.Difference = f64p(e.Participants), f64p(e.Comparison), f64p(e.Difference)
	r.NParticipant, r.NComparison, r.EffectiveN = &e.NParticipants, &e.NComparison, f64p(e.EffectiveN)
	r.Intervals = intervals(e.Intervals)
	return r
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
