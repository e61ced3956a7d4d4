package extract

import "testing"

func TestCPR(t *testing.T) {
	tests := []struct {
		in              string
		numeric         bool
		whole, contains bool
	}{
		{"010190-1234", false, true, true},
		{"0101901234", false, true, true},
		{"010190 1234", false, true, true},
		{"101901234", true, true, false}, // Excel number lost its leading 0
		{"101901234", false, false, false},
		{"290200-1234", false, true, true}, // 2000 was a leap year
		{"310290-1234", false, false, false},
		{"1234567890", false, false, false}, // month 56
		{"12345678", false, false, false},
		{"Hans 010190-1234", false, false, true},
		{"nr. 0101901234.", false, false, true},
		{"01019012345", false, false, false},
		{"2020-01-31", false, false, false},
		{"43831", true, false, false},
	}
	for _, tt := range tests {
		if got := isCPR(tt.in, tt.numeric); got != tt.whole {
			t.Errorf("isCPR(%q, %v) = %v; want %v", tt.in, tt.numeric, got, tt.whole)
		}
		if !tt.numeric {
			if got := containsCPR(tt.in); got != tt.contains {
				t.Errorf("containsCPR(%q) = %v; want %v", tt.in, got, tt.contains)
			}
		}
	}
}
