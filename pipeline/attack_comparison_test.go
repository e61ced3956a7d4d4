package pipeline

import (
	"fmt"
	"testing"

	"github.com/danish-eval/evaluate/pipeline/config"
)

// The attacker's view of a comparison (issue 16): the groups' flow totals
// (always shown, as the participants' included), the compared and dropped
// people, and each effect's bases — tried against each other and, by
// subtraction, against the measure the effect is of: a measure's count
// minus the effect's participants with the outcome is those left out
// (trimmed, unmatched, without a covariate) who have it; the same for the
// measure's denominator and for those followed beyond each horizon.

type pubComparison struct {
	Participants        *int `json:"participants"`
	People              *int `json:"comparison"`
	DroppedParticipants *int `json:"dropped_participants"`
	DroppedComparison   *int `json:"dropped_comparison"`
	RowsRead            int  `json:"rows_read"`
	Excluded            []struct {
		Count int `json:"count"`
	} `json:"excluded"`
	Missing *struct {
		Participants int `json:"participants"`
		Comparison   int `json:"comparison"`
	} `json:"missing_covariates"`
}

type pubEffect struct {
	Measure      string `json:"measure"`
	Participants struct {
		Count       *int `json:"count"`
		Denominator *int `json:"denominator"`
	} `json:"participants"`
	Comparison struct {
		N *int `json:"n"`
	} `json:"comparison"`
	OverTime *struct {
		Points []struct {
			NRiskParticipants *int `json:"n_risk_participants"`
			NRiskComparison   *int `json:"n_risk_comparison"`
		} `json:"points"`
	} `json:"over_time"`
}

func (a *attacker) comparison(r *published) {
	c := r.Comparison
	if c == nil {
		return
	}
	lo := a.hiddenLo(r)
	var miss [2]int
	if c.Missing != nil {
		miss = [2]int{c.Missing.Participants, c.Missing.Comparison}
	}
	others := c.RowsRead
	for _, e := range c.Excluded {
		others -= e.Count
	}
	included := [2]int{a.byName["included"], a.slot("included (comparison group)", &others, 0)}
	var kept [2]int
	for g, name := range []string{"participants", "comparison group"} {
		m := a.slot("included without a covariate ("+name+")", &miss[g], 0)
		n := a.slot("compared "+name, [2]*int{c.Participants, c.People}[g], lo)
		d := a.slot("dropped "+name, [2]*int{c.DroppedParticipants, c.DroppedComparison}[g], 0)
		kept[g] = a.unknown("kept " + name)
		a.sum(included[g], n, m)
		a.sum(n, d, kept[g])
	}
	for _, e := range r.Effects {
		a.effect(e, kept)
	}
}

// effect enters one effect's bases and the subtractions a reader tries.
func (a *attacker) effect(e pubEffect, kept [2]int) {
	p := "effect " + e.Measure
	den := a.slot(p+" participants", e.Participants.Denominator, 0)
	num := a.slot(p+" participants with the outcome", e.Participants.Count, 0)
	a.sum(den, num, a.unknown(p+" participants without the outcome"))
	n0 := a.slot(p+" comparison", e.Comparison.N, 0)
	a.diff(p+": kept comparison people outside the population", []int{kept[1]}, []int{n0})
	a.diff(p+": kept participants outside the population", []int{kept[0]}, []int{den})
	if id, ok := a.byName["measure "+e.Measure+" count"]; ok {
		a.diff(p+": the measure's count minus the effect's", []int{id}, []int{num})
	}
	if id, ok := a.byName["measure "+e.Measure+" denominator"]; ok {
		a.diff(p+": the measure's denominator minus the effect's", []int{id}, []int{den})
	}
	if e.OverTime == nil {
		return
	}
	where := " (" + e.Measure + " by horizon)"
	prev := [2]int{den, n0}
	for k, pt := range e.OverTime.Points {
		for g, v := range []*int{pt.NRiskParticipants, pt.NRiskComparison} {
			id := a.slot(fmt.Sprintf("%s followed beyond horizon %d, group %d", p, k, g), v, 0)
			a.diff(fmt.Sprintf("%s left before horizon %d, group %d", p, k, g), []int{prev[g]}, []int{id})
			prev[g] = id
		}
		if id, ok := a.byName[fmt.Sprintf("at risk at time %d%s", k, where)]; ok {
			a.diff(fmt.Sprintf("%s: followed beyond horizon %d in the measure minus in the effect", p, k), []int{id}, []int{a.byName[fmt.Sprintf("%s followed beyond horizon %d, group 0", p, k)]})
		}
	}
}

// The subtraction attack on a comparison: two participants have no site,
// one of them a job. Unprotected, the measure's count minus the effect's
// participants with a job reveals that one; protected, the attacker finds
// nothing (the effect is hidden), and every other bundled effect is
// checked by TestAttackerFindsNothing.
func TestAttackerComparisonSubtraction(t *testing.T) {
	part := []siteGroup{{"A", 40, 20, true}, {"B", 10, 5, true}, {"", 2, 1, true}}
	comp := []siteGroup{{"A", 40, 16, false}, {"B", 90, 9, false}}
	if found := attackResults(t, comparisonCohort(t, part, comp, "")); len(found) > 0 {
		t.Errorf("protected: %q", found)
	}
	r := comparisonCohort(t, part, comp, "", config.Override{Key: "disclosure.min_cell", Value: "0"})
	r.Disclosure.MinCell = 5
	want := "derived: effect job: the measure's count minus the effect's = 1"
	found := attackResults(t, r)
	if !containsString(found, want) {
		t.Errorf("unprotected: the attacker found %q, want %q", found, want)
	}
}

func containsString(xs []string, x string) bool {
	for _, s := range xs {
		if s == x {
			return true
		}
	}
	return false
}

// pva_effekt with a second strata field: the comparison's ledger tells
// people apart by the further field's groups too (the settled counts
// include them), and the attacker still finds nothing.
func TestAttackerComparisonFurtherStrata(t *testing.T) {
	r := analyseFile(t, "../data/cohorts/pva_effekt.yaml", config.Override{Key: "strata", Value: "[site, sex]"})
	if len(r.ByStrata) == 0 || len(r.Effects) == 0 {
		t.Fatalf("by_strata %d, effects %d", len(r.ByStrata), len(r.Effects))
	}
	for _, f := range attackResults(t, r) {
		t.Error(f)
	}
}
