package reports

import (
	"math"
	"testing"
	"time"
)

// Expected strings follow DESIGN.md §8 / issue 5 (da: 35,1 %; 16.489.572 kr.;
// 31. december 2021 — en: 35.1 %; DKK 16,489,572; 31 December 2021).

func TestPercent(t *testing.T) {
	for _, tc := range []struct {
		lang  string
		share float64
		d     int
		want  string
	}{
		{"da", 52.0 / 148, 1, "35,1 %"},
		{"en", 52.0 / 148, 1, "35.1 %"},
		{"da", 0.2, 0, "20 %"},
		{"en", 1, 0, "100 %"},
		{"da", 0, 1, "0,0 %"},
		{"da", -0.00001, 1, "0,0 %"},
		{"da", 148.0 / 195, 2, "75,90 %"},
		{"da", math.NaN(), 1, "–"},
		{"en", math.Inf(1), 1, "–"},
		{"xx", 0.5, 1, "50.0 %"},
	} {
		if got := Percent(tc.lang, tc.share, tc.d); got != tc.want {
			t.Errorf("Percent(%q, %v, %d) = %q, want %q", tc.lang, tc.share, tc.d, got, tc.want)
		}
	}
}

func TestInt(t *testing.T) {
	for _, tc := range []struct {
		lang string
		n    int
		want string
	}{
		{"da", 16489572, "16.489.572"},
		{"en", 16489572, "16,489,572"},
		{"da", 0, "0"},
		{"da", 195, "195"},
		{"da", 1000, "1.000"},
		{"en", 100000, "100,000"},
		{"da", -1234, "-1.234"},
		{"en", 1048576, "1,048,576"},
	} {
		if got := Int(tc.lang, tc.n); got != tc.want {
			t.Errorf("Int(%q, %d) = %q, want %q", tc.lang, tc.n, got, tc.want)
		}
	}
}

func TestDecimal(t *testing.T) {
	for _, tc := range []struct {
		lang string
		x    float64
		d    int
		want string
	}{
		{"da", 12963.5, 2, "12.963,50"},
		{"en", 12963.5, 2, "12,963.50"},
		{"da", 1.25, 1, "1,2"}, // 1.25 is exact: strconv rounds half to even
		{"da", 2.5, 0, "2"},
		{"en", 0.05, 2, "0.05"},
		{"da", -0.04, 1, "0,0"},
		{"da", -1234.5, 1, "-1.234,5"},
		{"da", 3, -1, "3"},
		{"en", math.NaN(), 2, "–"},
	} {
		if got := Decimal(tc.lang, tc.x, tc.d); got != tc.want {
			t.Errorf("Decimal(%q, %v, %d) = %q, want %q", tc.lang, tc.x, tc.d, got, tc.want)
		}
	}
}

func TestDKK(t *testing.T) {
	for _, tc := range []struct {
		lang string
		x    float64
		want string
	}{
		{"da", 106 * 12963.50 * 12, "16.489.572 kr."},
		{"en", 106 * 12963.50 * 12, "DKK 16,489,572"},
		{"da", 12963.50, "12.963,50 kr."},
		{"en", 12963.50, "DKK 12,963.50"},
		{"da", 0, "0 kr."},
		{"da", math.Inf(-1), "–"},
	} {
		if got := DKK(tc.lang, tc.x); got != tc.want {
			t.Errorf("DKK(%q, %v) = %q, want %q", tc.lang, tc.x, got, tc.want)
		}
	}
}

func TestDate(t *testing.T) {
	for _, tc := range []struct {
		lang string
		t    time.Time
		want string
	}{
		{"da", time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC), "31. december 2021"},
		{"en", time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC), "31 December 2021"},
		{"da", time.Date(2018, 3, 1, 23, 59, 0, 0, time.UTC), "1. marts 2018"},
		{"da", time.Date(2020, 5, 9, 0, 0, 0, 0, time.UTC), "9. maj 2020"},
		{"en", time.Date(2020, 5, 9, 0, 0, 0, 0, time.UTC), "9 May 2020"},
	} {
		if got := Date(tc.lang, tc.t); got != tc.want {
			t.Errorf("Date(%q, %v) = %q, want %q", tc.lang, tc.t, got, tc.want)
		}
	}
}

// A number keeps its per cent sign on its line; other spaces still break.
func TestKeepTogether(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"95 %-konfidensinterval", "95\u00a0%-konfidensinterval"},
		{"35,1 % (27,5–43,0 %)", "35,1\u00a0% (27,5–43,0\u00a0%)"},
		{"mål 20 %", "mål 20\u00a0%"},
		{"100 % af dem", "100\u00a0% af dem"},
		{"a % b", "a % b"},
	} {
		if got := keepTogether(tt.in); got != tt.want {
			t.Errorf("keepTogether(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
