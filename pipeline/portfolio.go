package pipeline

import (
	"fmt"
	"path/filepath"
	"sort"
	"sync"

	"github.com/danish-eval/evaluate/reports"
)

// Outcome is one cohort's run: its summary, or the error that stopped it.
type Outcome struct {
	Path    string
	Summary Summary
	Err     error
}

// ReportAll runs every cohort config, several at a time, and then writes
// the portfolio comparison when more than one succeeded. Outcomes come
// back in the order of paths; nothing depends on which cohort finished first.
func ReportAll(paths []string, o Options) ([]Outcome, error) {
	out := make([]Outcome, len(paths))
	sem := make(chan struct{}, max(1, min(o.Workers, len(paths))))
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			sum, err := Report(p, o)
			out[i] = Outcome{Path: p, Summary: sum, Err: err}
			if o.Done != nil {
				o.Done()
			}
		}()
	}
	wg.Wait()
	var done []Summary
	for _, oc := range out {
		if oc.Err == nil {
			done = append(done, oc.Summary)
		}
	}
	if len(done) < 2 {
		return out, nil
	}
	return out, WritePortfolio(done, o)
}

// WritePortfolio writes out/portfolio: report.pdf, figures/forest.png and
// results.json, with the programmes sorted by id.
func WritePortfolio(sums []Summary, o Options) error {
	sort.Slice(sums, func(i, j int) bool { return sums[i].ID < sums[j].ID })
	lang := o.Lang
	if lang == "" {
		lang = sums[0].Results.Cohort.Language
	}
	results := make([]*reports.Results, len(sums))
	headline := make([]int, len(sums))
	for i, s := range sums {
		results[i], headline[i] = s.Results, s.Headline
	}
	p, err := reports.BuildPortfolio(lang, results, headline)
	if err != nil {
		return err
	}
	files, err := renderPortfolio(p)
	if err != nil {
		return fmt.Errorf("portfolio: %w", err)
	}
	return Write(filepath.Join(o.OutDir, "portfolio"), files)
}

func renderPortfolio(p *reports.Portfolio) (Files, error) {
	fig, err := reports.PortfolioFigure(p)
	if err != nil {
		return nil, err
	}
	png, err := reports.EncodePNG(fig, 70)
	if err != nil {
		return nil, err
	}
	pdf, err := reports.PortfolioPDF(p, fig, Version)
	if err != nil {
		return nil, err
	}
	js, err := reports.EncodeJSON(p)
	if err != nil {
		return nil, err
	}
	return Files{"report.pdf": pdf, "figures/forest.png": png, "results.json": js}, nil
}
