package diff

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
)

// writeResults writes r as dir/results.json.
func writeResults(t *testing.T, dir string, r any) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := results.EncodeJSON(r)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoad(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	pva, jeps := fixture(), fixture()
	jeps.Cohort.ID = "jeps"
	file := writeResults(t, filepath.Join(out, "pva"), pva)
	writeResults(t, filepath.Join(out, "jeps"), jeps)
	writeResults(t, filepath.Join(out, "portfolio"), map[string]string{"schema": "evaluate/portfolio/v1"})
	os.MkdirAll(filepath.Join(out, "figures-only"), 0o755)
	for _, c := range []struct {
		path   string
		ids    string
		folder bool
	}{
		{file, "pva", false},
		{filepath.Join(out, "pva"), "pva", false},
		{out, "jeps pva", true}, // name order; the portfolio is left out
	} {
		s, err := Load(c.path)
		if err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		var ids []string
		for _, co := range s.Cohorts {
			ids = append(ids, co.ID)
		}
		if strings.Join(ids, " ") != c.ids || s.Folder != c.folder {
			t.Errorf("%s: %v folder %v, want %s folder %v", c.path, ids, s.Folder, c.ids, c.folder)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	root := t.TempDir()
	bad := filepath.Join(root, "bad.json")
	os.WriteFile(bad, []byte(`{"schema": "evaluate/portfolio/v1"}`), 0o644)
	dup := filepath.Join(root, "dup")
	writeResults(t, filepath.Join(dup, "a"), fixture())
	writeResults(t, filepath.Join(dup, "b"), fixture())
	empty := filepath.Join(root, "empty")
	os.MkdirAll(empty, 0o755)
	for _, c := range []struct{ path, want string }{
		{filepath.Join(root, "nowhere"), "nowhere: no such file or folder"},
		{bad, `bad.json: schema is "evaluate/portfolio/v1", expected "evaluate/results/v1"`},
		{dup, `both hold cohort "pva"`},
		{empty, "empty: no results.json in the folder nor in any cohort folder in it"},
	} {
		_, err := Load(c.path)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.path, err, c.want)
		}
	}
}
