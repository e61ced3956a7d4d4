package extract

import "testing"

func TestParseBool(t *testing.T) {
	tests := []struct {
		in             string
		want, x, valid bool
	}{
		{"ja", true, false, true}, {"Ja", true, false, true}, {" JA ", true, false, true},
		{"nej", false, false, true}, {"NEJ", false, false, true},
		{"yes", true, false, true}, {"No", false, false, true},
		{"1", true, false, true}, {"0", false, false, true},
		{"sand", true, false, true}, {"SANDT", true, false, true}, {"falsk", false, false, true},
		{"TRUE", true, false, true}, {"false", false, false, true},
		{"x", true, true, true}, {"X", true, true, true},
		{"", false, false, false}, {"måske", false, false, false}, {"2", false, false, false},
		{"j", false, false, false}, {"xx", false, false, false},
	}
	for _, tt := range tests {
		v, x, ok := parseBool(tt.in)
		if v != tt.want || x != tt.x || ok != tt.valid {
			t.Errorf("parseBool(%q) = %v, %v, %v; want %v, %v, %v", tt.in, v, x, ok, tt.want, tt.x, tt.valid)
		}
	}
}
