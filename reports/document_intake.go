package reports

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/danish-eval/evaluate/models/results"
)

// intakePage: how many started in each quarter (or month), by stratum, as
// a chart and a table.
func (d *doc) intakePage() {
	in := d.r.Intake
	if in == nil || len(in.Periods) == 0 || d.allSuppressed() {
		return
	}
	t := d.t
	d.newPage("intake", t.Msg("Intake"))
	d.para(fmt.Sprintf(t.Msg("IntakeIntro."+in.Unit), Int(t.Lang, d.r.Flow.Included)))
	d.figure("intake")
	tb := intakeTable(t, in, d.r.ByStratum, d.r.Flow.Included)
	d.table(tb)
	d.suppressionNote(tableHidden(tb))
}

// intakeTable: a row per period, its total and each stratum's starts.
func intakeTable(t *Text, in *results.Intake, strata []results.StratumResult, total int) Table {
	tb := Table{Sheet: t.Msg("Intake"), Caption: fmt.Sprintf(t.Msg("IntakeCaption."+in.Unit), Int(t.Lang, total)), Columns: []Column{{Head: t.Period, Kind: ColText, Align: 'L'},
		{Head: t.Msg("DescribeAll"), Kind: ColCount, Align: 'R'}}}
	for _, s := range strata {
		tb.Columns = append(tb.Columns, Column{Head: t.StratumName(s.Stratum), Kind: ColCount, Align: 'R'})
	}
	setWidths(tb.Columns, 0.2)
	for _, p := range in.Periods {
		row := []Cell{TextCell(t.periodName(in.Unit, p.Key)), CountCell(p.Count)}
		for i := range strata {
			var n *int
			if i < len(p.ByStratum) {
				n = p.ByStratum[i]
			}
			row = append(row, CountCell(n))
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

// periodName: "2017-Q3" is "3. kvt. 2017", "2017-09" "sep. 2017".
func (t *Text) periodName(unit, key string) string {
	year, part, ok := strings.Cut(key, "-")
	y, err1 := strconv.Atoi(year)
	n, err2 := strconv.Atoi(strings.TrimPrefix(part, "Q"))
	if !ok || err1 != nil || err2 != nil {
		return key
	}
	if unit == results.IntakeQuarter {
		return fmt.Sprintf(t.Msg("Format.Quarter"), y, n)
	}
	return monthYear(t.Lang, time.Date(y, time.Month(n), 1, 0, 0, 0, 0, time.UTC))
}

// intakeFigure stacks each period's starts by stratum; the axis names a
// year where it begins.
func intakeFigure(r *results.Results, t *Text) (Figure, error) {
	in := r.Intake
	if in == nil || len(in.Periods) == 0 || allHidden(r) {
		return nil, nil
	}
	d := IntakeData{Labels: Labels{Lang: t.Lang, Y: t.Msg("IntakeAxis")}, HiddenLabel: t.Msg("IntakeSplitHidden")}
	for i, p := range in.Periods {
		label := ""
		if year, part, _ := strings.Cut(p.Key, "-"); i == 0 || part == "Q1" || part == "01" {
			label = year
		}
		d.Periods, d.Totals = append(d.Periods, label), append(d.Totals, p.Count)
	}
	for s, st := range r.ByStratum {
		d.Strata = append(d.Strata, t.StratumName(st.Stratum))
		counts := make([]*int, len(in.Periods))
		for i, p := range in.Periods {
			if s < len(p.ByStratum) {
				counts[i] = p.ByStratum[s]
			}
		}
		d.Counts = append(d.Counts, counts)
	}
	return NewIntakeChart(d)
}

func intakeAlt(r *results.Results, t *Text) string {
	return fmt.Sprintf(t.Msg("IntakeAlt."+r.Intake.Unit), len(r.Intake.Periods), len(r.ByStratum))
}
