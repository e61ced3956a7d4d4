package pipeline

import (
	"fmt"
	"sort"

	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/privacy"
	"github.com/danish-eval/evaluate/pipeline/rules"
)

// checkPersonalRules refuses a rule that compares a column of names,
// personal numbers or contact details (privacy.NameLikeHeader of its field
// or header) with a text. Rules are printed on the methods page and in
// errors, so `include: "navn != 'Kirsten Bjerregaard'"` would publish the
// name. A name compared with another column cannot be told from a place
// name and is the user's responsibility; a CPR-shaped text anywhere in the
// config is refused when it is loaded.
func checkPersonalRules(cfg *config.Config) error {
	for _, r := range ruleSources(cfg) {
		fields, texts := rules.Uses(r.src)
		if len(texts) == 0 {
			continue
		}
		for _, f := range fields {
			col, ok := cfg.Columns[f]
			if ok && (privacy.NameLikeHeader(f) || privacy.NameLikeHeader(col.Header)) {
				return fmt.Errorf("%s compares the field %s, which holds names or other personal details, "+
					"with a text; a rule may not name a person (leave the person out of the extract instead)", r.what, f)
			}
		}
	}
	return nil
}

type ruleSource struct{ what, src string }

// ruleSources lists every expression of the config, named by its key.
func ruleSources(cfg *config.Config) []ruleSource {
	rs := []ruleSource{{"cohort.include", cfg.Cohort.Include}, {"cohort.entry", cfg.Cohort.Entry},
		{"cohort.exit", cfg.Cohort.Exit}}
	for _, s := range cfg.Cohort.Status {
		rs = append(rs, ruleSource{"cohort.status." + s.Name, s.Expr})
	}
	for _, m := range cfg.Measures {
		rs = append(rs, ruleSource{"measures." + m.ID + ".count", m.Count}, ruleSource{"measures." + m.ID + ".among", m.Among})
	}
	if c := cfg.Costs; c != nil {
		rs = append(rs, ruleSource{"costs.count", c.Count}, ruleSource{"costs.among", c.Among})
	}
	if e := cfg.Exits; e != nil {
		rs = append(rs, ruleSource{"exits.among", e.Among})
		for _, c := range e.Categories {
			rs = append(rs, ruleSource{"exits.categories." + c.Name, c.Expr})
		}
	}
	names := make([]string, 0, len(cfg.Populations))
	for name := range cfg.Populations {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		rs = append(rs, ruleSource{"populations." + name, cfg.Populations[name]})
	}
	return rs
}
