package reports

import (
	"fmt"
	"strings"
	"time"

	"github.com/danish-eval/evaluate/models/results"
)

// PortfolioSchema is the schema of out/portfolio/results.json.
const PortfolioSchema = "evaluate/portfolio/v1"

// Portfolio compares the headline measure of several programmes.
type Portfolio struct {
	Schema     string      `json:"schema"`
	Language   string      `json:"language"`
	Level      float64     `json:"level"` // every programme's confidence level
	Programmes []Programme `json:"programmes"`
}

// Programme is one cohort's headline figure, already disclosed.
type Programme struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	From  string `json:"from"`
	To    string `json:"to"`
	// LastEntry is the month (yyyy-mm) of the last intake: with From, the
	// intake period. Not in results.json, whose schema stays as it is.
	LastEntry  string          `json:"-"`
	Started    int             `json:"started"`
	Definition string          `json:"definition"`
	Measure    results.Measure `json:"measure"`
	MinCell    int             `json:"min_cell"`
}

// BuildPortfolio takes each cohort's results and the index of its headline
// measure, in the order given (callers sort by id, so the order of runs
// never shows).
func BuildPortfolio(lang string, cohorts []*results.Results, headline []int) (*Portfolio, error) {
	level, err := commonLevel(cohorts)
	if err != nil {
		return nil, err
	}
	t := TextFor(lang, level)
	p := &Portfolio{Schema: PortfolioSchema, Language: lang, Level: level, Programmes: []Programme{}}
	for i, r := range cohorts {
		if headline[i] < 0 || headline[i] >= len(r.Measures) {
			return nil, fmt.Errorf("portfolio: %s has no measure %d", r.Cohort.ID, headline[i])
		}
		m := r.Measures[headline[i]]
		p.Programmes = append(p.Programmes, Programme{
			ID: r.Cohort.ID, Title: r.Cohort.Title, From: r.Cohort.FirstEntry, To: r.Cohort.DataDate, LastEntry: r.Cohort.LastEntry,
			Started: r.Flow.Included, Measure: m, MinCell: r.Disclosure.MinCell,
			Definition: m.Label + " " + t.Among + " " + t.Population(m.Among),
		})
	}
	return p, nil
}

// commonLevel returns the confidence level all results share: intervals
// at different levels side by side in one plot would mislead.
func commonLevel(rs []*results.Results) (float64, error) {
	if len(rs) == 0 {
		return 0, nil
	}
	level := rs[0].Bootstrap.Level
	for _, r := range rs[1:] {
		if r.Bootstrap.Level != level {
			return 0, fmt.Errorf("portfolio: %s has bootstrap.level %v but %s has %v; compare programmes at one level",
				rs[0].Cohort.ID, level, r.Cohort.ID, r.Bootstrap.Level)
		}
	}
	return level, nil
}

// period formats a programme's intake, first to last start: "sep. 2017 –
// dec. 2020" (its first start only when the last is not known).
func (p Programme) period(lang string) string {
	from, err := time.Parse("2006-01-02", p.From)
	if err != nil {
		return "–"
	}
	last, err := time.Parse("2006-01", p.LastEntry)
	if err != nil {
		return fmt.Sprintf(message(lang, "PortfolioFrom"), monthYear(lang, from))
	}
	return monthYear(lang, from) + " – " + monthYear(lang, last)
}

func monthYear(lang string, t time.Time) string {
	return fmt.Sprintf("%s %d", strings.Fields(message(lang, "Format.ShortMonths"))[t.Month()-1], t.Year())
}
