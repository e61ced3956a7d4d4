package rules

import (
	"fmt"
	"strings"
	"testing"
)

// env3 has two yes/no fields for the truth tables besides the usual ones.
var env3 = Env{"a": Bool, "b": Bool, "hours": Number, "x": Number, "education": Bool,
	"reason": Text, "start": Date, "end": Date, "followup": Date}

// row3 is a row with every field present, then overridden by kv pairs (a
// nil value is missing).
func row3(kv ...any) map[string]any {
	r := map[string]any{"a": true, "b": false, "hours": 12.0, "x": 3.0, "education": true,
		"reason": "gennemført", "start": day("2020-01-01"), "end": day("2020-03-01"), "followup": day("2021-12-31")}
	for i := 0; i+1 < len(kv); i += 2 {
		r[kv[i].(string)] = kv[i+1]
	}
	return r
}

// tv is a truth value: true, false or missing (nil).
func tv(s string) any {
	switch s {
	case "T":
		return true
	case "F":
		return false
	}
	return nil
}

func eval3(t *testing.T, src string, row map[string]any) any {
	t.Helper()
	r, err := Compile("test", src, env3, Bool)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	v, ok, err := r.Bool(row)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	if !ok {
		return nil
	}
	return v
}

// TestKleeneTruthTables checks &&, ||, ! (and their word forms) for every
// combination of true, false and missing operands, both as plain fields and
// as comparisons (which take a different path in the rewrite).
func TestKleeneTruthTables(t *testing.T) {
	and := map[string]string{"TT": "T", "TF": "F", "TM": "M", "FT": "F", "FF": "F", "FM": "F", "MT": "M", "MF": "F", "MM": "M"}
	or := map[string]string{"TT": "T", "TF": "T", "TM": "T", "FT": "T", "FF": "F", "FM": "M", "MT": "T", "MF": "M", "MM": "M"}
	not := map[string]string{"T": "F", "F": "T", "M": "M"}
	forms := []struct {
		a, b  string // how a and b are spelled
		table map[string]string
		op    string
	}{
		{"a", "b", and, "&&"}, {"a", "b", and, "and"}, {"a", "b", or, "||"}, {"a", "b", or, "or"},
		{"hours > 0", "x > 0", and, "&&"}, {"hours > 0", "x > 0", or, "||"},
		{"(reason != '' && a)", "b", and, "&&"}, {"(reason != '' && a)", "b", or, "||"},
		{"a", "(x >= 1 && b)", or, "or"},
	}
	set := map[string][2]any{"T": {true, 1.0}, "F": {false, -1.0}, "M": {nil, nil}}
	for _, f := range forms {
		src := fmt.Sprintf("%s %s %s", f.a, f.op, f.b)
		for in, want := range f.table {
			va, vb := set[in[:1]], set[in[1:]]
			row := row3("a", va[0], "hours", va[1], "b", vb[0], "x", vb[1])
			if got := eval3(t, src, row); got != tv(want) {
				t.Errorf("%s with a=%c b=%c: got %v, want %s", src, in[0], in[1], got, want)
			}
		}
	}
	for _, src := range []string{"!a", "not a", "!(hours > 0)", "not (hours > 0)"} {
		for in, want := range not {
			row := row3("a", set[in][0], "hours", set[in][1])
			if got := eval3(t, src, row); got != tv(want) {
				t.Errorf("%s with a=%s: got %v, want %s", src, in, got, want)
			}
		}
	}
}

func TestMissingValues(t *testing.T) {
	noHours := row3("hours", nil)
	tests := []struct {
		src  string
		row  map[string]any
		want string
	}{
		// the brief's cases
		{"hours > 0 || education", row3("hours", nil, "education", true), "T"},
		{"hours > 0 || education", row3("hours", nil, "education", false), "M"},
		{"hours > 0 && education", row3("hours", nil, "education", false), "F"},
		{"hours > 0 && education", row3("hours", nil, "education", nil), "M"},
		// comparisons
		{"hours > 0", noHours, "M"}, {"hours < 0", noHours, "M"}, {"hours <= 0", noHours, "M"},
		{"hours >= 0", noHours, "M"}, {"hours == 0", noHours, "M"}, {"hours != 0", noHours, "M"},
		{"hours == x", row3("hours", nil, "x", nil), "M"}, {"x < hours", noHours, "M"},
		{"education == true", row3("education", nil), "M"}, {"education != false", row3("education", nil), "M"},
		{"start < date('2020-06-30')", row3(), "T"}, {"start < date('2020-06-30')", row3("start", nil), "M"},
		{"start == end", row3("end", nil), "M"}, {"end > start", row3(), "T"},
		{"reason == ''", row3("reason", ""), "T"}, {"reason != ''", row3("reason", ""), "F"},
		// explicit tests for missing values
		{"hours == nil", noHours, "T"}, {"hours == nil", row3(), "F"}, {"nil != hours", noHours, "F"},
		{"hours != nil", row3(), "T"}, {"end == nil || end > start", row3("end", nil), "T"},
		{"(hours + x) == nil", noHours, "T"}, {"weeks(start, end) != nil", row3("end", nil), "F"},
		{"education == nil", row3("education", nil), "T"}, {"(hours > 0) == nil", noHours, "T"},
		// arithmetic
		{"hours + 1 > 10", noHours, "M"}, {"hours - x > 0", row3("x", nil), "M"}, {"hours * 2 >= 24", row3(), "T"},
		{"-hours < 0", noHours, "M"}, {"-hours < 0", row3(), "T"}, {"hours / x == 4", row3(), "T"},
		{"hours / 0 > 1", row3(), "M"}, {"hours / x > 1", row3("x", 0.0), "M"}, {"hours ** 2 > 1", noHours, "M"},
		{"hours + 1 > 10 || education", noHours, "T"},
		// in
		{"hours in [1, 12]", row3(), "T"}, {"hours in [1, 12]", noHours, "M"}, {"hours not in [1, 12]", noHours, "M"},
		{"reason in ['afbrudt', 'gennemført']", row3(), "T"},
		{"hours in [1] || education", noHours, "T"},
		// ??
		{"(hours ?? 0) > 0", noHours, "F"}, {"(hours ?? x) == 3", noHours, "T"}, {"(hours ?? x) > 0", row3("hours", nil, "x", nil), "M"},
		{"education ?? false", row3("education", nil), "F"}, {"(education ?? a) || b", row3("education", nil, "a", nil), "M"},
		// dates
		{"weeks(start, end) >= 4", row3("end", nil), "M"}, {"weeks(start, end ?? followup) >= 4", row3("end", nil), "T"},
		{"days(start, end) == 60", row3(), "T"}, {"days(start, end) > 1 || education", row3("start", nil), "T"},
		// conditionals, functions and methods of missing values
		{"(education ? 1 : 2) == 1", row3("education", nil), "M"}, {"(a ? hours : x) > 5", row3("hours", nil), "M"},
		{"(a ? hours : x) > 5", row3("hours", nil, "a", false), "F"},
		{"abs(hours) > 1 || education", noHours, "T"}, {"abs(hours) > 1 && education", noHours, "M"},
		{"round(hours) == 12", row3(), "T"}, {"max(hours, x) > 1", noHours, "M"},
		{"start.Year() == 2020 || b", row3("start", nil), "M"}, {"start.Year() == 2020 || a", row3("start", nil), "T"},
		{"start.Before(end) || a", row3("end", nil), "T"}, {"start.Before(end)", row3(), "T"},
		{"let h = hours; h > 0 || education", noHours, "T"},
		{"all([hours, x], {# > 0})", row3(), "T"}, {"any([hours, x], {# > 5}) || b", noHours, "M"},
		{"upper(reason) startsWith 'GEN'", row3(), "T"}, {"len(reason) > 3", row3(), "T"},
	}
	for _, tc := range tests {
		if got := eval3(t, tc.src, tc.row); got != tv(tc.want) {
			t.Errorf("%s: got %v, want %s", tc.src, got, tc.want)
		}
	}
}

// TestMissingNumbersAndDates checks rules whose value is not yes/no.
func TestMissingNumbersAndDates(t *testing.T) {
	tests := []struct {
		src  string
		kind Kind
		row  map[string]any
		want any // nil: missing
	}{
		{"hours + x", Number, row3(), 15.0}, {"hours + x", Number, row3("x", nil), nil},
		{"hours * 2", Number, row3("hours", nil), nil}, {"-hours", Number, row3(), -12.0},
		{"hours / x", Number, row3("x", 0.0), nil}, {"(hours ?? 0.0) + 1", Number, row3("hours", nil), 1.0},
		{"weeks(start, end)", Number, row3("start", nil), nil},
		{"a ? end : followup", Date, row3("a", nil), nil}, {"a ? end : followup", Date, row3(), day("2020-03-01")},
		{"end ?? followup", Date, row3("end", nil), day("2021-12-31")},
		{"reason", Text, row3("reason", ""), ""},
	}
	for _, tc := range tests {
		r, err := Compile("test", tc.src, env3, tc.kind)
		if err != nil {
			t.Fatalf("%s: %v", tc.src, err)
		}
		got, ok, err := r.Eval(tc.row)
		if err != nil {
			t.Fatalf("%s: %v", tc.src, err)
		}
		if (tc.want == nil) == ok || (ok && fmt.Sprint(got) != fmt.Sprint(tc.want)) {
			t.Errorf("%s = %v (ok %v), want %v", tc.src, got, ok, tc.want)
		}
	}
}

func TestMissingCompileErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"reason == nil", "text is never missing (a blank cell is ''); compare with '' instead of nil (1:8)"},
		{"a && nil != upper(reason)", "text is never missing"},
		{"start < date('2020-13-01')", `date("2020-13-01"): expected yyyy-mm-dd (1:14)`},
		{"_and(a, b)", "unknown name _and (1:1)"},
		{"hours > nil", "mismatched types float64 and unknown"},
	}
	for _, tc := range tests {
		_, err := Compile("cohort.include", tc.src, env3, Bool)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "cohort.include ") {
			t.Errorf("%s: got %v, want %q", tc.src, err, tc.want)
		}
	}
}

func TestInListWithMissing(t *testing.T) {
	tests := []struct {
		src  string
		row  map[string]any
		want string
	}{
		{"1 in [hours]", row3("hours", nil), "M"}, {"12 in [hours, x]", row3("x", nil), "T"},
		{"5 in [hours, x]", row3("x", nil), "M"}, {"5 in [hours, x]", row3(), "F"},
		{"hours in [1, nil]", row3(), "M"}, {"hours in [12, nil]", row3(), "T"},
		{"x in [hours, 3]", row3("x", nil), "M"}, {"x not in [hours, 1]", row3("hours", nil), "M"},
		{"x not in [hours, 3]", row3("hours", nil), "F"},
	}
	for _, tc := range tests {
		if got := eval3(t, tc.src, tc.row); got != tv(tc.want) {
			t.Errorf("%s: got %v, want %s", tc.src, got, tc.want)
		}
	}
}
