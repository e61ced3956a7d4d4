package pipeline

import (
	"fmt"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// comparisonTimes gives, for every measure with an effect and an event
// date (at:), the weeks to the event for the compared people (units) read
// as the measure's horizons are for the participants: from entry (or
// exit) to the event date, or to each group's date of data without one;
// the population is the effect's. A measure timed from exit gets none:
// people who never took part have no exit from the programme.
func comparisonTimes(cfg *config.Config, both []group, units []unit, outcomes []models.Outcome) ([]models.TimeOutcome, error) {
	var out []models.TimeOutcome
	for _, o := range outcomes {
		j := measureIndex(cfg, o.ID)
		m := cfg.Measures[j]
		if m.At == "" || len(m.Horizons) == 0 || m.From == config.FromExit {
			continue
		}
		var ev [2]horizonData
		for g := range both {
			if col, _ := both[g].cohort.table.column(m.At); col == nil || col.Header == "" {
				return nil, fmt.Errorf("measures.%s.at: %s (header %q) is not a column of %s, the %s extract; the effect over time needs the event date in both extracts",
					m.ID, m.At, cfg.Columns[m.At].Header, both[g].cfg.Source.File, [2]string{"participants'", "comparison group's"}[g])
			}
			ev[g] = eventTimes(both[g].cfg, both[g].cohort, both[g].counts, j)
		}
		to := models.TimeOutcome{ID: o.ID, In: o.In, Horizons: m.Horizons,
			Time: make([]float64, len(units)), Event: make([]bool, len(units))}
		for k, u := range units {
			to.Time[k], to.Event[k] = ev[u.group].weeks[u.person], ev[u.group].event[u.person]
		}
		out = append(out, to)
	}
	return out, nil
}

// measureIndex is the index of the measure with the id.
func measureIndex(cfg *config.Config, id string) int {
	for j, m := range cfg.Measures {
		if m.ID == id {
			return j
		}
	}
	panic("pipeline: no measure " + id)
}
