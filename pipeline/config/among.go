package config

import "slices"

// validateAmongNamed checks that every population a reader sees has a
// name: started, ended, a status, a populations: entry, or a label. A
// population written as an expression ("age >= 30") would otherwise be
// printed as written in the report.
func (c *Config) validateAmongNamed(add func(string, ...any)) {
	for _, m := range c.Measures {
		c.checkAmongNamed("measures."+m.ID+".among", m.Among, add)
	}
	if e := c.Exits; e != nil {
		c.checkAmongNamed("exits.among", e.Among, add)
	}
	if k := c.Costs; k != nil {
		c.checkAmongNamed("costs.among", k.Among, add)
	}
}

func (c *Config) checkAmongNamed(key, among string, add func(string, ...any)) {
	if among == "" || among == "started" || among == "ended" || slices.Contains(c.StatusNames(), among) {
		return
	}
	if _, ok := c.Populations[among]; ok {
		return
	}
	if _, ok := c.Columns[among]; !ok && fieldName.MatchString(among) {
		return // a misspelt population name: compiling it names the unknown name
	}
	if l, ok := c.Labels[among]; ok && l.In(c.Language) != "" {
		return
	}
	add("%s %q is an expression, which the report would print as written: name it under populations (populations: {\"aged 30 or more\": %q}, then among: \"aged 30 or more\") or give it a label (labels: {%q: {da: …, en: …}})",
		key, short(among), short(among), short(among))
}
