package pipeline

import (
	"fmt"
	"math"
	"sort"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/extract"
)

// unit is one compared person: the group (0 participants, 1 the
// comparison group) and the person's index in that group's cohort.
type unit struct{ group, person int }

// missingCovariates counts, per group, the people left out of the
// comparison for want of a covariate, and per covariate how many lack it.
type missingCovariates struct {
	people [2]int
	by     map[string][2]int
}

// comparisonData lays both groups out for models (participants first):
// who took part, and each covariate read the same way in both groups.
// A person without a value for some covariate is left out (units lists
// those kept) and counted in missing; a covariate whose column is not in
// a group's extract at all is an error.
func comparisonData(cfg *config.Config, both []group) (models.Comparison, []unit, missingCovariates, error) {
	var d models.Comparison
	miss := missingCovariates{by: map[string][2]int{}}
	complete := make([][]bool, len(both))
	for gi, g := range both {
		complete[gi] = make([]bool, len(g.cohort.People))
		for i := range complete[gi] {
			complete[gi][i] = true
		}
		for _, f := range cfg.Comparison.Covariates {
			n, err := markMissing(cfg, f, gi, g, complete[gi])
			if err != nil {
				return d, nil, miss, err
			}
			if n > 0 {
				m := miss.by[f]
				m[gi] = n
				miss.by[f] = m
			}
		}
	}
	var units []unit
	for gi, g := range both {
		for i := range g.cohort.People {
			if complete[gi][i] {
				units = append(units, unit{gi, i})
				d.Treated = append(d.Treated, gi == 0)
			} else {
				miss.people[gi]++
			}
		}
	}
	for _, f := range cfg.Comparison.Covariates {
		d.Covariates = append(d.Covariates, covariate(cfg, f, both, units))
	}
	d.Strata = comparisonStrata(cfg.Strata, both, units)
	return d, units, miss, nil
}

// markMissing clears complete for the people of group gi without a value
// of covariate f and returns how many. A column absent from the group's
// extract, and a birth date after entry, are errors.
func markMissing(cfg *config.Config, f string, gi int, g group, complete []bool) (int, error) {
	col, _ := g.cohort.table.column(f)
	if col == nil || col.Header == "" { // an optional column not in the sheet
		sheet := ""
		if g.cfg.Source.Sheet != "" {
			sheet = fmt.Sprintf(" sheet %q", g.cfg.Source.Sheet)
		}
		return 0, fmt.Errorf("comparison.covariates: %s (header %q) is not a column of %s%s, the %s extract; every covariate must be in both extracts",
			f, cfg.Columns[f].Header, g.cfg.Source.File, sheet, [2]string{"participants'", "comparison group's"}[gi])
	}
	n := 0
	for i, p := range g.cohort.People {
		if col.Missing[p.Index] {
			n++
			complete[i] = false
			continue
		}
		if cfg.Columns[f].Type == config.TypeDate && math.IsNaN(ageYears(col.DateAt(int(p.Index)), p.Entry.Time())) {
			return 0, fmt.Errorf("comparison.covariates: %s is after the entry date for some people; a birth date must come before entry", f)
		}
	}
	return n, nil
}

// comparisonStrata codes each unit's value of the strata field (the same
// value the same code in both groups), so the bootstrap resamples within
// strata as the main analysis does; nil without strata.
func comparisonStrata(field string, both []group, units []unit) []int {
	if field == "" {
		return nil
	}
	code := map[string]int{}
	text := []func(int) string{both[0].cohort.table.textAt(field), both[1].cohort.table.textAt(field)}
	var out []int
	for _, u := range units {
		v := text[u.group](int(both[u.group].cohort.People[u.person].Index))
		if _, ok := code[v]; !ok {
			code[v] = len(code)
		}
		out = append(out, code[v])
	}
	return out
}

// covariate reads field f for every unit: a number as its value, a date
// as the age at entry in years, text and bool as categories; a number or
// date with bands also gets its band as a code (cem matches on codes).
// Text values held by fewer than min_cell people become one level
// "other": a level's name is printed in the balance table.
func covariate(cfg *config.Config, f string, both []group, units []unit) models.Covariate {
	cov := models.Covariate{Name: f}
	kind := cfg.Columns[f].Type
	var text []string
	cols := make([]*extract.Column, len(both))
	for gi, g := range both {
		cols[gi], _ = g.cohort.table.column(f)
	}
	for _, u := range units {
		col, p := cols[u.group], both[u.group].cohort.People[u.person]
		switch kind {
		case config.TypeNumber:
			cov.Values = append(cov.Values, col.Num[p.Index])
		case config.TypeDate:
			cov.Values = append(cov.Values, ageYears(col.DateAt(int(p.Index)), p.Entry.Time()))
		case config.TypeBool:
			text = append(text, fmt.Sprint(col.Bool[p.Index]))
		default:
			text = append(text, col.TextAt(int(p.Index)))
		}
	}
	if text != nil {
		cov.Codes, cov.Levels = categories(text, cfg.Disclosure.Min())
	} else if cuts := cfg.Bands[f]; len(cuts) >= 2 && cfg.Comparison.Method == config.MethodCEM {
		cov.Codes, cov.Levels = bands(cov.Values, cuts)
	}
	return cov
}

// categories codes values by sorted level; levels held by fewer than
// min people share the last level, "other".
func categories(vals []string, min int) ([]int, []string) {
	n := map[string]int{}
	for _, v := range vals {
		n[v]++
	}
	var levels []string
	rare := false
	for v, c := range n {
		if c >= min {
			levels = append(levels, v)
		} else {
			rare = true
		}
	}
	sort.Strings(levels)
	if rare {
		levels = append(levels, "other")
	}
	index := map[string]int{}
	for i, l := range levels {
		index[l] = i
	}
	codes := make([]int, len(vals))
	for i, v := range vals {
		k, ok := index[v]
		if !ok || n[v] < min {
			k = len(levels) - 1
		}
		codes[i] = k
	}
	return codes, levels
}

// bands codes numbers by the config's bands: [cut k, cut k+1), then one
// band for values outside them all.
func bands(vals, cuts []float64) ([]int, []string) {
	var levels []string
	for k := 0; k+1 < len(cuts); k++ {
		levels = append(levels, fmt.Sprintf("%s–%s", num(cuts[k]), num(cuts[k+1])))
	}
	levels = append(levels, "outside")
	codes := make([]int, len(vals))
	outside := uint16(len(levels) - 1)
	for i, v := range vals {
		codes[i] = int(bandOf(v, cuts, outside, outside))
	}
	return codes, levels
}
