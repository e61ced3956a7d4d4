package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const minimal = `
id: t
source: {file: x.xlsx}
columns:
  start: {header: startdato, type: date}
  reason: {header: årsag, type: text}
cohort:
  status:
    completed: "reason == 'gennemført'"
    dropout: "reason == 'afbrudt'"
measures:
  - id: completion
    count: "status == 'completed'"
`

func TestParseDefaults(t *testing.T) {
	c, err := Parse([]byte(minimal), nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Language != "da" || c.Bootstrap.Replicates != 9999 || c.Bootstrap.Seed != 1 ||
		c.Bootstrap.Level != 0.95 || c.Disclosure.Min() != 5 || c.Measures[0].Among != "started" ||
		c.Source.HeaderRow != 1 || c.Cohort.Include != "true" {
		t.Errorf("defaults not applied: %+v", c)
	}
	if got := strings.Join(c.StatusNames(), ","); got != "completed,dropout" {
		t.Errorf("status order %q, want completed,dropout", got)
	}
}

func TestStatusKeepsFileOrder(t *testing.T) {
	src := strings.Replace(minimal, "    completed: \"reason == 'gennemført'\"\n    dropout: \"reason == 'afbrudt'\"",
		"    zz: \"true\"\n    dropout: \"reason == 'afbrudt'\"\n    aa: \"false\"", 1)
	c, err := Parse([]byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.StatusNames(), ","); got != "zz,dropout,aa" {
		t.Errorf("status order %q, want zz,dropout,aa", got)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, edit, want string
	}{
		{"unknown top key", "id: t\nlangauge: en", `unknown key "langauge"`},
		{"unknown column key", "  start: {header: startdato, type: date, format: x}", `unknown key "format" in Column`},
		{"bad type", "  start: {header: startdato, type: dato}", `columns.start.type "dato"`},
		{"bad language", "id: t\nlanguage: de", `language "de"`},
		{"bad id", "id: T Q", `id "T Q"`},
		{"duplicate measure", "    count: \"status == 'completed'\"\n  - id: completion\n    count: \"true\"", `id "completion" is used twice`},
		{"bad target", "    count: \"status == 'completed'\"\n    target: {at_least: 20}", "target 20"},
		{"bad level", "id: t\nbootstrap: {level: 95}", "bootstrap.level 95"},
		{"bad method", "id: t\nbootstrap: {methods: [bca, studentized]}", `unknown method "studentized"`},
		{"strata not a column", "id: t\nstrata: sted", `strata "sted"`},
	}
	base := strings.SplitN(minimal, "\n", 2)[1]
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var src string
			switch {
			case strings.HasPrefix(tc.edit, "id: t\n"):
				src = strings.Replace(base, "id: t\n", tc.edit+"\n", 1)
			case strings.HasPrefix(tc.edit, "  start:"):
				src = strings.Replace(base, "  start: {header: startdato, type: date}", tc.edit, 1)
			case strings.HasPrefix(tc.edit, "id: T"):
				src = strings.Replace(base, "id: t", tc.edit, 1)
			default:
				src = strings.Replace(base, "    count: \"status == 'completed'\"", tc.edit, 1)
			}
			_, err := Parse([]byte(src), nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q\n%s", err, tc.want, src)
			}
		})
	}
}

// cohort.followup_end must name a mapped date column.
func TestFollowupEndIsADateColumn(t *testing.T) {
	for _, tc := range []struct{ field, want string }{
		{"start", ""},
		{"opf", `cohort.followup_end: "opf" is not a mapped column`},
		{"reason", `cohort.followup_end: "reason" is a text column`},
	} {
		src := strings.Replace(minimal, "cohort:\n", "cohort:\n  followup_end: "+tc.field+"\n", 1)
		c, err := Parse([]byte(src), nil)
		switch {
		case tc.want == "" && (err != nil || c.Cohort.FollowupEnd != tc.field):
			t.Errorf("followup_end %s: %v", tc.field, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("followup_end %s: error %v, want %q", tc.field, err, tc.want)
		}
	}
}

func TestUnknownKeyNamesLine(t *testing.T) {
	_, err := Parse([]byte(minimal+"retention: {event: dropout, time: [4]}\n"), nil)
	if err == nil || !strings.Contains(err.Error(), `line 14: unknown key "time"`) {
		t.Fatalf("got %v", err)
	}
}

func TestOverrides(t *testing.T) {
	ov := []Override{
		{Key: "measures.completion.count", Value: "status == 'dropout'"},
		{Key: "measures.completion.among", Value: "ended"},
		{Key: "bootstrap.replicates", Value: "99"},
		{Key: "language", Value: "en"},
	}
	c, err := Parse([]byte(minimal), ov)
	if err != nil {
		t.Fatal(err)
	}
	m := c.Measures[0]
	if m.Count != "status == 'dropout'" || m.Among != "ended" || c.Bootstrap.Replicates != 99 || c.Language != "en" {
		t.Errorf("overrides not applied: %+v %+v", m, c.Bootstrap)
	}
	if _, err := Parse([]byte(minimal), []Override{{Key: "measures.nope.count", Value: "true"}}); err == nil ||
		!strings.Contains(err.Error(), `no element with id "nope"`) {
		t.Errorf("unknown measure override: %v", err)
	}
	if _, err := Parse([]byte(minimal), []Override{{Key: "bootstrap.replicate", Value: "9"}}); err == nil ||
		!strings.Contains(err.Error(), `unknown key "replicate"`) {
		t.Errorf("misspelt override: %v", err)
	}
}

func TestParseOverride(t *testing.T) {
	o, err := ParseOverride("measures.employment.count=hours >= 10")
	if err != nil || o.Key != "measures.employment.count" || o.Value != "hours >= 10" {
		t.Fatalf("%+v %v", o, err)
	}
	if _, err := ParseOverride("nokey"); err == nil {
		t.Fatal("want error")
	}
}

func TestLoadBundledConfigs(t *testing.T) {
	files, _ := filepath.Glob("../../data/cohorts/*.yaml")
	if len(files) == 0 {
		t.Fatal("no bundled configs")
	}
	for _, f := range files {
		c, err := Load(f, nil)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if _, err := os.Stat(c.SourcePath()); err != nil {
			t.Errorf("%s: extract %s: %v", f, c.SourcePath(), err)
		}
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load("nope/missing.yaml", nil)
	if err == nil || err.Error() != "config nope/missing.yaml: file not found" {
		t.Fatalf("got %v", err)
	}
}

// An override's value is the text as typed unless it is a plain number,
// boolean, list or mapping: YAML must not eat "!", quotes or ": ".
func TestOverrideValues(t *testing.T) {
	tests := []struct{ value, want string }{
		{"!(reason == 'afbrudt')", "!(reason == 'afbrudt')"},
		{"'gennemført' == reason", "'gennemført' == reason"},
		{"reason == 'a: b'", "reason == 'a: b'"},
		{"hours >= 10", "hours >= 10"},
	}
	for _, tc := range tests {
		c, err := Parse([]byte(minimal), []Override{{Key: "measures.completion.count", Value: tc.value}})
		if err != nil {
			t.Errorf("%s: %v", tc.value, err)
			continue
		}
		if got := c.Measures[0].Count; got != tc.want {
			t.Errorf("count = %q, want %q", got, tc.want)
		}
	}
	c, err := Parse([]byte(minimal), []Override{{Key: "retention", Value: "{event: dropout, times: [4, 8]}"},
		{Key: "bootstrap.level", Value: "0.9"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Retention.Times) != 2 || c.Retention.Times[1] != 8 || c.Bootstrap.Level != 0.9 {
		t.Errorf("retention %+v, level %v", c.Retention, c.Bootstrap.Level)
	}
}

// Wrong types name the line, the key and what was expected, in words.
func TestTypeErrors(t *testing.T) {
	tests := []struct{ edit, want string }{
		{"id: t\nbootstrap: {level: 20 %}", `line 2: level: "20 %" is text, expected a number`},
		{"id: t\nbootstrap:\n  replicates: many", `line 3: replicates: "many" is text, expected a whole number`},
		{"id: t\nsensitivity: {name: x}", "line 2: sensitivity: is a mapping, expected a list"},
	}
	base := strings.SplitN(minimal, "\n", 2)[1]
	for _, tc := range tests {
		_, err := Parse([]byte(strings.Replace(base, "id: t", tc.edit, 1)), nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("got %v, want %q", err, tc.want)
		}
	}
}

func TestEmptyConfig(t *testing.T) {
	if _, err := Parse([]byte(""), nil); err == nil || err.Error() != "the file is empty" {
		t.Errorf("got %v", err)
	}
}

func TestWholeNumbersAndSeedZero(t *testing.T) {
	base := strings.SplitN(minimal, "\n", 2)[1]
	if _, err := Parse([]byte(strings.Replace(base, "id: t", "id: t\nbootstrap: {replicates: 99.5}", 1)), nil); err == nil ||
		!strings.Contains(err.Error(), "bootstrap.replicates 99.5: expected a whole number") {
		t.Errorf("99.5 replicates: %v", err)
	}
	c, err := Parse([]byte(strings.Replace(base, "id: t", "id: t\nbootstrap: {seed: 0}", 1)), nil)
	if err != nil || c.Bootstrap.Seed != 0 {
		t.Errorf("seed 0 given: %v, %v", c, err)
	}
	c, err = Parse([]byte(base), nil)
	if err != nil || c.Bootstrap.Seed != DefaultSeed {
		t.Errorf("seed absent: %v", err)
	}
}
