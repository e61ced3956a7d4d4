package pipeline

import (
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/pipeline/config"
)

const personalBase = `
id: t
source: {file: x.xlsx}
columns:
  id: {header: deltager_id, type: id}
  navn: {header: navn, type: text}
  sagsbehandler: {header: behandler, type: text}
  who: {header: Fulde navn, type: text}
  site: {header: sted, type: text}
  start: {header: startdato, type: date}
  end: {header: slutdato, type: date}
  reason: {header: årsag, type: text}
cohort:
  include: "INCLUDE"
  status:
    completed: "reason == 'gennemført'"
measures:
  - id: completion
    count: "status == 'completed'"
`

// TestPersonalRules: a rule may not compare a column of names with a
// text (the rule is printed), whatever the column is called.
func TestPersonalRules(t *testing.T) {
	tests := []struct {
		include, field string // field "" = accepted
	}{
		{"navn != 'Kirsten Bjerregaard'", "navn"},
		{"'Kirsten Bjerregaard' != navn", "navn"},
		{"who not in ['Hans Hansen', 'Ole Olsen']", "who"},
		{"sagsbehandler != 'Bent'", "sagsbehandler"},
		{"navn != ''", "navn"},
		{"site != 'Jobcenter Næstved'", ""},
		{"navn == navn", ""}, // no text: nothing named
		{"true", ""},
	}
	for _, tt := range tests {
		cfg, err := config.Parse([]byte(strings.Replace(personalBase, "INCLUDE", tt.include, 1)), nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = CompileRules(cfg)
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("%s: %v", tt.include, err)
		case tt.field != "" && (err == nil || !strings.Contains(err.Error(), "cohort.include compares the field "+tt.field+",")):
			t.Errorf("%s: error %v; want one naming cohort.include and %s", tt.include, err, tt.field)
		case err != nil && (strings.Contains(err.Error(), "Kirsten") || strings.Contains(err.Error(), "Hans")):
			t.Errorf("%s: the error quotes the name: %v", tt.include, err)
		}
	}
}
