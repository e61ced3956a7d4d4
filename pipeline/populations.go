package pipeline

import (
	"slices"
	"strings"

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

// key identifies a spec by what decides its indicators: two specs with
// the same key on the same cohort give the same bits.
func (s spec) key() string {
	src := func(r *rules.Rule) string {
		if r == nil {
			return ""
		}
		return r.Source
	}
	return strings.Join([]string{s.kind, s.id, s.among, src(s.amongRule), src(s.count)}, "\x00")
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

// population gives the people (positions in c.People) in a spec's
// population: started (everyone included), ended (every status but
// ongoing), a status name, or an expression that is definitely true. rows
// are the people's rows and status their statuses (side by side, so a
// pass over them reads 4 bytes a person rather than a whole Person); the
// result is appended to out.
func (c *Cohort) population(st *stages, s spec, rows []int32, status []int32, out []int32) []int32 {
	if s.amongRule != nil {
		decided := st.run(s.amongRule, rows)
		for k := range decided {
			if st.res.OK[k] && st.res.Bool[k] {
				out = append(out, int32(k))
			}
		}
		return out
	}
	// the answer for each status, once, rather than for each person
	in := make([]bool, len(c.Statuses))
	for i, status := range c.Statuses {
		switch s.among {
		case "started":
			in[i] = true
		case "ended":
			in[i] = config.Ends(status)
		default:
			in[i] = status == s.among
		}
	}
	for k := range st.before(rows) {
		if in[status[k]] {
			out = append(out, int32(k))
		}
	}
	return out
}

// measureFrame is the extract's columns plus the computed fields entry,
// exit and status, per row. A computed field no rule reads is left out,
// unless a rule runs row by row (its row holds every field).
func (c *Cohort) measureFrame(specs []spec) rules.Frame {
	n := c.table.ex.Rows
	needs := map[string]bool{}
	for _, s := range specs {
		for _, r := range []*rules.Rule{s.amongRule, s.count} {
			if r == nil {
				continue
			}
			all := !r.Planned()
			for _, f := range []string{"entry", "exit", "status"} {
				needs[f] = needs[f] || all || slices.Contains(r.Fields, f)
			}
		}
	}
	computed := map[string]*rules.Column{}
	if needs["entry"] {
		computed["entry"] = c.personDates(n, func(p *Person) Day { return p.Entry })
	}
	if needs["exit"] {
		computed["exit"] = c.personDates(n, func(p *Person) Day { return p.Exit })
	}
	if needs["status"] {
		status := &rules.Column{Kind: rules.Text, Codes: make([]uint32, n), Dict: append([]string{""}, c.Statuses...)}
		for _, p := range c.People {
			status.Codes[p.Index] = uint32(p.Status + 1)
		}
		computed["status"] = status
	}
	return with(c.table.frame(), computed)
}

// personDates is a date of each person as a column by row, missing in
// the rows of no one.
func (c *Cohort) personDates(n int, date func(*Person) Day) *rules.Column {
	col := dateColumn(n)
	for k := range c.People {
		p := &c.People[k]
		col.Days[p.Index], col.Missing[p.Index] = int32(date(p)), false
	}
	return col
}
