package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// pubStrataField is one further strata field in results.json (by_strata).
type pubStrataField struct {
	Field  string `json:"field"`
	Strata []struct {
		Stratum  string       `json:"stratum"`
		N        *int         `json:"n"`
		Measures []pubMeasure `json:"measures"`
	} `json:"strata"`
	Retention []struct {
		Points []pubPoint `json:"points"`
	} `json:"retention"`
}

// byStrata adds each further field's groups as the first field's: their
// sizes add up to the included, each measure's counts and denominators to
// the pooled ones, and their risk tables to the total table at each time —
// the same totals the first field's parts add up to, so the attacker
// subtracts across the two partitions as well as within each.
func (a *attacker) byStrata(r *published) {
	for _, f := range r.ByStrata {
		var sizes []int
		nums := make([][]int, len(r.Measures))
		dens := make([][]int, len(r.Measures))
		for _, st := range f.Strata {
			n := a.slot(fmt.Sprintf("%s %s", f.Field, st.Stratum), st.N, a.hiddenLo(r))
			sizes = append(sizes, n)
			for j, m := range st.Measures {
				num, den := a.share(fmt.Sprintf("%s in %s %s", m.ID, f.Field, st.Stratum), m)
				nums[j], dens[j] = append(nums[j], num), append(dens[j], den)
				if m.Among == "started" {
					a.sum(n, den)
				}
			}
		}
		a.sum(a.byName["included"], sizes...)
		for j, m := range r.Measures {
			a.sum(a.byName["measure "+m.ID+" count"], nums[j]...)
			a.sum(a.byName["measure "+m.ID+" denominator"], dens[j]...)
		}
		a.fieldRiskTables(r, f, sizes)
	}
}

// fieldRiskTables adds a field's risk tables, each group's against its
// size, and their sums against the total table.
func (a *attacker) fieldRiskTables(r *published, f pubStrataField, sizes []int) {
	if r.Retention == nil || len(f.Retention) == 0 {
		return
	}
	var total [][]int
	for k := range r.Retention.Points {
		total = append(total, []int{a.byName[fmt.Sprintf("at risk at time %d", k)]}, []int{a.byName[fmt.Sprintf("exits by time %d", k)]})
	}
	for s, st := range f.Retention {
		where := fmt.Sprintf(" in %s group %d", f.Field, s)
		cells := a.riskTable(r, where, sizes[s], st.Points, nil)
		for k := range cells {
			total[k] = append(total[k], cells[k][0])
		}
	}
	for _, rel := range total {
		a.sum(rel[0], rel[1:]...)
	}
}

// nestedGroupsCohort writes a cohort split by site and by a group field
// where group x lies within site B, all but 3 of B's 43 people: a reader
// who knows that (the scheme x runs only at site B) subtracts x's
// published figures from B's to get those 3 people.
func nestedGroupsCohort(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var csv strings.Builder
	csv.WriteString("id;sted;gruppe;start;slut;årsag\n")
	for i := range 93 {
		site, group := "A", "y"
		switch {
		case i >= 50 && i < 90:
			site, group = "B", "x"
		case i >= 90:
			site = "B"
		}
		reason := "gennemført"
		if i%4 == 3 && i < 90 {
			reason = "afbrudt"
		}
		fmt.Fprintf(&csv, "%d;%s;%s;%02d-01-2019;%d;%s\n", i+1, site, group, 1+i%28, 30+(i*37)%300, reason)
	}
	if err := os.WriteFile(filepath.Join(dir, "x.csv"), []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	yaml := `id: x
source: {file: x.csv}
columns:
  id: {header: id, type: id}
  site: {header: sted, type: text}
  group: {header: gruppe, type: text}
  start: {header: start, type: date}
  days: {header: slut, type: number}
  reason: {header: årsag, type: text}
cohort:
  exit: "start + duration(string(int(days) * 24) + 'h')"
  status:
    completed: "reason == 'gennemført'"
    dropout: "reason == 'afbrudt'"
measures:
  - {id: completion, count: "status == 'completed'"}
retention: {event: dropout, competing: [], times: [4, 13, 26, 52]}
strata: [site, group]
labels: {group: {da: gruppe, en: group}}
bootstrap: {replicates: 99}
`
	path := filepath.Join(dir, "x.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// knowXInB tells the attacker that group x lies within site B: B's size,
// each measure's count and denominator, and each risk-table cell are x's
// plus those of B's people outside x.
func knowXInB(a *attacker, r *published) {
	pairs := [][2]string{{"stratum B", "group x"}}
	for _, m := range r.Measures {
		for _, part := range []string{"count", "denominator"} {
			pairs = append(pairs, [2]string{m.ID + " in B " + part, m.ID + " in group x " + part})
		}
	}
	for _, p := range pairs {
		whole, ok1 := a.byName[p[0]]
		part, ok2 := a.byName[p[1]]
		if !ok1 || !ok2 {
			panic(fmt.Sprintf("no published %q or %q", p[0], p[1]))
		}
		rest := a.unknown(p[0] + " outside x")
		a.sum(whole, part, rest)
		a.diff(p[0]+" outside x", []int{whole}, []int{part})
	}
}

// Across two strata fields: with group x inside site B, the 3 people of B
// outside x can be had by subtracting x's figures (second field) from B's
// (first field). Protected in one ledger, the attacker who knows x ⊂ B
// finds nothing; each field protected on its own, as if it were the only
// strata, and the two published side by side, it finds them — so the test
// can fail. The bundled cohorts with two fields are attacked too.
func TestAttackAcrossStrataFields(t *testing.T) {
	path := nestedGroupsCohort(t)
	joint := analyseFile(t, path)
	if len(joint.ByStrata) != 1 || len(joint.ByStrata[0].Strata) != 2 {
		t.Fatalf("by_strata %+v", joint.ByStrata)
	}
	if found := attackKnowingResults(t, joint, knowXInB); len(found) > 0 {
		t.Errorf("one ledger: the attacker found %v", found)
	}
	alone := analyseFile(t, path, config.Override{Key: "strata", Value: "site"})
	second := analyseFile(t, path, config.Override{Key: "strata", Value: "group"})
	alone.ByStrata = []results.StrataField{{Field: "group", Strata: second.ByStratum, Retention: second.Retention.ByStratum}}
	if found := attackKnowingResults(t, alone, knowXInB); len(found) == 0 {
		t.Error("each field protected on its own: the attacker found nothing")
	}
	for _, tc := range []struct{ path, strata string }{
		{"../data/cohorts/jeps.yaml", "[centre, gender]"}, {"../data/cohorts/pva.yaml", "[site, sex]"},
		{"../data/cohorts/roskilde.yaml", "[area, sex, age]"}, {"../data/cohorts/jeps.yaml", "[gender, centre, age, benefit]"},
		// One banded field: describe's empty rows, printed ".." in pass one
		// as part of a hidden measure, once hid every zero of the tables
		// of who took part, so a small row could be had from its group's
		// size (sex in 18–29: 2).
		{"../data/cohorts/roskilde.yaml", "age"},
	} {
		r := analyseFile(t, tc.path, config.Override{Key: "strata", Value: tc.strata})
		if found := attackResults(t, r); len(found) > 0 {
			t.Errorf("%s strata %s: the attacker found %v", tc.path, tc.strata, found)
		}
	}
}

func attackKnowingResults(t *testing.T, r *results.Results, know func(*attacker, *published)) []string {
	t.Helper()
	js, err := results.EncodeJSON(r)
	if err != nil {
		t.Fatal(err)
	}
	found, err := attackKnowing(js, know)
	if err != nil {
		t.Fatal(err)
	}
	return found
}
