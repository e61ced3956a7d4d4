package reports

import (
	"cmp"
	"strings"

	"github.com/danish-eval/evaluate/models/results"
)

var cmpOr = cmp.Or[ColumnKind]

// Table is one table of the report, built once from the results: the PDF
// draws it (formatted in the report's language, ".." where suppressed) and
// results.xlsx writes it as a sheet (numbers as numbers, an interval as
// its two bounds). Build a table in one function; never again per output.
type Table struct {
	Sheet string // the sheet's name in results.xlsx
	// Caption is the table's title on the page when its sheet's name
	// does not say enough.
	Caption string
	Columns []Column
	Rows    [][]Cell
	Bold    map[int]bool // rows set in bold (the totals)
}

// Column is a table column: its header, what its cells hold, and its
// width (a share of the text width) and alignment (L, C or R) on the page.
type Column struct {
	Head  string
	Kind  ColumnKind
	Width float64
	Align byte
	// Counted: a share-with-interval column also writes the count it rests
	// on in results.xlsx (the PDF shows the share and interval only).
	Counted bool
	// Of heads the denominator's column of a fraction in results.xlsx.
	Of string
}

// ColumnKind is what a column's cells hold.
type ColumnKind int

const (
	ColText           ColumnKind = iota + 1 // Cell.Text (0 in a Cell: the column's kind)
	ColCount                                // Cell.N, a number of people
	ColShare                                // Cell.V, a share
	ColInterval                             // Cell.Low–Cell.High, an interval of shares
	ColShareInterval                        // Cell.V with (Cell.Low–Cell.High); Cell.N when Counted
	ColWeeks                                // Cell.V, a whole number of weeks
	ColFraction                             // Cell.N of Cell.D ("52 / 148")
	ColMoney                                // Cell.V kroner
	ColMoneyInterval                        // Cell.Low–Cell.High kroner; nothing when absent
	ColWholePercent                         // Cell.V as a whole percentage (a config share)
	ColCountShare                           // Cell.N with its share Cell.V: "29 (15 %)"
	ColPointsInterval                       // a difference of shares in percentage points, Cell.V (Cell.Low–Cell.High)
)

// Cell is one typed value; nil numbers are suppressed. A cell with Text in
// a number column shows the text instead (e.g. "no one at risk").
type Cell struct {
	Kind      ColumnKind // what this cell holds when not the column's kind
	Text      string
	Indent    bool // a part of the row above (indented on the page)
	None      bool // nothing to show (not suppressed: there is no value)
	N, D      *int
	V         *float64
	Low, High *float64
}

// Text, Count, Share … build cells.
func TextCell(s string) Cell            { return Cell{Text: s} }
func IndentCell(s string) Cell          { return Cell{Text: s, Indent: true} }
func CountCell(n *int) Cell             { return Cell{N: n} }
func ShareCell(v *float64) Cell         { return Cell{V: v} }
func WeeksCell(w float64) Cell          { return Cell{V: &w} }
func IntervalCell(lo, hi *float64) Cell { return Cell{Low: lo, High: hi} }

// pdfTable formats a Table for the page.
func (d *pdfDoc) pdfTable(tb Table) table { return d.t.formatTable(tb) }

// formatTable formats a Table's cells as text in the report's language
// (the PDF and the HTML show the same strings).
func (t *Text) formatTable(tb Table) table {
	out := table{caption: tb.Caption, bold: tb.Bold}
	for _, c := range tb.Columns {
		head := c.Head
		if c.Kind == ColShareInterval || c.Kind == ColPointsInterval {
			head += " (" + t.Interval + ")"
		}
		out.head = append(out.head, head)
		out.widths = append(out.widths, c.Width)
		out.align += string(c.Align)
	}
	for _, row := range tb.Rows {
		cells := make([]string, len(row))
		for j, c := range row {
			cells[j] = t.cellText(cmpOr(c.Kind, tb.Columns[j].Kind), c)
		}
		out.rows = append(out.rows, cells)
	}
	return out
}

// cellText is a cell as the PDF shows it.
func (t *Text) cellText(k ColumnKind, c Cell) string {
	switch {
	case c.None:
		return ""
	case c.Text != "" && c.Indent:
		return "  " + c.Text
	case c.Text != "" || k == ColText:
		return c.Text
	case k == ColCount:
		return t.count(c.N)
	case k == ColWeeks && c.V != nil:
		return Decimal(t.Lang, *c.V, 0)
	case k == ColShare && c.V != nil:
		return Percent(t.Lang, *c.V, 1)
	case k == ColInterval && c.Low != nil && c.High != nil:
		return t.intervalText(&results.Interval{Low: c.Low, High: c.High})
	case k == ColShareInterval:
		return t.shareCell(c.V, c.Low, c.High)
	case k == ColFraction:
		return t.count(c.N) + " / " + t.count(c.D)
	case k == ColMoney && c.V != nil:
		return DKK(t.Lang, *c.V)
	case k == ColMoneyInterval:
		if c.Low == nil || c.High == nil {
			return ""
		}
		return DKK(t.Lang, *c.Low) + "–" + DKK(t.Lang, *c.High)
	case k == ColWholePercent && c.V != nil:
		return Percent(t.Lang, *c.V, 0)
	case k == ColCountShare && c.N != nil && c.V != nil:
		return Int(t.Lang, *c.N) + " (" + Percent(t.Lang, *c.V, 0) + ")"
	case k == ColCountShare:
		return t.count(c.N)
	case k == ColPointsInterval && c.V != nil:
		s := Decimal(t.Lang, 100**c.V, 1)
		if c.Low != nil && c.High != nil {
			s += " (" + Decimal(t.Lang, 100**c.Low, 1) + t.Msg("RangeTo") + Decimal(t.Lang, 100**c.High, 1) + ")"
		}
		return s
	}
	return suppressedMark
}

// xlsxSheet writes a Table as a sheet: an interval becomes its two bounds,
// a counted share its count, share and bounds.
func xlsxSheet(t *Text, tb Table) xsheet {
	const pct = "0.0%"
	sh := xsheet{name: sheetName(tb.Sheet)}
	low, high := t.Interval+" ("+t.Low+")", t.Interval+" ("+t.High+")"
	number := t.Msg("xlsxSheet.1")
	for _, c := range tb.Columns {
		switch c.Kind {
		case ColInterval:
			sh.head = append(sh.head, low, high)
		case ColFraction:
			sh.head = append(sh.head, c.Head, c.Of)
		case ColCountShare:
			sh.head = append(sh.head, c.Head, c.Head+" ("+strings.ToLower(t.Share)+")")
		case ColPointsInterval:
			sh.head = append(sh.head, c.Head, low, high)
		case ColShareInterval:
			if c.Counted {
				sh.head = append(sh.head, c.Head+" ("+number+")")
			}
			sh.head = append(sh.head, c.Head, low, high)
		default:
			sh.head = append(sh.head, c.Head)
		}
	}
	for _, row := range tb.Rows {
		var cells []xcell
		for j, c := range row {
			col := tb.Columns[j]
			width := len(xlsxCells(col, Cell{}, pct)) // the column's cells in the sheet
			col.Kind = cmpOr(c.Kind, col.Kind)
			got := xlsxCells(col, c, pct)
			for len(got) < width {
				got = append(got, xt("")) // a text in a wider column: keep the next ones in place
			}
			cells = append(cells, got...)
		}
		sh.rows = append(sh.rows, cells)
	}
	return sh
}

func xlsxCells(col Column, c Cell, pct string) []xcell {
	if c.None {
		return make([]xcell, len(xlsxCells(col, Cell{}, pct)))
	}
	switch col.Kind {
	case ColText:
		return []xcell{xt(c.Text)}
	case ColCount:
		return []xcell{xi(c.N)}
	case ColWeeks:
		return []xcell{xn(c.V, "0")}
	case ColShare:
		if c.Text != "" {
			return []xcell{xt(c.Text)}
		}
		return []xcell{xn(c.V, pct)}
	case ColInterval:
		if c.Text != "" {
			return []xcell{xt(c.Text), xt("")}
		}
		return []xcell{xn(c.Low, pct), xn(c.High, pct)}
	case ColFraction:
		return []xcell{xi(c.N), xi(c.D)}
	case ColMoney:
		return []xcell{xn(c.V, "#,##0.00")}
	case ColMoneyInterval:
		return []xcell{xn(c.Low, "#,##0"), xn(c.High, "#,##0")}
	case ColWholePercent:
		return []xcell{xn(c.V, "0%")}
	case ColPointsInterval:
		return []xcell{xn(points(c.V), "0.0"), xn(points(c.Low), "0.0"), xn(points(c.High), "0.0")}
	case ColCountShare:
		if c.Text != "" {
			return []xcell{xt(c.Text), xt("")}
		}
		return []xcell{xi(c.N), xn(c.V, pct)}
	}
	out := []xcell{xn(c.V, pct), xn(c.Low, pct), xn(c.High, pct)}
	if col.Counted {
		out = append([]xcell{xi(c.N)}, out...)
	}
	return out
}

// sheetName cuts a name to Excel's 31 characters, whole letters only.
func sheetName(s string) string {
	r := []rune(s)
	if len(r) > 31 {
		r = r[:31]
	}
	return string(r)
}

// measureCells are a measure's count of its denominator, share and
// headline interval, ".." where suppressed.
func measureCells(m results.Measure) []Cell {
	iv := Cell{}
	if h := results.Headline(m.Intervals); h != nil && !m.Suppressed {
		iv = IntervalCell(h.Low, h.High)
	}
	return []Cell{{N: m.Count, D: m.Denominator}, ShareCell(m.Estimate), iv}
}

// points is a difference of shares in percentage points (nil stays nil).
func points(v *float64) *float64 {
	if v == nil {
		return nil
	}
	p := 100 * *v
	return &p
}
