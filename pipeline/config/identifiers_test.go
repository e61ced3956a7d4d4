package config

import (
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// TestCPRInConfig puts a CPR number, in a spelling the first guard let
// through, into each kind of text a config holds: the error names the key
// and never the value.
func TestCPRInConfig(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		overrides []Override
		key       string
	}{
		{"title", minimal + "title: \"Forløb for 010190\u20131234\"\n", nil, "title"},
		{"id", strings.Replace(minimal, "id: t", "id: 010190-1234", 1), nil, "id"},
		{"rule", strings.Replace(minimal, "cohort:\n", "cohort:\n  include: \"reason != '01.01.90-1234'\"\n", 1), nil, "cohort.include"},
		{"status name", strings.Replace(minimal, "    dropout:", "    \"01 01 90 1234\":", 1), nil, "cohort.status.[CPR masked]"},
		{"label", strings.Replace(minimal, "  - id: completion\n", "  - id: completion\n    label: {da: \"０１０１９０－１２３４\"}\n", 1), nil, "measures.completion.label.da"},
		{"sensitivity name", minimal + "sensitivity:\n  - {name: \"10190 1234\", set: {measures.completion.among: started}}\n", nil, "sensitivity[0].name"},
		{"sensitivity value", minimal + "sensitivity:\n  - {name: itt, set: {measures.completion.count: \"reason == '010190_1234'\"}}\n", nil, "sensitivity.itt.set.measures.completion.count"},
		{"--set", minimal, []Override{{Key: "title", Value: "010190\u00a01234"}}, "title"},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.src), tt.overrides)
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, tt.key+" contains a CPR-shaped value; remove it") {
			t.Errorf("%s: error %q does not name %s", tt.name, msg, tt.key)
		}
		if privacy.ContainsCPR(msg) {
			t.Errorf("%s: error %q quotes the CPR number", tt.name, msg)
		}
	}
}

// TestCPRShapedFileNamesAllowed: the extract's file, sheet and header
// names are the user's; they are read, and masked wherever printed.
func TestCPRShapedFileNamesAllowed(t *testing.T) {
	src := strings.Replace(minimal, "source: {file: x.xlsx}", "source: {file: 010190-1234.xlsx, sheet: \"0101901234\"}", 1)
	src = strings.Replace(src, "header: startdato", "header: \"010190 1234\"", 1)
	if _, err := Parse([]byte(src), nil); err != nil {
		t.Error(err)
	}
}
