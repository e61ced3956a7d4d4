package diff

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
)

// rowText is a row as the tests compare it: section|item|figure|A|B|note.
func rowText(r Row) string {
	a, b, _ := shown(r)
	return strings.Join([]string{r.Section, r.Item, r.Name, a, b, note(r)}, "|")
}

func TestCompare(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(r *results.Results)
		want   []string
	}{
		{"identical", func(*results.Results) {}, nil},
		{"a changed count", func(r *results.Results) {
			r.Measures[0].Count, r.Measures[0].Estimate = ip(19), fp(19.0/148)
		}, []string{"measures|employment|count|34|19|", "measures|employment|estimate|0.2297|0.1284|"}},
		{"a flow count", func(r *results.Results) {
			r.Flow.Excluded[0].Count, r.Flow.Included = 2, 193
			r.Flow.Status[1].Count = ip(45)
		}, []string{"flow|excluded: duplicate id|count|0|2|", "flow|status dropout|count|47|45|", "flow|included|count|195|193|"}},
		{"suppressed in B", func(r *results.Results) {
			m := &r.Measures[1]
			m.Count, m.Estimate, m.Intervals, m.Suppressed = nil, nil, nil, true
		}, []string{"measures|education|count|24|..|suppressed in B", "measures|education|estimate|0.1622|..|suppressed in B",
			"measures|education|bca low|0.1|..|suppressed in B", "measures|education|bca high|0.23|..|suppressed in B",
			"measures|education|wilson low|0.11|..|suppressed in B", "measures|education|wilson high|0.23|..|suppressed in B"}},
		{"shown in B", func(r *results.Results) {
			r.Retention.Points[0].NEvent = ip(10)
		}, []string{"retention|t = 4 weeks|events|..|10|suppressed in A"}},
		// The same tiny move is noise for a bootstrap bound (SE ≈ 0.0009
		// at this width and B) and a change for an exact one.
		{"within Monte-Carlo error", func(r *results.Results) {
			*r.Measures[0].Intervals[0].Low += 0.0001
			*r.Measures[0].Intervals[1].Low += 0.0001
		}, []string{"measures|employment|bca low|0.1655|0.1656|within Monte-Carlo error", "measures|employment|wilson low|0.1693|0.1694|"}},
		// One step of a share of 148 is how far a bound of a share of 148
		// jumps with another seed; the estimate's step is a real change.
		{"one grid step", func(r *results.Results) {
			*r.Measures[0].Intervals[0].Low += 1.0 / 148
			*r.Measures[0].Intervals[1].Low += 1.0 / 148
		}, []string{"measures|employment|bca low|0.1655|0.1723|within Monte-Carlo error", "measures|employment|wilson low|0.1693|0.1761|"}},
		{"two grid steps", func(r *results.Results) {
			*r.Measures[0].Intervals[0].Low += 2.0 / 148
		}, []string{"measures|employment|bca low|0.1655|0.179|"}},
		{"retention times", func(r *results.Results) {
			r.Retention.Points[1].T = 26
		}, []string{"retention|t = 13 weeks|at risk|170|absent|only in A", "retention|t = 13 weeks|events|20|absent|only in A",
			"retention|t = 13 weeks|estimate|0.9|absent|only in A", "retention|t = 13 weeks|low|0.85|absent|only in A",
			"retention|t = 13 weeks|high|0.94|absent|only in A", "retention|t = 26 weeks|at risk|absent|170|only in B",
			"retention|t = 26 weeks|events|absent|20|only in B", "retention|t = 26 weeks|estimate|absent|0.9|only in B",
			"retention|t = 26 weeks|low|absent|0.85|only in B", "retention|t = 26 weeks|high|absent|0.94|only in B"}},
		{"variant definition", func(r *results.Results) {
			r.Sensitivity[0].Set = []string{"measures.employment.count = hours >= 20"}
		}, []string{`sensitivity "10 hours"||definition|employment: count = hours >= 10|employment: count = hours >= 20|`}},
		{"a notice", func(r *results.Results) {
			r.Flow.Notices = []results.Notice{{Kind: results.NoticeUnmatched, Field: "reason", Count: 3}}
		}, []string{"flow|notice unmatched reason|rows|absent|3|only in B"}},
		{"language", func(r *results.Results) {
			r.Cohort.Language, r.Measures[1].Label = "en", "Education"
		}, []string{"cohort||language|da|en|", "measures|education|label|education|Education|"}},
		{"cohort id", func(r *results.Results) { r.Cohort.ID = "pva2" }, []string{"cohort||id|pva|pva2|"}},
		{"target", func(r *results.Results) {
			r.Measures[0].Target.Verdict, r.Measures[0].Target.PMet = "met", fp(0.8101)
		}, []string{"measures|employment|target verdict|uncertain|met|", "measures|employment|P(target met)|0.81|0.8101|within Monte-Carlo error"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := fixture()
			b := clone(t, a)
			c.change(b)
			d := Compare(single(a), single(b))
			var got []string
			for _, r := range d.Rows {
				got = append(got, rowText(r))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// Rows run from the largest relative change down; a figure that appears,
// disappears or changes text comes first; ties keep results.json's order.
func TestCompareOrder(t *testing.T) {
	a := fixture()
	b := clone(t, a)
	b.Flow.RowsRead = 200                  // +2.5 %
	b.Measures[1].Count = ip(12)           // −50 %
	b.ByStratum[0].N = nil                 // suppressed: first
	*b.Measures[0].Intervals[1].High = 0.6 // +49 %
	d := Compare(single(a), single(b))
	var got []string
	for _, r := range d.Rows {
		got = append(got, r.Section+" "+r.Item+" "+r.Name+fmt.Sprintf(" %.3f", r.Size))
	}
	want := []string{"stratum Næstved  n +Inf", "measures education count 0.500", "measures employment wilson high 0.494", "flow rows read count 0.025"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("order:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if d.Rows[1].Change == nil || *d.Rows[1].Change != -12 {
		t.Errorf("change %v, want −12", d.Rows[1].Change)
	}
	if math.IsInf(d.Rows[3].Size, 0) || d.Rows[3].WithinMC {
		t.Errorf("rows read: %+v", d.Rows[3])
	}
}

// Out folders are matched by cohort id; a cohort on one side only is
// stated as a row, and the others are compared.
func TestCompareFolders(t *testing.T) {
	pva, jeps := fixture(), fixture()
	jeps.Cohort.ID = "jeps"
	pva2 := clone(t, pva)
	pva2.Flow.RowsRead = 196
	a := Side{Folder: true, Cohorts: []Cohort{{ID: "jeps", Results: jeps}, {ID: "pva", Results: pva}}}
	b := Side{Folder: true, Cohorts: []Cohort{{ID: "pva", Results: pva2}, {ID: "roskilde", Results: fixture()}}}
	d := Compare(a, b)
	var got []string
	for _, r := range d.Rows {
		got = append(got, r.Cohort+"|"+rowText(r))
	}
	want := []string{"jeps|cohort||results|present|absent|only in A", "roskilde|cohort||results|absent|present|only in B", "pva|flow|rows read|count|195|196|"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") || !d.Multi {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A further strata field's groups are compared like the first field's.
func TestCompareByStrata(t *testing.T) {
	a := fixture()
	a.ByStrata = []results.StrataField{{Field: "gender", Strata: []results.StratumResult{{Stratum: "kvinde", N: ip(90),
		Measures: []results.Measure{share("employment", 20, 70, [2]float64{0.19, 0.38}, [2]float64{0.19, 0.38})}}}}}
	b := clone(t, a)
	b.ByStrata[0].Strata[0].N = ip(91)
	var got []string
	for _, r := range Compare(single(a), single(b)).Rows {
		got = append(got, r.Section+" "+r.Name)
	}
	if strings.Join(got, ";") != "gender kvinde n" {
		t.Errorf("rows %q, want the group's n", got)
	}
}
