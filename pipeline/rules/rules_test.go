package rules

import (
	"strings"
	"testing"
	"time"
)

var env = Env{"hours": Number, "education": Bool, "reason": Text, "start": Date, "end": Date, "followup": Date}

func day(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }

func TestBoolRules(t *testing.T) {
	row := map[string]any{"hours": 12.0, "education": false, "reason": "gennemført",
		"start": day("2020-01-01"), "end": day("2020-03-01"), "followup": day("2021-12-31")}
	missingHours := map[string]any{"hours": nil, "education": true, "reason": "", "start": day("2020-01-01"), "end": nil, "followup": day("2021-12-31")}
	tests := []struct {
		src      string
		row      map[string]any
		want, ok bool
	}{
		{"hours > 0", row, true, true},
		{"hours >= 20", row, false, true},
		{"education", row, false, true},
		{"reason == 'gennemført'", row, true, true},
		{"reason in ['afbrudt', 'gennemført']", row, true, true},
		{"weeks(start, end) >= 8", row, true, true},
		{"days(start, end) == 60", row, true, true},
		{"start < date('2020-06-30')", row, true, true},
		{"hours > 0", missingHours, false, false},
		{"(hours ?? 0) > 0", missingHours, false, true},
		{"weeks(start, end) >= 4", missingHours, false, false},
		{"weeks(start, end ?? followup) >= 4", missingHours, true, true},
	}
	for _, tc := range tests {
		r, err := Compile("test", tc.src, env, Bool)
		if err != nil {
			t.Fatalf("%s: %v", tc.src, err)
		}
		got, ok, err := r.Bool(tc.row)
		if err != nil {
			t.Fatalf("%s: %v", tc.src, err)
		}
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s = %v (ok %v), want %v (ok %v)", tc.src, got, ok, tc.want, tc.ok)
		}
	}
}

func TestDateRule(t *testing.T) {
	r, err := Compile("cohort.exit", "end ?? followup", env, Date)
	if err != nil {
		t.Fatal(err)
	}
	got, ok, err := r.Date(map[string]any{"end": nil, "followup": day("2021-12-31")})
	if err != nil || !ok || !got.Equal(day("2021-12-31")) {
		t.Errorf("got %v %v", got, ok)
	}
	if _, ok, err := r.Date(map[string]any{"end": nil, "followup": nil}); ok || err != nil {
		t.Error("both missing should be missing")
	}
}

func TestCompileErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"huors > 0", `measure "employment" count "huors > 0": unknown name huors (1:1)`},
		{"hours > 'a'", "(mismatched types float64 and string) (1:7)"},
		{"hours", "gives number, expected yes/no"},
		{"hours >", "unexpected token EOF (1:7)"},
		{"start < now()", "unknown name now"},
	}
	for _, tc := range tests {
		_, err := Compile(`measure "employment" count`, tc.src, env, Bool)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.src, err, tc.want)
		}
	}
}
