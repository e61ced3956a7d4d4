package pipeline

import (
	"time"

	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/extract"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Exclusion reasons, in the order they are checked. The report lists every
// one, with its count, so the flow always adds up to the rows read.
const (
	ReasonMissingID  = "missing id"
	ReasonDuplicate  = "duplicate id"
	ReasonNoEntry    = "missing entry date"
	ReasonNoExit     = "missing exit date"
	ReasonExitBefore = "exit before entry"
	ReasonInclude    = "outside the include rule"
	ReasonUndecided  = "include rule undecided (missing value)"
	ReasonNoStatus   = "no status rule matched"
)

var reasonOrder = []string{extract.ReasonDate, extract.ReasonNumber, extract.ReasonBool,
	extract.ReasonText, ReasonMissingID, ReasonDuplicate, ReasonNoEntry,
	ReasonNoExit, ReasonExitBefore, ReasonInclude, ReasonUndecided, ReasonNoStatus}

// Person is one included row: what the statistics need, no identifier.
type Person struct {
	Index   int // data row index in the extract
	Status  int // index into Cohort.Statuses
	Entry   time.Time
	Exit    time.Time
	Weeks   float64 // time from entry to exit or censoring
	Stratum int     // index into Cohort.Strata, -1 without strata
	Cluster int     // index into Cohort.Clusters, -1 without clusters
}

// Cohort is the selected population and the flow of every input row.
type Cohort struct {
	People   []Person
	Statuses []string
	Strata   []string
	Clusters []string
	Rows     int            // data rows read
	Excluded map[string]int // reason → rows
	// DataDate is the latest date in the included rows: the "date of data".
	DataDate time.Time
	// FirstEntry is the earliest entry date of the included people.
	FirstEntry time.Time
	table      *table
}

// ExcludedInOrder lists every reason in check order with its count.
func (c *Cohort) ExcludedInOrder() []Exclusion {
	out := make([]Exclusion, len(reasonOrder))
	for i, r := range reasonOrder {
		out[i] = Exclusion{Reason: r, Count: c.Excluded[r]}
	}
	return out
}

// Exclusion is a reason and how many rows it excluded.
type Exclusion struct {
	Reason string
	Count  int
}

// StatusCount returns the number of included people with status s.
func (c *Cohort) StatusCount(s int) int {
	n := 0
	for _, p := range c.People {
		if p.Status == s {
			n++
		}
	}
	return n
}

// SelectCohort applies the cohort definition to every row of the extract.
func SelectCohort(cfg *config.Config, r *Rules, ex *extract.Extract) (*Cohort, error) {
	tab := newTable(cfg, ex)
	c := &Cohort{Statuses: cfg.StatusNames(), Rows: ex.Rows, Excluded: map[string]int{}, table: tab}
	reason := make([]string, ex.Rows)
	markProblems(ex, reason)
	markDuplicates(cfg, ex, reason)
	row := tab.newRow()
	for i := 0; i < ex.Rows; i++ {
		if reason[i] != "" {
			continue
		}
		tab.fill(i, row)
		p, why := classify(r, row, i)
		if why != "" {
			reason[i] = why
			continue
		}
		c.People = append(c.People, p)
		c.DataDate = latest(c.DataDate, p.Exit, tab.latestDate(i))
		if c.FirstEntry.IsZero() || p.Entry.Before(c.FirstEntry) {
			c.FirstEntry = p.Entry
		}
	}
	for _, why := range reason {
		if why != "" {
			c.Excluded[why]++
		}
	}
	c.Strata = c.groupBy(cfg.Strata, func(p *Person, k int) { p.Stratum = k })
	c.mergeSmallStrata(cfg.Disclosure.Min(), cfg.Language)
	c.Clusters = c.groupBy(cfg.Cluster, func(p *Person, k int) { p.Cluster = k })
	return c, nil
}

// classify decides one row: included (with its dates and status) or why not.
func classify(r *Rules, row map[string]any, i int) (Person, string) {
	p := Person{Index: i, Stratum: -1, Cluster: -1}
	entry, ok := r.Entry.Date(row)
	if !ok {
		return p, ReasonNoEntry
	}
	exit, ok := r.Exit.Date(row)
	if !ok {
		return p, ReasonNoExit
	}
	if exit.Before(entry) {
		return p, ReasonExitBefore
	}
	p.Entry, p.Exit = entry, exit
	p.Weeks = exit.Sub(entry).Hours() / 24 / 7
	row["entry"], row["exit"] = entry, exit
	if in, ok := r.Include.Bool(row); !ok {
		return p, ReasonUndecided
	} else if !in {
		return p, ReasonInclude
	}
	p.Status = -1
	for s, rule := range r.Status {
		if v, ok := rule.Bool(row); ok && v {
			p.Status = s
			break
		}
	}
	if p.Status < 0 {
		return p, ReasonNoStatus
	}
	return p, ""
}

// markProblems excludes rows with a cell that could not be read.
func markProblems(ex *extract.Extract, reason []string) {
	for _, pr := range ex.Problems {
		if pr.Index >= 0 && pr.Index < len(reason) && reason[pr.Index] == "" {
			reason[pr.Index] = pr.Reason
		}
	}
}

// markDuplicates excludes every row whose id occurs more than once: both
// rows go, because neither can be trusted to be the right one.
func markDuplicates(cfg *config.Config, ex *extract.Extract, reason []string) {
	col := idColumn(cfg, ex)
	if col == nil {
		return
	}
	first := make(map[string]int, ex.Rows)
	for i, id := range col.Text {
		if col.Missing[i] || id == "" {
			if reason[i] == "" {
				reason[i] = ReasonMissingID
			}
			continue
		}
		if j, seen := first[id]; seen {
			reason[i] = ReasonDuplicate
			reason[j] = ReasonDuplicate
			continue
		}
		first[id] = i
	}
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
	values := map[string]bool{}
	for _, p := range c.People {
		values[c.table.text(field, p.Index)] = true
	}
	names := make([]string, 0, len(values))
	for v := range values {
		names = append(names, v)
	}
	collate.New(language.Danish).SortStrings(names)
	pos := make(map[string]int, len(names))
	for k, v := range names {
		pos[v] = k
	}
	for i := range c.People {
		set(&c.People[i], pos[c.table.text(field, c.People[i].Index)])
	}
	return names
}

func latest(ts ...time.Time) time.Time {
	var m time.Time
	for _, t := range ts {
		if t.After(m) {
			m = t
		}
	}
	return m
}
