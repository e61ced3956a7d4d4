package pipeline

import (
	"fmt"
	"io"
)

// maxProblems caps the problems printed by Validate; the rest are counted.
const maxProblems = 50

// Validate reads and checks a cohort without writing anything: it prints
// the flow of every row and every cell problem (capped, with a count) to w.
// The error is non-nil when the cohort cannot be reported.
func Validate(path string, o Options, w io.Writer) error {
	t := &timer{}
	cfg, err := LoadConfig(path, o)
	if err != nil {
		return err
	}
	r, err := step(t, "compile rules", func() (*Rules, error) { return CompileRules(cfg) })
	if err != nil {
		return fmt.Errorf("%s: %w", cfg.ID, err)
	}
	in, err := step(t, "ingest", func() (*Input, error) { return Ingest(cfg) })
	if err != nil {
		return fmt.Errorf("%s: %w", cfg.ID, err)
	}
	c, err := step(t, "select cohort", func() (*Cohort, error) { return SelectCohort(cfg, r, in.Extract) })
	if err != nil {
		return fmt.Errorf("%s: %w", cfg.ID, err)
	}
	fmt.Fprintf(w, "%s: %s\n", cfg.ID, cfg.Title)
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
	probs := in.Extract.Problems
	for i, p := range probs {
		if i == maxProblems {
			fmt.Fprintf(w, "  … and %d more problems\n", len(probs)-maxProblems)
			break
		}
		fmt.Fprintf(w, "  problem: %s\n", p.Error())
	}
	if len(c.People) == 0 {
		return fmt.Errorf("%s: no row is included, so there is nothing to report", cfg.ID)
	}
	return nil
}
