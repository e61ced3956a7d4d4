package pipeline

import (
	"fmt"

	"github.com/danish-eval/evaluate/pipeline/config"
)

// Counts are the measures as 0/1 indicators per person: bit 2j says person
// is in measure j's population (among), bit 2j+1 that they are also counted.
// The bootstrap needs nothing else, so it can collapse people into cells.
type Counts struct {
	IDs      []string
	Patterns []uint32 // per person in Cohort.People order
	Missing  []int    // per measure: people in the population whose count was missing
	// Undecided has bit j set for a person whose count of spec j was
	// missing (disclosure control needs who, not only how many).
	Undecided []uint32
	// CostsBit is the bit pair index of the costs count, -1 without costs.
	CostsBit int
	// ExitBits are the bit pair indices of the exit categories.
	ExitBits []int
	keys     []string // per spec: its rules (spec.key), to reuse in a variant
}

// maxPairs bounds the indicators so a pattern fits in a uint32; the config
// check says so before any data is read.
const maxPairs = config.MaxShares

// Num and Den return the bit masks of measure j.
func Num(j int) uint32 { return 1 << (2*j + 1) }

// Den returns the population bit of measure j.
func Den(j int) uint32 { return 1 << (2 * j) }

// Measure evaluates every measure (and the costs and exit rules) per person.
func Measure(cfg *config.Config, r *Rules, c *Cohort) (*Counts, error) {
	return measureReusing(cfg, r, c, nil)
}

// measureReusing is Measure for a cohort that base was measured on (a
// sensitivity variant that keeps the main analysis's selection): a spec
// whose population and count are the same rules as base's spec at the
// same position has the same indicators, so they are copied rather than
// evaluated again. base may be nil.
func measureReusing(cfg *config.Config, r *Rules, c *Cohort, base *Counts) (*Counts, error) {
	specs := measureSpecs(cfg, r)
	if len(specs) > maxPairs {
		return nil, fmt.Errorf("measures: %d measures, exits and costs together; at most %d", len(specs), maxPairs)
	}
	out := &Counts{Patterns: make([]uint32, len(c.People)), Missing: make([]int, len(specs)), CostsBit: -1,
		Undecided: make([]uint32, len(c.People))}
	for j, s := range specs {
		out.IDs = append(out.IDs, s.id)
		out.keys = append(out.keys, s.key())
		switch s.kind {
		case "costs":
			out.CostsBit = j
		case "exit":
			out.ExitBits = append(out.ExitBits, j)
		}
	}
	reuse := out.reusable(specs, base)
	if err := c.measureAll(specs, out, reuse); err != nil {
		return nil, err
	}
	return out, nil
}

// reusable says which specs have the same rules as base's at the same
// position, and copies their indicators and missing counts from base. The
// exit categories go together (a person's first matching one wins).
func (out *Counts) reusable(specs []spec, base *Counts) []bool {
	reuse := make([]bool, len(specs))
	if base == nil || len(base.Patterns) != len(out.Patterns) {
		return reuse
	}
	exits := true
	for j, s := range specs {
		reuse[j] = j < len(base.keys) && base.keys[j] == out.keys[j]
		exits = exits && (s.kind != "exit" || reuse[j])
	}
	var pairs, bits uint32
	for j, s := range specs {
		reuse[j] = reuse[j] && (s.kind != "exit" || exits)
		if reuse[j] {
			pairs, bits = pairs|Den(j)|Num(j), bits|1<<j
			out.Missing[j] = base.Missing[j]
		}
	}
	if pairs != 0 {
		for k := range out.Patterns {
			out.Patterns[k], out.Undecided[k] = base.Patterns[k]&pairs, base.Undecided[k]&bits
		}
	}
	return reuse
}

// measureAll evaluates each spec's population and count over the whole
// cohort, rule by rule, stopping where a person-by-person run would have
// (stages). In a person's exit categories the first that matches wins.
func (c *Cohort) measureAll(specs []spec, out *Counts, reuse []bool) error {
	rows := make([]int32, len(c.People))
	status := make([]int32, len(c.People))
	for k := range c.People { // side by side: each pass below reads only what it needs
		p := &c.People[k]
		rows[k], status[k] = p.Index, p.Status
	}
	var todo []spec // the specs to evaluate, for the frame
	for j, s := range specs {
		if !reuse[j] {
			todo = append(todo, s)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	st := newStages(c.measureFrame(todo), c.table.ex.Rows)
	// positions in c.People as int32 (4 bytes a person); an exit's own
	// list and the exits taken only when there are exits
	in, counted := make([]int32, 0, len(rows)), make([]int32, 0, len(rows))
	var exitWho []int32
	var exitTaken []bool
	for j, s := range specs {
		if reuse[j] {
			continue
		}
		in = c.population(st, s, rows, status, in[:0])
		for _, k := range in {
			out.Patterns[k] |= Den(j)
		}
		who := in
		if s.kind == "exit" {
			if exitTaken == nil {
				exitTaken, exitWho = make([]bool, len(c.People)), make([]int32, 0, len(rows))
			}
			exitWho = exitWho[:0]
			for _, k := range in {
				if !exitTaken[k] {
					exitWho = append(exitWho, k)
				}
			}
			who = exitWho
		}
		counted = counted[:0]
		for _, k := range who {
			counted = append(counted, rows[k])
		}
		counted = st.run(s.count, counted)
		for n, k := range who[:len(counted)] {
			switch {
			case !st.res.OK[n]:
				out.Missing[j]++
				out.Undecided[k] |= 1 << j
			case st.res.Bool[n]:
				out.Patterns[k] |= Num(j)
				if s.kind == "exit" {
					exitTaken[k] = true
				}
			}
		}
	}
	if st.err != nil {
		return rowError(st.err, c.table.ex, st.limit)
	}
	return nil
}
