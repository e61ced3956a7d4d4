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

// A stratum's section is titled by its field: a field the catalogue does
// not name (site, sted, afdeling …) needs a label.
func TestStrataFieldNeedsAName(t *testing.T) {
	for _, tc := range []struct {
		field, extra string
		ok           bool
	}{
		{"site", "", true},
		{"afdeling", "", true},
		{"kontakt", "", false},
		{"kontakt", "labels: {kontakt: {da: kontaktperson, en: contact person}}\n", true},
	} {
		src := strings.Replace(minimal, "  reason: {header: årsag, type: text}",
			"  reason: {header: årsag, type: text}\n  "+tc.field+": {header: x, type: text}", 1) + "strata: " + tc.field + "\n" + tc.extra
		_, err := Parse([]byte(src), nil)
		if ok := err == nil; ok != tc.ok {
			t.Errorf("strata %s (%q): error %v, want ok %v", tc.field, tc.extra, err, tc.ok)
		}
	}
}

// strata may be a number field only when bands cut it into groups.
func TestStrataNumberNeedsBands(t *testing.T) {
	for _, tc := range []struct {
		extra string
		ok    bool
	}{{"", false}, {"bands: {age: [18, 30, 67]}\n", true}} {
		src := strings.Replace(minimal, "  reason: {header: årsag, type: text}",
			"  reason: {header: årsag, type: text}\n  age: {header: alder, type: number}", 1) + "strata: age\n" + tc.extra
		_, err := Parse([]byte(src), nil)
		if ok := err == nil; ok != tc.ok {
			t.Errorf("strata age with %q: error %v, want ok %v", tc.extra, err, tc.ok)
		}
	}
}
