package pipeline

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/danish-eval/evaluate/pipeline/config"
)

// TestMeasureReusing checks that a variant that keeps the selection gets
// the same indicators when it copies the unchanged measures from the main
// analysis as when it evaluates every one: for a changed population, a
// changed count, a changed exit category (the exits go together), costs,
// and nothing changed.
func TestMeasureReusing(t *testing.T) {
	cases := []struct {
		cohort string
		set    map[string]any
		reused int // specs copied, so the test sees the reuse happen
	}{
		{"pva", map[string]any{"measures.job_or_education.among": "started"}, 3},
		{"pva", map[string]any{"measures.employment.count": "hours >= 10"}, 3},
		{"pva", map[string]any{"retention.times": "[4, 8]"}, 4},
		{"roskilde", map[string]any{"exits.categories.job": "exit_to == 'ordinært job' || exit_to == 'andet'"}, 2},
		{"roskilde", map[string]any{"measures.finished.among": "ended"}, 6},
		{"jeps", map[string]any{"costs.among": "completed"}, -1},
	}
	for _, tc := range cases {
		cfg, err := LoadConfig(filepath.Join("..", "data", "cohorts", tc.cohort+".yaml"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		r, err := CompileRules(cfg)
		if err != nil {
			t.Fatal(err)
		}
		in, err := Ingest(cfg)
		if err != nil {
			t.Fatal(err)
		}
		c, err := SelectCohort(cfg, r, in.Extract)
		if err != nil {
			t.Fatal(err)
		}
		base, err := Measure(cfg, r, c)
		if err != nil {
			t.Fatal(err)
		}
		vc, err := cfg.Variant(config.Variant{Name: "v", Set: tc.set})
		if err != nil {
			t.Fatal(err)
		}
		vr, err := CompileRules(vc)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Measure(vc, vr, c)
		if err != nil {
			t.Fatal(err)
		}
		got, err := measureReusing(vc, vr, c, base)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s %v: indicators differ when reused", tc.cohort, tc.set)
		}
		n := 0
		for _, ok := range got.reusable(measureSpecs(vc, vr), base) {
			if ok {
				n++
			}
		}
		if tc.reused >= 0 && n != tc.reused {
			t.Errorf("%s %v: %d specs reused, want %d", tc.cohort, tc.set, n, tc.reused)
		}
	}
}
