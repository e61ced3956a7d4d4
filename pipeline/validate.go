package pipeline

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/extract"
	"github.com/danish-eval/evaluate/pipeline/privacy"
	"github.com/danish-eval/evaluate/reports"
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
	if o.ProblemsFile != "" && a.Cohort != nil {
		if werr := writeProblems(o, cfg.ID, cfg.Language, cfg.Title, a); werr != nil {
			return werr
		}
	}
	var probs []extract.Problem // a total row's cells are not problems: the row is skipped
	for _, p := range c.table.ex.Problems {
		if p.Index < 0 || p.Index >= c.Reasons.Len() || c.Reasons.At(int(p.Index)) != results.ReasonTotalRow {
			probs = append(probs, p)
		}
	}
	for i, p := range probs {
		if i == maxProblems {
			fmt.Fprintf(w, "  … and %d more problems\n", len(probs)-maxProblems)
			break
		}
		fmt.Fprintf(w, "  problem: %s\n", p.Error())
	}
	return err
}

// writeProblems writes the list for the data supplier to --problems: an
// .xlsx or a .csv by the file's extension; with several cohorts, each gets
// its id before the extension (problems-pva.xlsx).
func writeProblems(o Options, id, lang, title string, a *Analysis) error {
	name := o.ProblemsFile
	ext := strings.ToLower(filepath.Ext(name))
	if o.ProblemsPerCohort {
		name = strings.TrimSuffix(name, filepath.Ext(name)) + "-" + id + filepath.Ext(name)
	}
	var b []byte
	var err error
	switch ext {
	case ".xlsx":
		b, err = reports.ProblemsXLSX(lang, title, a.Problems, a.Cohort.DataDate)
	case ".csv":
		b, err = reports.ProblemsCSV(lang, a.Problems)
	default:
		return fmt.Errorf("--problems %s: expected a file ending in .xlsx or .csv", privacy.QuoteName(o.ProblemsFile))
	}
	if err == nil {
		err = os.WriteFile(name, b, 0o644)
	}
	if err != nil {
		return fmt.Errorf("--problems: %w", err)
	}
	return nil
}
