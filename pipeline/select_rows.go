package pipeline

import (
	"slices"
	"sort"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/rules"
)

// stages runs rules over whole columns, one rule at a time, yet stops
// where running them row by row, each row through every rule in turn,
// would have stopped: at the first row any rule fails on, with that rule's
// error. A failure at row r means no later rule need look at r or beyond
// (they would not have been reached), while rows before r still go
// through every rule, since one of them may fail earlier still.
type stages struct {
	frame rules.Frame
	limit int // rows from here on are not decided
	err   error
	res   rules.Result
}

func newStages(f rules.Frame, rows int) *stages {
	return &stages{frame: f, limit: rows}
}

// run evaluates rule on rows (increasing) and returns the rows it decided,
// those before the limit; s.res holds its values for them.
func (s *stages) run(rule *rules.Rule, rows []int) []int {
	rows = s.before(rows)
	k, err := rule.Run(s.frame, rows, &s.res)
	if err != nil {
		s.limit, s.err = rows[k], err
		rows = rows[:k]
	}
	return rows
}

// before cuts rows (increasing) at the limit.
func (s *stages) before(rows []int) []int {
	return rows[:sort.SearchInts(rows, s.limit)]
}

// dateColumn is a computed date field, missing until set.
func dateColumn(n int) *rules.Column {
	c := &rules.Column{Kind: rules.Date, Days: make([]int32, n), Missing: make([]bool, n)}
	for i := range c.Missing {
		c.Days[i], c.Missing[i] = rules.NoDay, true
	}
	return c
}

// decideRows decides the rows (increasing) that passed the checks on
// their cells: included, with dates and status, or excluded with a reason.
// The rules run in the order a row meets them: entry, exit, include, each
// status rule until one matches.
func decideRows(r *Rules, tab *table, rows []int, reason []results.Reason) ([]Person, error) {
	st := newStages(tab.frame(), tab.ex.Rows)
	return decideDated(st, r, tab, datedRows(st, r, rows, reason), reason)
}

// datedRows runs the entry and exit rules on rows (increasing): a row
// without either, or leaving before it entered, is excluded.
func datedRows(st *stages, r *Rules, rows []int, reason []results.Reason) dated {
	d := dated{rows: st.run(r.Entry, rows)}
	d.entry, st.res.Days = st.res.Days, nil // kept: the next rule gets its own
	d.keep(func(k int) results.Reason { return missingIf(!st.res.OK[k], ReasonNoEntry) }, reason)
	d.rows = st.run(r.Exit, d.rows)
	d.exit, st.res.Days = st.res.Days, nil
	d.keep(func(k int) results.Reason {
		switch {
		case !st.res.OK[k]:
			return ReasonNoExit
		case d.exit[k] < d.entry[k]:
			return ReasonExitBefore
		}
		return ""
	}, reason)
	return d
}

// decideDated runs the include and status rules on dated rows and makes
// a person of each row they keep.
func decideDated(st *stages, r *Rules, tab *table, d dated, reason []results.Reason) ([]Person, error) {
	if readsDates(append([]*rules.Rule{r.Include}, r.Status...)) {
		st.frame = with(st.frame, d.columns(tab.ex.Rows))
	}
	d.rows = st.run(r.Include, d.rows)
	d.keep(func(k int) results.Reason {
		switch {
		case !st.res.OK[k]:
			return ReasonUndecided
		case !st.res.Bool[k]:
			return ReasonInclude
		}
		return ""
	}, reason)
	status := statuses(st, r.Status, d.rows, reason)
	if st.err != nil {
		return nil, rowError(st.err, tab.ex, st.limit)
	}
	people := make([]Person, 0, len(d.rows))
	for k, i := range d.rows {
		if status[i] >= 0 {
			people = append(people, Person{Index: int32(i), Status: status[i], Entry: Day(d.entry[k]), Exit: Day(d.exit[k]),
				Stratum: -1, Cluster: -1})
		}
	}
	return people, nil
}

// dated is rows (increasing) with their entry and exit days (as
// rules.Column.Days), side by side (exit only once the exit rule has run).
type dated struct {
	rows        []int
	entry, exit []int32
}

// keep filters d in place: position k goes, excluded for why(k), unless
// that is "". Positions past the last the rule decided (len(d.rows)) go
// without a reason: a rule failed before them.
func (d *dated) keep(why func(k int) results.Reason, reason []results.Reason) {
	n := 0
	for k, i := range d.rows {
		if w := why(k); w != "" {
			reason[i] = w
			continue
		}
		if n < k { // nothing moves until a row has gone
			d.rows[n], d.entry[n] = i, d.entry[k]
			if d.exit != nil {
				d.exit[n] = d.exit[k]
			}
		}
		n++
	}
	d.rows, d.entry = d.rows[:n], d.entry[:n]
	if d.exit != nil {
		d.exit = d.exit[:n]
	}
}

// columns gives entry and exit as columns by row, for rules that read them.
func (d *dated) columns(n int) map[string]*rules.Column {
	entry, exit := dateColumn(n), dateColumn(n)
	for k, i := range d.rows {
		entry.Days[i], entry.Missing[i] = d.entry[k], false
		exit.Days[i], exit.Missing[i] = d.exit[k], false
	}
	return map[string]*rules.Column{"entry": entry, "exit": exit}
}

// readsDates reports whether any of the rules reads entry or exit, or
// runs row by row (its row holds every field).
func readsDates(rs []*rules.Rule) bool {
	for _, r := range rs {
		if !r.Planned() || slices.Contains(r.Fields, "entry") || slices.Contains(r.Fields, "exit") {
			return true
		}
	}
	return false
}

func missingIf(missing bool, why results.Reason) results.Reason {
	if missing {
		return why
	}
	return ""
}

// statuses gives each row the first status rule that is true for it (-1:
// none); a row none matches is excluded, as undecided if a rule was
// missing for it.
func statuses(st *stages, status []*rules.Rule, rows []int, reason []results.Reason) []int32 {
	out := make([]int32, len(reason))
	undecided := make([]bool, len(reason))
	for _, i := range rows {
		out[i] = -1
	}
	pending := append([]int(nil), rows...) // filtered in place below
	for s, rule := range status {
		decided := st.run(rule, pending)
		next := pending[:0]
		for k, i := range decided {
			if st.res.OK[k] && st.res.Bool[k] {
				out[i] = int32(s)
				continue
			}
			undecided[i] = undecided[i] || !st.res.OK[k]
			next = append(next, i)
		}
		pending = next
	}
	for _, i := range st.before(pending) {
		if undecided[i] {
			reason[i] = ReasonStatusMiss
		} else {
			reason[i] = ReasonNoStatus
		}
	}
	return out
}
