package browsercheck

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestProblemsSentences(t *testing.T) {
	svg := Element{Tag: "svg", Selector: "main > figure > svg"}
	rep := Report{
		Path:     "out/pva/report.html",
		Console:  []ConsoleMessage{{Type: "error", Text: "boom", URL: "file:///r.html", Line: 3}, {Type: "exception", Text: "Uncaught x"}, {Type: "warning", Text: "old"}},
		Requests: []Request{{URL: "https://cdn.example/x.css", Type: "Stylesheet"}},
		Violations: []Violation{{Rule: "color-contrast", Impact: "serious", Width: 390,
			Help:  "Elements must meet minimum color contrast ratio thresholds.",
			Nodes: []Element{{Selector: "p"}, {Selector: "td"}, {Selector: "th"}, {Selector: "a"}, {Selector: "li"}}}},
		Layouts: []Layout{
			{Width: 390, ScrollWidth: 608, ClientWidth: 390, Overflowing: []Element{{Tag: "div", Selector: "body > div", Right: 607.6}}},
			{Width: 1280, ScrollWidth: 1280, ClientWidth: 1280},
		},
		Unnamed:        []Element{{Tag: "img", Selector: "body > img"}, svg, {Tag: "figure", Selector: "main > figure"}},
		NoViewportMeta: true,
	}
	want := []string{
		`out/pva/report.html: the page writes a console error at file:///r.html line 3: "boom".`,
		`out/pva/report.html: the page throws an uncaught exception: "Uncaught x".`,
		`out/pva/report.html: the page writes a console warning: "old".`,
		`out/pva/report.html: the page requests https://cdn.example/x.css (Stylesheet); a report must load nothing but itself.`,
		`out/pva/report.html: axe-core rule color-contrast (serious) fails at 390 px: Elements must meet minimum color contrast ratio thresholds; at p, td, th, and 2 more.`,
		`out/pva/report.html: at 390 px the page scrolls sideways (it is 608 px wide).`,
		`out/pva/report.html: at 390 px body > div ends at 608 px, beyond the 390 px viewport, and is not inside a div.table-wrap.`,
		`out/pva/report.html: body > img has no accessible name (give it a non-empty alt).`,
		`out/pva/report.html: main > figure > svg has no accessible name (give it role="img" and an aria-label, an aria-labelledby or a <title>).`,
		`out/pva/report.html: main > figure has no accessible name (give it a non-empty figcaption or an aria-label).`,
		`out/pva/report.html: the page has no <meta name="viewport" content="width=device-width, initial-scale=1">, so a phone shows it shrunk.`,
	}
	got := rep.Problems()
	if !slices.Equal(got, want) {
		t.Errorf("Problems:\n%q\nwant\n%q", got, want)
	}
	if p := (Report{Path: "ok.html", Layouts: []Layout{{Width: 390, ScrollWidth: 390, ClientWidth: 390}}}).Problems(); p != nil {
		t.Errorf("a clean report has problems %q", p)
	}
}

func TestMergeViolations(t *testing.T) {
	at390 := []Violation{{Rule: "scrollable-region-focusable"}, {Rule: "color-contrast"}}
	at1280 := []Violation{{Rule: "color-contrast"}, {Rule: "aria-valid-attr"}}
	got := mergeViolations(mergeViolations(nil, at390, 390), at1280, 1280)
	want := []Violation{{Rule: "aria-valid-attr", Width: 1280}, {Rule: "color-contrast", Width: 390}, {Rule: "scrollable-region-focusable", Width: 390}}
	if !slices.EqualFunc(got, want, func(a, b Violation) bool { return a.Rule == b.Rule && a.Width == b.Width }) {
		t.Errorf("merged %v, want %v", got, want)
	}
}

func TestFindPrefersEnvironment(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "my-chrome")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("CHROMIUM", fake)
	if got, ok := Find(); !ok || got != fake {
		t.Errorf("Find() = %q, %v with $CHROMIUM=%s", got, ok, fake)
	}
	// A wrong $CHROMIUM is still returned, so that starting it fails loudly
	// instead of the tests skipping.
	missing := filepath.Join(dir, "absent")
	t.Setenv("CHROMIUM", missing)
	if got, ok := Find(); !ok || got != missing {
		t.Errorf("Find() = %q, %v with $CHROMIUM=%s", got, ok, missing)
	}
	// Without $CHROMIUM, the names are looked up on $PATH (Debian's
	// absolute path is left out here, as this machine may have it).
	t.Setenv("CHROMIUM", "")
	t.Setenv("PATH", dir)
	defer func(c []string) { candidates = c }(candidates)
	candidates = candidates[1:]
	if got, ok := Find(); ok {
		t.Errorf("Find() = %q with no browser on $PATH", got)
	}
	chromium := filepath.Join(dir, "chromium-browser")
	if err := os.Rename(fake, chromium); err != nil {
		t.Fatal(err)
	}
	if got, ok := Find(); !ok || got != chromium {
		t.Errorf("Find() = %q, %v with %s on $PATH", got, ok, chromium)
	}
}

func TestCheckMissingFile(t *testing.T) {
	_, err := Check(context.Background(), filepath.Join(t.TempDir(), "report.html"), Options{})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Check of a missing file: %v, want fs.ErrNotExist", err)
	}
}
