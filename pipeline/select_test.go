package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/extract"
)

// cohortFixture writes a small CSV extract and its config, and runs the
// stages up to the measures.
func cohortFixture(t *testing.T, csv string, edit func(*config.Config)) (*config.Config, *Cohort, *Counts) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	yaml := `
id: x
source: {file: x.csv}
columns:
  id: {header: id, type: id}
  site: {header: sted, type: text}
  start: {header: start, type: date}
  end: {header: slut, type: date, optional: true}
  reason: {header: årsag, type: text}
  hours: {header: timer, type: number}
cohort:
  exit: "end ?? date('2021-12-31')"
  status:
    completed: "reason == 'gennemført'"
    dropout: "reason == 'afbrudt'"
    ongoing: "reason == ''"
measures:
  - {id: completion, count: "status == 'completed'"}
  - {id: employment, count: "hours > 0", among: completed}
strata: site
bootstrap: {replicates: 199}
`
	path := filepath.Join(dir, "x.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(cfg)
	}
	c, err := selectCohort(t, cfg)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := CompileRules(cfg)
	counts, err := Measure(cfg, r, c)
	if err != nil {
		t.Fatal(err)
	}
	return cfg, c, counts
}

const flowCSV = `id;sted;start;slut;årsag;timer
1;A;01-02-2020;01-06-2020;gennemført;10
2;A;01-02-2020;01-03-2020;afbrudt;
3;B;01-02-2020;;;0
4;B;01-02-2020;01-01-2020;gennemført;5
5;B;;01-06-2020;gennemført;5
6;A;01-02-2020;01-06-2020;gennemført;5
6;B;01-02-2020;01-06-2020;afbrudt;5
7;A;01-02-2020;01-06-2020;andet;5
8;A;31-02-2020;01-06-2020;gennemført;5
9;B;01-03-2020;01-09-2020;gennemført;
`

// Every row ends in the flow: included, or excluded with its reason.
func TestSelectCohortFlow(t *testing.T) {
	_, c, counts := cohortFixture(t, flowCSV, nil)
	want := map[results.Reason]int{ReasonDuplicate: 2, ReasonNoEntry: 1, ReasonExitBefore: 1, ReasonNoStatus: 1, "unreadable date": 1}
	total := len(c.People)
	for _, e := range c.ExcludedInOrder() {
		if e.Count != want[e.Reason] {
			t.Errorf("%s: %d, want %d", e.Reason, e.Count, want[e.Reason])
		}
		total += e.Count
	}
	if c.Rows != 10 || total != c.Rows || len(c.People) != 4 {
		t.Errorf("rows %d, included %d, flow total %d", c.Rows, len(c.People), total)
	}
	if c.StatusCount(0) != 2 || c.StatusCount(1) != 1 || c.StatusCount(2) != 1 {
		t.Errorf("status counts %d %d %d, want 2 1 1", c.StatusCount(0), c.StatusCount(1), c.StatusCount(2))
	}
	// Both sites have fewer than min_cell (5) people: merged, never named.
	if len(c.Strata) != 1 || c.Strata[0] != "Øvrige" {
		t.Errorf("strata %v, want [Øvrige]", c.Strata)
	}
	// employment among completed: person 1 (10 hours) counted; person 9
	// (hours blank) is missing, not false.
	num, den := 0, 0
	for _, p := range counts.Patterns {
		if p&Den(1) != 0 {
			den++
		}
		if p&Num(1) != 0 {
			num++
		}
	}
	if num != 1 || den != 2 || counts.Missing[1] != 1 {
		t.Errorf("employment %d/%d, missing %d; want 1/2, missing 1", num, den, counts.Missing[1])
	}
}

// An ongoing person is censored at the follow-up date given by cohort.exit.
func TestSelectCohortCensoring(t *testing.T) {
	_, c, _ := cohortFixture(t, flowCSV, nil)
	for _, p := range c.People {
		if c.Statuses[p.Status] == "ongoing" && p.Exit.Time().Format("2006-01-02") != "2021-12-31" {
			t.Errorf("ongoing exit %v, want the follow-up date", p.Exit)
		}
	}
}

// selectCohort runs the stages from the rules to the cohort; a failing
// stage before selection fails the test, selection's own error is returned.
func selectCohort(t *testing.T, cfg *config.Config) (*Cohort, error) {
	t.Helper()
	r, err := CompileRules(cfg)
	if err != nil {
		t.Fatal(err)
	}
	in, err := Ingest(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return SelectCohort(cfg, r, in.Extract)
}

// The reasons pipeline/extract gives unreadable cells are the schema's.
func TestExtractReasonsAreSchemaReasons(t *testing.T) {
	for got, want := range map[string]results.Reason{extract.ReasonDate: results.ReasonDate,
		extract.ReasonNumber: results.ReasonNumber, extract.ReasonBool: results.ReasonBool,
		extract.ReasonText: results.ReasonText, extract.ReasonEarly: results.ReasonEarly} {
		if got != string(want) {
			t.Errorf("extract says %q, results.json %q", got, want)
		}
	}
}
