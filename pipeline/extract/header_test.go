package extract

import "testing"

func TestHeaderMatches(t *testing.T) {
	tests := []struct {
		workbook, config string
		want             bool
	}{
		{"slutdato", "slutdato", true},
		{"  Slutdato ", "slutdato", true},
		{"SLUTDATO", "slutdato", true},
		{"lønnede timer", "lønnede_timer", true},
		{"Lønnede  Timer", "lønnede_timer", true},
		{"lønnede\u00a0timer", "lønnede timer", true},
		{"afslutningsa\u030asag", "afslutningsåsag", true}, // NFD å vs NFC å
		{"AFSLUTNINGSÅRSAG", "afslutningsårsag", true},
		{"_sted_", "sted", true},
		{"slutdato2", "slutdato", false},
		{"slut dato", "slutdato", false},
		{"", "slutdato", false},
	}
	for _, tt := range tests {
		if got := HeaderMatches(tt.workbook, tt.config); got != tt.want {
			t.Errorf("HeaderMatches(%q, %q) = %v; want %v", tt.workbook, tt.config, got, tt.want)
		}
	}
}
