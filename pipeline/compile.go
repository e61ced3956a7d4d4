package pipeline

import (
	"fmt"

	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/rules"
)

// Rules are the config's expressions, compiled before any data is read.
type Rules struct {
	Include *rules.Rule
	Entry   *rules.Rule
	Exit    *rules.Rule
	Status  []*rules.Rule // in config order
	// Among and Count per measure, in config order. Among is nil for a
	// built-in population (started, ended, a status name).
	Among []*rules.Rule
	Count []*rules.Rule
	// CostsCount and CostsAmong are set when costs are configured.
	CostsCount, CostsAmong *rules.Rule
	Exits                  []*rules.Rule
	ExitsAmong             *rules.Rule
}

// fieldEnv declares the mapped columns (not the id) plus the computed
// fields status (text), entry and exit (dates) to expressions.
func fieldEnv(cfg *config.Config, computed bool) rules.Env {
	env := rules.Env{}
	for _, name := range cfg.ColumnNames() {
		switch cfg.Columns[name].Type {
		case config.TypeText:
			env[name] = rules.Text
		case config.TypeNumber:
			env[name] = rules.Number
		case config.TypeDate:
			env[name] = rules.Date
		case config.TypeBool:
			env[name] = rules.Bool
		}
	}
	if computed {
		env["status"] = rules.Text
		env["entry"] = rules.Date
		env["exit"] = rules.Date
	}
	return env
}

// CompileRules type-checks every expression of the config against its
// columns; errors name the rule and the position in the expression.
func CompileRules(cfg *config.Config) (*Rules, error) {
	raw, full := fieldEnv(cfg, false), fieldEnv(cfg, true)
	dated := fieldEnv(cfg, false) // include may use entry and exit, computed first
	dated["entry"], dated["exit"] = rules.Date, rules.Date
	if err := checkPersonalRules(cfg); err != nil {
		return nil, err
	}
	var r Rules
	var err error
	if r.Include, err = rules.Compile("cohort.include", cfg.Cohort.Include, dated, rules.Bool); err != nil {
		return nil, err
	}
	if r.Entry, err = rules.Compile("cohort.entry", cfg.Cohort.Entry, raw, rules.Date); err != nil {
		return nil, err
	}
	if r.Exit, err = rules.Compile("cohort.exit", cfg.Cohort.Exit, raw, rules.Date); err != nil {
		return nil, err
	}
	for _, s := range cfg.Cohort.Status {
		rule, err := rules.Compile(fmt.Sprintf("cohort.status.%s", s.Name), s.Expr, raw, rules.Bool)
		if err != nil {
			return nil, err
		}
		r.Status = append(r.Status, rule)
	}
	for _, m := range cfg.Measures {
		count, err := rules.Compile(fmt.Sprintf("measure %q count", m.ID), m.Count, full, rules.Bool)
		if err != nil {
			return nil, err
		}
		among, err := compileAmong(cfg, fmt.Sprintf("measure %q among", m.ID), m.Among, full)
		if err != nil {
			return nil, err
		}
		r.Count, r.Among = append(r.Count, count), append(r.Among, among)
	}
	if c := cfg.Costs; c != nil {
		if r.CostsCount, err = rules.Compile("costs.count", c.Count, full, rules.Bool); err != nil {
			return nil, err
		}
		if r.CostsAmong, err = compileAmong(cfg, "costs.among", c.Among, full); err != nil {
			return nil, err
		}
	}
	if e := cfg.Exits; e != nil {
		if r.ExitsAmong, err = compileAmong(cfg, "exits.among", e.Among, full); err != nil {
			return nil, err
		}
		for _, c := range e.Categories {
			rule, err := rules.Compile("exits.categories."+c.Name, c.Expr, full, rules.Bool)
			if err != nil {
				return nil, err
			}
			r.Exits = append(r.Exits, rule)
		}
	}
	if err := checkRetention(cfg); err != nil {
		return nil, err
	}
	return &r, checkVariants(cfg)
}

// checkVariants applies and compiles every sensitivity variant, so a
// mistake in one fails before any data is read.
func checkVariants(cfg *config.Config) error {
	for _, v := range cfg.Sensitivity {
		vc, err := cfg.Variant(v)
		if err != nil {
			return err
		}
		if _, err := CompileRules(vc); err != nil {
			return fmt.Errorf("sensitivity %q: %w", v.Name, err)
		}
	}
	return nil
}

// compileAmong returns nil for a built-in population, the named
// population's expression, or among itself as an expression.
func compileAmong(cfg *config.Config, what, among string, env rules.Env) (*rules.Rule, error) {
	if isPopulation(cfg, among) {
		return nil, nil
	}
	if expr, ok := cfg.Populations[among]; ok {
		return rules.Compile(fmt.Sprintf("%s (population %q)", what, among), expr, env, rules.Bool)
	}
	return rules.Compile(what, among, env, rules.Bool)
}

func isPopulation(cfg *config.Config, name string) bool {
	if name == "started" || name == "ended" {
		return true
	}
	for _, s := range cfg.StatusNames() {
		if s == name {
			return true
		}
	}
	return false
}

func checkRetention(cfg *config.Config) error {
	r := cfg.Retention
	if r == nil {
		return nil
	}
	known := cfg.StatusNames()
	seen := map[string]bool{}
	for _, name := range append([]string{r.Event}, r.Competing...) {
		if seen[name] {
			return fmt.Errorf("retention.competing: %q is named twice or is the event itself; list each other exit once", name)
		}
		seen[name] = true
		found := false
		for _, s := range known {
			found = found || s == name
		}
		if !found {
			return fmt.Errorf("retention: %q is not a status (expected one of %v)", name, known)
		}
	}
	return nil
}
