package reports

import (
	"fmt"
	"time"
)

// comparabilityNotes say, from the programmes' own results, why their
// headlines cannot simply be ranked: what each counts, among whom, and
// how long after start it was measured; then how to use the overview.
func comparabilityNotes(t *Text, p *Portfolio) []string {
	if len(p.Programmes) == 0 {
		return []string{t.PortfolioNote}
	}
	first := p.Programmes[0].Measure
	intro := fmt.Sprintf(t.Msg("PortfolioNotes.same"), first.Label, t.Population(first.Among))
	for _, pr := range p.Programmes[1:] {
		if pr.Measure.Label != first.Label || pr.Measure.Among != first.Among {
			intro = t.Msg("PortfolioNotes.differ")
			break
		}
	}
	notes := []string{intro}
	for _, pr := range p.Programmes {
		m := pr.Measure
		notes = append(notes, fmt.Sprintf(t.Msg("PortfolioNotes.programme"), pr.Title, m.Label,
			t.Population(m.Among), t.count(m.Denominator), pr.followUp(t)))
	}
	return append(notes, t.PortfolioNote)
}

// followUp is when a programme's outcome was measured: at its data date,
// so between (data date − last intake) and (data date − first intake)
// months after each person started.
func (p Programme) followUp(t *Text) string {
	to, err := time.Parse("2006-01-02", p.To)
	if err != nil {
		return t.Msg("PortfolioNotes.unknown")
	}
	asOf := Date(t.Lang, to)
	from, err1 := time.Parse("2006-01-02", p.From)
	last, err2 := time.Parse("2006-01", p.LastEntry)
	if err1 != nil || err2 != nil {
		return fmt.Sprintf(t.Msg("PortfolioNotes.asOf"), asOf)
	}
	return fmt.Sprintf(t.Msg("PortfolioNotes.followUp"), asOf, months(last, to), months(from, to))
}

// months is the number of whole calendar months from a to b.
func months(a, b time.Time) int {
	return (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
}

// dataDateSpan is the earliest and latest data date of the programmes.
func dataDateSpan(p *Portfolio) (first, last string) {
	for _, pr := range p.Programmes {
		if first == "" || pr.To < first {
			first = pr.To
		}
		if pr.To > last {
			last = pr.To
		}
	}
	return first, last
}

// portfolioStamp heads every page: the one data date, or the span of
// them when the programmes were extracted at different dates.
func portfolioStamp(t *Text, p *Portfolio) string {
	first, last := dataDateSpan(p)
	a := dataDateOf(first)
	b := dataDateOf(last)
	if first == last {
		return t.DataAsOf + " " + Date(t.Lang, b)
	}
	return fmt.Sprintf(t.Msg("PortfolioStamp"), Date(t.Lang, a), Date(t.Lang, b))
}
