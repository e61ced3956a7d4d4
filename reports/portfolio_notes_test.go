package reports

import (
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
)

// The portfolio says what each headline counts, among whom and how long
// after start; its period is the intake (first to last start) and its
// header the span of the data dates, in the order the programmes came.
func TestPortfolioNotesPeriodAndStamp(t *testing.T) {
	k, n, est := 52, 148, 52.0/148
	res := func(id, title, label, among, first, last, date string) *results.Results {
		return &results.Results{Cohort: results.CohortInfo{ID: id, Title: title, Language: "da", FirstEntry: first,
			LastEntry: last, DataDate: date}, Bootstrap: results.BootstrapInfo{Level: 0.95},
			Measures: []results.Measure{{ID: "m", Label: label, Among: among, Count: &k, Denominator: &n, Estimate: &est}}}
	}
	p, err := BuildPortfolio("da", []*results.Results{
		res("pva", "På vej til arbejde", "Job eller uddannelse", "completed", "2017-09-01", "2020-12", "2021-12-31"),
		res("hjemme", "Hjemmeaktivering, Slagelse", "Job", "started", "2009-01-12", "2009-03", "2009-08-17"),
	}, []int{0, 0})
	if err != nil {
		t.Fatal(err)
	}
	c := PortfolioContent(p, nil, "1.0")
	if want := "Data opgjort mellem 17. august 2009 og 31. december 2021"; c.Stamp != want {
		t.Errorf("stamp %q, want %q", c.Stamp, want)
	}
	tx := TextFor("da", 0.95)
	if got := p.Programmes[0].period("da"); got != "sep. 2017 – dec. 2020" {
		t.Errorf("period %q", got)
	}
	notes := comparabilityNotes(tx, p)
	for i, want := range []string{
		"programmerne måler forskellige udfald",
		"På vej til arbejde: Job eller uddannelse – andel af dem, der gennemførte (n = 148); opgjort pr. 31. december 2021, 12–51 måneder efter start.",
		"Hjemmeaktivering, Slagelse: Job – andel af alle, der startede (n = 148); opgjort pr. 17. august 2009, 5–7 måneder efter start.",
		"rangordne",
	} {
		if !strings.Contains(notes[i], want) {
			t.Errorf("note %d %q lacks %q", i, notes[i], want)
		}
	}
	same, _ := BuildPortfolio("da", []*results.Results{res("a", "A", "Job", "started", "2017-09-01", "", "2021-12-31"),
		res("b", "B", "Job", "started", "2018-01-01", "2018-06", "2021-12-31")}, []int{0, 0})
	if got := comparabilityNotes(tx, same)[0]; !strings.HasPrefix(got, "Alle programmer måler »Job« blandt alle, der startede") {
		t.Errorf("same measure: %q", got)
	}
	if got := PortfolioContent(same, nil, "1").Stamp; got != "Data pr. 31. december 2021" {
		t.Errorf("one data date: %q", got)
	}
	if got := same.Programmes[0].period("da"); got != "fra sep. 2017" {
		t.Errorf("period without last entry %q", got)
	}
}
