package pipeline

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"time"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/extract"
	"github.com/danish-eval/evaluate/pipeline/rules"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Exclusion reasons (results.ReasonOrder is the order they are checked).
const (
	ReasonMissingID  = results.ReasonMissingID
	ReasonDuplicate  = results.ReasonDuplicate
	ReasonNoEntry    = results.ReasonNoEntry
	ReasonNoExit     = results.ReasonNoExit
	ReasonExitBefore = results.ReasonExitBefore
	ReasonInclude    = results.ReasonInclude
	ReasonUndecided  = results.ReasonUndecided
	ReasonNoStatus   = results.ReasonNoStatus
	ReasonStatusMiss = results.ReasonStatusMiss
	ReasonAfterSaved = results.ReasonAfterSaved
	ReasonEpisode    = results.ReasonEpisode
)

// Person is one included row: what the statistics need, no identifier.
// It is 24 bytes without a pointer, so that a cohort of 10⁷ people is a
// quarter of a gigabyte the collector never scans.
type Person struct {
	Index       int32 // data row index in the extract
	Status      int32 // index into Cohort.Statuses
	Entry, Exit Day
	Stratum     int32 // index into Cohort.Strata, -1 without strata
	Cluster     int32 // index into Cohort.Clusters, -1 without clusters
}

// Weeks is the time from entry to exit or censoring.
func (p *Person) Weeks() float64 { return float64(p.Exit-p.Entry) / 7 }

// Cohort is the selected population and the flow of every input row.
type Cohort struct {
	People   []Person
	Statuses []string
	Strata   []string
	// More groups the people by each further strata field (strata:
	// [site, gender]: gender); set by the strata fields stage.
	More     []fieldGroups
	Clusters []string
	Rows     int                    // data rows read
	Excluded map[results.Reason]int // reason → rows
	// Reasons holds, per extract data row, why it was excluded ("" when
	// included): the rows to send back to the data supplier.
	Reasons *Reasons
	// DataDate is the latest date in the included rows: the "date of data".
	DataDate time.Time
	// FirstEntry and LastEntry are the earliest and latest entry dates of
	// the included people: the intake period.
	FirstEntry, LastEntry time.Time
	// Notices state what the data did to the counts (results.Notice).
	Notices []results.Notice
	table   *table
	saved   time.Time // the saved bound the selection used (savedBound)
}

// ExcludedInOrder lists every reason in check order with its count.
func (c *Cohort) ExcludedInOrder() []Exclusion {
	out := make([]Exclusion, len(results.ReasonOrder))
	for i, r := range results.ReasonOrder {
		out[i] = Exclusion{Reason: r, Count: c.Excluded[r]}
	}
	return out
}

// Exclusion is a reason and how many rows it excluded.
type Exclusion struct {
	Reason results.Reason
	Count  int
}

// StatusCount returns the number of included people with status s.
func (c *Cohort) StatusCount(s int) int {
	n := 0
	for _, p := range c.People {
		if int(p.Status) == s {
			n++
		}
	}
	return n
}

// SelectCohort applies the cohort definition to every row of the extract.
// An expression that fails on a row's values is an error naming the row.
func SelectCohort(cfg *config.Config, r *Rules, ex *extract.Extract) (*Cohort, error) {
	if ex.Rows > math.MaxInt32 { // rows are int32 (Person.Index)
		return nil, fmt.Errorf("%s: %d data rows; at most %d can be analysed at once: split the extract", filepath.Base(ex.File), ex.Rows, math.MaxInt32)
	}
	tab := newTable(cfg, ex)
	reason := newReasons(ex.Rows)
	markProblems(ex, reason)
	if err := markDuplicates(cfg, r, tab, ex, reason); err != nil {
		return nil, err
	}
	saved := savedBound(cfg, tab, ex, reason)
	rows := make([]int32, 0, ex.Rows)
	for i, why := range reason.All() {
		if why == "" {
			rows = append(rows, int32(i))
		}
	}
	people, err := decideRows(r, tab, rows, reason)
	if err != nil {
		return nil, err
	}
	return finishSelection(cfg, r, ex, tab, people, reason, saved)
}

// finishSelection makes the cohort of the people the rules decided: the
// saved bound (saved, zero for none), the flow, strata, clusters and
// notices.
func finishSelection(cfg *config.Config, r *Rules, ex *extract.Extract, tab *table, people []Person,
	reason *Reasons, saved time.Time) (*Cohort, error) {
	c := &Cohort{Statuses: cfg.StatusNames(), Rows: ex.Rows, Excluded: map[results.Reason]int{}, table: tab, saved: saved}
	n := 0 // people kept, filtered in place (a person is copied only once one went)
	bound, data, first, last := dayOf(saved), noDay, noDay, noDay
	for k := range people {
		p := &people[k]
		seen := max(p.Exit, tab.latestDay(int(p.Index)))
		if bound != noDay && seen > bound {
			reason.set(int(p.Index), ReasonAfterSaved)
			continue
		}
		if n < k {
			people[n] = *p
			p = &people[n]
		}
		n++
		data = max(data, seen)
		if first == noDay || p.Entry < first {
			first = p.Entry
		}
		last = max(last, p.Entry)
	}
	c.DataDate, c.FirstEntry, c.LastEntry = data.Time(), first.Time(), last.Time()
	c.People = people[:n]
	markTotalRows(tab, reason)
	c.Reasons, c.Excluded = reason, reason.Count()
	setStratum := func(p *Person, k int) { p.Stratum = int32(k) }
	if cuts, ok := cfg.Bands[cfg.Strata]; ok && cfg.Columns[cfg.Strata].Type == config.TypeNumber {
		c.Strata = c.groupByBands(cfg.Strata, cuts, cfg.Language, setStratum)
	} else {
		c.Strata = c.groupBy(cfg.Strata, setStratum)
	}
	if err := limitStrata(cfg, c); err != nil { // the values as read, before small ones merge
		return nil, err
	}
	c.mergeSmallStrata(cfg.Disclosure.Min(), cfg.Language)
	c.Clusters = c.groupBy(cfg.Cluster, func(p *Person, k int) { p.Cluster = int32(k) })
	if err := c.notice(cfg, r, ex, reason, saved); err != nil {
		return nil, err
	}
	return c, nil
}

// rowError names the row an expression first failed on.
func rowError(err error, ex *extract.Extract, i int) error {
	var re *rules.RunError
	if !errors.As(err, &re) {
		return err
	}
	return re.AtRow(rowName(ex, i))
}

// rowName names data row i the way a person finds it: sheet row or CSV line.
func rowName(ex *extract.Extract, i int) string {
	file := filepath.Base(ex.File)
	if ex.Sheet == "" {
		return fmt.Sprintf("line %d of %s", ex.RowNumbers.At(i), file)
	}
	return fmt.Sprintf("row %d of %s, sheet %q", ex.RowNumbers.At(i), file, ex.Sheet)
}

// markProblems excludes rows with a cell that could not be read.
func markProblems(ex *extract.Extract, reason *Reasons) {
	for _, pr := range ex.Problems {
		if pr.Index >= 0 && pr.Index < reason.Len() && reason.At(int(pr.Index)) == "" {
			reason.set(int(pr.Index), results.Reason(pr.Reason))
		}
	}
}

// markDuplicates handles ids that occur on more than one row. By default
// (cohort.duplicates: exclude) every such row goes, because none can be
// trusted to be the right one; with first or last, the id is a
// re-enrolment and the episode with the earliest (latest) entry date is
// kept.
func markDuplicates(cfg *config.Config, r *Rules, tab *table, ex *extract.Extract, reason *Reasons) error {
	col := idColumn(cfg, ex)
	if col == nil {
		return nil
	}
	for _, group := range repeatedIDs(col, reason) {
		if err := markEpisodes(cfg.Cohort.Duplicates, r, tab, ex, group, reason); err != nil {
			return err
		}
	}
	return nil
}

// markEpisodes excludes the rows of one repeated id: all of them, or all
// but the first (last) by entry date, ties to the earlier row.
func markEpisodes(rule string, r *Rules, tab *table, ex *extract.Extract, group []int, reason *Reasons) error {
	keep := -1
	if rule != "exclude" {
		row := tab.newRow()
		var best time.Time
		for _, i := range group {
			tab.fill(i, row)
			t, ok, err := r.Entry.Date(row)
			if err != nil {
				return rowError(err, ex, i)
			}
			if ok && reason.At(i) == "" && (keep < 0 || (rule == "first" && t.Before(best)) || (rule == "last" && t.After(best))) {
				keep, best = i, t
			}
		}
	}
	for _, i := range group {
		switch {
		case i == keep:
		case keep >= 0:
			reason.set(i, ReasonEpisode)
		default:
			reason.set(i, ReasonDuplicate)
		}
	}
	return nil
}

func idColumn(cfg *config.Config, ex *extract.Extract) *extract.Column {
	for _, name := range cfg.ColumnNames() {
		if cfg.Columns[name].Type == config.TypeID {
			return ex.Column(name)
		}
	}
	return nil
}

// groupBy assigns each person the index of their value of a text field;
// values are sorted with Danish collation (æ ø å after z).
func (c *Cohort) groupBy(field string, set func(*Person, int)) []string {
	if field == "" {
		return nil
	}
	// codes in order of first sight, then ranks; a text's code is looked
	// up once for each of the column's few values, not for each person
	first := map[string]int{}
	var seen []string
	codes := make([]int32, len(c.People))
	value, values := c.table.textCodes(field)
	known := make([]int32, values) // by value: 1 + its code, 0 until seen
	for k := range c.People {
		i := int(c.People[k].Index)
		u := value(i)
		if known[u] == 0 {
			v := c.table.text(field, i)
			code, ok := first[v]
			if !ok {
				code = len(seen)
				first[v] = code
				seen = append(seen, v)
			}
			known[u] = int32(code + 1)
		}
		codes[k] = known[u] - 1
	}
	names := slices.Clone(seen)
	collate.New(language.Danish).SortStrings(names)
	pos := make(map[string]int, len(names))
	for k, v := range names {
		pos[v] = k
	}
	rank := make([]int, len(seen))
	for code, v := range seen {
		rank[code] = pos[v]
	}
	for k := range c.People {
		set(&c.People[k], rank[codes[k]])
	}
	return names
}
