package reports

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// verbs matches a template's fmt verbs in order ("%s", "%[2]d" …), not "%%".
var verbs = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

func templateVerbs(s string) []string {
	var out []string
	for _, v := range verbs.FindAllString(s, -1) {
		if v != "%%" {
			out = append(out, strings.Replace(v, "q", "s", 1)) // %q quotes a text: a %s
		}
	}
	sort.Strings(out)
	return out
}

// Every language has every key, no text is empty, and a template takes
// the same values in every language.
func TestCatalogueComplete(t *testing.T) {
	langs := Languages()
	if !slices.Contains(langs, "da") || !slices.Contains(langs, "en") {
		t.Fatalf("languages %v, want da and en at least", langs)
	}
	for _, lang := range langs {
		for key, text := range catalogues["da"] {
			other, ok := catalogues[lang][key]
			switch {
			case !ok:
				t.Errorf("lang/%s.yaml lacks %q", lang, key)
			case strings.TrimSpace(other) == "":
				t.Errorf("lang/%s.yaml: %q is empty", lang, key)
			case !slices.Equal(templateVerbs(text), templateVerbs(other)):
				t.Errorf("%q takes %v in da but %v in %s", key, templateVerbs(text), templateVerbs(other), lang)
			}
		}
		for key := range catalogues[lang] {
			if _, ok := catalogues["da"][key]; !ok {
				t.Errorf("lang/%s.yaml has %q, which lang/da.yaml lacks", lang, key)
			}
		}
	}
}

// Every key the code asks for is in the catalogue, every field of Text and
// of the retention texts has one, and every key is used.
func TestCatalogueKeysUsed(t *testing.T) {
	used := map[string]bool{}
	files, _ := filepath.Glob("*.go")
	stages, _ := filepath.Glob("../pipeline/*.go") // reports.Message(lang, key)
	files = append(files, stages...)
	family := regexp.MustCompile(`"([A-Z]\w*\.)"\s*\+`)
	asked := regexp.MustCompile(`(?:Msg|[mM]essage)\((?:\w+, )?"([^"]+)"\)`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range family.FindAllStringSubmatch(string(b), -1) {
			for key := range catalogues["da"] {
				if strings.HasPrefix(key, m[1]) {
					used[key] = true // read as "Fields."+name
				}
			}
		}
		for _, m := range asked.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
			if _, ok := catalogues["da"][m[1]]; !ok {
				t.Errorf("%s asks for %q, which is not in the catalogue", f, m[1])
			}
		}
	}
	computed := map[string]bool{"Lang": true, "LevelPct": true, "Interval": true, "IncidenceIntro": true, "PortfolioIntro": true}
	for prefix, v := range map[string]any{"": Text{}, "States.": stateText{}} {
		ty := reflect.TypeOf(v)
		for i := 0; i < ty.NumField(); i++ {
			f := ty.Field(i)
			if !f.IsExported() || computed[f.Name] || f.Type.Kind() == reflect.Float64 {
				continue
			}
			found := false
			for key := range catalogues["da"] {
				if key == prefix+f.Name || strings.HasPrefix(key, prefix+f.Name+".") {
					found, used[key] = true, true
				}
			}
			if !found {
				t.Errorf("field %s%s has no key in the catalogue", prefix, f.Name)
			}
		}
	}
	for key := range catalogues["da"] {
		if !used[key] {
			t.Errorf("key %q is used nowhere", key)
		}
	}
}

// A rendered report never shows a template's error ("%!d(MISSING)") or a
// missing key ("{key}"), in any language.
func TestCatalogueRendered(t *testing.T) {
	for _, lang := range Languages() {
		page := string(renderHTML(t, htmlFixture(lang)))
		for _, bad := range []string{"%!", "{", "MISSING", "EXTRA"} {
			body := page[strings.Index(page, "<body>"):]
			if i := strings.Index(body, bad); i >= 0 {
				t.Errorf("%s: the report shows %q: …%s…", lang, bad, body[max(0, i-80):min(len(body), i+80)])
			}
		}
	}
}

// A third language is one more file: with a catalogue "xx" (English with a
// mark on every text) the report comes out in it, formats and all.
func TestCatalogueThirdLanguage(t *testing.T) {
	xx := map[string]string{}
	for k, v := range catalogues["en"] {
		xx[k] = v
		if !strings.HasPrefix(k, "Format.") && !strings.HasSuffix(k, "Lang") {
			xx[k] = "‹xx›" + v
		}
	}
	xx["Format.Decimal"], xx["Format.Thousands"] = ",", " "
	catalogues["xx"] = xx
	texts = buildTexts()
	defer func() { delete(catalogues, "xx"); texts = buildTexts() }()
	if !slices.Contains(Languages(), "xx") || TextFor("xx", 0.95).Lang != "xx" {
		t.Fatalf("languages %v: xx not taken up", Languages())
	}
	page := string(renderHTML(t, htmlFixture("xx")))
	for _, want := range []string{"‹xx›" + catalogues["en"]["Flow"], "35,1 %", "<h2 id=\"methods-h\">‹xx›"} {
		if !strings.Contains(page, want) {
			t.Errorf("the xx report lacks %q", want)
		}
	}
}

// No language but Danish shows a Danish text: an English text with æ, ø or
// å is untranslated, unless it names a Danish term on purpose.
func TestCatalogueTranslated(t *testing.T) {
	danishOnPurpose := map[string]bool{"Categories.ressourceforloeb": true, "Format.QuoteValue": true}
	for _, lang := range Languages() {
		if lang == "da" {
			continue
		}
		for key, text := range catalogues[lang] {
			if strings.ContainsAny(text, "æøåÆØÅ") && !danishOnPurpose[key] {
				t.Errorf("lang/%s.yaml: %q looks untranslated: %q", lang, key, text)
			}
		}
	}
}
