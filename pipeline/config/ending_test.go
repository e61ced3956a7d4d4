package config

import (
	"fmt"
	"strings"
	"testing"
)

// TestCompetingExits: without retention.competing every status that ends
// the programme other than the event competes (ongoing never does); an
// empty list means none; a list is taken as given; --set can write [].
func TestCompetingExits(t *testing.T) {
	statuses := `
cohort:
  status:
    completed: "reason == 'gennemført'"
    dropout: "reason == 'afbrudt'"
    moved: "reason == 'fraflyttet'"
    ongoing: "reason == ''"
`
	for _, tc := range []struct {
		name, retention string
		set             []string
		want            string
	}{
		{"default", "retention: {event: dropout}", nil, "[completed moved]"},
		{"empty list", "retention: {event: dropout, competing: []}", nil, "[]"},
		{"given", "retention: {event: dropout, competing: [moved]}", nil, "[moved]"},
		{"set empty", "retention: {event: dropout}", []string{"retention.competing=[]"}, "[]"},
		{"event completed", "retention: {event: completed}", nil, "[dropout moved]"},
		{"no retention", "", nil, "[]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ov []Override
			for _, s := range tc.set {
				o, err := ParseOverride(s)
				if err != nil {
					t.Fatal(err)
				}
				ov = append(ov, o)
			}
			raw := minimal[:strings.Index(minimal, "cohort:")] + statuses + `
measures:
  - id: completion
    count: "status == 'completed'"
` + tc.retention + "\n"
			c, err := Parse([]byte(raw), ov)
			if err != nil {
				t.Fatal(err)
			}
			got := c.CompetingExits()
			if fmt.Sprint(got) != tc.want || (tc.want == "[]" && c.Retention != nil && got == nil) {
				t.Errorf("competing %v (nil %v), want %s", got, got == nil, tc.want)
			}
		})
	}
}
