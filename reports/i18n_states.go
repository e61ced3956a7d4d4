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

// states returns the state-occupation strings of t's language.
func (t *Text) states() stateText {
	var st stateText
	fillFields(&st, t.Lang, "States.")
	return st
}
