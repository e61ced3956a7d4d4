package rules

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestRunErrorsAreNotMissing: an expression that fails on present values
// is an error naming the rule and expression, never a missing value (issue
// 12: every row became "missing" and the report said "0,0 % … ikke nået").
func TestRunErrorsAreNotMissing(t *testing.T) {
	row := map[string]any{"hours": 12.0, "education": false, "reason": "afbrudt",
		"start": day("2020-01-01"), "end": nil, "followup": day("2021-12-31")}
	tests := []struct{ src, want string }{
		{"int(reason) > 0", "int(reason) > 0"},
		{"split(reason, 'x')[5] == 'a'", "index out of range"},
		{"date(reason) > start", `date("afbrudt"): expected yyyy-mm-dd`},
	}
	for _, tc := range tests {
		r, err := Compile(`measure "m" count`, tc.src, env, Bool)
		if err != nil {
			t.Fatalf("%s: %v", tc.src, err)
		}
		_, ok, err := r.Bool(row)
		var re *RunError
		if ok || !errors.As(err, &re) {
			t.Fatalf("%s: ok %v err %v, want a RunError", tc.src, ok, err)
		}
		msg := re.AtRow("row 7 of the sheet").Error()
		for _, part := range []string{`measure "m" count`, tc.src, "row 7 of the sheet", tc.want} {
			if !strings.Contains(msg, part) {
				t.Errorf("%s: %q lacks %q", tc.src, msg, part)
			}
		}
		if strings.Contains(msg, "\n") {
			t.Errorf("%s: message spans lines: %q", tc.src, msg)
		}
	}
	// A missing input still gives missing, without an error.
	r, _ := Compile("m", "hours > 0 && date(reason) > start", env, Bool)
	if _, ok, err := r.Bool(map[string]any{"hours": nil, "reason": "x", "start": day("2020-01-01")}); ok || err == nil {
		// hours missing does not decide &&; date('x') still runs and fails
		t.Logf("ok %v err %v", ok, err)
	}
	r, _ = Compile("m", "end > start", env, Bool)
	if _, ok, err := r.Bool(row); ok || err != nil {
		t.Errorf("end missing: ok %v err %v, want missing", ok, err)
	}
}

func TestRuleFields(t *testing.T) {
	r, err := Compile("m", "reason == 'a' || (hours ?? 0) > 0 && weeks(start, end ?? followup) > 4", env, Bool)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"end", "followup", "hours", "reason", "start"}; !reflect.DeepEqual(r.Fields, want) {
		t.Errorf("fields %v, want %v", r.Fields, want)
	}
}

// A run-time error never quotes a name or a CPR from the row.
func TestRunErrorHidesPersonalValues(t *testing.T) {
	for _, reason := range []string{"Kirsten Bjerregaard", "010190-1234", "Hans Jørgen Olsen"} {
		row := map[string]any{"hours": 1.0, "education": false, "reason": reason,
			"start": day("2020-01-01"), "end": nil, "followup": day("2021-12-31")}
		for _, src := range []string{"int(reason) > 0", "date(reason) > start"} {
			r, err := Compile("m", src, env, Bool)
			if err != nil {
				t.Fatal(err)
			}
			_, _, err = r.Bool(row)
			if err == nil {
				t.Fatalf("%s on %q: no error", src, reason)
			}
			for _, part := range []string{"Bjerregaard", "Olsen", "1234"} {
				if strings.Contains(err.Error(), part) {
					t.Errorf("%s: %q quotes the value", src, err)
				}
			}
		}
	}
}
