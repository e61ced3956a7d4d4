package pipeline

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/danish-eval/evaluate/pipeline/config"
)

// TestReselect checks that a variant starting from the main selection
// (reselect) gets the cohort SelectCohort gets from scratch — people,
// dates, flow, reasons, strata and notices — when the variant includes
// fewer rows, more rows than main (main itself narrowed), reads entry and
// exit, changes the status rules or what an unmatched row does.
func TestReselect(t *testing.T) {
	cases := []struct {
		cohort    string
		main, set map[string]any
	}{
		{"pva", nil, map[string]any{"cohort.include": "weeks(start, end ?? followup) >= 4"}},
		{"pva", map[string]any{"cohort.include": "weeks(start, end ?? followup) >= 4"}, map[string]any{"cohort.include": "true"}},
		{"pva", map[string]any{"cohort.include": "site != 'Næstved'"}, map[string]any{"cohort.include": "weeks(entry, exit) < 30 || hours > 0"}},
		{"roskilde", nil, map[string]any{"cohort.include": "exit_to != 'andet'", "strata": ""}},
		{"jeps", map[string]any{"cohort.include": "age >= 30"}, map[string]any{"cohort.include": "age >= 25 && centre != ''"}},
		{"pva", nil, map[string]any{"cohort.status.dropout": "reason == 'afbrudt' && hours == 0", "cohort.unmatched": "warn"}},
	}
	for _, tc := range cases {
		path := filepath.Join("..", "data", "cohorts", tc.cohort+".yaml")
		base, err := LoadConfig(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := base.Variant(config.Variant{Name: "main", Set: tc.main})
		if err != nil {
			t.Fatal(err)
		}
		vc, err := cfg.Variant(config.Variant{Name: "v", Set: tc.set})
		if err != nil {
			t.Fatal(err)
		}
		if !sameDating(cfg, vc) {
			t.Fatalf("%s %v: not the same dating", tc.cohort, tc.set)
		}
		in, err := Ingest(cfg)
		if err != nil {
			t.Fatal(err)
		}
		main := selectWith(t, cfg, in, nil)
		want := selectWith(t, vc, in, nil)
		got := selectWith(t, vc, in, main)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s main %v, variant %v: reselected cohort differs from a fresh selection (people %d, want %d; excluded %v, want %v)",
				tc.cohort, tc.main, tc.set, len(got.People), len(want.People), got.Excluded, want.Excluded)
		}
		if len(want.People) == len(main.People) && reflect.DeepEqual(want.Excluded, main.Excluded) && tc.set["cohort.unmatched"] == nil {
			t.Errorf("%s %v: the variant selects what main selects; the case does not test what it says", tc.cohort, tc.set)
		}
	}
}

// selectWith selects cfg's cohort from scratch, or from main's when main
// is not nil.
func selectWith(t *testing.T, cfg *config.Config, in *Input, main *Cohort) *Cohort {
	t.Helper()
	r, err := CompileRules(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var c *Cohort
	if main == nil {
		c, err = SelectCohort(cfg, r, in.Extract)
	} else {
		c, err = reselect(cfg, r, in.Extract, main)
	}
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestReselectError: a variant's include rule that fails on a row gives
// the error SelectCohort gives, naming the same row.
func TestReselectError(t *testing.T) {
	cfg, err := LoadConfig(filepath.Join("..", "data", "cohorts", "pva.yaml"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	vc, err := cfg.Variant(config.Variant{Name: "v", Set: map[string]any{"cohort.include": "date(reason) > start"}})
	if err != nil {
		t.Fatal(err)
	}
	in, err := Ingest(cfg)
	if err != nil {
		t.Fatal(err)
	}
	main := selectWith(t, cfg, in, nil)
	r, err := CompileRules(vc)
	if err != nil {
		t.Fatal(err)
	}
	_, want := SelectCohort(vc, r, in.Extract)
	_, got := reselect(vc, r, in.Extract, main)
	if want == nil || got == nil || got.Error() != want.Error() {
		t.Errorf("reselect: %v\nwant %v", got, want)
	}
}
