package config

import (
	"strings"
	"testing"
)

// Every text a report shows is at most MaxText characters, and the error
// names the key; the portfolio's folder name is not a cohort id.
func TestTextLimits(t *testing.T) {
	long := strings.Repeat("æ", MaxText+1) // characters, not bytes, count
	ok := strings.Repeat("æ", MaxText)
	tests := []struct {
		name string
		set  []Override
		want string // "" for no error
	}{
		{"title at the limit", []Override{{"title", ok}}, ""},
		{"title", []Override{{"title", long}}, "title is 201 characters long; at most 200"},
		{"measure label", []Override{{"measures.completion.label", "{da: " + long + "}"}}, "measures.completion.label.da is 201 characters"},
		{"english label", []Override{{"measures.completion.label", "{en: " + long + "}"}}, "measures.completion.label.en is 201"},
		{"sensitivity name", []Override{{"sensitivity", "[{name: " + long + ", set: {cohort.include: 'true'}}]"}}, "sensitivity[0].name is 201"},
		{"reserved id", []Override{{"id", "portfolio"}}, `id "portfolio" is reserved`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(minimal), tt.set)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("unexpected error %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}
