package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Rows matching no status are never silent: a warning on stderr (even
// with --quiet) and a sentence on the flow and methods pages.
func TestUnmatchedRowsAreStated(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	out := t.TempDir()
	code, _, stderr := runCLI(t, "report", "--quiet", "--replicates", "199", "--out", out,
		"--set", "cohort.status={completed: \"reason == 'gennemført'\"}",
		"--set", "retention.event=completed", "--set", "retention.competing=[]", "--set", "sensitivity=[]", pvaConfig)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := `evaluate: pva: warning: 47 rows matched no status rule and are excluded; most frequent values: reason "afbrudt" (47).`
	if strings.TrimSpace(stderr) != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	txt, err := exec.Command("pdftotext", filepath.Join(out, "pva", "report.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	sentence := "47 rækker passede ikke på nogen statusregel og er udeladt; hyppigste værdier: reason »afbrudt« (47)."
	pages := strings.Split(string(txt), "\f")
	found := 0
	for _, p := range pages {
		if strings.Contains(strings.Join(strings.Fields(p), " "), sentence) {
			found++
		}
	}
	if found != 2 {
		t.Errorf("the sentence is on %d pages, want the flow and methods pages", found)
	}
}
