package reports

// stateText holds the strings of the state-occupation retention page.
type stateText struct {
	InProgramme string // the state of those still in the programme
	Axis        string // y axis of the figure
	Intro       string // the page's first paragraph; %s: the event
	Median      string // the median sentence's subject
	KMIntro     string // the plain Kaplan-Meier page (retention.competing: [])
}

var stateTexts = map[string]stateText{
	"da": {
		InProgramme: "i forløb",
		Axis:        "Andel af dem, der startede",
		Intro:       "Hvor deltagerne er, uge for uge efter start: stadig i forløb, eller gået ud på hver måde. Andelene summer til 100 %%. Alle, der er gået ud, tæller med i det, de gik til; kun de, der stadig var i forløb ved opfølgningen, er censureret (Aalen-Johansen; »i forløb« er Kaplan-Meier for tiden i forløb). %s er den hændelse, fastholdelsen måles på. Skygge: 95 %%-konfidensbånd for hver grænse mellem to tilstande.",
		Median:      "Median tid i forløb",
		KMIntro:     "Kaplan-Meier-estimat af andelen, der stadig er i forløb, hvor %s afslutter fastholdelsen, og alle andre tæller med, til de afsluttede eller til opfølgningen (censureret). Skygge: 95 %%-konfidensbånd (log-log).",
	},
	"en": {
		InProgramme: "in the programme",
		Axis:        "Share of those who started",
		Intro:       "Where participants are, week by week after starting: still in the programme, or left in each way. The shares add up to 100 %%. Everyone who left counts in the way they left; only those still in the programme at follow-up are censored (Aalen-Johansen; 'in the programme' is the Kaplan-Meier of time in the programme). %s is the event retention is measured on. Shaded: 95 %% confidence band of each boundary between two states.",
		Median:      "Median time in the programme",
		KMIntro:     "Kaplan-Meier estimate of the share still in the programme, where %s ends retention and everyone else is counted until they ended or until follow-up (censored). Shaded: 95 %% confidence band (log-log).",
	},
}

// states returns the state-occupation strings of t's language.
func (t *Text) states() stateText { return stateTexts[t.Lang] }
