package config

import (
	"strings"
	"testing"
)

// Field names follow one rule (README.md, data/cohorts/README.md):
// letters a–z and æ, ø, å in either case, digits and _, starting with a
// letter.
func TestFieldNames(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"reason", true},
		{"årsag", true},
		{"Ønske_2", true},
		{"løn_timer", true},
		{"ÆBLE", true},
		{"x1", true},
		{"_skjult", false},
		{"2024_timer", false},
		{"née", false},
		{"lønnede-timer", false},
		{"lønnede timer", false},
	}
	for _, tc := range tests {
		cfg := strings.Replace(minimal, "  reason: {header: årsag", "  "+tc.name+": {header: årsag", 1)
		cfg = strings.ReplaceAll(cfg, "reason ==", tc.name+" ==")
		if tc.name == "lønnede timer" {
			cfg = strings.Replace(cfg, "  "+tc.name+":", `  "`+tc.name+`":`, 1)
		}
		_, err := Parse([]byte(cfg), nil)
		if tc.ok && err != nil {
			t.Errorf("%q refused: %v", tc.name, err)
		}
		if !tc.ok && (err == nil || !strings.Contains(err.Error(), "a field name is letters (a–z, æ, ø, å)")) {
			t.Errorf("%q: got %v, want the field-name rule", tc.name, err)
		}
	}
}
