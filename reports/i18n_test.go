package reports

import (
	"github.com/danish-eval/evaluate/models/results"

	"strings"
	"testing"
)

// Both languages translate the same statuses, exit categories and
// populations (a lost entry once left "finished" and "ressourceforloeb"
// untranslated in a Danish report).
func TestTextsComplete(t *testing.T) {
	da, en := TextFor("da", 0.95), TextFor("en", 0.95)
	for name, pair := range map[string][2]map[string]string{
		"statuses": {da.Statuses, en.Statuses}, "categories": {da.Categories, en.Categories},
		"populations": {da.Populations, en.Populations},
	} {
		for k := range pair[0] {
			if _, ok := pair[1][k]; !ok {
				t.Errorf("%s: %q has Danish but no English text", name, k)
			}
		}
		for k := range pair[1] {
			if _, ok := pair[0][k]; !ok {
				t.Errorf("%s: %q has English but no Danish text", name, k)
			}
		}
	}
	tests := []struct{ got, want string }{
		{da.Status("finished"), "afsluttet"},
		{da.Category("ressourceforloeb"), "Ressourceforløb"},
		{da.Category("not_stated"), "Ikke oplyst"},
		{en.Category("not_stated"), "Not stated"},
		{da.LeftBy("dropout"), "afbrudt (kumuleret)"},
		{en.LeftBy("finished"), "finished (cumulative)"},
		{da.Status("my_own_status"), "my_own_status"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	for _, r := range results.ReasonOrder {
		if da.ReasonText(r) == string(r) {
			t.Errorf("exclusion reason %q has no Danish text", r)
		}
	}
}

// Every string that names the confidence level follows it (the PDF once
// said "95 %-KI" at level 0.9).
func TestTextsFollowLevel(t *testing.T) {
	for _, c := range []struct {
		lang  string
		level float64
		want  string
	}{
		{"da", 0.95, "95 %-KI"}, {"da", 0.9, "90 %-KI"}, {"da", 0.975, "97,5 %-KI"},
		{"en", 0.9, "90 % CI"}, {"en", 0.999, "99.9 % CI"},
	} {
		tx := TextFor(c.lang, c.level)
		if tx.Interval != c.want {
			t.Errorf("%s %v: %q, want %q", c.lang, c.level, tx.Interval, c.want)
		}
		pct := c.want[:len(c.want)-len(" CI")]
		if c.lang == "da" {
			pct = c.want[:len(c.want)-len("-KI")]
		}
		for _, s := range []string{tx.IncidenceIntro, tx.PortfolioIntro} {
			if !strings.Contains(s, pct) || strings.Contains(s, "%!") {
				t.Errorf("%s %v: %q lacks %q", c.lang, c.level, s, pct)
			}
		}
	}
}
