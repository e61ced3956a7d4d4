package pipeline

import (
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/extract"
	"github.com/danish-eval/evaluate/pipeline/rules"
)

// fails is true, or fails on rows whose reason has no second 'e' (index
// out of range): a rule that stops the run on some rows only.
const fails = "split(reason, 'e')[2] != '#'"

// rare fails on about one row in 200: hours h and no second 'e' in reason.
func rare(h int) string { return fmt.Sprintf("(hours ?? 0) == %d && %s", h, fails) }

// TestColumnsMatchRows: SelectCohort and Measure, which run each rule over
// whole columns stage by stage, give the people, exclusions, indicators
// and first error that the row-by-row loop they replaced gave (oneByOne
// below, the loop as it was), with rules that have a plan, rules that run
// through expr, and rules that fail in different stages on different rows.
func TestColumnsMatchRows(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  map[string]string
	}{
		{"pva as bundled", nil},
		{"row-by-row rules that do not fail", map[string]string{"cohort.status.completed": "lower(reason) == 'gennemført'",
			"populations.some_hours": "hours / 2 > 1 || status == 'completed'", "measures.employment.among": "some_hours",
			"cohort.include": "start.Year() >= 2017"}},
		{"a status fails", map[string]string{"cohort.status.dropout": rare(28)}},
		{"include fails", map[string]string{"cohort.include": "weeks(entry, exit) > 40 && " + fails}},
		{"exit fails", map[string]string{"cohort.exit": rare(25) + " ? end : followup"}},
		{"include and status fail", map[string]string{"cohort.include": rare(27), "cohort.status.ongoing": rare(24)}},
		{"entry and status fail", map[string]string{"cohort.entry": rare(26) + " ? start : start", "cohort.status.completed": rare(24)}},
		{"a count fails", map[string]string{"measures.education.count": "hours > 1 && " + fails, "measures.education.among": "started"}},
		{"among and count fail", map[string]string{"populations.rare": rare(26) + " || true", "measures.employment.among": "rare",
			"measures.completion.count": rare(28), "measures.education.count": rare(24)}},
	} {
		var ov []config.Override
		for k, v := range tc.set {
			ov = append(ov, config.Override{Key: k, Value: v})
		}
		cfg, err := config.Load(filepath.Join("..", "data", "cohorts", "pva.yaml"), ov)
		if err != nil {
			t.Fatal(err)
		}
		r, err := CompileRules(cfg)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, n := range []int{1, 40, 3000} {
			for seed := range uint64(8) {
				sameAsRows(t, tc.name, cfg, r, benchExtract(cfg, n, seed))
			}
		}
	}
}

func sameAsRows(t *testing.T, name string, cfg *config.Config, r *Rules, ex *extract.Extract) {
	t.Helper()
	wantPeople, wantReason, wantCounts, wantErr := oneByOne(cfg, r, ex)
	c, err := SelectCohort(cfg, r, ex)
	var counts *Counts
	if err == nil {
		counts, err = Measure(cfg, r, c)
	}
	if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
		t.Errorf("%s, %d rows: error %v, row by row %v", name, ex.Rows, err, wantErr)
		return
	}
	if err != nil {
		return
	}
	excluded := map[results.Reason]int{}
	for _, why := range wantReason {
		if why != "" {
			excluded[why]++
		}
	}
	got := make([]Person, len(c.People))
	for k, p := range c.People {
		got[k] = p
		got[k].Stratum = -1
	}
	switch {
	case len(got)+len(wantPeople) > 0 && !reflect.DeepEqual(got, wantPeople):
		t.Errorf("%s, %d rows: people differ from row by row", name, ex.Rows)
	case !reflect.DeepEqual(c.Excluded, excluded):
		t.Errorf("%s, %d rows: excluded %v, row by row %v", name, ex.Rows, c.Excluded, excluded)
	case !reflect.DeepEqual(counts.Patterns, wantCounts.Patterns) || !reflect.DeepEqual(counts.Missing, wantCounts.Missing) ||
		!reflect.DeepEqual(counts.Undecided, wantCounts.Undecided):
		t.Errorf("%s, %d rows: indicators differ from row by row (missing %v, row by row %v)", name, ex.Rows, counts.Missing, wantCounts.Missing)
	}
}

// oneByOne is the loop SelectCohort and Measure ran before rules ran over
// columns: each row through every rule in turn, on a row map.
func oneByOne(cfg *config.Config, r *Rules, ex *extract.Extract) ([]Person, []results.Reason, *Counts, error) {
	tab := newTable(cfg, ex)
	reason := newReasons(ex.Rows)
	markProblems(ex, reason)
	if err := markDuplicates(cfg, r, tab, ex, reason); err != nil {
		return nil, nil, nil, err
	}
	var people []Person
	row := tab.newRow()
	for i := range ex.Rows {
		if reason.At(i) != "" {
			continue
		}
		tab.fill(i, row)
		p, why, err := classifyRow(r, row, i)
		if err != nil {
			return nil, nil, nil, rowError(err, ex, i)
		}
		if reason.set(i, why); why == "" {
			people = append(people, p)
		}
	}
	counts, err := measureRows(cfg, r, &Cohort{People: people, Statuses: cfg.StatusNames(), table: tab})
	return people, reasonList(reason), counts, err
}

func classifyRow(r *Rules, row map[string]any, i int) (Person, results.Reason, error) {
	p := Person{Index: int32(i), Stratum: -1, Cluster: -1}
	entry, ok, err := r.Entry.Date(row)
	if err != nil || !ok {
		return p, ReasonNoEntry, err
	}
	exit, ok, err := r.Exit.Date(row)
	if err != nil || !ok {
		return p, ReasonNoExit, err
	}
	if exit.Before(entry) {
		return p, ReasonExitBefore, nil
	}
	p.Entry, p.Exit = dayOf(entry), dayOf(exit)
	row["entry"], row["exit"] = entry, exit
	if in, ok, err := r.Include.Bool(row); err != nil || !ok {
		return p, ReasonUndecided, err
	} else if !in {
		return p, ReasonInclude, nil
	}
	p.Status = -1
	undecided := false
	for s, rule := range r.Status {
		v, ok, err := rule.Bool(row)
		if err != nil {
			return p, "", err
		}
		if ok && v {
			p.Status = int32(s)
			return p, "", nil
		}
		undecided = undecided || !ok
	}
	if undecided {
		return p, ReasonStatusMiss, nil
	}
	return p, ReasonNoStatus, nil
}

func measureRows(cfg *config.Config, r *Rules, c *Cohort) (*Counts, error) {
	specs := measureSpecs(cfg, r)
	out := &Counts{Patterns: make([]uint32, len(c.People)), Missing: make([]int, len(specs)), Undecided: make([]uint32, len(c.People))}
	row := c.table.newRow()
	for i, p := range c.People {
		c.table.fill(int(p.Index), row)
		row["status"] = c.Statuses[p.Status]
		row["entry"], row["exit"] = p.Entry, p.Exit
		exitTaken := false
		for j, s := range specs {
			in, err := inPopulationRow(c, s.among, s.amongRule, p, row)
			if err != nil {
				return nil, rowError(err, c.table.ex, int(p.Index))
			}
			if !in {
				continue
			}
			out.Patterns[i] |= Den(j)
			if s.kind == "exit" && exitTaken {
				continue
			}
			v, ok, err := s.count.Bool(row)
			if err != nil {
				return nil, rowError(err, c.table.ex, int(p.Index))
			}
			if !ok {
				out.Missing[j]++
				out.Undecided[i] |= 1 << j
			} else if v {
				out.Patterns[i] |= Num(j)
				exitTaken = exitTaken || s.kind == "exit"
			}
		}
	}
	return out, nil
}

func inPopulationRow(c *Cohort, among string, rule *rules.Rule, p Person, row map[string]any) (bool, error) {
	if rule != nil {
		v, ok, err := rule.Bool(row)
		return ok && v, err
	}
	switch among {
	case "started":
		return true, nil
	case "ended":
		return config.Ends(c.Statuses[p.Status]), nil
	}
	return c.Statuses[p.Status] == among, nil
}

// reasonList is every row's reason, in row order.
func reasonList(r *Reasons) []results.Reason {
	out := make([]results.Reason, 0, r.Len())
	for _, why := range r.All() {
		out = append(out, why)
	}
	return out
}
