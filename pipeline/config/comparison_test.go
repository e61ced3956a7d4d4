package config

import (
	"strings"
	"testing"
)

func TestComparisonConfig(t *testing.T) {
	// minimal ends with the measures; columns are added by a second
	// mapping, so the cases write the whole tail.
	base := strings.Replace(minimal, "  reason: {header: årsag, type: text}\n",
		"  reason: {header: årsag, type: text}\n  site: {header: sted, type: text}\n  age: {header: alder, type: number}\n  ref: {header: referencedato, type: date}\n  pid: {header: id, type: id}\n", 1)
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"source ok", "comparison: {source: {file: c.xlsx}, covariates: [age, site]}", ""},
		{"group ok", "comparison: {group: \"site == 'A'\", covariates: [age], method: nearest, caliper: 0.2}", ""},
		{"cem with bands", "comparison: {source: {file: c.xlsx}, covariates: [age, site], method: cem}\nbands: {age: [18, 30, 67]}", ""},
		{"neither", "comparison: {covariates: [age]}", "give either source"},
		{"both", "comparison: {source: {file: c.xlsx}, group: 'true', covariates: [age]}", "source or group, not both"},
		{"no file", "comparison: {source: {sheet: S}, covariates: [age]}", "comparison.source.file is missing"},
		{"method", "comparison: {source: {file: c.xlsx}, covariates: [age], method: psm}", `comparison.method "psm"`},
		{"no covariates", "comparison: {source: {file: c.xlsx}}", "comparison.covariates: name at least one"},
		{"unmapped", "comparison: {source: {file: c.xlsx}, covariates: [income]}", `"income" is not a mapped column`},
		{"twice", "comparison: {source: {file: c.xlsx}, covariates: [age, age]}", "listed twice"},
		{"id", "comparison: {source: {file: c.xlsx}, covariates: [pid]}", "is the id column"},
		{"cem without bands", "comparison: {source: {file: c.xlsx}, covariates: [age], method: cem}", "give bands.age"},
		{"caliper without nearest", "comparison: {source: {file: c.xlsx}, covariates: [age], caliper: 0.2}", "comparison.caliper 0.2"},
		{"negative caliper", "comparison: {source: {file: c.xlsx}, covariates: [age], method: nearest, caliper: -1}", "comparison.caliper -1"},
		{"trim order", "comparison: {source: {file: c.xlsx}, covariates: [age], trim: [0.9, 0.1]}", "comparison.trim [0.9 0.1]"},
		{"trim length", "comparison: {source: {file: c.xlsx}, covariates: [age], trim: [0.1]}", "comparison.trim [0.1]"},
		{"trim with cem", "comparison: {source: {file: c.xlsx}, covariates: [site], method: cem, trim: [0.1, 0.9]}", "trim applies to method: ipw only"},
		{"entry not a date", "comparison: {source: {file: c.xlsx}, covariates: [age], entry: site}", `comparison.entry "site"`},
		{"unknown key", "comparison: {source: {file: c.xlsx}, covariates: [age], metod: ipw}", "metod"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(base+tc.yaml+"\n"), nil)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.want != "" && err == nil:
				t.Fatalf("accepted, want an error containing %q", tc.want)
			case tc.want != "" && !strings.Contains(err.Error(), tc.want):
				t.Fatalf("error %q, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestComparisonGroupSplitsInclude(t *testing.T) {
	src := strings.Replace(minimal, "  reason: {header: årsag, type: text}\n", "  reason: {header: årsag, type: text}\n  site: {header: sted, type: text}\n", 1) +
		"comparison: {group: \"site == 'A'\", covariates: [site]}\n"
	c, err := Parse([]byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Cohort.Include != "(true) && (site == 'A')" || c.ComparisonInclude() != "(true) && !(site == 'A')" {
		t.Errorf("participants %q, comparison %q", c.Cohort.Include, c.ComparisonInclude())
	}
	if c.Comparison.Method != MethodIPW || len(c.Comparison.Trim) != 2 {
		t.Errorf("defaults not applied: %+v", c.Comparison)
	}
}

// A text covariate's values are printed in the balance table: a column of
// names is refused like strata and describe.
func TestComparisonCovariateNeverNames(t *testing.T) {
	src := strings.Replace(minimal, "  reason: {header: årsag, type: text}\n",
		"  reason: {header: årsag, type: text}\n  navn: {header: fornavn, type: text}\n", 1) +
		"comparison: {source: {file: c.xlsx}, covariates: [navn]}\n"
	_, err := Parse([]byte(src), nil)
	if err == nil || !strings.Contains(err.Error(), "holds names or personal numbers") {
		t.Errorf("error %v, want the name column refused", err)
	}
}
