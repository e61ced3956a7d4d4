package reports

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"time"

	"github.com/danish-eval/evaluate/models/results"
)

// problemsTable is the list for the data supplier: one row per unusable
// cell or row, by sheet row, in the report's language.
func problemsTable(t *Text, probs []results.Problem) Table {
	tb := Table{Sheet: t.Msg("problemsTable.1"), Columns: []Column{{Head: t.Msg("problemsTable.2"), Kind: ColText},
		{Head: t.Msg("problemsTable.3"), Kind: ColWeeks}, {Head: t.Msg("problemsTable.4"), Kind: ColText},
		{Head: t.Msg("problemsTable.5"), Kind: ColText}, {Head: t.Msg("problemsTable.6"), Kind: ColText}}}
	for _, p := range probs {
		what := p.Message
		if what == "" {
			what = capitalize(t.ReasonText(p.Reason))
			if p.Reason == results.ReasonTotalRow {
				what += t.Msg("problemsTable.7")
			}
		}
		tb.Rows = append(tb.Rows, []Cell{TextCell(p.Sheet), WeeksCell(float64(p.Row)), TextCell(p.Cell), TextCell(p.Header), TextCell(what)})
	}
	return tb
}

// ProblemsXLSX writes problems.xlsx; stamp is its only time (the date of
// data), so the bytes depend on the inputs alone.
func ProblemsXLSX(lang, title string, probs []results.Problem, stamp time.Time) ([]byte, error) {
	t := TextFor(lang, 0.95)
	return writeXLSX([]xsheet{xlsxSheet(t, problemsTable(t, probs))}, title, lang, stamp)
}

// ProblemsCSV writes the same list as a CSV (UTF-8, ';' as Danish Excel
// reads it), text that looks like a formula escaped.
func ProblemsCSV(lang string, probs []results.Problem) ([]byte, error) {
	t := TextFor(lang, 0.95)
	tb := problemsTable(t, probs)
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = ';'
	var head []string
	for _, c := range tb.Columns {
		head = append(head, c.Head)
	}
	if err := w.Write(head); err != nil {
		return nil, err
	}
	for _, p := range tb.Rows {
		row := []string{escapeFormula(p[0].Text), strconv.FormatFloat(*p[1].V, 'f', 0, 64),
			escapeFormula(p[2].Text), escapeFormula(p[3].Text), escapeFormula(p[4].Text)}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}
