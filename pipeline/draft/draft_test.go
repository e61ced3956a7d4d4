package draft

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/pipeline"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/extract"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

const extracts = "../../data/extracts/"

// TestGoldenPVA pins the whole draft for the bundled pva extract.
func TestGoldenPVA(t *testing.T) {
	got, err := Draft(extracts+"pva.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "pva.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("draft differs from %s (go test -update rewrites it):\n%s", golden, got)
	}
}

// TestBundledDrafts parses every bundled extract's draft with
// config.Parse, runs it through pipeline.Validate (rules compiled, the
// extract read, at least one row included), and checks it is the same
// on a second run.
func TestBundledDrafts(t *testing.T) {
	for _, name := range []string{"pva", "jeps", "roskilde", "camp100", "hjemme"} {
		t.Run(name, func(t *testing.T) {
			path, err := filepath.Abs(extracts + name + ".xlsx")
			if err != nil {
				t.Fatal(err)
			}
			got := mustDraft(t, path, "")
			if again := mustDraft(t, path, ""); again != got {
				t.Fatal("two drafts of the same extract differ")
			}
			cfg := mustParse(t, got)
			if cfg.ID != name || cfg.Source.File != path {
				t.Errorf("id %q, source %q", cfg.ID, cfg.Source.File)
			}
			var out bytes.Buffer
			if err := pipeline.Validate(writeConfig(t, got), pipeline.Options{}, &out); err != nil {
				t.Fatalf("validate: %v\n%s\n%s", err, out.String(), got)
			}
		})
	}
}

// TestMappingMatchesBundledConfigs compares the drafted columns with the
// hand-written configs: pva's fields all, the others' where they agree.
func TestMappingMatchesBundledConfigs(t *testing.T) {
	for _, tc := range []struct {
		name string
		same []string // fields drafted exactly as the bundled config has them
	}{
		{"pva", nil}, // nil: every field
		{"jeps", []string{"id", "start", "end", "reason", "self_supporting", "age"}},
		{"roskilde", []string{"id", "start", "end", "sex", "age"}},
		{"camp100", []string{"id", "start", "age"}},
		{"hjemme", []string{"id", "start"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, err := config.Load("../../data/cohorts/"+tc.name+".yaml", nil)
			if err != nil {
				t.Fatal(err)
			}
			got := mustParse(t, mustDraft(t, extracts+tc.name+".xlsx", "")).Columns
			fields := tc.same
			if fields == nil {
				fields = want.ColumnNames()
				if len(got) != len(want.Columns) {
					t.Errorf("drafted fields %v, want %v", keys(got), fields)
				}
			}
			for _, f := range fields {
				g, w := got[f], want.Columns[f]
				if !extract.HeaderMatches(g.Header, w.Header) || g.Type != w.Type || g.Optional != w.Optional {
					t.Errorf("%s: drafted %+v, want %+v", f, g, w)
				}
			}
		})
	}
}

// TestNoIDValues checks that no value of the pva id column (P0001 …)
// reaches the draft, nor anything else shaped like an id or CPR number.
func TestNoIDValues(t *testing.T) {
	got := mustDraft(t, extracts+"pva.xlsx", "")
	ex, err := extract.Read(extract.Source{Path: extracts + "pva.xlsx"},
		[]extract.Field{{Name: "id", Header: "deltager_id", Kind: extract.KindText}}) // the ids as text, to look for them
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ex.Column("id").Dict[1:] {
		if strings.Contains(got, id) {
			t.Fatalf("the draft quotes id value %q", id)
		}
	}
	if m := regexp.MustCompile(`[A-Z][0-9]{4}|[0-9]{6}-?[0-9]{4}`).FindString(got); m != "" {
		t.Errorf("the draft contains %q", m)
	}
}

func mustDraft(t *testing.T, path, sheet string) string {
	t.Helper()
	got, err := Draft(path, Options{Sheet: sheet})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func mustParse(t *testing.T, draft string) *config.Config {
	t.Helper()
	cfg, err := config.Parse([]byte(draft), nil)
	if err != nil {
		t.Fatalf("config.Parse: %v\n%s", err, draft)
	}
	return cfg
}

// writeConfig saves a draft (whose source path is absolute) as a file.
func writeConfig(t *testing.T, draft string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "draft.yaml")
	if err := os.WriteFile(path, []byte(draft), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func keys(m map[string]config.Column) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
