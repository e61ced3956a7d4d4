package pipeline

import (
	"fmt"

	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/reports"
)

// MaxStrata is the most strata a cohort may have. Each stratum is a line in
// the retention figure, a row in every forest plot and table, and its own
// resampling unit; beyond 50 the report cannot be read and the column is
// almost surely not a grouping (a name, an address, a free-text note).
const MaxStrata = 50

// limitStrata refuses more than MaxStrata strata and cuts stratum names to
// reports.MaxLabelRunes characters (with "…"), since they are labels in
// every figure. Two names that only differ after the cut are an error:
// two groups must never be shown under one label.
func limitStrata(cfg *config.Config, c *Cohort) error {
	if len(c.Strata) == 0 {
		return nil
	}
	where := fmt.Sprintf("strata: column %s (header %q)", cfg.Strata, cfg.Columns[cfg.Strata].Header)
	if len(c.Strata) > MaxStrata {
		return fmt.Errorf("%s has %d different values among the included rows; at most %d strata are allowed. Strata are groups such as sites: a name, id or free-text column is never a stratum", where, len(c.Strata), MaxStrata)
	}
	seen := make(map[string]bool, len(c.Strata))
	for i, s := range c.Strata {
		short := reports.ClipLabel(s)
		if seen[short] {
			return fmt.Errorf("%s has two values that agree in their first %d characters, so they cannot be told apart in the report; shorten them", where, reports.MaxLabelRunes-1)
		}
		seen[short] = true
		c.Strata[i] = short
	}
	return nil
}
