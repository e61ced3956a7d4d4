package pipeline

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// parityWant is what each config in testdata/parity must do: succeed ("")
// or fail with a sentence containing the text.
var parityWant = map[string]string{
	"ok_small":         "", // a measure and an exit category share a name
	"duplicates_first": "",
	"unmatched_warn":   "",
	"costs_overflow":   "costs.monthly_benefit_dkk 1e+308",
	"duplicates_bad":   `cohort.duplicates "newest"`,
	"id_300":           "id is 300 characters long; at most 64",
	"level_low":        "bootstrap.level 0.2: expected a confidence level from 0.5 to 0.999",
	"level_nan":        "bootstrap.level NaN",
	"measures_17":      "together define 17 shares; at most 16",
	"min_cell_two":     "disclosure.min_cell 2",
	"nobody":           "no row is included",
	"replicates_huge":  "bootstrap.replicates 1000000000: expected 1 to 1000000",
	"replicates_zero":  "bootstrap.replicates 0: expected 1 to 1000000",
	"run_error_date":   `cohort.include "date(reason) > start" failed on row 2 of pva.xlsx, sheet "Deltagere"`,
	"run_error_index":  `measure "m" count "split(reason, 'x')[5] == 'a'" failed on row 2 of pva.xlsx`,
	"run_error_int":    `measure "m" count "int(reason) > 0" failed on row 2 of pva.xlsx`,
	"target_nan":       "measures.m.target NaN",
	"unmatched_error":  `47 rows match no status rule (the first is row 3 of pva.xlsx, sheet "Deltagere"); most frequent values: reason "afbrudt" (47)`,
}

// TestValidateEqualsReport runs every example config, the README's full
// example and every config in testdata through validate and report: both
// succeed, or both fail with the same sentence (issue 12: validate said
// OK where report failed with an internal message).
func TestValidateEqualsReport(t *testing.T) {
	configs, _ := filepath.Glob("../data/cohorts/*.yaml")
	parity, _ := filepath.Glob("testdata/parity/*.yaml")
	configs = append(append(configs, parity...), readmeFull(t))
	if len(parity) != len(parityWant) {
		t.Errorf("%d configs in testdata/parity, %d expectations", len(parity), len(parityWant))
	}
	reps := 199
	for _, path := range configs {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			o := Options{OutDir: t.TempDir(), Replicates: &reps, Workers: 1}
			vErr := Validate(path, o, io.Discard)
			_, rErr := Report(path, o)
			if (vErr == nil) != (rErr == nil) || (vErr != nil && vErr.Error() != rErr.Error()) {
				t.Fatalf("validate: %v\nreport:   %v", vErr, rErr)
			}
			want, listed := parityWant[name]
			if !listed {
				want = "" // the examples and the README's full example succeed
			}
			switch {
			case want == "" && rErr != nil:
				t.Errorf("failed: %v", rErr)
			case want != "" && (rErr == nil || !strings.Contains(rErr.Error(), want)):
				t.Errorf("error %v, want one containing %q", rErr, want)
			}
			if rErr != nil && (strings.Contains(rErr.Error(), "models:") || strings.Contains(rErr.Error(), "spec ")) {
				t.Errorf("internal message: %v", rErr)
			}
		})
	}
}

// readmeFull writes data/cohorts/README.md's "config with every section"
// (a measure and an exit category both named education) next to the
// examples' extracts.
func readmeFull(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../data/cohorts/README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "id: pva_fuld")
	if i < 0 {
		t.Fatal("README.md has no pva_fuld example")
	}
	block := s[i : i+strings.Index(s[i:], "```")]
	abs, err := filepath.Abs("../data/extracts/pva.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	block = strings.Replace(block, "file: ../extracts/pva.xlsx", "file: "+abs, 1)
	path := filepath.Join(t.TempDir(), "readme_full.yaml")
	if err := os.WriteFile(path, []byte(block), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// --replicates meets the same limit as the file's bootstrap.replicates.
func TestCommandLineValuesAreChecked(t *testing.T) {
	reps := 2_000_000
	err := Validate("testdata/parity/ok_small.yaml", Options{Replicates: &reps}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "(with the command line's settings): bootstrap.replicates 2000000") {
		t.Errorf("err = %v", err)
	}
}
