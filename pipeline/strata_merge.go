package pipeline

import "github.com/danish-eval/evaluate/reports"

// OtherStratum names the group that strata smaller than min_cell are
// merged into, in the report's language (the catalogue's OtherStratum).
func OtherStratum(lang string) string { return reports.Message(lang, "OtherStratum") }

// mergeSmallStrata merges every stratum with fewer than min people into one
// group, "Øvrige" ("Other"), placed last: a small group's value (a site, or
// a person's name typed into the site column) is then never printed, and
// the bootstrap resamples within the merged group. A still-small group is
// hidden by the disclosure pass like any small count.
func (c *Cohort) mergeSmallStrata(min int, lang string) {
	if min <= 0 || len(c.Strata) == 0 {
		return
	}
	sizes := make([]int, len(c.Strata))
	for _, p := range c.People {
		sizes[p.Stratum]++
	}
	other := OtherStratum(lang)
	to := make([]int, len(c.Strata))
	var names []string
	merged := false
	for s, name := range c.Strata {
		if sizes[s] < min || name == other {
			to[s] = -1
			merged = merged || sizes[s] < min
			continue
		}
		to[s] = len(names)
		names = append(names, name)
	}
	if !merged {
		return
	}
	for s := range to {
		if to[s] < 0 {
			to[s] = len(names)
		}
	}
	for i := range c.People {
		c.People[i].Stratum = int32(to[c.People[i].Stratum])
	}
	c.Strata = append(names, other)
}
