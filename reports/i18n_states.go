package reports

// stateText holds the strings of the state-occupation retention page.
type stateText struct {
	InProgramme string // the state of those still in the programme
	Axis        string // y axis of the figure
	Intro       string // the page's first paragraph
	Median      string // the median sentence's subject
	KMIntro     string // the plain Kaplan-Meier page (retention.competing: [])
	Methods     string // the methods paragraph; %s: the exits
	MethodsKM   string // the same without competing exits; %s: the event
	Coarsened   string // how the drawn states are coarsened; %d, %d: min_cell
}

var stateTexts = map[string]stateText{
	"da": {
		InProgramme: "i forløb",
		Axis:        "Andel af dem, der startede",
		Intro:       "Hvor deltagerne er, uge for uge efter start: stadig i forløb, eller gået ud på hver måde. Andelene summer til 100 %. Alle, der er gået ud, tæller med i det, de gik til; kun de, der stadig var i forløb ved opfølgningen, er censureret (Aalen-Johansen; »i forløb« er Kaplan-Meier for tiden i forløb). Skygge: konfidensbånd for hver grænse mellem to tilstande.",
		Median:      "Median tid i forløb",
		Coarsened:   "Figurerne over tid flytter hver afgangsmåde først, når mindst %d er gået ud på den måde siden sidst (resten vises som i forløb), og stopper, hvor færre end %d stadig er i forløb.",
		Methods:     "Fastholdelse: %s er afgange fra forløbet, og hver afgang tæller med i det, deltageren gik til (konkurrerende afgange); alle andre, fx de igangværende, censureres ved deres slutdato (opfølgningen). Andelene i hver tilstand er Aalen-Johansen-estimater med standardfejl fra den infinitesimale jackknife og log-log-intervaller, som R survival's survfit(Surv(tid, factor(status)) ~ 1); andelen i forløb er Kaplan-Meier for tiden i forløb (Greenwood, log-log), så andelene summer til 100 %%. Båndene i figuren er intervallet for hver grænse mellem to tilstande (Aalen-Johansen for afgang på en af måderne over grænsen).",
		MethodsKM:   "Fastholdelse: Kaplan-Meier for %s (Greenwood, log-log); alle andre censureres ved deres slutdato (retention.competing: []).",
		KMIntro:     "Kaplan-Meier-estimat af andelen, der stadig er i forløb, hvor %s afslutter fastholdelsen, og alle andre tæller med, til de afsluttede eller til opfølgningen (censureret). Skygge: %s-konfidensbånd (log-log).",
	},
	"en": {
		InProgramme: "in the programme",
		Axis:        "Share of those who started",
		Intro:       "Where participants are, week by week after starting: still in the programme, or left in each way. The shares add up to 100 %. Everyone who left counts in the way they left; only those still in the programme at follow-up are censored (Aalen-Johansen; 'in the programme' is the Kaplan-Meier of time in the programme). Shaded: confidence band of each boundary between two states.",
		Median:      "Median time in the programme",
		Coarsened:   "The figures over time only move a way of leaving once at least %d people have left that way since it last moved (the rest are shown as in the programme), and stop where fewer than %d are still in the programme.",
		Methods:     "Retention: %s are exits from the programme, and each exit counts in the way the participant left (competing exits); everyone else, e.g. those still in the programme, is censored at their end date (follow-up). The share in each state is the Aalen-Johansen estimate with infinitesimal-jackknife standard errors and log-log intervals, as R survival's survfit(Surv(time, factor(status)) ~ 1); the share in the programme is the Kaplan-Meier of time in the programme (Greenwood, log-log), so the shares add up to 100 %%. The figure's bands are the interval of each boundary between two states (Aalen-Johansen for leaving by any of the ways above the boundary).",
		MethodsKM:   "Retention: Kaplan-Meier of %s (Greenwood, log-log); everyone else is censored at their end date (retention.competing: []).",
		KMIntro:     "Kaplan-Meier estimate of the share still in the programme, where %s ends retention and everyone else is counted until they ended or until follow-up (censored). Shaded: %s confidence band (log-log).",
	},
}

// states returns the state-occupation strings of t's language.
func (t *Text) states() stateText { return stateTexts[t.Lang] }
