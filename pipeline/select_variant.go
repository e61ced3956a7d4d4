package pipeline

import (
	"reflect"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/extract"
)

// sameDating reports whether two configs read the same extract and check
// its rows the same way up to the entry and exit rules: the cell checks,
// duplicates, entry and exit. A variant that changes only what follows
// (cohort.include, cohort.status, cohort.unmatched, strata …) can then
// start from the main selection (reselect).
func sameDating(a, b *config.Config) bool {
	return a.Source == b.Source && reflect.DeepEqual(a.Columns, b.Columns) && a.Cohort.Entry == b.Cohort.Entry &&
		a.Cohort.Exit == b.Cohort.Exit && a.Cohort.Duplicates == b.Cohort.Duplicates
}

// reselect is SelectCohort for a config that dates rows as main's did
// (sameDating), from the same extract. The rows main excluded before its
// include rule stay excluded for the same reasons; main's people keep
// their dates; only the rows main's include, status or saved bound
// excluded go through the entry and exit rules again. Then the include
// and status rules decide all of them, as SelectCohort would.
func reselect(cfg *config.Config, r *Rules, ex *extract.Extract, main *Cohort) (*Cohort, error) {
	tab := newTable(cfg, ex)
	reason := main.Reasons.clone()
	var others []int32
	for i, why := range reason.All() {
		if decidedAfterDates(why) {
			reason.set(i, "")
			others = append(others, int32(i))
		}
	}
	st := newStages(tab.frame(), ex.Rows)
	od := datedRows(st, r, others, reason)
	if st.err != nil || len(od.rows) != len(others) { // cannot happen: the rules passed these rows in main
		return SelectCohort(cfg, r, ex)
	}
	people, err := decideDated(st, r, tab, mergeDated(main.People, od), reason)
	if err != nil {
		return nil, err
	}
	return finishSelection(cfg, r, ex, tab, people, reason, main.saved)
}

// decidedAfterDates is whether a row excluded for why had passed the
// entry and exit rules.
func decidedAfterDates(why results.Reason) bool {
	switch why {
	case ReasonInclude, ReasonUndecided, ReasonNoStatus, ReasonStatusMiss, ReasonAfterSaved:
		return true
	}
	return false
}

// mergeDated puts people (in row order) and other dated rows together in
// row order.
func mergeDated(people []Person, o dated) dated {
	n := len(people) + len(o.rows)
	d := dated{rows: make([]int32, 0, n), entry: make([]int32, 0, n), exit: make([]int32, 0, n)}
	k := 0
	for i := range people {
		p := &people[i]
		for ; k < len(o.rows) && o.rows[k] < p.Index; k++ {
			d.rows, d.entry, d.exit = append(d.rows, o.rows[k]), append(d.entry, o.entry[k]), append(d.exit, o.exit[k])
		}
		d.rows, d.entry, d.exit = append(d.rows, p.Index), append(d.entry, int32(p.Entry)), append(d.exit, int32(p.Exit))
	}
	d.rows, d.entry, d.exit = append(d.rows, o.rows[k:]...), append(d.entry, o.entry[k:]...), append(d.exit, o.exit[k:]...)
	return d
}
