package pipeline

import (
	"fmt"
	"math"
	"sort"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// comparisonData lays both groups out for models (participants first):
// who took part, and each covariate read the same way in both groups.
func comparisonData(cfg *config.Config, both []group) (models.Comparison, error) {
	var d models.Comparison
	for gi, g := range both {
		for range g.cohort.People {
			d.Treated = append(d.Treated, gi == 0)
		}
	}
	for _, f := range cfg.Comparison.Covariates {
		cov, err := covariate(cfg, f, both)
		if err != nil {
			return d, err
		}
		d.Covariates = append(d.Covariates, cov)
	}
	d.Strata = comparisonStrata(cfg.Strata, both)
	return d, nil
}

// comparisonStrata codes each person's value of the strata field (the
// same value the same code in both groups), so the bootstrap resamples
// within strata as the main analysis does; nil without strata.
func comparisonStrata(field string, both []group) []int {
	if field == "" {
		return nil
	}
	code := map[string]int{}
	var out []int
	for _, g := range both {
		text := g.cohort.table.textAt(field)
		for _, p := range g.cohort.People {
			v := text(p.Index)
			if _, ok := code[v]; !ok {
				code[v] = len(code)
			}
			out = append(out, code[v])
		}
	}
	return out
}

// covariate reads field f for everyone: a number as its value, a date as
// the age at entry in years, text and bool as categories; a number or
// date with bands also gets its band as a code (cem matches on codes).
// Text values held by fewer than min_cell people become one level
// "other": a level's name is printed in the balance table.
func covariate(cfg *config.Config, f string, both []group) (models.Covariate, error) {
	cov := models.Covariate{Name: f}
	kind := cfg.Columns[f].Type
	var text []string
	for gi, g := range both {
		col, _ := g.cohort.table.column(f)
		missing := 0
		for _, p := range g.cohort.People {
			if col == nil || col.Missing[p.Index] {
				missing++
				continue
			}
			switch kind {
			case config.TypeNumber:
				cov.Values = append(cov.Values, col.Num[p.Index])
			case config.TypeDate:
				cov.Values = append(cov.Values, ageYears(col.Date[p.Index], p.Entry))
			case config.TypeBool:
				text = append(text, fmt.Sprint(col.Bool[p.Index]))
			default:
				text = append(text, col.TextAt(p.Index))
			}
		}
		if missing > 0 {
			return cov, fmt.Errorf("comparison.covariates: %s has no value for %d %s; every person compared needs one (fill it in or leave %s out)",
				f, missing, [2]string{"participants", "people of the comparison group"}[gi], f)
		}
	}
	for _, v := range cov.Values {
		if math.IsNaN(v) {
			return cov, fmt.Errorf("comparison.covariates: %s is after the entry date for some people; a birth date must come before entry", f)
		}
	}
	if text != nil {
		cov.Codes, cov.Levels = categories(text, cfg.Disclosure.Min())
	} else if cuts := cfg.Bands[f]; len(cuts) >= 2 && cfg.Comparison.Method == config.MethodCEM {
		cov.Codes, cov.Levels = bands(cov.Values, cuts)
	}
	return cov, nil
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
