package pipeline

import "fmt"

// The attacker's view of issue 14's tables (see attack_test.go).

type pubDescription struct {
	Field     string     `json:"field"`
	Overall   pubGroup   `json:"overall"`
	ByStratum []pubGroup `json:"by_stratum"`
}

type pubGroup struct {
	Stratum string `json:"stratum"`
	N       *int   `json:"n"`
	Rows    []struct {
		Key   string `json:"key"`
		Kind  string `json:"kind"`
		Count *int   `json:"count"`
	} `json:"rows"`
	Summary *struct {
		N *int `json:"n"`
	} `json:"summary"`
}

type pubIntake struct {
	Periods []struct {
		Key       string `json:"key"`
		Count     *int   `json:"count"`
		ByStratum []*int `json:"by_stratum"`
	} `json:"periods"`
}

// describe: each group's rows add up to its size (the included, or the
// stratum's size); those with a value and the missing too; the bands and
// outside add up to those with a value; a row in total is its strata's sum.
func (a *attacker) describe(r *published) {
	for _, d := range r.Describe {
		total := a.describeGroup(r, d.Field, d.Overall, a.byName["included"])
		a.describedMeasure(r, d)
		for _, g := range d.ByStratum {
			size, ok := a.byName["stratum "+g.Stratum]
			if !ok {
				size = a.slot("stratum "+g.Stratum, g.N, a.hiddenLo(r))
			}
			rows := a.describeGroup(r, d.Field+" in "+g.Stratum, g, size)
			for k := range rows {
				total[k] = append(total[k], rows[k][0])
			}
		}
		for _, rel := range total {
			if len(rel) > 1 {
				a.sum(rel[0], rel[1:]...)
			}
		}
	}
}

func (a *attacker) describeGroup(r *published, where string, g pubGroup, size int) [][]int {
	n := a.slot(where+" n", g.N, 0)
	a.sum(size, n)
	var rows [][]int
	var parts []int
	for _, row := range g.Rows {
		id := a.slot(where+": "+row.Key, row.Count, 0)
		rows, parts = append(rows, []int{id}), append(parts, id)
	}
	a.sum(n, parts...)
	if g.Summary != nil && len(parts) > 0 {
		valued := a.slot(where+" with a value", g.Summary.N, 0)
		a.sum(n, valued, parts[len(parts)-1])
		a.sum(valued, parts[:len(parts)-1]...)
	}
	return rows
}

// intake: periods add up to the included, strata to each period, and each
// stratum's periods to its size.
func (a *attacker) intake(r *published) {
	if r.Intake == nil {
		return
	}
	var periods []int
	byStratum := map[int][]int{}
	for _, p := range r.Intake.Periods {
		id := a.slot("starts "+p.Key, p.Count, 0)
		periods = append(periods, id)
		var parts []int
		for s, n := range p.ByStratum {
			cell := a.slot(fmt.Sprintf("starts %s in stratum %d", p.Key, s), n, 0)
			parts = append(parts, cell)
			byStratum[s] = append(byStratum[s], cell)
		}
		if len(parts) > 0 {
			a.sum(id, parts...)
		}
	}
	a.sum(a.byName["included"], periods...)
	for s := range len(r.ByStratum) {
		if len(byStratum[s]) > 0 {
			a.sum(a.byName["stratum "+r.ByStratum[s].Stratum], byStratum[s]...)
		}
	}
}

// horizons: a measure's population is its denominator; at each horizon,
// those still followed and those who reached the event, like a risk table.
func (a *attacker) horizons(r *published) {
	for _, m := range r.Measures {
		h := m.Horizons
		if h == nil {
			continue
		}
		where := " (" + m.ID + " by horizon)"
		n := a.slot("population"+where, h.N, 0)
		if den, ok := a.byName["measure "+m.ID+" denominator"]; ok {
			a.sum(den, n)
		}
		var pts []pubPoint
		for _, p := range h.Points {
			pts = append(pts, pubPoint{NRisk: p.NRisk, NEvent: p.NEvent})
		}
		a.riskTable(r, where, n, pts, nil)
	}
}

// describedMeasure: a reader guesses that a measure named like a described
// yes/no field counts that field, and subtracts its count (among some)
// from the description's "true" (among everyone).
func (a *attacker) describedMeasure(r *published, d pubDescription) {
	for k, row := range d.Overall.Rows {
		if row.Key != "true" {
			continue
		}
		yes := a.byName[d.Field+": true"]
		for _, m := range r.Measures {
			if num, ok := a.byName["measure "+m.ID+" count"]; ok && m.ID == d.Field {
				a.diff(fmt.Sprintf("%s true (row %d) − measure %s", d.Field, k, m.ID), []int{yes}, []int{num})
			}
		}
	}
}
