package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/danish-eval/evaluate/pipeline/config"
)

// Outside the appendix (which keeps the exact rules, for reproducibility),
// no bundled report shows a config identifier: a measure id, a status or
// exit category name, a field name or a population expression.
func TestNoConfigIdentifierInReports(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := runCLI(t, "report", "--quiet", "--replicates", "99", "--out", out, "../../data/cohorts/"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, id := range []string{"pva", "pva_effekt", "jeps", "roskilde", "camp100", "hjemme"} {
		cfg, err := config.Load(filepath.Join("..", "..", "data", "cohorts", id+".yaml"), nil)
		if err != nil {
			t.Fatal(err)
		}
		words := reportWords(t, filepath.Join(out, id, "report.html"))
		common := ordinaryWords(t, cfg.Language, filepath.Join(out, id, "results.json"))
		for _, ident := range identifiers(cfg) {
			if words[ident] && !common[ident] {
				t.Errorf("%s: report.html shows the config identifier %q outside the appendix", id, ident)
			}
		}
	}
}

// identifiers are the names a config gives that a reader should never see.
func identifiers(cfg *config.Config) []string {
	var out []string
	for _, m := range cfg.Measures {
		out = append(out, m.ID)
	}
	out = append(out, cfg.StatusNames()...)
	if e := cfg.Exits; e != nil {
		for _, c := range e.Categories {
			out = append(out, c.Name)
		}
	}
	for name := range cfg.Columns {
		out = append(out, name)
	}
	return out
}

// wordPattern finds the words of a text.
var wordPattern = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// ordinaryWords are words a report may show although a config also uses
// them as a name: the words of the report language's catalogue ("start",
// "job") and the extract's own values (a site, a benefit group).
func ordinaryWords(t *testing.T, lang, resultsPath string) map[string]bool {
	t.Helper()
	words := map[string]bool{}
	for _, path := range []string{filepath.Join("..", "..", "reports", "lang", lang+".yaml"), resultsPath} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if strings.HasSuffix(path, ".json") {
			text = strings.Join(regexp.MustCompile(`"(?:key|stratum)": "([^"]*)"`).FindAllString(text, -1), " ")
		} else {
			text = regexp.MustCompile(`(?m)^[^:]+:`).ReplaceAllString(text, "") // values, not keys
		}
		for _, w := range wordPattern.FindAllString(text, -1) {
			words[w] = true
		}
	}
	return words
}

// reportWords are the words of a report.html outside its appendix and
// outside data values the extract itself holds (a site's name is data).
func reportWords(t *testing.T, path string) map[string]bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "style" || n.Data == "svg" || attrOf(n, "id") == "methods") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data + " ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	words := map[string]bool{}
	for _, w := range wordPattern.FindAllString(b.String(), -1) {
		words[w] = true
	}
	return words
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
