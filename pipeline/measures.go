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
	specs := measureSpecs(cfg, r)
	if len(specs) > maxPairs {
		return nil, fmt.Errorf("measures: %d measures, exits and costs together; at most %d", len(specs), maxPairs)
	}
	out := &Counts{Patterns: make([]uint32, len(c.People)), Missing: make([]int, len(specs)), CostsBit: -1,
		Undecided: make([]uint32, len(c.People))}
	for j, s := range specs {
		out.IDs = append(out.IDs, s.id)
		switch s.kind {
		case "costs":
			out.CostsBit = j
		case "exit":
			out.ExitBits = append(out.ExitBits, j)
		}
	}
	if err := c.measureAll(specs, out); err != nil {
		return nil, err
	}
	return out, nil
}

// measureAll evaluates each spec's population and count over the whole
// cohort, rule by rule, stopping where a person-by-person run would have
// (stages). In a person's exit categories the first that matches wins.
func (c *Cohort) measureAll(specs []spec, out *Counts) error {
	rows := make([]int, len(c.People))
	for k, p := range c.People {
		rows[k] = p.Index
	}
	st := newStages(c.measureFrame(specs), c.table.ex.Rows)
	exitTaken := make([]bool, len(c.People))
	in, who, counted := make([]int, 0, len(rows)), make([]int, 0, len(rows)), make([]int, 0, len(rows))
	for j, s := range specs {
		in = c.population(st, s, rows, in[:0])
		who, counted = who[:0], counted[:0]
		for _, k := range in {
			out.Patterns[k] |= Den(j)
			if s.kind != "exit" || !exitTaken[k] {
				who, counted = append(who, k), append(counted, rows[k])
			}
		}
		counted = st.run(s.count, counted)
		for n, k := range who[:len(counted)] {
			switch {
			case !st.res.OK[n]:
				out.Missing[j]++
				out.Undecided[k] |= 1 << j
			case st.res.Bool[n]:
				out.Patterns[k] |= Num(j)
				exitTaken[k] = exitTaken[k] || s.kind == "exit"
			}
		}
	}
	if st.err != nil {
		return rowError(st.err, c.table.ex, st.limit)
	}
	return nil
}
