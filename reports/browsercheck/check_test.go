package browsercheck

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// shared is the one browser of this test binary, started by the first test
// that needs it and stopped by TestMain.
var shared struct {
	once sync.Once
	b    *Browser
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.b != nil {
		shared.b.Close()
	}
	os.Exit(code)
}

// browser returns the shared browser, or skips the test where there is none.
func browser(t *testing.T) *Browser {
	t.Helper()
	path, ok := Find()
	if !ok {
		t.Skip("chromium not found: install Debian's chromium package to run the browser checks")
	}
	shared.once.Do(func() { shared.b, shared.err = NewBrowser(context.Background(), path) })
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.b
}

// checkFixture checks one fixture with a deadline of its own.
func checkFixture(t *testing.T, b *Browser, file string, opt Options) Report {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	rep, err := b.Check(ctx, filepath.Join("testdata", file), opt)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// Each bad fixture is the good page's kind of markup with one fault; want
// holds patterns that together must match every problem the checker reports
// (so it says nothing spurious), and each must match at least one (so it
// catches the fault).
func TestCheckFixtures(t *testing.T) {
	b := browser(t)
	for _, tc := range []struct {
		file string
		want []string
	}{
		{"good.html", nil},
		{"good-csp.html", nil},
		{"no-lang.html", []string{`axe-core rule html-has-lang \(serious\) fails at 390 px: <html> element must have a lang attribute; at html\.$`}},
		{"img-no-alt.html", []string{
			`axe-core rule image-alt \(critical\) fails at 390 px: .*; at img\.$`,
			`: body > main > img has no accessible name \(give it a non-empty alt\)\.$`,
		}},
		{"svg-unnamed.html", []string{
			`: body > main > figure has no accessible name \(give it a non-empty figcaption or an aria-label\)\.$`,
			`: body > main > figure > svg has no accessible name \(give it role="img" and an aria-label, an aria-labelledby or a <title>\)\.$`,
		}},
		{"overflow.html", []string{
			`: at 390 px the page scrolls sideways \(it is 608 px wide\)\.$`,
			`: at 390 px body > main > div ends at 608 px, beyond the 390 px viewport, and is not inside a div\.table-wrap\.$`,
		}},
		{"table-unwrapped.html", []string{
			`: at 390 px the page scrolls sideways \(it is \d+ px wide\)\.$`,
			`: at 390 px body > main > table\.wide:nth-of-type\(2\) ends at \d+ px, beyond the 390 px viewport, and is not inside a div\.table-wrap\.$`,
		}},
		{"wrap-too-wide.html", []string{
			`: at 390 px the page scrolls sideways \(it is 616 px wide\)\.$`,
			`: at 390 px body > main > div\.table-wrap ends at 616 px, beyond the 390 px viewport, and is not inside a div\.table-wrap\.$`,
		}},
		{"console-error.html", []string{
			`: the page writes a console error at file://.*/console-error.html line 12: "figure data missing"\.$`,
			`: the page writes a console warning at file://.*/console-error.html line 12: "old figure format"\.$`,
		}},
		{"exception.html", []string{`: the page throws an uncaught exception at file://.*/exception.html line 12: "Uncaught TypeError: Cannot read properties of null \(reading 'width'\)`}},
		{"request-img.html", []string{
			`: the page requests http://example.invalid/x.png \(Image\); a report must load nothing but itself\.$`,
			`: the page writes a console error at http://example.invalid/x.png line 1: "Failed to load resource: net::ERR_BLOCKED_BY_CLIENT\.Inspector"\.$`,
		}},
		{"request-link.html", []string{
			`: the page requests https://example.invalid/style.css \(Stylesheet\); a report must load nothing but itself\.$`,
			`: the page writes a console error at https://example.invalid/style.css line 1: "Failed to load resource: net::ERR_BLOCKED_BY_CLIENT\.Inspector"\.$`,
		}},
		{"request-file.html", []string{
			`: the page requests file:///.*/testdata/logo.png \(Image\); a report must load nothing but itself\.$`,
			`: the page writes a console error at file:///.*/testdata/logo.png line 1: "Failed to load resource: net::ERR_BLOCKED_BY_CLIENT\.Inspector"\.$`,
		}},
		{"low-contrast.html", []string{`axe-core rule color-contrast \(serious\) fails at 390 px: .*; at p\.$`}},
		{"wrap-not-focusable.html", []string{`axe-core rule scrollable-region-focusable \(serious\) fails at 390 px: .*; at div\.$`}},
		{"no-viewport-meta.html", []string{`: the page has no <meta name="viewport"`}},
	} {
		t.Run(strings.TrimSuffix(tc.file, ".html"), func(t *testing.T) {
			t.Parallel()
			rep := checkFixture(t, b, tc.file, Options{})
			matchProblems(t, rep.Problems(), tc.want)
			if len(rep.Layouts) != len(DefaultWidths) {
				t.Errorf("%d layouts, want one for each of %v", len(rep.Layouts), DefaultWidths)
			}
		})
	}
}

// matchProblems fails unless every problem matches a pattern and every
// pattern matches a problem.
func matchProblems(t *testing.T, problems, want []string) {
	t.Helper()
	used := make([]bool, len(want))
	for _, p := range problems {
		hit := false
		for i, w := range want {
			if regexp.MustCompile(w).MatchString(p) {
				hit, used[i] = true, true
			}
		}
		if !hit {
			t.Errorf("unexpected problem: %s", p)
		}
	}
	for i, w := range want {
		if !used[i] {
			t.Errorf("no problem matches %q; got %q", w, problems)
		}
	}
}

// Options.Widths replaces the default widths.
func TestCheckWidths(t *testing.T) {
	rep := checkFixture(t, browser(t), "overflow.html", Options{Widths: []int{320, 700}})
	var got []string
	for _, l := range rep.Layouts {
		got = append(got, fmt.Sprintf("%d:%v", l.Width, l.Scrolls()))
	}
	if want := "320:true 700:false"; strings.Join(got, " ") != want {
		t.Errorf("layouts %v, want %s", got, want)
	}
	if rep.Axe != "4.14.1" { // as axe/README.md says
		t.Errorf("axe-core version %q", rep.Axe)
	}
}
