package extract

import (
	"fmt"
	"strconv"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestSerialDate(t *testing.T) {
	// Expected values are what Excel shows for each serial (Excel for
	// Windows, 1900 system; Excel for Mac 2008, 1904 system).
	tests := []struct {
		v      float64
		d1904  bool
		want   time.Time
		wantOK bool
	}{
		{1, false, day(1900, 1, 1), true},
		{59, false, day(1900, 2, 28), true},
		{60, false, time.Time{}, false}, // Lotus's 1900-02-29 does not exist
		{61, false, day(1900, 3, 1), true},
		{25569, false, day(1970, 1, 1), true},
		{43831, false, day(2020, 1, 1), true},
		{43831.5, false, time.Date(2020, 1, 1, 12, 0, 0, 0, time.UTC), true},
		{43831.572916666664, false, time.Date(2020, 1, 1, 13, 45, 0, 0, time.UTC), true},
		{2958465, false, day(9999, 12, 31), true},
		{2958466, false, time.Time{}, false},
		{0, false, time.Time{}, false},
		{0.5, false, time.Time{}, false}, // a time without a date
		{-1, false, time.Time{}, false},
		{0, true, day(1904, 1, 1), true},
		{42369, true, day(2020, 1, 1), true},
		{-1, true, time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := serialDate(tt.v, tt.d1904)
		if ok != tt.wantOK || !got.Equal(tt.want) {
			t.Errorf("serialDate(%v, 1904=%v) = %v, %v; want %v, %v", tt.v, tt.d1904, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestParseDateText(t *testing.T) {
	tests := []struct {
		in     string
		want   time.Time
		wantOK bool
	}{
		{"2020-01-31", day(2020, 1, 31), true},
		{" 2020-01-31 ", day(2020, 1, 31), true},
		{"2020-01-31T13:45:00", time.Date(2020, 1, 31, 13, 45, 0, 0, time.UTC), true},
		{"2020-01-31T13:45:00Z", time.Date(2020, 1, 31, 13, 45, 0, 0, time.UTC), true},
		{"2020-01-31 13:45", time.Date(2020, 1, 31, 13, 45, 0, 0, time.UTC), true},
		{"2020-01-31 13:45:07.25", time.Date(2020, 1, 31, 13, 45, 7, 250e6, time.UTC), true},
		{"31-01-2020", day(2020, 1, 31), true},
		{"31.01.2020", day(2020, 1, 31), true},
		{"31/01/2020", day(2020, 1, 31), true},
		{"1-2-2020", day(2020, 2, 1), true}, // day first, always
		{"01/02/2020", day(2020, 2, 1), true},
		{"1-2-20", day(2020, 2, 1), true},
		{"1-2-68", day(2068, 2, 1), true},
		{"1-2-69", day(1969, 2, 1), true},
		{"29-02-2020", day(2020, 2, 29), true},
		{"31-12-2020 23:59", time.Date(2020, 12, 31, 23, 59, 0, 0, time.UTC), true},
		{"43831", day(2020, 1, 1), true}, // five-digit serial as text
		{"43831.5", time.Date(2020, 1, 1, 12, 0, 0, 0, time.UTC), true},
		{"31-02-2020", time.Time{}, false}, // never moved to 2 March
		{"29-02-2019", time.Time{}, false},
		{"32-01-2020", time.Time{}, false},
		{"00-01-2020", time.Time{}, false},
		{"15-13-2020", time.Time{}, false},
		{"2020-13-01", time.Time{}, false},
		{"2020-1-5", time.Time{}, false},
		{"2020/01/31", time.Time{}, false},
		{"31-01.2020", time.Time{}, false}, // mixed separators
		{"0202-01-01", time.Time{}, false}, // implausible year
		{"2020", time.Time{}, false},       // a year, not a serial
		{"20200131", time.Time{}, false},
		{"31012020", time.Time{}, false},
		{"1-2-020", time.Time{}, false},
		{"2020-01-31T25:00", time.Time{}, false},
		{"2020-01-31 13", time.Time{}, false},
		{"i går", time.Time{}, false},
		{"", time.Time{}, false},
		{"-", time.Time{}, false},
		{"--", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := parseDateText(tt.in, false)
		if ok != tt.wantOK || !got.Equal(tt.want) {
			t.Errorf("parseDateText(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
	if got, ok := parseDateText("42369", true); !ok || !got.Equal(day(2020, 1, 1)) {
		t.Errorf("1904 serial text: got %v, %v", got, ok)
	}
}

// TestFastDay: the fast path reads every day 1000–2199 in both shapes as
// the general one does, and leaves to it whatever it does not read the
// same (days that do not exist, dates before 1900, other shapes).
func TestFastDay(t *testing.T) {
	for d := time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2200; d = d.AddDate(0, 0, 1) {
		for _, s := range []string{d.Format("02-01-2006"), d.Format("2006-01-02"), d.Format("02.01.2006"), d.Format("02/01/2006")} {
			checkFastDay(t, s)
			if _, ok := fastDay(s); !ok && d.Year() >= firstYear {
				t.Errorf("fastDay(%q) leaves a plain date to the general path", s)
			}
		}
	}
	for _, s := range []string{"31-02-2020", "29-02-2100", "29-02-2000", "00-01-2020", "01-13-2020", "2020-00-10",
		"2020/01/10", "2020.01.10", "01-01/2020", "1-1-2020xx", "01-01-20 0", "+1-01-2020", "2200-01-01", "0999-12-31"} {
		checkFastDay(t, s)
	}
}

func checkFastDay(t *testing.T, s string) {
	t.Helper()
	day, ok := fastDay(s)
	if !ok {
		return
	}
	want, wok := parseDateText(s, false)
	if !wok || want.Year() < firstYear || DayTime(day) != want || DayOf(want) != day {
		t.Errorf("fastDay(%q) = %d (%v), parseDateText %v %v", s, day, DayTime(day), want, wok)
	}
}

// FuzzFastDay: wherever the fast path reads a date, the general one reads
// the same.
func FuzzFastDay(f *testing.F) {
	f.Add("01-01-2020")
	f.Add("2020-02-29")
	f.Fuzz(checkFastDay)
}

// TestSerialDay: a whole serial reads as serialDate reads it, in both
// date systems, and what serialDay leaves (fractions, serials that are no
// date) is left to it.
func TestSerialDay(t *testing.T) {
	step := func(v int) int { // every serial near the edges, a sample between
		if v < 2000 || v > maxSerial-2000 {
			return 1
		}
		return 97
	}
	for v := -2; v < maxSerial+2; v += step(v) {
		for _, s := range []string{strconv.Itoa(v), fmt.Sprintf("%07d", max(v, 0))} {
			for _, sys := range []bool{false, true} {
				for _, dateFmt := range []bool{false, true} {
					checkSerialDay(t, s, dateFmt, sys)
				}
			}
		}
	}
	if d, ok := serialDay("43831", true, false); !ok || DayTime(d) != day(2020, 1, 1) {
		t.Errorf("serialDay(43831) = %v %v, want 2020-01-01", DayTime(d), ok)
	}
	for _, s := range []string{"", "43831.5", "1e5", "+43831", "12345678"} {
		if _, ok := serialDay(s, true, false); ok {
			t.Errorf("serialDay(%q) read", s)
		}
	}
}

func checkSerialDay(t *testing.T, s string, dateFmt, date1904 bool) {
	t.Helper()
	day, ok := serialDay(s, dateFmt, date1904)
	if !ok {
		return
	}
	v, err := strconv.ParseFloat(s, 64)
	want, wok := serialDate(v, date1904)
	if err != nil || !wok || !(dateFmt || isSerialText(s)) || want.Year() < firstYear || DayTime(day) != want {
		t.Errorf("serialDay(%q, %v, 1904 %v) = %v, serialDate %v %v", s, dateFmt, date1904, DayTime(day), want, wok)
	}
}
