package reports

import (
	"bytes"
	"fmt"

	"github.com/danish-eval/evaluate/models/results"
)

// PortfolioFigure is the forest plot of each programme's headline share.
func PortfolioFigure(p *Portfolio) (Figure, error) {
	t := TextFor(p.Language, p.Level)
	d := ForestData{Labels: Labels{Lang: t.Lang, X: t.Share + " (" + t.Interval + ")"}, NHeader: t.Count}
	for _, pr := range p.Programmes {
		d.Rows = append(d.Rows, forestRow(t, pr.Title, pr.Measure))
	}
	fig, err := NewForestPlot(d)
	if err != nil {
		return nil, fmt.Errorf("portfolio figure: %w", err)
	}
	return fig, nil
}

// PortfolioPDF renders the one-page comparison of the programmes.
func PortfolioPDF(p *Portfolio, fig Figure, version string) ([]byte, error) {
	t := TextFor(p.Language, p.Level)
	cover := &results.Results{Cohort: results.CohortInfo{Title: t.PortfolioTitle, Language: p.Language, DataDate: latestTo(p)},
		Disclosure: results.DisclosureInfo{MinCell: minCell(p)}, Bootstrap: results.BootstrapInfo{Level: p.Level}}
	d := newDoc(cover, results.Meta{Version: version})
	d.newPage(t.PortfolioTitle)
	d.para(t.PortfolioIntro)
	d.figure(fig, 70)
	d.table(d.pdfTable(portfolioTable(t, p)))
	d.small(t.PortfolioNote)
	if err := d.pdf.Error(); err != nil {
		return nil, fmt.Errorf("render portfolio report.pdf: %w", err)
	}
	var b bytes.Buffer
	if err := d.pdf.Output(&b); err != nil {
		return nil, fmt.Errorf("render portfolio report.pdf: %w", err)
	}
	return b.Bytes(), nil
}

func latestTo(p *Portfolio) string {
	last := ""
	for _, pr := range p.Programmes {
		if pr.To > last {
			last = pr.To
		}
	}
	return last
}

// minCell is the smallest disclosure limit of the programmes: 0 (off)
// anywhere stamps the portfolio "not for publication" too.
func minCell(p *Portfolio) int {
	m := -1
	for _, pr := range p.Programmes {
		if m < 0 || pr.MinCell < m {
			m = pr.MinCell
		}
	}
	return max(m, 0)
}
