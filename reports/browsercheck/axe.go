package browsercheck

import (
	_ "embed"
	"slices"
	"strings"

	"github.com/chromedp/chromedp"
)

// axeSource is axe-core, evaluated in the page rather than loaded with a
// <script src>, so that checking a page makes no request (see axe/README.md).
//
//go:embed axe/axe.min.js
var axeSource string

// pageSource defines window.__browsercheck, the checks that run in the page.
//
//go:embed page.js
var pageSource string

// wcagTags select axe-core's rules for WCAG 2.0 and 2.1, levels A and AA.
var wcagTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// inject evaluates axe-core and the page checks in the page and returns
// axe-core's version.
func inject() chromedp.Action[string] {
	return chromedp.Evaluate[string](axeSource + "\n;" + pageSource + "\n;window.axe.version")
}

// runAxe runs axe-core's WCAG rules on the page as laid out now.
func runAxe() chromedp.Action[[]Violation] {
	return chromedp.Evaluate[[]Violation](
		`window.__browsercheck.axe(`+jsString(wcagTags)+`)`, chromedp.EvalAwaitPromise)
}

// mergeViolations adds the violations found at width to those found at
// earlier widths, keeping each rule's first, in the order of rule ids.
func mergeViolations(seen, found []Violation, width int) []Violation {
	for _, v := range found {
		if slices.ContainsFunc(seen, func(s Violation) bool { return s.Rule == v.Rule }) {
			continue
		}
		v.Width = width
		seen = append(seen, v)
	}
	slices.SortFunc(seen, func(a, b Violation) int { return strings.Compare(a.Rule, b.Rule) })
	return seen
}
