package reports

import (
	"fmt"
	"math"
	"strings"

	"github.com/danish-eval/evaluate/models/results"
)

// peoplePage is "who took part": for each field of describe, its
// distribution overall and by stratum, each count with its share of the
// group, a number's median and IQR, hidden cells as "..".
func (d *doc) peoplePage() {
	if len(d.r.Describe) == 0 || d.allSuppressed() {
		return
	}
	t := d.t
	d.newPage("people", t.Msg("People"))
	intro := fmt.Sprintf(t.Msg("PeopleIntro"), Int(t.Lang, d.r.Flow.Included))
	if len(d.r.ByStratum) > 0 {
		split := t.Msg("PeopleByStratum")
		if len(d.r.ByStratum) > maxStrataColumns {
			split = t.Msg("PeopleByStratumRows")
		}
		intro += " " + fmt.Sprintf(split, strings.ToLower(t.Stratum))
	}
	d.para(intro)
	hidden := false
	for _, desc := range d.r.Describe {
		tb := describeTable(t, desc, d.r.ByStratum)
		if len(d.r.ByStratum) > maxStrataColumns {
			tb = transpose(tb)
		}
		d.table(tb)
		hidden = hidden || tableHidden(tb)
	}
	d.suppressionNote(hidden)
}

// describeTable: a row per value or band (then outside, other, missing),
// a column for everyone and one per stratum; a number's median (IQR) last.
func describeTable(t *Text, desc results.Description, strata []results.StratumResult) Table {
	name := capitalize(t.FieldName(desc.Field))
	if desc.Kind == results.DescribeAge {
		name = t.Msg("AgeAtEntry")
	}
	tb := Table{Sheet: name, Columns: []Column{{Head: name, Kind: ColText, Align: 'L'}}}
	groups := append([]results.DescribeGroup{desc.Overall}, desc.ByStratum...)
	tb.Caption = fmt.Sprintf(t.Msg("DescribeCaption"), name, t.count(desc.Overall.N))
	for i := range groups {
		head := t.Msg("DescribeAll")
		if i > 0 && i-1 < len(strata) {
			head = t.StratumName(strata[i-1].Stratum)
		}
		tb.Columns = append(tb.Columns, Column{Head: head + " (" + t.count(groups[i].N) + ")", Kind: ColCountShare, Align: 'R'})
	}
	setWidths(tb.Columns, 0.24)
	for k, row := range desc.Overall.Rows {
		if row.Kind != results.RowValue && row.Kind != results.RowBand && row.Count != nil && *row.Count == 0 {
			continue // no one outside the bands, merged or missing: no row
		}
		cells := []Cell{TextCell(t.describeKey(row))}
		for _, g := range groups {
			c := Cell{}
			if k < len(g.Rows) {
				c = Cell{N: g.Rows[k].Count, V: g.Rows[k].Share}
			}
			cells = append(cells, c)
		}
		tb.Rows = append(tb.Rows, cells)
	}
	if desc.Overall.Summary != nil {
		cells := []Cell{TextCell(t.Msg("MedianIQR"))}
		for _, g := range groups {
			cells = append(cells, Cell{Kind: ColText, Text: t.summaryText(g.Summary)})
		}
		tb.Rows = append(tb.Rows, cells)
	}
	return tb
}

// setWidths gives the first column first and shares the rest equally.
func setWidths(cols []Column, first float64) {
	cols[0].Width = first
	for i := 1; i < len(cols); i++ {
		cols[i].Width = (1 - first) / float64(len(cols)-1)
	}
}

// describeKey names a row: a band as "18–29", a value as written (or its
// label), the rest from the catalogue.
func (t *Text) describeKey(row results.DescribeRow) string {
	switch row.Kind {
	case results.RowBand:
		return bandText(t.Lang, row.Low, row.High)
	case results.RowValue:
		switch row.Key {
		case "true", "false":
			return t.Msg("DescribeRow." + row.Key)
		}
		return capitalize(t.StratumName(row.Key))
	}
	return t.Msg("DescribeRow." + row.Kind)
}

// BandText names a band [low, high) as the report shows it: "18–29" for
// whole numbers, "18,5–<30" otherwise (a stratum's name when strata are
// banded).
func BandText(lang string, low, high float64) string { return bandText(lang, &low, &high) }

// Number writes v with as few decimals as it needs, in lang's format.
func Number(lang string, v float64) string { return number(lang, v) }

// bandText: [18, 30) in whole years is "18–29"; a band of other numbers
// is "18–<30,5".
func bandText(lang string, low, high *float64) string {
	if low == nil || high == nil {
		return suppressedMark
	}
	if *low == math.Trunc(*low) && *high == math.Trunc(*high) {
		return Decimal(lang, *low, 0) + "–" + Decimal(lang, *high-1, 0)
	}
	return Decimal(lang, *low, 1) + "–<" + Decimal(lang, *high, 1)
}

// summaryText: "39 (33–48)", ".." when hidden.
func (t *Text) summaryText(s *results.NumberSummary) string {
	if s == nil || s.Median == nil || s.Q1 == nil || s.Q3 == nil {
		return suppressedMark
	}
	return fmt.Sprintf("%s (%s–%s)", Decimal(t.Lang, *s.Median, 0), Decimal(t.Lang, *s.Q1, 0), Decimal(t.Lang, *s.Q3, 0))
}

// tableHidden reports whether any number of tb is suppressed.
func tableHidden(tb Table) bool {
	for _, row := range tb.Rows {
		for j, c := range row {
			k := cmpOr(c.Kind, tb.Columns[j].Kind)
			if k != ColText && !c.None && c.N == nil && c.V == nil && c.Text == "" {
				return true
			}
			if c.Text == suppressedMark {
				return true
			}
		}
	}
	return false
}

// maxStrataColumns is how many strata a description shows as columns;
// with more, each group is a row (long stratum names fit a row's head).
const maxStrataColumns = 3

// transpose turns a table's columns into rows: the first column's cells
// become the heads, each other column a row headed by its head.
func transpose(tb Table) Table {
	out := Table{Sheet: tb.Sheet, Caption: tb.Caption, Columns: []Column{{Head: tb.Columns[0].Head, Kind: ColText, Align: 'L'}}}
	for _, row := range tb.Rows {
		out.Columns = append(out.Columns, Column{Head: row[0].Text, Kind: ColCountShare, Align: 'R'})
	}
	setWidths(out.Columns, 0.3)
	for j := 1; j < len(tb.Columns); j++ {
		row := []Cell{TextCell(tb.Columns[j].Head)}
		for _, r := range tb.Rows {
			row = append(row, r[j])
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}
