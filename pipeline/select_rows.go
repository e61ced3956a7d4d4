package pipeline

import (
	"math"
	"slices"

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
func (s *stages) run(rule *rules.Rule, rows []int32) []int32 {
	rows = s.before(rows)
	k, err := rule.Run(s.frame, rows, &s.res)
	if err != nil {
		s.limit, s.err = int(rows[k]), err
		rows = rows[:k]
	}
	return rows
}

// before cuts rows (increasing) at the limit.
func (s *stages) before(rows []int32) []int32 {
	k, _ := slices.BinarySearch(rows, int32(min(s.limit, math.MaxInt32)))
	return rows[:k]
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
func decideRows(r *Rules, tab *table, rows []int32, reason *Reasons) ([]Person, error) {
	st := newStages(tab.frame(), tab.ex.Rows)
	return decideDated(st, r, tab, datedRows(st, r, rows, reason), reason)
}

// datedRows runs the entry and exit rules on rows (increasing): a row
// without either, or leaving before it entered, is excluded.
func datedRows(st *stages, r *Rules, rows []int32, reason *Reasons) dated {
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
func decideDated(st *stages, r *Rules, tab *table, d dated, reason *Reasons) ([]Person, error) {
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
	people := make([]Person, len(d.rows)) // the only copy: statuses filters it in place
	for k, i := range d.rows {
		people[k] = Person{Index: i, Status: noStatus, Entry: Day(d.entry[k]), Exit: Day(d.exit[k]), Stratum: -1, Cluster: -1}
	}
	people = statuses(st, r.Status, people, d.rows, reason)
	if st.err != nil {
		return nil, rowError(st.err, tab.ex, st.limit)
	}
	return people, nil
}

// dated is rows (increasing) with their entry and exit days (as
// rules.Column.Days), side by side (exit only once the exit rule has run).
type dated struct {
	rows        []int32
	entry, exit []int32
}

// keep filters d in place: position k goes, excluded for why(k), unless
// that is "". Positions past the last the rule decided (len(d.rows)) go
// without a reason: a rule failed before them.
func (d *dated) keep(why func(k int) results.Reason, reason *Reasons) {
	n := 0
	for k, i := range d.rows {
		if w := why(k); w != "" {
			reason.set(int(i), w)
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

// A person's Status while the status rules run: none has matched yet, and
// (undecided) one was missing for them.
const (
	noStatus  = -1
	undecided = -2
)

// statuses gives each person the first status rule that is true for them
// and keeps those one is true for (in place); a person none matches is
// excluded, as undecided if a rule was missing for them. rows are the
// people's rows, filtered in place as the people still pending.
func statuses(st *stages, status []*rules.Rule, people []Person, rows []int32, reason *Reasons) []Person {
	pending := rows
	for s, rule := range status {
		decided := st.run(rule, pending)
		next, k := pending[:0], 0 // k: the position in people of row i
		for n, i := range decided {
			for people[k].Index != i {
				k++
			}
			switch {
			case st.res.OK[n] && st.res.Bool[n]:
				people[k].Status = int32(s)
				continue
			case !st.res.OK[n]:
				people[k].Status = undecided
			}
			next = append(next, i)
		}
		pending = next
	}
	n := 0
	for _, p := range people {
		switch {
		case p.Status >= 0:
			people[n] = p
			n++
		case int(p.Index) >= st.limit: // not decided: a rule failed on an earlier row
		case p.Status == undecided:
			reason.set(int(p.Index), ReasonStatusMiss)
		default:
			reason.set(int(p.Index), ReasonNoStatus)
		}
	}
	return people[:n]
}
