package pipeline

import (
	"github.com/danish-eval/evaluate/reports"
)

// groupByBands puts each person in the band of a number field (config
// bands: {age: [18, 30, 40, 50, 67]}): strata "18–29", "30–39" … in band
// order, then "<18" and "≥67" for values outside them and "" for none.
// Only the groups someone is in are kept.
func (c *Cohort) groupByBands(field string, cuts []float64, lang string, set func(*Person, int)) []string {
	num := c.table.numberAt(field)
	names := bandNames(cuts, lang)
	codes := make([]int, len(c.People))
	used := make([]bool, len(names))
	for k, p := range c.People {
		v, ok := num(int(p.Index))
		codes[k] = bandCode(v, ok, cuts)
		used[codes[k]] = true
	}
	rank := make([]int, len(names))
	var kept []string
	for code, name := range names {
		if used[code] {
			rank[code] = len(kept)
			kept = append(kept, name)
		}
	}
	for k := range c.People {
		set(&c.People[k], rank[codes[k]])
	}
	return kept
}

// bandNames are the bands' names, then below, above and missing.
func bandNames(cuts []float64, lang string) []string {
	var names []string
	for k := 0; k+1 < len(cuts); k++ {
		names = append(names, reports.BandText(lang, cuts[k], cuts[k+1]))
	}
	return append(names, "<"+reports.Number(lang, cuts[0]), "≥"+reports.Number(lang, cuts[len(cuts)-1]), "")
}

// bandCode is v's index in bandNames' order.
func bandCode(v float64, ok bool, cuts []float64) int {
	bands := len(cuts) - 1
	switch {
	case !ok:
		return bands + 2
	case v < cuts[0]:
		return bands
	case v >= cuts[bands]:
		return bands + 1
	}
	for k := 0; k < bands; k++ {
		if v < cuts[k+1] {
			return k
		}
	}
	return bands + 1
}
