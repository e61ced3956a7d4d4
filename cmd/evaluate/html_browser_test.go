package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/danish-eval/evaluate/reports/browsercheck"
)

// Every bundled report.html, the portfolio's and an English one load in a
// real browser with no console message and no request, have zero WCAG 2.1
// A/AA violations (axe-core), never scroll sideways at 390 or 1280 px
// outside a table's wrapper, and name every figure.
func TestHTMLInBrowser(t *testing.T) {
	path, ok := browsercheck.Find()
	if !ok {
		t.Skip("chromium not found: install Debian's chromium package to run the browser checks")
	}
	da, en := t.TempDir(), t.TempDir()
	if code, _, stderr := runCLI(t, "report", "--quiet", "--replicates", "199", "--out", da, "../../data/cohorts/"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "report", "--quiet", "--replicates", "199", "--lang", "en", "--out", en, pvaConfig); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := browsercheck.NewBrowser(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	pages := []string{filepath.Join(en, "pva", "report.html")}
	for _, id := range []string{"pva", "pva_effekt", "jeps", "roskilde", "camp100", "hjemme", "portfolio"} {
		pages = append(pages, filepath.Join(da, id, "report.html"))
	}
	for _, page := range pages {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		rep, err := b.Check(ctx, page, browsercheck.Options{Widths: browsercheck.DefaultWidths})
		cancel()
		if err != nil {
			t.Errorf("%s: %v", page, err)
			continue
		}
		for _, p := range rep.Problems() {
			t.Error(p)
		}
	}
}
