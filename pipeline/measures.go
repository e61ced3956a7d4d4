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
	row := c.table.newRow()
	for i, p := range c.People {
		c.table.fill(p.Index, row)
		row["status"] = c.Statuses[p.Status]
		row["entry"], row["exit"] = p.Entry, p.Exit
		exitTaken := false
		for j, s := range specs {
			in, err := c.inPopulation(s.among, s.amongRule, p, row)
			if err != nil {
				return nil, rowError(err, c.table.ex, p.Index)
			}
			if !in {
				continue
			}
			out.Patterns[i] |= Den(j)
			if s.kind == "exit" && exitTaken {
				continue // first matching category wins
			}
			v, ok, err := s.count.Bool(row)
			if err != nil {
				return nil, rowError(err, c.table.ex, p.Index)
			}
			if !ok {
				out.Missing[j]++
				out.Undecided[i] |= 1 << j
				continue
			}
			if v {
				out.Patterns[i] |= Num(j)
				exitTaken = exitTaken || s.kind == "exit"
			}
		}
	}
	return out, nil
}
