package config

import (
	"strings"
	"testing"
)

// An error in a --set value names the --set key, not a line of the
// document the overrides were written into; an error elsewhere keeps the
// line of the user's own file.
func TestOverrideErrorsNameTheKey(t *testing.T) {
	withTarget := minimal + "    target: {at_least: 0.2}\n"
	// The typo is on line 7; the rewritten document drops the blank lines.
	withTypo := strings.Replace(minimal, "id: t", "id: t\n\n\n\nbootstrap:\n  replicate: 9", 1)
	tests := []struct {
		name, config string
		sets         []Override
		want, not    string
	}{
		{"number expected", withTarget, []Override{{Key: "measures.completion.target.at_least", Value: "abc"}},
			`--set measures.completion.target.at_least: at_least: "abc" is text, expected a number`, "line"},
		{"new key in a new mapping", minimal, []Override{{Key: "bootstrap.level", Value: "20 %"}},
			`--set bootstrap.level: level: "20 %" is text, expected a number`, "line"},
		{"unknown key", minimal, []Override{{Key: "bootstrap.replicate", Value: "9"}},
			`--set bootstrap.replicate: unknown key "replicate" in Bootstrap`, "line"},
		{"unknown key inside a mapping value", minimal, []Override{{Key: "retention", Value: "{event: dropout, time: [4]}"}},
			`--set retention: unknown key "time" in Retention`, "line"},
		{"later override inside an earlier one's mapping", minimal,
			[]Override{{Key: "retention.event", Value: "dropout"}, {Key: "retention.times", Value: "many"}},
			`--set retention.times: times: "many" is text, expected a list`, "line"},
		{"CPR-shaped value", minimal, []Override{{Key: "title", Value: "010190-1234"}},
			"--set title: title contains a CPR-shaped value", "1234"},
		{"the file's own error keeps its line", withTypo, []Override{{Key: "language", Value: "en"}},
			`line 7: unknown key "replicate" in Bootstrap`, "--set"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.config), tc.sets)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			if strings.Contains(err.Error(), tc.not) {
				t.Errorf("%q: should not say %q", err, tc.not)
			}
		})
	}
}

// A sensitivity variant's assignments are named as written under its
// set:, not as --set; the command line's keep --set.
func TestVariantErrorsNameTheirSet(t *testing.T) {
	src := minimal + "    target: {at_least: 0.2}\nsensitivity:\n  - {name: v, set: {measures.completion.target.at_least: abc}}\n"
	c, err := Parse([]byte(src), []Override{{Key: "retention", Value: "{event: dropout}"}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Variant(c.Sensitivity[0])
	want := `sensitivity "v": set measures.completion.target.at_least: at_least: "abc" is text, expected a number`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	c.Overrides = []Override{{Key: "retention.times", Value: "many"}}
	_, err = c.Variant(c.Sensitivity[0])
	if err == nil || !strings.Contains(err.Error(), "--set retention.times: ") {
		t.Errorf("a --set error in a variant's run: %v", err)
	}
}
