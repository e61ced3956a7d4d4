package reports

import (
	"fmt"
	"math"

	"github.com/danish-eval/evaluate/models/results"
)

// Text holds every fixed string of the report in one language. Labels of
// measures and statuses come from the config; everything else is here.
type Text struct {
	labels                                map[string]string // config labels:, over the names below
	Lang                                  string
	Summary, Flow, Retention, Outcomes    string
	ByStratum, Exits, Costs, Sensitivity  string
	Methods                               string
	DataAsOf, Page, Of                    string
	NotForPublication                     string
	Measure, Count, Share, Interval, N    string
	Target, Verdict, PMet, Among          string
	Met, NotMet, Uncertain, NoTarget      string
	AtLeast, AtMost                       string
	Started, Included, RowsRead, Excluded string
	Reason, Rows, Stratum, Pooled         string
	Weeks, AtRisk, Cumulative, StillIn    string
	RetentionAxis, NoOneAtRisk, Median    string
	NotReached, CI                        string
	SuppressedNote                        string
	AllSuppressed                         string
	Statuses                              map[string]string
	Populations                           map[string]string
	Reasons                               map[results.Reason]string
	Categories                            map[string]string
	Method, Low, High, Censored, Ended    string
	Variant, MainAnalysis                 string
	PortfolioTitle, PortfolioIntro        string
	IncidenceIntro, CostsIntro, Item      string
	Value, CostsCount, MonthlyBenefit     string
	Months, GrossSaving, Deadweight       string
	NetSaving                             string
	ByStratumFmt                          string
	PortfolioNote, Programme, Period      string
	SensitivityIntro                      string
	// Level is the confidence level every interval is computed at, and
	// LevelPct its percentage as written ("90 %"); TextFor fills them and
	// the strings made from them (Interval, IncidenceIntro, PortfolioIntro).
	Level    float64
	LevelPct string
	// IntervalFmt, IncidenceIntroFmt and PortfolioIntroFmt are the
	// templates of the strings that name the level.
	IntervalFmt, IncidenceIntroFmt, PortfolioIntroFmt string
}

// TextFor returns the strings of language lang (da or en) for intervals
// at the confidence level (e.g. 0.9: "90 %-KI", "90 % CI").
func TextFor(lang string, level float64) *Text {
	t := texts[knownLang(lang)]
	t.Level, t.LevelPct = level, LevelPercent(t.Lang, level)
	t.Interval = fmt.Sprintf(t.IntervalFmt, t.LevelPct)
	t.IncidenceIntro = fmt.Sprintf(t.IncidenceIntroFmt, t.LevelPct)
	t.PortfolioIntro = fmt.Sprintf(t.PortfolioIntroFmt, t.LevelPct)
	return &t
}

// texts are the catalogue's Text of each language, made once.
var texts = buildTexts()

func buildTexts() map[string]Text {
	out := map[string]Text{}
	for _, lang := range Languages() {
		t := Text{}
		fillFields(&t, lang, "")
		t.Lang = lang
		out[lang] = t
	}
	return out
}

// WithLabels returns the strings with the config's labels (config key
// labels:) taking precedence over the standard names of statuses, exit
// categories, populations and stratum values.
func (t *Text) WithLabels(labels map[string]string) *Text {
	c := *t
	c.labels = labels
	return &c
}

// StratumName names a stratum value: its label when the config gives one.
func (t *Text) StratumName(s string) string {
	if v, ok := t.labels[s]; ok {
		return v
	}
	return s
}

// LevelPercent writes a confidence level as a percentage with as many
// decimals as it needs (0.9: "90 %", 0.975: "97,5 %"; at most 3).
func LevelPercent(lang string, level float64) string {
	d := 0
	for d < 3 && math.Abs(level*100*math.Pow(10, float64(d))-math.Round(level*100*math.Pow(10, float64(d)))) > 1e-9 {
		d++
	}
	return Percent(lang, level, d)
}

// Status names a status in the report's language (the config's own word
// when the status is not one of the standard three).
func (t *Text) Status(s string) string {
	if v, ok := t.labels[s]; ok {
		return v
	}
	if v, ok := t.Statuses[s]; ok {
		return v
	}
	return s
}

// Population describes a measure's population ("those who completed").
func (t *Text) Population(p string) string {
	if v, ok := t.labels[p]; ok {
		return v
	}
	if v, ok := t.Populations[p]; ok {
		return v
	}
	return p
}

// ReasonText translates an exclusion reason.
func (t *Text) ReasonText(r results.Reason) string {
	if v, ok := t.Reasons[r]; ok {
		return v
	}
	return string(r)
}

// Category names an exit category (the config's name when not a standard one).
func (t *Text) Category(c string) string {
	if v, ok := t.labels[c]; ok {
		return v
	}
	if v, ok := t.Categories[c]; ok {
		return v
	}
	return c
}

// LeftBy labels the cumulative count of an exit: "afbrudt (kumuleret)".
func (t *Text) LeftBy(event string) string {
	return t.Status(event) + " (" + t.Cumulative + ")"
}

// Msg is the message key in the report's language.
func (t *Text) Msg(key string) string { return message(t.Lang, key) }

// textOf returns the strings of the report of r: its language and level,
// the config's labels, and its strata field's name in the headings
// ("Resultater fordelt på kontaktperson").
func textOf(r *results.Results) *Text {
	t := TextFor(r.Cohort.Language, r.Bootstrap.Level).WithLabels(r.Cohort.Labels)
	if f := r.Bootstrap.Strata; f != "" {
		name := t.FieldName(f)
		t.ByStratum = fmt.Sprintf(t.ByStratumFmt, name)
		t.Stratum = capitalize(name)
	}
	return t
}

// FieldName names a field of the data for a reader: its label, else the
// catalogue's name for a common field (site: "sted"), else "" when it has
// none (the config check asks for a label then).
func (t *Text) FieldName(field string) string {
	if v, ok := t.labels[field]; ok {
		return v
	}
	if v, ok := catalogues[t.Lang]["Fields."+field]; ok {
		return v
	}
	return field
}

// HasFieldName reports whether the catalogue names field in every language
// (so a stratum by it needs no label).
func HasFieldName(field string) bool {
	for _, lang := range Languages() {
		if _, ok := catalogues[lang]["Fields."+field]; !ok {
			return false
		}
	}
	return true
}
