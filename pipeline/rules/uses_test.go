package rules

import (
	"slices"
	"testing"
)

func TestUses(t *testing.T) {
	tests := []struct {
		src           string
		fields, texts []string
	}{
		{"navn != 'Kirsten Bjerregaard'", []string{"navn"}, []string{"Kirsten Bjerregaard"}},
		{"reason in ['afbrudt', 'stoppet'] && hours > 0", []string{"reason", "hours"}, []string{"afbrudt", "stoppet"}},
		{"end ?? date('2021-12-31')", []string{"end"}, []string{"2021-12-31"}},
		{"true", nil, nil},
		{"navn ==", nil, nil}, // does not parse: Compile says why
	}
	for _, tt := range tests {
		fields, texts := Uses(tt.src)
		if !slices.Equal(fields, tt.fields) || !slices.Equal(texts, tt.texts) {
			t.Errorf("Uses(%q) = %q, %q; want %q, %q", tt.src, fields, texts, tt.fields, tt.texts)
		}
	}
}
