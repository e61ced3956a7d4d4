package config

import (
	"strings"
	"testing"
)

// A variant may not change what every variant shares: a lower min_cell in
// a sensitivity row would print, under the suppressed main row, what the
// main row hides.
func TestVariantMayNotChangeShared(t *testing.T) {
	for _, key := range []string{"disclosure.min_cell", "disclosure", "disclosure.zeros", "bootstrap.seed", "language"} {
		t.Run(key, func(t *testing.T) {
			src := minimal + "sensitivity:\n  - {name: v, set: {" + key + ": 0}}\n"
			c, err := Parse([]byte(src), nil)
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Variant(c.Sensitivity[0])
			if err == nil || !strings.Contains(err.Error(), key+" is shared by all variants") {
				t.Errorf("error %v", err)
			}
		})
	}
	c, err := Parse([]byte(minimal+"disclosure: {zeros: sometimes}\n"), nil)
	if err == nil || !strings.Contains(err.Error(), `disclosure.zeros "sometimes"`) {
		t.Errorf("zeros: %v, %v", c, err)
	}
}

// A name or personal-number column is never a stratum: its values would be
// printed as labels.
func TestStrataNeverNames(t *testing.T) {
	for _, col := range []string{"navn: {header: Fulde navn, type: text}", "cprnr: {header: CPR-nr., type: text}",
		"konsulent: {header: sagsbehandler, type: text}"} {
		field := strings.SplitN(col, ":", 2)[0]
		src := strings.Replace(minimal, "columns:\n", "columns:\n  "+col+"\n", 1) + "strata: " + field + "\n"
		_, err := Parse([]byte(src), nil)
		if err == nil || !strings.Contains(err.Error(), "holds names or personal numbers") {
			t.Errorf("%s: %v", field, err)
		}
	}
	src := strings.Replace(minimal, "columns:\n", "columns:\n  sted: {header: Jobcenter, type: text}\n", 1) + "strata: sted\n"
	if _, err := Parse([]byte(src), nil); err != nil {
		t.Errorf("a site column: %v", err)
	}
}
