package config

import (
	"strings"
	"testing"
)

// A population a reader sees must have a name: an among expression needs a
// label or a populations: entry; a misspelt name is left to the compiler,
// which names the unknown name.
func TestAmongNeedsAName(t *testing.T) {
	for _, tc := range []struct {
		name, among, extra string
		ok                 bool
	}{
		{"a status", "completed", "", true},
		{"started", "started", "", true},
		{"a population", "over4", "populations: {over4: \"weeks(entry, exit) > 4\"}\n", true},
		{"an expression", "weeks(entry, exit) > 4", "", false},
		{"an expression with a label", "weeks(entry, exit) > 4", "labels: {\"weeks(entry, exit) > 4\": {da: \"mindst 4 uger\"}}\n", true},
		{"a label in the other language only", "weeks(entry, exit) > 4", "labels: {\"weeks(entry, exit) > 4\": {en: \"at least 4 weeks\"}}\n", true},
		{"a text column", "reason", "", false},
		{"a misspelt status", "complted", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(minimal, "    count: \"status == 'completed'\"",
				"    count: \"status == 'completed'\"\n    among: \""+strings.ReplaceAll(tc.among, `"`, `\"`)+"\"", 1) + tc.extra
			_, err := Parse([]byte(src), nil)
			named := err == nil || !strings.Contains(err.Error(), "which the report would print as written")
			if named != tc.ok {
				t.Errorf("among %q: error %v, want a complaint %v", tc.among, err, !tc.ok)
			}
		})
	}
}
