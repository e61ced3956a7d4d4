package pipeline

import (
	"fmt"
	"io"
)

// maxProblems caps the problems printed by Validate; the rest are counted.
const maxProblems = 50

// Validate runs every stage that report runs except drawing and writing
// (prepare), and prints the flow of every row and every cell problem
// (capped, with a count) to w. The error is the one report would give.
func Validate(path string, o Options, w io.Writer) error {
	cfg, a, err := prepare(&timer{}, path, o)
	if cfg == nil {
		return err
	}
	fmt.Fprintf(w, "%s: %s\n", cfg.ID, cfg.Title)
	if a == nil || a.Cohort == nil {
		return err
	}
	c := a.Cohort
	fmt.Fprintf(w, "  rows read        %7d\n", c.Rows)
	for _, e := range c.ExcludedInOrder() {
		if e.Count > 0 {
			fmt.Fprintf(w, "  excluded: %-25s %7d\n", e.Reason, e.Count)
		}
	}
	fmt.Fprintf(w, "  included         %7d\n", len(c.People))
	for s, name := range c.Statuses {
		fmt.Fprintf(w, "    %-14s %7d\n", name, c.StatusCount(s))
	}
	probs := c.table.ex.Problems
	for i, p := range probs {
		if i == maxProblems {
			fmt.Fprintf(w, "  … and %d more problems\n", len(probs)-maxProblems)
			break
		}
		fmt.Fprintf(w, "  problem: %s\n", p.Error())
	}
	return err
}
