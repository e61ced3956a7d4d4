package config

import (
	"fmt"
	"math"
)

// Limits of the config's values. A value outside its domain is an error,
// never replaced by a default (issue 12: replicates: 0 became 9999).
const (
	// MaxReplicates bounds the bootstrap's work and memory (B × statistics).
	MaxReplicates = 1_000_000
	// MinLevel and MaxLevel bound bootstrap.level: below 0.5 an "interval"
	// excludes the estimate more often than not; above 0.999 the bootstrap
	// tail holds too few replicates to place its ends.
	MinLevel, MaxLevel = 0.5, 0.999
	// MaxShares is how many shares (measures, exit categories and the
	// costs count) one joint bootstrap holds: two bits each in a 32-bit
	// cell pattern (pipeline.Counts).
	MaxShares = 16
	// MaxIDLength bounds ids and names that become folder names, keys
	// and table rows.
	MaxIDLength = 64
	// maxWeeks bounds retention.times (100 years).
	maxWeeks = 5218
	// maxMonthly and maxMonths bound the costs so that a saving (at most
	// Excel's rows × monthly × months) is a finite number of kr.
	maxMonthly = 10_000_000
	maxMonths  = 600
)

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// short cuts a value for an error message.
func short(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func (c *Config) validateCohort(add func(string, ...any)) {
	if u := c.Cohort.Unmatched; u != "warn" && u != "error" {
		add("cohort.unmatched %q: expected warn (rows matching no status are excluded and stated) or error", short(u))
	}
	if d := c.Cohort.Duplicates; d != "exclude" && d != "first" && d != "last" {
		add("cohort.duplicates %q: expected exclude (every row of a repeated id), first or last (the episode kept, by entry date)", short(d))
	}
	for _, s := range c.Cohort.Status {
		if len(s.Name) > MaxIDLength {
			add("cohort.status: a status name is %d characters long; at most %d", len(s.Name), MaxIDLength)
		}
	}
	if e := c.Exits; e != nil {
		for _, cat := range e.Categories {
			if len(cat.Name) > MaxIDLength {
				add("exits.categories: a category name is %d characters long; at most %d", len(cat.Name), MaxIDLength)
			}
		}
	}
	for name := range c.Populations {
		if len(name) > MaxIDLength {
			add("populations: a name is %d characters long; at most %d", len(name), MaxIDLength)
		}
	}
}

// validateShares checks that the measures, exit categories and costs fit
// in one joint bootstrap.
func (c *Config) validateShares(add func(string, ...any)) {
	n := len(c.Measures)
	if c.Exits != nil {
		n += len(c.Exits.Categories)
	}
	if c.Costs != nil {
		n++
	}
	if n > MaxShares {
		add("measures, exits.categories and costs together define %d shares; at most %d fit in one joint bootstrap (move some measures to a second config)", n, MaxShares)
	}
}

func (c *Config) validateCosts(k *Costs, add func(string, ...any)) {
	if !finite(k.Deadweight) || k.Deadweight < 0 || k.Deadweight > 1 {
		add("costs.deadweight %v: expected a share between 0 and 1", k.Deadweight)
	}
	if k.Count == "" || k.MonthlyBenefitDKK == 0 || k.Months == 0 {
		add("costs: count, monthly_benefit_dkk and months are all needed (e.g. 12963.50 kr. × 12 months)")
		return
	}
	if !finite(k.MonthlyBenefitDKK) || k.MonthlyBenefitDKK < 0 || k.MonthlyBenefitDKK > maxMonthly {
		add("costs.monthly_benefit_dkk %v: expected an amount in kr. above 0 and at most %s", k.MonthlyBenefitDKK, fmt.Sprint(maxMonthly))
	}
	if !finite(k.Months) || k.Months < 0 || k.Months > maxMonths {
		add("costs.months %v: expected a number of months above 0 and at most %d", k.Months, maxMonths)
	}
}
