package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestValuesOutsideTheirDomain: a value outside its domain is an error
// naming the key, never a default (issue 12).
func TestValuesOutsideTheirDomain(t *testing.T) {
	tests := []struct{ set, want string }{
		{"bootstrap.replicates=0", "bootstrap.replicates 0: expected 1 to 1000000"},
		{"bootstrap.replicates=1000001", "bootstrap.replicates 1000001"},
		{"bootstrap.level=0", "bootstrap.level 0: expected a confidence level from 0.5 to 0.999"},
		{"bootstrap.level=0.2", "bootstrap.level 0.2"},
		{"bootstrap.level=0.9999", "bootstrap.level 0.9999"},
		{"bootstrap.level=.nan", "bootstrap.level NaN"},
		{"bootstrap.level=.inf", "bootstrap.level +Inf"},
		{"disclosure.min_cell=1", "disclosure.min_cell 1"},
		{"disclosure.min_cell=2", "disclosure.min_cell 2"},
		{"measures.completion.target={at_least: .nan}", "measures.completion.target NaN"},
		{"costs={count: 'true', monthly_benefit_dkk: 1e308, months: 12}", "costs.monthly_benefit_dkk 1e+308"},
		{"costs={count: 'true', monthly_benefit_dkk: 100, months: .inf}", "costs.months +Inf"},
		{"costs={count: 'true', monthly_benefit_dkk: 100, months: 12, deadweight: .nan}", "costs.deadweight NaN"},
		{"retention={event: dropout, times: [4, .nan]}", "retention.times"},
		{"id=" + strings.Repeat("a", 65), "id is 65 characters long; at most 64"},
		{"measures=[{id: " + strings.Repeat("m", 65) + ", count: 'true'}]", "measures[0]: id is 65 characters long"},
		{"cohort.unmatched=ignore", `cohort.unmatched "ignore"`},
		{"cohort.duplicates=newest", `cohort.duplicates "newest"`},
		{"exits={categories: {a: 'true', b: 'true', c: 'true', d: 'true', e: 'true', f: 'true', g: 'true', h: 'true', i: 'true', j: 'true', k: 'true', l: 'true', m: 'true', n: 'true', o: 'true', p: 'true'}}",
			"together define 17 shares; at most 16"},
	}
	for _, tc := range tests {
		o, err := ParseOverride(tc.set)
		if err != nil {
			t.Fatalf("%s: %v", tc.set, err)
		}
		_, err = Parse([]byte(minimal), []Override{o})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err %v, want %q", tc.set, err, tc.want)
		}
	}
}

// Absent keys still take their defaults; limits that hold pass.
func TestDefaultsAndLimitsThatHold(t *testing.T) {
	for _, set := range []string{"bootstrap.replicates=1", "bootstrap.replicates=1000000", "bootstrap.level=0.5",
		"bootstrap.level=0.999", "disclosure.min_cell=0", "cohort.duplicates=first", "cohort.unmatched=error",
		"id=" + strings.Repeat("a", 64)} {
		o, _ := ParseOverride(set)
		if _, err := Parse([]byte(minimal), []Override{o}); err != nil {
			t.Errorf("%s: %v", set, err)
		}
	}
	c, err := Parse([]byte(minimal), nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Cohort.Unmatched != "warn" || c.Cohort.Duplicates != "exclude" || c.Bootstrap.Replicates != DefaultReplicates {
		t.Errorf("defaults: %+v %+v", c.Cohort, c.Bootstrap)
	}
}

// A config must be a regular file of at most 32 MB, checked before it is
// read: a named pipe would block for ever.
func TestLoadRefusesNonFiles(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(maxConfigBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for path, want := range map[string]string{
		dir:         "not a file",
		"/dev/zero": "not a file",
		big:         "a cohort config is a few kilobytes",
	} {
		if _, err := os.Stat(path); err != nil {
			continue
		}
		if _, err := Load(path, nil); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", path, err, want)
		}
	}
}
