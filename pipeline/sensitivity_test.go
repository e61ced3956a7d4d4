package pipeline

import (
	"strings"
	"testing"
)

// A variant runs the same stages as the main analysis, and its error
// names the variant and the stage it failed in.
func TestVariantErrorNamesVariantAndStage(t *testing.T) {
	ac := attackCohorts()[2]
	ac.extra = "sensitivity:\n  - {name: tal i årsag, set: {cohort.include: \"int(reason) > 0\"}}\n"
	cfg, err := LoadConfig(ac.write(t, t.TempDir()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = analyse(&timer{}, cfg, Options{Workers: 1})
	if err == nil {
		t.Fatal("a variant whose include rule fails on every row ran")
	}
	for _, part := range []string{`sensitivity "tal i årsag"`, "select cohort", "int(reason) > 0"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q lacks %q", err, part)
		}
	}
}
