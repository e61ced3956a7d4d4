package privacy

import (
	"testing"
	"unicode"
)

// cprSpellings are the ways 010190-1234 has been written (issue 11 lists
// the fifteen the first guard let through); each must be found.
var cprSpellings = []string{
	"010190-1234", "0101901234", "010190 1234", // the guard's first three
	"010190\u20131234",           // en dash
	"010190\u20111234",           // non-breaking hyphen
	"010190\u22121234",           // minus sign
	"010190\u00a01234",           // no-break space
	"010190 - 1234",              // spaced dash
	"010190\t1234",               // tab
	"010190_1234",                // underscore
	"010190/1234",                // slash
	"01.01.90-1234",              // dotted date
	"01 01 90 1234",              // spaced pairs
	"０１０１９０－１２３４",                // full-width digits and hyphen
	"10190 1234",                 // leading zero lost, as text
	"101901234",                  // leading zero lost, 9 digits
	"010190\u20141234",           // em dash
	"010190\u202f1234",           // narrow no-break space
	"010190\u200b1234",           // zero-width space
	"010190\u00ad1234",           // soft hyphen
	"010190\u20101234",           // Unicode hyphen
	"010190\ufe631234",           // small hyphen-minus
	"٠١٠١٩٠-١٢٣٤",                // Arabic-Indic digits
	"01-01-90-1234",              // dashed date
	"0101 90 1234",               // odd grouping
	"0101 901234",                // the date ends inside the last group
	"010190  -  1234",            // wide gap (five separators)
	"290200-1234",                // 29 February 2000
	"Hans 010190-1234 ringer",    // inside text
	"nr. 0101901234.",            // followed by a full stop
	"010190-1234.xlsx",           // a file name
	"ring 0101901234 eller 0202", // one of two numbers
}

func TestContainsCPR(t *testing.T) {
	for _, s := range cprSpellings {
		if !ContainsCPR(s) {
			t.Errorf("ContainsCPR(%q) = false; want true", s)
		}
		if m := Mask(s); ContainsCPR(m) || m == s {
			t.Errorf("Mask(%q) = %q still holds a CPR number", s, m)
		}
	}
}

// notCPR are numbers a report, a config or an ordinary cell holds.
var notCPR = []string{
	"2020-01-31", "31-12-2021", "12345678", "1234567890", // month 56
	"01019012345", // 11 digits: not a CPR number
	"310290-1234", // no 31 February
	"16.489.572 kr", "35,1 %", "195 startede, 148 gennemført",
	"uge 4, 13, 26, 52", "2017–2021", "+45 12 34 56 78", "2020-01-01 12:00",
	"P0001", "43831", "12963.50", "1.234,5", "sha256 9f86d081884c7d659a2feaa0c55ad015",
	"4 13 26 52", "2018-03-01 – 2020-03-01", // not 030120-2003
	"2010-05-03 – 2012-01-01", "03 01 2020 03",
}

func TestNotCPR(t *testing.T) {
	for _, s := range notCPR {
		if ContainsCPR(s) {
			t.Errorf("ContainsCPR(%q) = true; want false", s)
		}
		if m := Mask(s); m != s {
			t.Errorf("Mask(%q) = %q; want it unchanged", s, m)
		}
	}
}

func TestMask(t *testing.T) {
	tests := []struct{ in, want string }{
		{"010190-1234.xlsx", "[CPR masked].xlsx"},
		{"udtræk 01.01.90-1234 (2).csv", "udtræk [CPR masked] (2).csv"},
		{"0101901234 og 020290\u20131234", "[CPR masked] og [CPR masked]"},
		{"0101901234 0202901234", "[CPR masked] [CPR masked]"},
		{"０１０１９０－１２３４ ark", "[CPR masked] ark"},
		{"Deltagere", "Deltagere"},
	}
	for _, tt := range tests {
		if got := Mask(tt.in); got != tt.want {
			t.Errorf("Mask(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"０１２３", "0123"},
		{"a\u2013b\u2212c\u2011d", "a-b-c-d"},
		{"a\u00a0b\tc\u200bd", "a b c d"},
		{"linje\nlinje", "linje\nlinje"},
		{"Næstved", "Næstved"},
		{"٣", "3"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkContainsCPR(b *testing.B) {
	cells := []string{"gennemført", "2020-01-31", "12,5", "Jobcenter Næstved", "0101901234"}
	for b.Loop() {
		for _, c := range cells {
			ContainsCPR(c)
		}
	}
}

// FuzzMask: whatever the text, the masked text holds no CPR-shaped part,
// text without one is left alone, and nothing panics.
func FuzzMask(f *testing.F) {
	for _, s := range append(cprSpellings, notCPR...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m := Mask(s)
		if ContainsCPR(m) {
			t.Errorf("Mask(%q) = %q still holds a CPR number", s, m)
		}
		if !ContainsCPR(s) && m != s {
			t.Errorf("Mask(%q) = %q changed text without a CPR number", s, m)
		}
		_ = Quote(s, false)
		_ = NameLikeHeader(s)
	})
}

// TestMaxDigits: no rune's NFKC form holds more digits than maxDigits
// counts for it, so the fast path never skips a CPR number.
func TestMaxDigits(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		s := string(r)
		n := 0
		for _, c := range Normalize(s) {
			if c >= '0' && c <= '9' {
				n++
			}
		}
		if n > maxDigits(s) {
			t.Errorf("%U: %d digits once normalised, maxDigits %d", r, n, maxDigits(s))
		}
	}
}
