package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// reportInto runs report on pva into a fresh out folder, with --set args.
func reportInto(t *testing.T, sets ...string) string {
	t.Helper()
	out := t.TempDir()
	args := []string{"report", "--quiet", "--out", out}
	for _, s := range sets {
		args = append(args, "--set", s)
	}
	if code, _, stderr := runCLI(t, append(args, pvaConfig)...); code != 0 {
		t.Fatalf("report %v: exit %d: %s", sets, code, stderr)
	}
	return out
}

// diffRows runs diff --format csv and returns its exit code and rows
// (cohort, section, item, figure, a, b, …) without the header.
func diffRows(t *testing.T, a, b string) (int, [][]string) {
	t.Helper()
	code, stdout, stderr := runCLI(t, "diff", "--format", "csv", a, b)
	if code > 1 {
		t.Fatalf("diff: exit %d: %s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("csv: %v\n%s", err, stdout)
	}
	return code, rows[1:]
}

// The test: a changed definition moves the figures it touches and
// nothing else. Bootstrap intervals draw common random numbers per
// measure, so an untouched measure stays byte-identical; what moves is
// the measure redefined (pooled, by stratum, in each variant that does
// not redefine it itself) and the disclosure tally of its cells.
func TestDiffMovesOnlyWhatChanged(t *testing.T) {
	base := reportInto(t)
	emp := reportInto(t, "measures.employment.count=hours >= 10")
	both := reportInto(t, "measures.employment.count=hours >= 10", "measures.job_or_education.count=hours >= 10 || education")
	for _, c := range []struct {
		name  string
		after string
		moved []string
	}{
		{"employment only", emp, []string{"employment"}},
		// job_or_education counts hours > 0 on its own: only redefining
		// it too moves it.
		{"employment and job_or_education", both, []string{"employment", "job_or_education"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, rows := diffRows(t, base, c.after)
			if code != 1 || len(rows) == 0 {
				t.Fatalf("exit %d with %d rows, want 1 and rows", code, len(rows))
			}
			seen := map[string]bool{}
			for _, r := range rows {
				section, item := r[1], r[2]
				if section == "disclosure" {
					continue
				}
				seen[item] = true
				if !strings.Contains(" "+strings.Join(c.moved, " ")+" ", " "+item+" ") {
					t.Errorf("moved, but not redefined: %v", r)
				}
			}
			for _, m := range c.moved {
				if !seen[m] {
					t.Errorf("%s did not move", m)
				}
			}
			if want := "pva,measures,employment,count,34,19"; !bytes.Contains([]byte(csvText(rows)), []byte(want)) {
				t.Errorf("no row %q in\n%s", want, csvText(rows))
			}
		})
	}
}

func csvText(rows [][]string) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.WriteAll(rows)
	return b.String()
}

// Two runs of the same config and seed do not differ (exit 0); a cohort
// on one side only is stated; bad arguments exit 2.
func TestDiffCommand(t *testing.T) {
	base := reportInto(t)
	same := reportInto(t)
	if code, stdout, stderr := runCLI(t, "diff", base, same); code != 0 || !strings.Contains(stdout, "No figure differs.") {
		t.Errorf("same runs: exit %d\n%s%s", code, stdout, stderr)
	}
	more := t.TempDir()
	raw, err := os.ReadFile(filepath.Join(base, "pva", "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	for id, body := range map[string][]byte{"pva": raw, "pva2": bytes.Replace(raw, []byte(`"id": "pva"`), []byte(`"id": "pva2"`), 1)} {
		os.MkdirAll(filepath.Join(more, id), 0o755)
		os.WriteFile(filepath.Join(more, id, "results.json"), body, 0o644)
	}
	code, stdout, _ := runCLI(t, "diff", "--format", "md", base, more)
	if code != 1 || !strings.Contains(stdout, "| pva2 | cohort |  | results | absent | present |  | only in B |") {
		t.Errorf("missing cohort: exit %d\n%s", code, stdout)
	}
	cpr := filepath.Join(t.TempDir(), "010190-1234")
	os.MkdirAll(cpr, 0o755)
	os.WriteFile(filepath.Join(cpr, "results.json"), raw, 0o644)
	if code, stdout, _ := runCLI(t, "diff", filepath.Join(base, "pva"), cpr); code != 0 || strings.Contains(stdout, "010190") || !strings.Contains(stdout, "[CPR masked]") {
		t.Errorf("a CPR-shaped path: exit %d\n%s", code, stdout)
	}
	for _, args := range [][]string{{"diff"}, {"diff", base}, {"diff", "--format", "xml", base, same}, {"diff", "--nope", base, same}} {
		if code, _, _ := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (usage)", args, code)
		}
	}
	if code, _, stderr := runCLI(t, "diff", base, filepath.Join(base, "nowhere")); code != 2 || !strings.Contains(stderr, "no such file or folder") {
		t.Errorf("unreadable side: exit %d: %s", code, stderr)
	}
}

// Another seed moves only bootstrap figures, each within Monte-Carlo
// error: the rule of reports/diff/mcerror.go holds on pva.
func TestDiffSeedIsMonteCarloError(t *testing.T) {
	code, rows := diffRows(t, reportInto(t), reportInto(t, "bootstrap.seed=2"))
	if code != 1 || len(rows) < 10 {
		t.Fatalf("exit %d with %d rows, want 1 and the moved bounds", code, len(rows))
	}
	for _, r := range rows {
		if r[3] == "seed" {
			continue
		}
		if r[9] != "true" {
			t.Errorf("not marked within Monte-Carlo error: %v", r)
		}
	}
}
