package models

import (
	"fmt"
	"math"
)

// Covariate is one characteristic known at entry, for every unit of a
// comparison (participants and comparison people alike).
//
// A number (age, weeks on benefit) has Values; a category (site, gender)
// has Codes 0 … len(Levels)−1 and Levels naming them. For coarsened exact
// matching a number also carries Codes: its band (the caller coarsens, e.g.
// by the config's bands), Levels then naming the bands.
type Covariate struct {
	Name   string
	Values []float64
	Codes  []int
	Levels []string
}

// numeric reports whether the covariate enters models as a number.
func (c Covariate) numeric() bool { return c.Values != nil }

// check validates the covariate for n units. needCodes: cem matches on codes.
func (c Covariate) check(n int, needCodes bool) error {
	if c.Values == nil && c.Codes == nil {
		return fmt.Errorf("models: covariate %q has neither values nor codes", c.Name)
	}
	if c.Values != nil && len(c.Values) != n {
		return fmt.Errorf("models: covariate %q has %d values for %d people", c.Name, len(c.Values), n)
	}
	for _, v := range c.Values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("models: covariate %q has a missing or infinite value; every person needs one", c.Name)
		}
	}
	if c.Codes == nil {
		if needCodes {
			return fmt.Errorf("models: covariate %q has no bands for exact matching (give it bands)", c.Name)
		}
		return nil
	}
	if len(c.Codes) != n {
		return fmt.Errorf("models: covariate %q has %d codes for %d people", c.Name, len(c.Codes), n)
	}
	for _, k := range c.Codes {
		if k < 0 || (c.Levels != nil && k >= len(c.Levels)) {
			return fmt.Errorf("models: covariate %q has code %d outside its %d levels", c.Name, k, len(c.Levels))
		}
	}
	return nil
}

// levelCount returns the number of categories of a coded covariate.
func (c Covariate) levelCount() int {
	n := len(c.Levels)
	for _, k := range c.Codes {
		n = max(n, k+1)
	}
	return n
}

// designColumns returns the columns a covariate contributes to a
// regression, with their names: a number itself; a category one 0/1
// column per level but the first (R's treatment contrasts, so the first
// level is the reference). A level nobody has gives no column.
func (c Covariate) designColumns() ([][]float64, []string) {
	if c.numeric() {
		return [][]float64{c.Values}, []string{c.Name}
	}
	k := c.levelCount()
	seen := make([]bool, k)
	for _, v := range c.Codes {
		seen[v] = true
	}
	var cols [][]float64
	var names []string
	for l := 1; l < k; l++ {
		if !seen[l] {
			continue
		}
		col := make([]float64, len(c.Codes))
		for i, v := range c.Codes {
			if v == l {
				col[i] = 1
			}
		}
		cols = append(cols, col)
		names = append(names, c.Name+"="+c.levelName(l))
	}
	return cols, names
}

// levelName names level l ("2" when Levels is short).
func (c Covariate) levelName(l int) string {
	if l < len(c.Levels) {
		return c.Levels[l]
	}
	return fmt.Sprint(l)
}

// DesignMatrix returns the regression columns of the covariates (numbers
// as they are, categories as treatment contrasts) and their names, without
// the intercept.
func DesignMatrix(covs []Covariate) ([][]float64, []string) {
	var cols [][]float64
	var names []string
	for _, c := range covs {
		cc, nn := c.designColumns()
		cols = append(cols, cc...)
		names = append(names, nn...)
	}
	return cols, names
}
