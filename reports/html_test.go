package reports

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/danish-eval/evaluate/models/results"
)

// htmlFixture is a small cohort with a hostile title and labels, a hidden
// measure, two strata (one hidden) and a retention table.
func htmlFixture(lang string) *results.Results {
	n := func(v int) *int { return &v }
	f := func(v float64) *float64 { return &v }
	shown := results.Measure{ID: "job", Label: `Job <b>&</b> "uddannelse"`, Count: n(52), Among: "completed", Denominator: n(148),
		Estimate: f(52.0 / 148), Missing: n(0), Intervals: []results.Interval{{Method: "bca", Level: 0.95, Low: f(0.27), High: f(0.43)}},
		Target: &results.Target{AtLeast: f(0.2)}}
	hidden := results.Measure{ID: "edu", Label: "Uddannelse", Among: "completed", Denominator: n(148), Suppressed: true,
		Intervals: []results.Interval{{Method: "bca", Level: 0.95}}}
	r := &results.Results{Schema: results.Schema,
		Cohort: results.CohortInfo{ID: "x", Title: `<script>alert("Jens Hansen")</script> På vej`, Language: lang,
			FirstEntry: "2017-09-01", LastEntry: "2020-12", DataDate: "2021-12-31"},
		Flow: results.Flow{RowsRead: 200, Included: 195, Excluded: []results.Exclusion{{Reason: results.ReasonOrder[0], Count: 5}},
			Status: results.StatusCounts{{Status: "completed", Count: n(148)}, {Status: "dropout", Count: n(47)}}, Duplicates: "exclude"},
		Measures: []results.Measure{shown, hidden},
		ByStratum: []results.StratumResult{{Stratum: "Odense", N: n(150), Measures: []results.Measure{shown, hidden}},
			{Stratum: "Aabenraa", Measures: []results.Measure{hidden, hidden}}},
		Retention: &results.Retention{Event: "dropout", Points: []results.RetentionPoint{{T: 4, NRisk: n(185), NEvent: n(10), Surv: f(0.95), Low: f(0.9), High: f(0.97)},
			{T: 13}}},
		Bootstrap:  results.BootstrapInfo{Replicates: 999, Seed: 1, Level: 0.95, Methods: []string{"bca"}},
		Disclosure: results.DisclosureInfo{MinCell: 5, SuppressedCells: 3, Primary: 2, Secondary: 1},
	}
	return r
}

func renderHTML(t *testing.T, r *results.Results) []byte {
	t.Helper()
	figs, err := BuildFigures(r)
	if err != nil {
		t.Fatal(err)
	}
	page, err := HTML(BuildContent(r, results.Meta{Version: "v1.0.0"}, figs))
	if err != nil {
		t.Fatal(err)
	}
	return page
}

// The page is accessible by construction: a lang, one h1, headings that do
// not skip a level, captioned tables with scoped headers, figures named by
// their alt text and described by their table, ".." explained, no script,
// no request, every id unique and every reference resolved.
func TestHTMLStructure(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		page := renderHTML(t, htmlFixture(lang))
		doc, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range htmlProblems(doc, lang) {
			t.Errorf("%s: %s", lang, p)
		}
		if !bytes.Equal(page, renderHTML(t, htmlFixture(lang))) {
			t.Errorf("%s: two renderings differ", lang)
		}
		if bytes.Contains(page, []byte("<script")) || bytes.Contains(page, []byte(`alert("`)) {
			t.Errorf("%s: the title's markup was not escaped", lang)
		}
	}
}

// htmlProblems walks the document and lists what breaks the rules above.
func htmlProblems(doc *html.Node, lang string) []string {
	var probs []string
	ids, refs := map[string]int{}, []string{}
	count := map[string]int{}
	last := 1
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			count[n.Data]++
			for _, a := range n.Attr {
				switch a.Key {
				case "id":
					ids[a.Val]++
				case "aria-labelledby", "aria-describedby":
					refs = append(refs, strings.Fields(a.Val)...)
				case "href", "src":
					if !strings.HasPrefix(a.Val, "#") {
						probs = append(probs, fmt.Sprintf("<%s %s=%q> points outside the page", n.Data, a.Key, a.Val))
					}
				}
			}
			probs = append(probs, elementProblems(n, &last)...)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if want := map[string]string{"da": "da", "en": "en-GB"}[lang]; attr(doc.FirstChild.NextSibling, "lang") != want {
		probs = append(probs, fmt.Sprintf("html lang %q, want %q", attr(doc.FirstChild.NextSibling, "lang"), want))
	}
	if count["h1"] != 1 || count["script"] != 0 || count["svg"] == 0 || count["abbr"] == 0 {
		probs = append(probs, fmt.Sprintf("h1 %d, script %d, svg %d, abbr %d", count["h1"], count["script"], count["svg"], count["abbr"]))
	}
	for id, k := range ids {
		if k > 1 {
			probs = append(probs, fmt.Sprintf("id %q used %d times", id, k))
		}
	}
	for _, r := range refs {
		if ids[r] == 0 {
			probs = append(probs, fmt.Sprintf("a reference to id %q, which is not in the page", r))
		}
	}
	return probs
}

func elementProblems(n *html.Node, last *int) []string {
	var probs []string
	switch n.Data {
	case "h1", "h2", "h3", "h4":
		level := int(n.Data[1] - '0')
		if level > *last+1 {
			probs = append(probs, fmt.Sprintf("%s after h%d skips a level", n.Data, *last))
		}
		*last = level
	case "th":
		if attr(n, "scope") == "" {
			probs = append(probs, "a th without scope")
		}
	case "table":
		if n.FirstChild == nil || nextElement(n.FirstChild) == nil || nextElement(n.FirstChild).Data != "caption" {
			probs = append(probs, "a table without a caption first")
		}
	case "svg":
		if attr(n, "role") != "img" || attr(n, "aria-label") == "" || attr(n, "aria-describedby") == "" {
			probs = append(probs, "an svg without role=img, alt text or its data table")
		}
	case "abbr":
		if attr(n, "title") == "" || n.FirstChild == nil || n.FirstChild.Data != ".." {
			probs = append(probs, "an abbr that is not an explained ..")
		}
	}
	return probs
}

func nextElement(n *html.Node) *html.Node {
	for ; n != nil && n.Type != html.ElementNode; n = n.NextSibling {
	}
	return n
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// Every ".." that stands alone becomes an explained abbreviation; an
// ellipsis and dots inside numbers stay as they are.
func TestHTMLSuppressedMark(t *testing.T) {
	h := &htmlDoc{c: &Content{Hidden: "Udeladt"}}
	mark := `<abbr title="Udeladt">..</abbr>`
	for _, tt := range []struct{ in, want string }{
		{"..", mark},
		{"52 / ..", "52 / " + mark},
		{".. (..–..)", mark + " (" + mark + "–" + mark + ")"},
		{"Vist som »..«.", "Vist som »" + mark + "«."},
		{"og så videre...", "og så videre..."},
		{"1.234.567 kr.", "1.234.567 kr."},
		{"a <b> & ..", "a &lt;b&gt; &amp; " + mark},
	} {
		if got := h.text(tt.in); got != tt.want {
			t.Errorf("text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
