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
	PortfolioNote, Programme, Period      string
	SensitivityIntro                      string
	// Level is the confidence level every interval is computed at, and
	// LevelPct its percentage as written ("90 %"); TextFor fills them and
	// the strings made from them (Interval, IncidenceIntro, PortfolioIntro).
	Level    float64
	LevelPct string
	levelFmt levelTexts
}

// levelTexts are the strings that name the confidence level, as templates
// taking its percentage ("95 %").
type levelTexts struct{ interval, incidence, portfolio string }

var danish = Text{
	Lang: "da", Method: "metode",
	levelFmt: levelTexts{
		interval:  "%s-KI",
		incidence: "Kumuleret andel, der er gået ud af forløbet på hver måde (Aalen-Johansen), med %s-konfidensinterval; de øvrige er stadig i forløb eller censureret ved opfølgningen.",
		portfolio: "Hvert programs hovedresultat med %s-konfidensinterval. Andelen, tælleren og nævneren står i tabellen; definitionen står i ord.",
	},
	CostsIntro: "Besparelsen er et regnestykke: antallet, der blev selvforsørgende, gange den månedlige ydelse, de ellers ville have fået, gange antal måneder. Nettobesparelsen trækker dødvægten fra: den andel, der ville være blevet selvforsørgende alligevel. Intervallerne kommer fra samme bootstrap som resten af rapporten.",
	Item:       "Post", Value: "Værdi", CostsCount: "Selvforsørgende", MonthlyBenefit: "Månedlig ydelse", Months: "Måneder",
	GrossSaving: "Bruttobesparelse", Deadweight: "Dødvægt", NetSaving: "Nettobesparelse",
	PortfolioTitle: "Porteføljeoversigt", Programme: "Program", Period: "Periode",
	PortfolioNote: "Andelene kan ikke sammenlignes direkte: programmerne har forskellige målgrupper, perioder og definitioner (fx andel af dem, der gennemførte, mod andel af alle, der startede), og udfaldene er målt forskelligt (lønnede timer, selvforsørgelse, visitationskategori). Brug oversigten til at se usikkerheden i hvert tal, ikke til at rangordne programmerne. ..: udeladt af diskretionshensyn.",
	Variant:       "Variant", MainAnalysis: "Hovedanalyse",
	SensitivityIntro: "Hvor meget flytter tallene, når definitionerne ændres? Hver variant er kørt med samme frø; ændringerne står under tabellen.",
	Ended:            "Andel afsluttet", Censored: "censureret", Low: "nedre", High: "øvre", Summary: "Sammenfatning", Flow: "Deltagerflow", Retention: "Fastholdelse over tid",
	Outcomes: "Resultater", ByStratum: "Resultater fordelt på sted", Exits: "Afgang fra forløbet",
	Costs: "Økonomi", Sensitivity: "Følsomhedsanalyser", Methods: "Metode og datakvalitet",
	DataAsOf: "Data pr.", Page: "Side", Of: "af", NotForPublication: "IKKE TIL OFFENTLIGGØRELSE",
	Measure: "Mål", Count: "Antal", Share: "Andel", N: "n",
	Target: "Målsætning", Verdict: "Vurdering", PMet: "P(nået)", Among: "blandt",
	Met: "nået", NotMet: "ikke nået", Uncertain: "usikkert", NoTarget: "–",
	AtLeast: "mindst", AtMost: "højst",
	Started: "startede", Included: "med i opgørelsen", RowsRead: "rækker i udtrækket", Excluded: "udeladt",
	Reason: "Årsag", Rows: "Rækker", Stratum: "Sted", Pooled: "Samlet",
	Weeks: "uger", AtRisk: "stadig i forløb", Cumulative: "kumuleret", StillIn: "Andel stadig i forløb",
	RetentionAxis: "Uger siden start", NoOneAtRisk: "ingen i forløb", Median: "Median",
	NotReached: "ikke nået", CI: "KI",
	SuppressedNote: "..: udeladt af diskretionshensyn (færre end %d personer bag tallet, eller tallet ville lade et sådant udlede).",
	AllSuppressed:  "Kohorten er for lille til, at tallene kan offentliggøres: hvert tal ville hvile på færre end %d personer. Rapporten viser derfor kun deltagerflowets totaler.",
	Statuses:       map[string]string{"completed": "gennemført", "dropout": "afbrudt", "ongoing": "igangværende", "finished": "afsluttet"},
	Categories: map[string]string{"job": "Ordinært job", "education": "Uddannelse", "ressourceforloeb": "Ressourceforløb",
		"other": "Andet", "not_stated": "Ikke oplyst"},
	Populations: map[string]string{"started": "alle, der startede", "ended": "alle, der er afsluttet",
		"completed": "dem, der gennemførte", "finished": "dem, der er afsluttet", "dropout": "dem, der afbrød", "ongoing": "dem, der stadig er i forløb"},
	Reasons: map[results.Reason]string{
		results.ReasonTotalRow: "sumrække (I alt, Total …)",
		"unreadable date":      "ulæselig dato", "unreadable number": "ulæseligt tal",
		"unreadable yes/no value": "ulæselig ja/nej-værdi", "unreadable text": "ulæselig tekst",
		"missing id": "mangler id", "duplicate id": "samme id to gange (begge rækker)",
		"missing entry date": "mangler startdato", "missing exit date": "mangler slut- eller opfølgningsdato",
		"exit before entry": "slutdato før startdato", "outside the include rule": "uden for afgrænsningen",
		"include rule undecided (missing value)": "afgrænsningen kunne ikke afgøres (manglende værdi)",
		"no status rule matched":                 "ingen status passede",
		"status undecided (missing value)":       "status kunne ikke afgøres (manglende værdi)",
		"date before 1900":                       "dato før 1900",
		"date after the extract was saved":       "dato efter udtrækket blev gemt",
		"another episode of the same id":         "en anden periode med samme id"},
}

var english = Text{
	Lang: "en", Method: "method",
	levelFmt: levelTexts{
		interval:  "%s CI",
		incidence: "Cumulative share who had left the programme each way (Aalen-Johansen), with %s confidence intervals; the rest are still in the programme or censored at follow-up.",
		portfolio: "Each programme's headline result with its %s confidence interval. The share, numerator and denominator are in the table; the definition is given in words.",
	},
	CostsIntro: "The saving is arithmetic: the number who became self-supporting, times the monthly benefit they would otherwise have received, times the months. The net saving subtracts the deadweight: the share who would have become self-supporting anyway. The intervals come from the same bootstrap as the rest of the report.",
	Item:       "Item", Value: "Value", CostsCount: "Self-supporting", MonthlyBenefit: "Monthly benefit", Months: "Months",
	GrossSaving: "Gross saving", Deadweight: "Deadweight", NetSaving: "Net saving",
	PortfolioTitle: "Portfolio overview", Programme: "Programme", Period: "Period",
	PortfolioNote: "The shares are not directly comparable: the programmes have different target groups, periods and definitions (e.g. the share of completers versus the share of all who started), and outcomes are measured differently (paid hours, self-support, visitation category). Use the overview to see the uncertainty of each figure, not to rank the programmes. ..: suppressed for confidentiality.",
	Variant:       "Variant", MainAnalysis: "Main analysis",
	SensitivityIntro: "How much do the figures move when the definitions change? Each variant is run with the same seed; the changes are listed under the table.",
	Ended:            "Share who had left", Censored: "censored", Low: "lower", High: "upper", Summary: "Summary", Flow: "Participant flow", Retention: "Retention over time",
	Outcomes: "Outcomes", ByStratum: "Outcomes by site", Exits: "Exits from the programme",
	Costs: "Costs and savings", Sensitivity: "Sensitivity analyses", Methods: "Methods and data quality",
	DataAsOf: "Data as of", Page: "Page", Of: "of", NotForPublication: "NOT FOR PUBLICATION",
	Measure: "Measure", Count: "Count", Share: "Share", N: "n",
	Target: "Target", Verdict: "Verdict", PMet: "P(met)", Among: "among",
	Met: "met", NotMet: "not met", Uncertain: "uncertain", NoTarget: "–",
	AtLeast: "at least", AtMost: "at most",
	Started: "started", Included: "included", RowsRead: "rows in the extract", Excluded: "excluded",
	Reason: "Reason", Rows: "Rows", Stratum: "Site", Pooled: "Pooled",
	Weeks: "weeks", AtRisk: "still in the programme", Cumulative: "cumulative", StillIn: "Share still in the programme",
	RetentionAxis: "Weeks since start", NoOneAtRisk: "no one at risk", Median: "Median",
	NotReached: "not reached", CI: "CI",
	SuppressedNote: "..: suppressed for confidentiality (fewer than %d people behind the figure, or it would let such a figure be derived).",
	AllSuppressed:  "The cohort is too small for its figures to be published: each would rest on fewer than %d people. The report therefore shows only the totals of the participant flow.",
	Statuses:       map[string]string{"completed": "completed", "dropout": "dropped out", "ongoing": "ongoing", "finished": "finished"},
	Categories: map[string]string{"job": "Ordinary job", "education": "Education", "ressourceforloeb": "Rehabilitation (ressourceforløb)",
		"other": "Other", "not_stated": "Not stated"},
	Populations: map[string]string{"started": "all who started", "ended": "all who have ended",
		"completed": "those who completed", "finished": "those who finished", "dropout": "those who dropped out", "ongoing": "those still in the programme"},
	Reasons: map[results.Reason]string{},
}

// TextFor returns the strings of language lang (da or en) for intervals
// at the confidence level (e.g. 0.9: "90 %-KI", "90 % CI").
func TextFor(lang string, level float64) *Text {
	t := danish
	if lang == "en" {
		t = english
	}
	t.Level, t.LevelPct = level, LevelPercent(lang, level)
	t.Interval = fmt.Sprintf(t.levelFmt.interval, t.LevelPct)
	t.IncidenceIntro = fmt.Sprintf(t.levelFmt.incidence, t.LevelPct)
	t.PortfolioIntro = fmt.Sprintf(t.levelFmt.portfolio, t.LevelPct)
	return &t
}

// Pick chooses the Danish or the English text by the report's language
// (for text not yet in Text; issue 13's catalogue is their home).
func (t *Text) Pick(da, en string) string {
	if t.Lang == "da" {
		return da
	}
	return en
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
