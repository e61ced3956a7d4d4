package pipeline

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/extract"
	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// maxValues is how many of the most frequent texts an unmatched-rows
// notice lists.
const maxValues = 10

// notice gathers what the run must state about the data: the reader's
// notes, rows that matched no status or could not be decided, and rows
// dated after the extract was saved. With cohort.unmatched: error, rows
// matching no status stop the run.
func (c *Cohort) notice(cfg *config.Config, r *Rules, ex *extract.Extract, reason *Reasons, saved time.Time) error {
	for _, n := range ex.Notes {
		c.Notices = append(c.Notices, noteNotice(n))
	}
	if n := c.Excluded[ReasonAfterSaved]; n > 0 {
		c.Notices = append(c.Notices, results.Notice{Kind: results.NoticeAfterSaved, Count: n, Date: day(saved)})
	}
	if n := c.Excluded[ReasonUndecided]; n > 0 {
		c.Notices = append(c.Notices, results.Notice{Kind: results.NoticeUndecided, Count: n, Rule: "cohort.include"})
	}
	if n := c.Excluded[ReasonStatusMiss]; n > 0 {
		c.Notices = append(c.Notices, results.Notice{Kind: results.NoticeUndecided, Count: n, Rule: "cohort.status"})
	}
	n := c.Excluded[ReasonNoStatus]
	if n == 0 {
		return nil
	}
	values := c.unmatchedValues(cfg, r, reason)
	if cfg.Cohort.Unmatched == "error" {
		first := 0
		for first < reason.Len() && reason.At(first) != ReasonNoStatus {
			first++
		}
		return fmt.Errorf("cohort.status: %d rows match no status rule (the first is %s)%s; add a rule for them, or set cohort.unmatched: warn to exclude them",
			n, rowName(ex, first), valueList(values))
	}
	floor := cfg.Disclosure.Min()
	shown := make([]results.ValueCount, len(values))
	for i, v := range values {
		shown[i] = results.ValueCount{Field: v.field, Value: v.value}
		if floor == 0 || v.count >= floor {
			shown[i].Count = intp(v.count)
		}
	}
	c.Notices = append(c.Notices, results.Notice{Kind: results.NoticeUnmatched, Count: n, Values: shown})
	return nil
}

var noteKinds = map[extract.NoteKind]string{
	extract.NoteTimeOfDay: results.NoticeTimeOfDay, extract.NoteMerged: results.NoticeMerged,
	extract.NoteMergedAcross: results.NoticeMergedAcross, extract.NoteAbsent: results.NoticeAbsent,
	extract.NoteBlank: results.NoticeBlank,
}

func noteNotice(n extract.Note) results.Notice {
	return results.Notice{Kind: noteKinds[n.Kind], Field: n.Field, Header: n.Header, Cells: n.Cells, Count: n.Count}
}

type valueCount struct {
	field, value string
	count        int
}

// unmatchedValues counts the texts that the status rules read in the rows
// that matched none, most frequent first. Only text fields are counted,
// never the id (rules cannot read it), a field whose name or header says
// it holds personal data, nor a value that looks like a name or a CPR
// number.
func (c *Cohort) unmatchedValues(cfg *config.Config, r *Rules, reason *Reasons) []valueCount {
	counts := map[[2]string]int{}
	for _, f := range statusTextFields(cfg, r) {
		for i, why := range reason.All() {
			if why != ReasonNoStatus {
				continue
			}
			if v := c.table.text(f, i); !privacy.ContainsCPR(v) && !privacy.LooksLikeName(v) {
				counts[[2]string{f, shortValue(v)}]++
			}
		}
	}
	out := make([]valueCount, 0, len(counts))
	for k, n := range counts {
		out = append(out, valueCount{field: k[0], value: k[1], count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.count != b.count {
			return a.count > b.count
		}
		if a.field != b.field {
			return a.field < b.field
		}
		return a.value < b.value
	})
	return out[:min(len(out), maxValues)]
}

// statusTextFields are the text fields the status rules read, except
// those whose field name or header suggests a person's name.
func statusTextFields(cfg *config.Config, r *Rules) []string {
	seen := map[string]bool{}
	var out []string
	for _, rule := range r.Status {
		for _, f := range rule.Fields {
			col, ok := cfg.Columns[f]
			if !ok || col.Type != config.TypeText || seen[f] || privacy.NameLikeHeader(f) || privacy.NameLikeHeader(col.Header) {
				continue
			}
			seen[f] = true
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

func shortValue(v string) string {
	if r := []rune(v); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return v
}

func valueList(vs []valueCount) string {
	if len(vs) == 0 {
		return ""
	}
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = fmt.Sprintf("%s %q (%d)", v.field, v.value, v.count)
	}
	return "; most frequent values: " + strings.Join(parts, ", ")
}

// savedBound is the date no row's date may pass: the day the workbook was
// last saved, when the workbook says so and most rows are dated before it
// (a file saved by a library with a fixed date, as excelize writes 2006,
// bounds nothing). Zero means no bound.
func savedBound(cfg *config.Config, tab *table, ex *extract.Extract, reason *Reasons) time.Time {
	if d := cfg.Source.ExtractedDate(); !d.IsZero() {
		return d // stated by the user: applies to a CSV too
	}
	if ex.Saved.IsZero() {
		return time.Time{}
	}
	bound := ex.Saved.Truncate(24 * time.Hour)
	day := dayOf(bound)
	after, dated := 0, 0
	for i := range reason.All() {
		if d := tab.latestDay(i); d != noDay && reason.At(i) == "" {
			dated++
			if d > day {
				after++
			}
		}
	}
	if dated == 0 || 2*after >= dated {
		return time.Time{}
	}
	return bound
}
