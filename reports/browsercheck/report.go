// Package browsercheck opens a self-contained HTML report in headless
// Chromium and reports what a reader's browser would show wrong: console
// errors and uncaught exceptions, any request for something other than the
// file itself, axe-core's WCAG 2.1 A and AA violations, sideways scrolling at
// phone and desktop widths outside the wrappers of wide tables, and figures
// without an accessible name.
//
// It is a package and not a test helper so that every test that writes a
// report (reports, cmd/evaluate) can check it the same way: start one
// Browser per test binary (NewBrowser with the path from Find, skipping
// where there is none), Check each page in a tab of its own, and t.Error
// each of Report.Problems. See ExampleBrowser_Check.
//
// The page is opened from its file: URL. Every request it makes for
// anything else (http, https, another file) is failed in the browser and
// listed; data: URLs are part of the page and allowed. axe-core is evaluated
// in the page, not loaded, and the page's Content-Security-Policy is
// bypassed for it.
package browsercheck

// Options says how to look at a page. The zero value is the default.
type Options struct {
	// Widths are the viewport widths in CSS pixels at which the layout and
	// axe-core are checked; empty means DefaultWidths.
	Widths []int
}

// DefaultWidths are a phone (an iPhone 12–15 is 390 CSS px wide) and a
// laptop.
var DefaultWidths = []int{390, 1280}

// viewportHeight is the height of every emulated viewport; only the width
// decides whether a page scrolls sideways.
const viewportHeight = 800

// Report is what one page showed. A page passes when Problems is empty.
type Report struct {
	// Path is the file that was checked.
	Path string
	// Console holds the console's errors and warnings and the exceptions
	// nothing caught, in the order the page wrote them.
	Console []ConsoleMessage
	// Requests holds every request other than the file itself; the browser
	// failed each before it left the machine.
	Requests []Request
	// Violations holds axe-core's WCAG 2.1 A and AA violations, at any width,
	// each rule once, ordered by rule id.
	Violations []Violation
	// Layouts holds, for each width, whether the page scrolls sideways.
	Layouts []Layout
	// Unnamed lists the figures, images and top-level SVGs without an
	// accessible name, in document order.
	Unnamed []Element
	// NoViewportMeta is true when the page has no <meta name="viewport"
	// content="width=device-width…">, without which a phone lays the page out
	// 980 px wide and shrinks it.
	NoViewportMeta bool
	// Axe is the version of axe-core that checked the page.
	Axe string
}

// ConsoleMessage is one console error or warning, or an uncaught exception.
type ConsoleMessage struct {
	// Type is "error", "warning", "assert" or "exception".
	Type string
	Text string
	// URL and Line say where it came from, when the browser knows; Line
	// counts from 1.
	URL  string
	Line int64
}

// Request is one request the page made for something other than itself.
type Request struct {
	URL string
	// Type is the browser's resource type, such as Image or Stylesheet.
	Type string
}

// Violation is one axe-core rule the page breaks.
type Violation struct {
	Rule   string // axe-core's rule id, e.g. color-contrast
	Impact string // minor, moderate, serious or critical
	Help   string // axe-core's one-line description of the rule
	// Width is the first viewport width at which the rule failed.
	Width int
	Nodes []Element
}

// Layout is how wide the page is in a viewport of one width.
type Layout struct {
	Width int
	// ScrollWidth and ClientWidth are the document element's; the page
	// scrolls sideways when ScrollWidth > ClientWidth.
	ScrollWidth, ClientWidth int
	// Overflowing lists the outermost elements whose right edge is beyond the
	// viewport and that are not inside a div.table-wrap.
	Overflowing []Element
}

// Scrolls reports whether the page scrolls sideways at this width.
func (l Layout) Scrolls() bool { return l.ScrollWidth > l.ClientWidth }

// Element names one element of the page.
type Element struct {
	// Tag is the element's name in lower case, e.g. svg.
	Tag string
	// Selector is a CSS selector for the element, e.g. "main > figure:nth-of-type(2) > svg".
	Selector string
	// HTML is the start of the element's markup.
	HTML string
	// Right is the element's right edge in CSS px, for overflowing elements.
	Right float64 `json:",omitempty"`
}
