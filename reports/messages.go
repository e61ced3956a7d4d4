package reports

import (
	"embed"
	"fmt"
	"path"
	"reflect"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The message catalogue: every text a report shows, one file per language
// in lang/ (lang/da.yaml, lang/en.yaml), each a flat map from key to text.
// Texts that take values are fmt templates (%s, %d; %% for a per cent
// sign). Adding a language is adding one file with every key; a test
// checks that each file has the same keys and the same verbs.
//
// Keys named like Text's fields fill Text (TextFor); "Statuses.completed"
// fills an entry of a map field; "States.*" the retention page's texts;
// "Format.*" the number and date formats; the rest are read by Msg.

//go:embed lang/*.yaml
var langFiles embed.FS

// catalogues holds each language's messages by key.
var catalogues = loadCatalogues()

func loadCatalogues() map[string]map[string]string {
	files, err := langFiles.ReadDir("lang")
	if err != nil {
		panic(err) // embedded at build time: cannot fail at run time
	}
	out := map[string]map[string]string{}
	for _, f := range files {
		b, err := langFiles.ReadFile(path.Join("lang", f.Name()))
		if err != nil {
			panic(err)
		}
		m := map[string]string{}
		if err := yaml.Unmarshal(b, &m); err != nil {
			panic(fmt.Sprintf("reports/lang/%s: %v", f.Name(), err))
		}
		out[strings.TrimSuffix(f.Name(), ".yaml")] = m
	}
	return out
}

// Languages lists the report languages (the catalogue's files), sorted.
func Languages() []string {
	var out []string
	for l := range catalogues {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// knownLang is lang when the catalogue has it, else English.
func knownLang(lang string) string {
	if _, ok := catalogues[lang]; ok {
		return lang
	}
	return "en"
}

// Message is the catalogue's text of key in lang, for the stages that
// name something a reader sees (the merged "Øvrige" stratum).
func Message(lang, key string) string { return message(lang, key) }

// message is the text of key in lang; a key missing from the catalogue
// shows as {key}, which the catalogue tests rule out.
func message(lang, key string) string {
	if v, ok := catalogues[knownLang(lang)][key]; ok {
		return v
	}
	return "{" + key + "}"
}

// fillFields sets every exported string field of the struct *dst from the
// key prefix+field name, and every map field from the keys prefix+field+".".
func fillFields(dst any, lang, prefix string) {
	v := reflect.ValueOf(dst).Elem()
	cat := catalogues[lang]
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		switch f.Type.Kind() {
		case reflect.String:
			if s, ok := cat[prefix+f.Name]; ok {
				v.Field(i).SetString(s)
			}
		case reflect.Map:
			m := reflect.MakeMap(f.Type)
			for k, s := range cat {
				if name, ok := strings.CutPrefix(k, prefix+f.Name+"."); ok {
					m.SetMapIndex(reflect.ValueOf(name).Convert(f.Type.Key()), reflect.ValueOf(s))
				}
			}
			v.Field(i).Set(m)
		}
	}
}
