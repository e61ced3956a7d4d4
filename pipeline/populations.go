package pipeline

import (
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/rules"
)

// spec is one share to count: a measure, an exit category or the costs.
type spec struct {
	id, kind  string // kind: measure, exit, costs
	among     string
	amongRule *rules.Rule
	count     *rules.Rule
}

func measureSpecs(cfg *config.Config, r *Rules) []spec {
	var out []spec
	for j, m := range cfg.Measures {
		out = append(out, spec{id: m.ID, kind: "measure", among: m.Among, amongRule: r.Among[j], count: r.Count[j]})
	}
	if e := cfg.Exits; e != nil {
		for j, cat := range e.Categories {
			out = append(out, spec{id: cat.Name, kind: "exit", among: e.Among, amongRule: r.ExitsAmong, count: r.Exits[j]})
		}
	}
	if c := cfg.Costs; c != nil {
		out = append(out, spec{id: "costs", kind: "costs", among: c.Among, amongRule: r.CostsAmong, count: r.CostsCount})
	}
	return out
}

// inPopulation says whether person p belongs to a measure's population:
// started (everyone included), ended (every status but ongoing), a status
// name, or an expression that is definitely true.
func (c *Cohort) inPopulation(among string, rule *rules.Rule, p Person, row map[string]any) (bool, error) {
	if rule != nil {
		v, ok, err := rule.Bool(row)
		return ok && v, err
	}
	switch among {
	case "started":
		return true, nil
	case "ended":
		return config.Ends(c.Statuses[p.Status]), nil
	}
	return c.Statuses[p.Status] == among, nil
}
