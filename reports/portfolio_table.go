package reports

import (
	"math"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// portfolioFrame is the comparison table as a data frame with explicit
// column types (gota infers types otherwise, and would drop the leading
// zeros of an id); a suppressed share is NaN, shown as "..".
func portfolioFrame(p *Portfolio) dataframe.DataFrame {
	n := len(p.Programmes)
	ids, titles, defs := make([]string, n), make([]string, n), make([]string, n)
	started := make([]int, n)
	share, low, high := make([]float64, n), make([]float64, n), make([]float64, n)
	for i, pr := range p.Programmes {
		ids[i], titles[i], defs[i], started[i] = pr.ID, pr.Title, pr.Definition, pr.Started
		share[i], low[i], high[i] = math.NaN(), math.NaN(), math.NaN()
		if m := pr.Measure; m.Estimate != nil {
			share[i] = *m.Estimate
			if iv := headline(m); iv != nil {
				low[i], high[i] = *iv.Low, *iv.High
			}
		}
	}
	return dataframe.New(
		series.New(ids, series.String, "id"),
		series.New(titles, series.String, "programme"),
		series.New(started, series.Int, "started"),
		series.New(defs, series.String, "definition"),
		series.New(share, series.Float, "share"),
		series.New(low, series.Float, "low"),
		series.New(high, series.Float, "high"),
	)
}

// portfolioRows renders the frame for the PDF table, in the frame's order.
func (d *doc) portfolioRows(df dataframe.DataFrame, p *Portfolio) [][]string {
	t := d.t
	share, low, high := df.Col("share").Float(), df.Col("low").Float(), df.Col("high").Float()
	started, _ := df.Col("started").Int()
	titles, defs := df.Col("programme").Records(), df.Col("definition").Records()
	rows := make([][]string, df.Nrow())
	for i := range rows {
		sh, ci := suppressedMark, suppressedMark
		if !math.IsNaN(share[i]) {
			sh = Percent(t.Lang, share[i], 1)
			if !math.IsNaN(low[i]) {
				lo, hi := low[i], high[i]
				ci = d.intervalText(&results.Interval{Low: &lo, High: &hi})
			}
		}
		rows[i] = []string{titles[i], p.Programmes[i].period(t.Lang), Int(t.Lang, started[i]), defs[i],
			d.fraction(p.Programmes[i].Measure), sh, ci}
	}
	return rows
}
