package pipeline

import (
	"fmt"
	"path/filepath"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/reports"
)

// Outcome is one cohort's run: its summary, or the error that stopped it.
type Outcome struct {
	Path    string
	Summary Summary
	Err     error
}

// ReportAll runs every cohort config, several at a time, and then writes
// the portfolio comparison when there are several and every one succeeded
// (a portfolio of the survivors would silently drop a programme). Outcomes
// come back in the order of paths; nothing depends on which cohort
// finished first. Before anything runs, the ids must be unique (two configs
// with one id would write the same folder). --out is locked from the first
// write to the end of the run, so that concurrent runs into one folder
// write one after the other, and a run that writes nothing (every cohort
// failed) leaves no trace.
func ReportAll(paths []string, o Options) ([]Outcome, error) {
	if err := CheckIDs(paths, o); err != nil {
		return nil, err
	}
	o.lock = &outLock{out: o.OutDir, wait: o.Wait}
	defer o.lock.release()
	out := make([]Outcome, len(paths))
	parallel(o.Workers, len(paths), func(i int) error { // a cohort's error is its outcome's
		sum, err := Report(paths[i], o)
		out[i] = Outcome{Path: paths[i], Summary: sum, Err: err}
		if o.Done != nil {
			o.Done()
		}
		return nil
	})
	var done []Summary
	for _, oc := range out {
		if oc.Err == nil {
			done = append(done, oc.Summary)
		}
	}
	if len(paths) < 2 {
		return out, nil
	}
	if failed := len(paths) - len(done); failed > 0 {
		return out, fmt.Errorf("%s was not updated, because %d of %d cohorts failed", filepath.Join(o.OutDir, PortfolioID), failed, len(paths))
	}
	if err := o.lock.take(); err != nil {
		return out, err
	}
	return out, WritePortfolio(done, o)
}

// PortfolioID is the folder of the comparison report, so no cohort may use it.
const PortfolioID = config.ReservedID

// CheckIDs loads every config and refuses two with one id, naming both
// files. A config that does not load is left for its own run to report.
func CheckIDs(paths []string, o Options) error {
	seen := map[string]string{}
	for _, p := range paths {
		cfg, err := LoadConfig(p, o)
		if err != nil {
			continue
		}
		if first, ok := seen[cfg.ID]; ok {
			return fmt.Errorf("%s and %s both have id %q, so both would write %s; give each cohort its own id",
				first, p, cfg.ID, filepath.Join(o.OutDir, cfg.ID))
		}
		seen[cfg.ID] = p
	}
	return nil
}

// WritePortfolio writes out/portfolio: report.pdf, report.html,
// figures/forest.png and results.json, with the programmes in the order
// their configs were given (a folder's in file-name order).
func WritePortfolio(sums []Summary, o Options) error {
	lang := o.Lang
	if lang == "" {
		lang = sums[0].Results.Cohort.Language
	}
	cohorts := make([]*results.Results, len(sums))
	headline := make([]int, len(sums))
	for i, s := range sums {
		cohorts[i], headline[i] = s.Results, s.Headline
	}
	p, err := reports.BuildPortfolio(lang, cohorts, headline)
	if err != nil {
		return err
	}
	files, err := renderPortfolio(p)
	if err != nil {
		return fmt.Errorf("portfolio: %w", err)
	}
	return Write(filepath.Join(o.OutDir, PortfolioID), files)
}

func renderPortfolio(p *reports.Portfolio) (Files, error) {
	fig, err := reports.PortfolioFigure(p)
	if err != nil {
		return nil, err
	}
	content := reports.PortfolioContent(p, fig, Version)
	png, err := reports.PortfolioPNG(content)
	if err != nil {
		return nil, err
	}
	pdf, err := reports.PDF(content)
	if err != nil {
		return nil, err
	}
	page, err := reports.HTML(content)
	if err != nil {
		return nil, err
	}
	js, err := results.EncodeJSON(p)
	if err != nil {
		return nil, err
	}
	return Files{"report.pdf": pdf, "report.html": page, "figures/forest.png": png, "results.json": js}, nil
}
