package config

import (
	"github.com/danish-eval/evaluate/pipeline/privacy"
	"github.com/danish-eval/evaluate/reports"
)

// named reports whether a field has a name a reader can read: a label, or
// the catalogue's name for a common field (a date is read as age at entry).
func (c *Config) named(field string) bool {
	_, labelled := c.Labels[field]
	return labelled || reports.HasFieldName(field)
}

// validateDescribe checks describe and bands: each names a mapped column
// that may be printed (never an id, a name or a personal number: its
// values, or their distribution, are published), and each band list cuts
// a number (or a birth date's age) at increasing points.
func (c *Config) validateDescribe(add func(string, ...any)) {
	seen := map[string]bool{}
	for _, f := range c.Describe {
		col, ok := c.Columns[f]
		switch {
		case seen[f]:
			add("describe: %q is listed twice", f)
		case !ok:
			add("describe: %q is not a mapped column (describe lists field names from columns)", f)
		case col.Type == TypeID:
			add("describe: %q is the id column; an id is never printed", f)
		case privacy.NameLikeHeader(f) || privacy.NameLikeHeader(col.Header):
			add("describe: %q holds names or personal numbers (header %s); its values would be printed, so choose a column such as gender or age",
				f, privacy.QuoteName(col.Header))
		case col.Type != TypeDate && !c.named(f):
			add("describe: %q heads a table in the report: give it a label (labels: {%s: {da: \"…\", en: \"…\"}})", f, f)
		}
		seen[f] = true
	}
	for _, f := range sortedKeys(c.Bands) {
		cuts := c.Bands[f]
		if col, ok := c.Columns[f]; !ok {
			add("bands.%s: %q is not a mapped column", f, f)
		} else if col.Type != TypeNumber && col.Type != TypeDate {
			add("bands.%s: %q is a %s column; bands cut a number column (or a birth date's age at entry)", f, f, col.Type)
		}
		if len(cuts) < 2 {
			add("bands.%s: expected at least two cut points, e.g. [18, 30, 40, 50, 67] (bands 18–29 … 50–66)", f)
			continue
		}
		for i, v := range cuts {
			if !finite(v) || (i > 0 && v <= cuts[i-1]) {
				add("bands.%s: expected increasing numbers, e.g. [18, 30, 40, 50, 67], got %v", f, cuts)
				break
			}
		}
	}
}

// validateHorizons checks a measure's event date (at), its origin (from)
// and its horizons.
func (c *Config) validateHorizons(add func(string, ...any)) {
	if f := c.Cohort.FollowupEnd; f != "" {
		if col, ok := c.Columns[f]; !ok {
			add("cohort.followup_end: %q is not a mapped column (it names each person's end of follow-up, a date)", short(f))
		} else if col.Type != TypeDate {
			add("cohort.followup_end: %q is a %s column; it names a date column (each person's end of follow-up)", f, col.Type)
		}
	}
	for _, m := range c.Measures {
		if m.At == "" {
			if m.From != "" || len(m.Horizons) > 0 {
				add("measures.%s: from and horizons need at (the event date field, e.g. at: first_job_date)", m.ID)
			}
			continue
		}
		if col, ok := c.Columns[m.At]; !ok {
			add("measures.%s.at: %q is not a mapped column (at names the date the event happened)", m.ID, m.At)
		} else if col.Type != TypeDate {
			add("measures.%s.at: %q is a %s column; at names a date column (the date the event happened)", m.ID, m.At, col.Type)
		}
		if m.From != FromEntry && m.From != FromExit {
			add("measures.%s.from %q: expected entry or exit (where the weeks to the event are counted from)", m.ID, m.From)
		}
		for i, h := range m.Horizons {
			if !finite(h) || h <= 0 || h > maxWeeks || (i > 0 && h <= m.Horizons[i-1]) {
				add("measures.%s.horizons: expected increasing positive weeks, e.g. [13, 26, 52], got %v", m.ID, m.Horizons)
				break
			}
		}
	}
}
