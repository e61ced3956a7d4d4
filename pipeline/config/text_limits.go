package config

import (
	"sort"
	"strconv"
	"unicode/utf8"
)

// ReservedID is the folder of the portfolio comparison under --out, so no
// cohort may take it: its report would be overwritten by the comparison.
const ReservedID = "portfolio"

// MaxText is the longest title, label or name (in characters) a config may
// give. Each is drawn as a heading, legend entry or table cell; a longer
// text is a mistake (a pasted paragraph) and would not fit a page.
const MaxText = 200

// validateTextLimits checks the reserved id and the length of every text the
// report shows, naming the key. (Status, category and population names are
// held to MaxIDLength in limits.go.)
func (c *Config) validateTextLimits(add func(string, ...any)) {
	if c.ID == ReservedID {
		add("id %q is reserved for the comparison of several cohorts (--out/%s); choose another id", c.ID, ReservedID)
	}
	long := func(key, s string) {
		if n := utf8.RuneCountInString(s); n > MaxText {
			add("%s is %d characters long; at most %d are allowed (it is shown as a heading or label)", key, n, MaxText)
		}
	}
	long("title", c.Title)
	for i, m := range c.Measures {
		key := m.ID
		if key == "" {
			key = "[" + strconv.Itoa(i) + "]"
		}
		for _, lang := range sortedKeys(m.Label) {
			long(labelKey("measures."+key+".label", lang), m.Label[lang])
		}
	}
	for i, v := range c.Sensitivity {
		long("sensitivity["+strconv.Itoa(i)+"].name", v.Name)
	}
	for _, k := range sortedKeys(c.Labels) {
		l := c.Labels[k]
		for _, lang := range sortedKeys(l) {
			long(labelKey("labels."+k, lang), l[lang])
		}
		if l.In("") == "" {
			add("labels.%s: give the label in da, en or both (e.g. {da: \"Overført\", en: \"Transferred\"})", k)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// labelKey names a label's text for a message: "labels.x.da", or "labels.x"
// for the text of every language.
func labelKey(key, lang string) string {
	if lang == "" {
		return key
	}
	return key + "." + lang
}
