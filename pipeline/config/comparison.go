package config

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// Comparison configures a comparison group (issue 16): people who did not
// take part, read from a second extract with the same columns (Source) or
// split from the one extract (Group), weighted to resemble the
// participants on covariates known at entry.
type Comparison struct {
	Source *Source `yaml:"source"`
	// Group is an expression true for participants; the other included
	// rows of the one extract form the comparison group.
	Group string `yaml:"group"`
	// Entry is the comparison's pseudo-entry date field (default: cohort.entry).
	Entry      string    `yaml:"entry"`
	Covariates []string  `yaml:"covariates"`
	Method     string    `yaml:"method"`
	Caliper    float64   `yaml:"caliper"`
	Trim       []float64 `yaml:"trim"`
	// baseInclude is cohort.include as written, before group narrowed it
	// to the participants.
	baseInclude string
}

// Comparison methods.
const (
	MethodIPW     = "ipw"
	MethodCEM     = "cem"
	MethodNearest = "nearest"
)

// applyDefaults fills in the method, header row and trim; with group,
// cohort.include is narrowed to the participants (also in every
// sensitivity variant, which is parsed the same way).
func (k *Comparison) applyDefaults(c *Config) {
	if k.Group != "" {
		k.baseInclude = c.Cohort.Include
		c.Cohort.Include = "(" + k.baseInclude + ") && (" + k.Group + ")"
	}
	if k.Method == "" {
		k.Method = MethodIPW
	}
	if k.Source != nil && k.Source.HeaderRow == 0 {
		k.Source.HeaderRow = DefaultHeaderRow
	}
	if len(k.Trim) == 0 {
		k.Trim = []float64{0, 1}
	}
}

// ComparisonInclude is the include rule of the comparison group: with
// group, the rows of the one extract where group is false; with source,
// cohort.include as written.
func (c *Config) ComparisonInclude() string {
	k := c.Comparison
	if k.Group == "" {
		return c.Cohort.Include
	}
	return "(" + k.baseInclude + ") && !(" + k.Group + ")"
}

// ComparisonPath is the comparison extract's path ("" without one).
func (c *Config) ComparisonPath() string {
	k := c.Comparison
	if k == nil || k.Source == nil || k.Source.File == "" || strings.HasPrefix(k.Source.File, "/") {
		if k == nil || k.Source == nil {
			return ""
		}
		return k.Source.File
	}
	return filepath.Join(c.Dir, k.Source.File)
}

// validateComparison checks the comparison section: one of source and
// group, covariates that are mapped, non-identifying columns, a known
// method with sensible caliper and trim, and bands for cem's numbers.
func (c *Config) validateComparison(add func(string, ...any)) {
	k := c.Comparison
	if k == nil {
		return
	}
	switch {
	case k.Source == nil && k.Group == "":
		add("comparison: give either source (a second extract with the same columns) or group (an expression true for participants)")
	case k.Source != nil && k.Group != "":
		add("comparison: give source or group, not both")
	case k.Source != nil && k.Source.File == "":
		add("comparison.source.file is missing (the extract of the comparison group)")
	}
	if k.Entry != "" {
		if col, ok := c.Columns[k.Entry]; !ok || col.Type != TypeDate {
			add("comparison.entry %q: expected a mapped date column (the comparison's pseudo-entry date)", k.Entry)
		}
	}
	if !slices.Contains([]string{MethodIPW, MethodCEM, MethodNearest}, k.Method) {
		add("comparison.method %q: expected ipw, cem or nearest", k.Method)
	}
	if k.Caliper < 0 || !finite(k.Caliper) || (k.Caliper != 0 && k.Method != MethodNearest) {
		add("comparison.caliper %v: expected a positive number of standard deviations of the logit score, with method: nearest only", k.Caliper)
	}
	if len(k.Trim) != 2 || !finite(k.Trim[0]) || !finite(k.Trim[1]) || k.Trim[0] < 0 || k.Trim[1] > 1 || k.Trim[0] >= k.Trim[1] {
		add("comparison.trim %v: expected two quantiles of the propensity scores 0 ≤ low < high ≤ 1, e.g. [0.01, 0.99]", k.Trim)
	} else if (k.Trim[0] != 0 || k.Trim[1] != 1) && k.Method != MethodIPW {
		add("comparison.trim applies to method: ipw only (got method %s)", k.Method)
	}
	c.validateCovariates(k, add)
}

func (c *Config) validateCovariates(k *Comparison, add func(string, ...any)) {
	if len(k.Covariates) == 0 {
		add("comparison.covariates: name at least one field known at entry, e.g. [birth_date, sex, site]")
	}
	seen := map[string]bool{}
	for _, f := range k.Covariates {
		col, ok := c.Columns[f]
		switch {
		case seen[f]:
			add("comparison.covariates: %q is listed twice", f)
		case !ok:
			add("comparison.covariates: %q is not a mapped column", f)
		case col.Type == TypeID:
			add("comparison.covariates: %q is the id column; compare on what is known at entry, such as age or site", f)
		case col.Type == TypeText && (privacy.NameLikeHeader(f) || privacy.NameLikeHeader(col.Header)):
			add("comparison.covariates: %q holds names or personal numbers (header %s); a text covariate's values are printed in the balance table, so choose a column such as sex or site",
				f, privacy.QuoteName(col.Header))
		case k.Method == MethodCEM && (col.Type == TypeNumber || col.Type == TypeDate) && len(c.Bands[f]) < 2:
			add("comparison.covariates: %q is a %s column and method cem matches on bands: give bands.%s, e.g. [18, 30, 40, 50, 67]", f, col.Type, f)
		}
		seen[f] = true
	}
}
