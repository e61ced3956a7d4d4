package extract

import "testing"

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in          string
		want        float64
		amb, wantOK bool
	}{
		{"12", 12, false, true},
		{"-12", -12, false, true},
		{"+12", 12, false, true},
		{"\u221212,5", -12.5, false, true},
		{"12,5", 12.5, false, true},
		{"12.5", 12.5, false, true},
		{"1.234,5", 1234.5, false, true},
		{"1.234.567,89", 1234567.89, false, true},
		{"1.234.567", 1234567, false, true}, // two dots can only group thousands
		{"1 234,5", 1234.5, false, true},
		{"1\u00a0234", 1234, false, true},
		{",5", 0.5, false, true},
		{".5", 0.5, false, true},
		{"0.123", 0.123, false, true}, // a leading 0 is never a thousands group
		{"1234.567", 1234.567, false, true},
		{"12.3456", 12.3456, false, true},
		{"1.234", 1234, true, true}, // ambiguous: the column decides
		{"999.000", 999000, true, true},
		{"12963,50", 12963.5, false, true},
		{"1,234", 1.234, false, true}, // the comma is always the decimal mark
		{"1.23,4", 0, false, false},
		{"1.2345,6", 0, false, false},
		{"12.34.56", 0, false, false},
		{"1,2,3", 0, false, false},
		{"1.234 567", 0, false, false}, // two kinds of grouping
		{"5.", 0, false, false},
		{"5,", 0, false, false},
		{"1e3", 0, false, false},
		{"12 kr.", 0, false, false},
		{"50%", 0, false, false},
		{"abc", 0, false, false},
		{"-", 0, false, false},
		{"", 0, false, false},
	}
	for _, tt := range tests {
		got, amb, ok := parseNumber(tt.in)
		if got != tt.want || amb != tt.amb || ok != tt.wantOK {
			t.Errorf("parseNumber(%q) = %v, %v, %v; want %v, %v, %v", tt.in, got, amb, ok, tt.want, tt.amb, tt.wantOK)
		}
	}
}

// TestPlainInt: a plain integer reads as parseNumber reads it.
func TestPlainInt(t *testing.T) {
	for _, s := range []string{"0", "007", "25", "123456789012345", "1234567890123456", "", "1.5", "-3", "1 000", "١٢"} {
		v, ok := plainInt(s)
		want, amb, wok := parseNumber(s)
		if ok && (!wok || amb || v != want) {
			t.Errorf("plainInt(%q) = %v, parseNumber %v %v %v", s, v, want, amb, wok)
		}
		if !ok && len(s) > 0 && len(s) <= 15 && allDigits(s) {
			t.Errorf("plainInt(%q) not read", s)
		}
	}
}
