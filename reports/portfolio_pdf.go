package reports

import (
	"fmt"
	"gonum.org/v1/plot/vg"
	"time"

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

// PortfolioContent is the one-page comparison of the programmes.
func PortfolioContent(p *Portfolio, fig Figure, version string) *Content {
	t := TextFor(p.Language, p.Level)
	_, last := dataDateSpan(p)
	c := &Content{Lang: t.Lang, Level: t.Level, Title: t.PortfolioTitle, Date: dataDateOf(last), Stamp: portfolioStamp(t, p),
		Version: version, Draft: draftMark(t, minCell(p)), Hidden: hiddenText(t, minCell(p))}
	tb := portfolioTable(t, p)
	blocks := []Block{Paragraph{Text: t.PortfolioIntro}}
	if fig != nil {
		blocks = append(blocks, FigureBlock{Name: "portfolio", Title: t.PortfolioTitle, Figure: fig, Height: 70,
			Alt: fmt.Sprintf(t.Msg("PortfolioContent.1"), len(p.Programmes), t.Interval) + " " + t.Msg("DataBelow")})
	}
	blocks = append(blocks, TableBlock{Table: tb})
	for _, n := range comparabilityNotes(t, p) {
		blocks = append(blocks, Note{Text: n})
	}
	c.Sections = []Section{{ID: "portfolio", Heading: t.PortfolioTitle, Blocks: blocks}}
	return c
}

// dataDateOf parses a data date (yyyy-mm-dd) as the reports do.
func dataDateOf(d string) time.Time {
	return dataDate(&results.Results{Cohort: results.CohortInfo{DataDate: d}})
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

// PortfolioPNG is the portfolio's forest plot fit for a slide: its title
// above, and below how many programmes, the span of their data dates and
// evaluate's version.
func PortfolioPNG(c *Content) ([]byte, error) {
	figs := c.Figures()
	if len(figs) == 0 {
		return nil, fmt.Errorf("the portfolio has no figure")
	}
	caption := fmt.Sprintf(TextFor(c.Lang, c.Level).Msg("PortfolioSource"), c.Stamp, c.Version)
	return EncodePNG(slideFigure{inner: figs[0].Figure, title: figs[0].Title, caption: caption, height: 70 * vg.Millimeter}, 70)
}
