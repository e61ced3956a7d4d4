package pipeline

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// siteGroup is how many people of one site and group, and how many of
// them have a job.
type siteGroup struct {
	site     string
	n, jobs  int
	finished bool
}

// comparisonCSV writes people of the given site groups, one row each.
func comparisonCSV(prefix string, groups []siteGroup) string {
	var b strings.Builder
	b.WriteString("id;start;end;site;job\n")
	k := 0
	for _, g := range groups {
		for i := range g.n {
			k++
			end := ""
			if g.finished && i%2 == 0 {
				end = "2020-06-01"
			}
			fmt.Fprintf(&b, "%s%d;2020-01-%02d;%s;%s;%v\n", prefix, k, 1+i%28, end, g.site, i < g.jobs)
		}
	}
	return b.String()
}

// comparisonCohort runs the pipeline with a comparison group from a
// second CSV: participants and comparison people in two sites.
func comparisonCohort(t *testing.T, part, comp []siteGroup, extra string, overrides ...config.Override) *results.Results {
	t.Helper()
	dir := t.TempDir()
	for name, csv := range map[string]string{"p.csv": comparisonCSV("P", part), "c.csv": comparisonCSV("C", comp)} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(csv), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	yaml := `id: x
source: {file: p.csv}
columns:
  id: {header: id, type: id}
  start: {header: start, type: date}
  end: {header: end, type: date, optional: true}
  site: {header: site, type: text}
  job: {header: job, type: bool}
cohort:
  exit: "end ?? date('2020-12-31')"
  status:
    completed: "end != nil"
    ongoing: "true"
measures:
  - {id: completion, count: "status == 'completed'"}
  - {id: job, count: "job"}
bootstrap: {replicates: 199, methods: [percentile]}
comparison: {source: {file: c.csv}, covariates: [site]` + extra + `}
`
	path := filepath.Join(dir, "x.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return analyseFile(t, path, overrides...)
}

// In site A half the participants and 40 % of the comparison have a job,
// in site B half and 10 %; participants are mostly in A, the comparison
// mostly in B. The effect on the participants is 0.5 − (0.8·0.4 + 0.2·0.1)
// = 0.16 exactly under weights that balance the site (a saturated
// propensity model or exact matching), while the unadjusted difference is
// 0.5 − 25/130 ≈ 0.308.
func TestComparisonKnownEffect(t *testing.T) {
	part := []siteGroup{{"A", 40, 20, true}, {"B", 10, 5, true}}
	comp := []siteGroup{{"A", 40, 16, false}, {"B", 90, 9, false}}
	for _, method := range []string{"ipw", "cem", "nearest"} {
		t.Run(method, func(t *testing.T) {
			r := comparisonCohort(t, part, comp, ", method: "+method)
			c := r.Comparison
			if c == nil || len(r.Effects) != 2 {
				t.Fatalf("comparison %+v", c)
			}
			if r.Effects[0].Note != results.NoteStatus || r.Effects[0].Difference != nil {
				t.Errorf("completion has an effect: %+v", r.Effects[0])
			}
			e := r.Effects[1]
			if e.Difference == nil || math.Abs(*e.Difference-0.16) > 1e-9 || math.Abs(*e.Comparison.Estimate-0.34) > 1e-9 {
				t.Fatalf("job effect %+v, want 0.16 (comparison 0.34)", e)
			}
			if p := e.Participants; *p.Count != 25 || *p.Denominator != 50 || *p.Estimate != 0.5 || *e.Comparison.N != 130 {
				t.Errorf("participants %+v, comparison %+v", p, e.Comparison)
			}
			iv := e.Intervals[0]
			if iv.Low == nil || *iv.Low > 0.16 || *iv.High < 0.16 {
				t.Errorf("interval %+v does not cover 0.16", iv)
			}
			if *c.Participants != 50 || *c.People != 130 || c.Imbalanced {
				t.Errorf("n %d/%d, imbalanced %v", *c.Participants, *c.People, c.Imbalanced)
			}
			for _, b := range r.Balance {
				if math.Abs(*b.SMDAfter) > 1e-6 || math.Abs(*b.SMDBefore) < 0.5 {
					t.Errorf("balance %s: SMD %v before, %v after", b.Covariate, *b.SMDBefore, *b.SMDAfter)
				}
			}
		})
	}
}

// A comparison group of 4 people: its size is a flow total, shown as the
// participants' is, but every effect is hidden (its comparison base is
// below min_cell), whatever the outcome cells.
func TestComparisonSmallGroupHidden(t *testing.T) {
	part := []siteGroup{{"A", 30, 15, true}, {"B", 20, 5, true}}
	for _, comp := range [][]siteGroup{{{"A", 2, 1, false}, {"B", 2, 0, false}}, {{"A", 2, 0, false}, {"B", 2, 0, false}}} {
		r := comparisonCohort(t, part, comp, "")
		if c := r.Comparison; c.People == nil || *c.People != 4 {
			t.Errorf("comparison count %v, want 4 (a flow total)", c.People)
		}
		e := r.Effects[1]
		if e.Note != results.NoteSuppressed || e.Comparison.Estimate != nil || e.Difference != nil || e.Intervals != nil {
			t.Errorf("effect published: %+v", e)
		}
	}
}

// A comparison group where only 2 have the outcome: the weighted share
// could point at them, so the effect is hidden, though both bases are large.
func TestComparisonSmallOutcomeCellHidden(t *testing.T) {
	part := []siteGroup{{"A", 30, 15, true}, {"B", 20, 5, true}}
	comp := []siteGroup{{"A", 30, 2, false}, {"B", 30, 0, false}}
	e := comparisonCohort(t, part, comp, "").Effects[1]
	if e.Note != results.NoteSuppressed {
		t.Errorf("effect published: %+v", e)
	}
}

func TestComparisonErrors(t *testing.T) {
	dir := t.TempDir()
	csv := "id;start;end\nP1;2020-01-01;\n"
	if err := os.WriteFile(filepath.Join(dir, "p.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	yaml := `id: x
source: {file: p.csv}
columns:
  start: {header: start, type: date}
  end: {header: end, type: date, optional: true}
cohort: {exit: "date('2020-12-31')", status: {ongoing: "true"}}
measures: [{id: m, count: "end != nil"}]
comparison: {source: {file: missing.csv}, covariates: [start]}
`
	path := filepath.Join(dir, "x.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadConfig(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = analyse(&timer{}, cfg, Options{Workers: 1})
	if err == nil || !strings.Contains(err.Error(), "comparison.source") || !strings.Contains(err.Error(), "not found") {
		t.Errorf("error %v, want the comparison source named as not found", err)
	}
}

// comparison.group splits one extract: the participants' analysis keeps
// only the rows where it is true, the comparison group is the rest, and
// the effect is the one of TestComparisonKnownEffect.
func TestComparisonGroupSplit(t *testing.T) {
	dir := t.TempDir()
	part := comparisonCSV("P", []siteGroup{{"A", 40, 20, true}, {"B", 10, 5, true}})
	comp := comparisonCSV("C", []siteGroup{{"A", 40, 16, false}, {"B", 90, 9, false}})
	_, compRows, _ := strings.Cut(comp, "\n")
	csv := strings.ReplaceAll(part, "\n", ";ja\n")
	csv = strings.Replace(csv, "job;ja\n", "job;deltager\n", 1) + strings.ReplaceAll(compRows, "\n", ";nej\n")
	if err := os.WriteFile(filepath.Join(dir, "x.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	yaml := `id: x
source: {file: x.csv}
columns:
  id: {header: id, type: id}
  start: {header: start, type: date}
  end: {header: end, type: date, optional: true}
  site: {header: site, type: text}
  job: {header: job, type: bool}
  took_part: {header: deltager, type: bool}
cohort:
  exit: "end ?? date('2020-12-31')"
  status: {completed: "end != nil", ongoing: "true"}
measures: [{id: job, count: "job"}]
bootstrap: {replicates: 99, methods: [percentile]}
comparison: {group: "took_part", covariates: [site], method: cem}
`
	path := filepath.Join(dir, "x.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	r := analyseFile(t, path)
	if r.Flow.Included != 50 || *r.Comparison.People != 130 {
		t.Fatalf("included %d, comparison %v; want 50 and 130", r.Flow.Included, r.Comparison.People)
	}
	if d := r.Effects[0].Difference; d == nil || math.Abs(*d-0.16) > 1e-9 {
		t.Errorf("difference %v, want 0.16", d)
	}
}

// Every measure among a programme status: no effect, but the balance is
// still reported (no bootstrap of nothing).
func TestComparisonNoMeasureComparable(t *testing.T) {
	part := []siteGroup{{"A", 40, 20, true}, {"B", 10, 5, true}}
	comp := []siteGroup{{"A", 40, 16, false}, {"B", 90, 9, false}}
	r := comparisonCohort(t, part, comp, "", config.Override{Key: "measures.job.among", Value: "completed"})
	for _, e := range r.Effects {
		if e.Note != results.NoteStatus {
			t.Errorf("%s: %+v, want no effect", e.Measure, e)
		}
	}
	if len(r.Balance) != 2 {
		t.Errorf("balance %+v", r.Balance)
	}
}

// People without a value of a covariate are left out of the comparison
// and counted, per group and per covariate: 3 comparison people without a
// site, 5 participants without one (none with a job: with one, the
// measure's count minus the effect's would show that one of the few had a
// job, and the effect would be hidden). The effect is that of the others,
// and every row is accounted for.
func TestComparisonMissingCovariate(t *testing.T) {
	part := []siteGroup{{"A", 40, 20, true}, {"B", 10, 5, true}, {"", 5, 0, true}}
	comp := []siteGroup{{"A", 40, 16, false}, {"B", 90, 9, false}, {"", 3, 1, false}}
	r := comparisonCohort(t, part, comp, "")
	c := r.Comparison
	want := &results.MissingCovariates{Participants: 5, Comparison: 3,
		ByCovariate: []results.MissingCovariate{{Covariate: "site", Participants: 5, Comparison: 3}}}
	if !reflect.DeepEqual(c.Missing, want) {
		t.Errorf("missing %+v, want %+v", c.Missing, want)
	}
	if *c.Participants != 50 || *c.People != 130 || c.RowsRead != 133 || r.Flow.Included != 55 {
		t.Errorf("compared %d and %d of %d included and %d rows read", *c.Participants, *c.People, r.Flow.Included, c.RowsRead)
	}
	if d := r.Effects[1].Difference; d == nil || math.Abs(*d-0.16) > 1e-9 {
		t.Errorf("difference %v, want 0.16 (the people with a site)", d)
	}
}

// A covariate mapped as optional but absent from the comparison extract
// is an error naming the field, its header and the file.
func TestComparisonCovariateColumnAbsent(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"p.csv": comparisonCSV("P", []siteGroup{{"A", 10, 5, true}, {"B", 10, 5, true}}),
		"c.csv": strings.ReplaceAll(comparisonCSV("C", []siteGroup{{"A", 10, 5, false}}), ";A;", ";"),
	}
	files["c.csv"] = strings.Replace(files["c.csv"], "id;start;end;site;job", "id;start;end;job", 1)
	for name, csv := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(csv), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	yaml := `id: x
source: {file: p.csv}
columns:
  id: {header: id, type: id}
  start: {header: start, type: date}
  end: {header: end, type: date, optional: true}
  site: {header: site, type: text, optional: true}
  job: {header: job, type: bool}
cohort: {exit: "end ?? date('2020-12-31')", status: {ongoing: "true"}}
measures: [{id: job, count: "job"}]
bootstrap: {replicates: 19}
comparison: {source: {file: c.csv}, covariates: [site]}
`
	path := filepath.Join(dir, "x.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadConfig(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = analyse(&timer{}, cfg, Options{Workers: 1})
	want := `comparison.covariates: site (header "site") is not a column of c.csv, the comparison group's extract`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
}

// With strata the bootstrap resamples within each site of each group; the
// point estimate is unchanged and the interval still covers it.
func TestComparisonStrata(t *testing.T) {
	part := []siteGroup{{"A", 40, 20, true}, {"B", 10, 5, true}}
	comp := []siteGroup{{"A", 40, 16, false}, {"B", 90, 9, false}}
	e := comparisonCohort(t, part, comp, "", config.Override{Key: "strata", Value: "site"}).Effects[1]
	if e.Difference == nil || math.Abs(*e.Difference-0.16) > 1e-9 {
		t.Fatalf("difference %v, want 0.16", e.Difference)
	}
	if iv := e.Intervals[0]; iv.Low == nil || *iv.Low > 0.16 || *iv.High < 0.16 {
		t.Errorf("interval %+v", iv)
	}
}

// A measure with an event date gets its effect over time: participants
// reach it (their end date) within the year, comparison people never (no
// end date), so the difference at each horizon is the participants'
// cumulative incidence, and those followed beyond a horizon add up.
func TestComparisonOverTime(t *testing.T) {
	part := []siteGroup{{"A", 40, 20, true}, {"B", 10, 5, true}}
	comp := []siteGroup{{"A", 40, 16, false}, {"B", 90, 9, false}}
	r := comparisonCohort(t, part, comp, "", config.Override{Key: "measures.job.at", Value: "end"},
		config.Override{Key: "measures.job.horizons", Value: "[10, 30]"})
	e := r.Effects[1]
	if e.OverTime == nil || len(e.OverTime.Points) != 2 {
		t.Fatalf("over time %+v", e.OverTime)
	}
	for _, p := range e.OverTime.Points {
		if p.Difference == nil || *p.Comparison != 0 || *p.Difference != *p.Participants {
			t.Errorf("week %g: %+v, want the participants' incidence against 0", p.Weeks, p)
		}
		if *p.NRiskComparison != 130 {
			t.Errorf("week %g: %d comparison people followed beyond, want all 130", p.Weeks, *p.NRiskComparison)
		}
	}
	// Half the participants end on 2020-06-01, about 22 weeks after their
	// start: none by week 10, all 25 of them by week 30.
	if p := e.OverTime.Points[1]; math.Abs(*p.Participants-0.5) > 1e-9 || *p.NRiskParticipants != 25 {
		t.Errorf("week 30: incidence %v, followed beyond %v; want 0.5 and 25", *p.Participants, *p.NRiskParticipants)
	}
}
