package pipeline

import (
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/extract"
	"github.com/danish-eval/evaluate/pipeline/rules"
)

// table gives expressions a row of the extract's typed columns. Missing
// values are nil; the id column is never exposed.
type table struct {
	ex   *extract.Extract // for naming rows in errors
	cols []*extract.Column
	kind []string
	name []string
	// dates are the date columns present, for latestDate
	dates []*extract.Column
}

func newTable(cfg *config.Config, ex *extract.Extract) *table {
	t := &table{ex: ex}
	for _, name := range cfg.ColumnNames() {
		typ := cfg.Columns[name].Type
		if typ == config.TypeID {
			continue
		}
		col := ex.Column(name)
		t.cols = append(t.cols, col)
		t.kind = append(t.kind, typ)
		t.name = append(t.name, name)
		if col != nil && typ == config.TypeDate {
			t.dates = append(t.dates, col)
		}
	}
	return t
}

func (t *table) newRow() map[string]any {
	return make(map[string]any, len(t.cols)+3)
}

// fill writes row i into m (reused between rows to avoid allocation).
func (t *table) fill(i int, m map[string]any) {
	for k, col := range t.cols {
		if col == nil || col.Missing[i] {
			if t.kind[k] == config.TypeText {
				m[t.name[k]] = ""
			} else {
				m[t.name[k]] = nil
			}
			continue
		}
		switch t.kind[k] {
		case config.TypeText:
			m[t.name[k]] = col.TextAt(i)
		case config.TypeNumber:
			m[t.name[k]] = col.Num[i]
		case config.TypeDate:
			m[t.name[k]] = col.DateAt(i)
		case config.TypeBool:
			m[t.name[k]] = col.Bool[i]
		}
	}
}

// text returns a text field's value in row i ("" when missing).
func (t *table) text(field string, i int) string {
	for k, name := range t.name {
		if name == field && t.cols[k] != nil && !t.cols[k].Missing[i] && t.kind[k] == config.TypeText {
			return t.cols[k].TextAt(i)
		}
	}
	return ""
}

// textAt returns a function giving a text field's value in row i (""
// when missing), for many rows.
func (t *table) textAt(field string) func(i int) string {
	for k, name := range t.name {
		if col := t.cols[k]; name == field && col != nil && t.kind[k] == config.TypeText {
			return func(i int) string {
				if col.Missing[i] {
					return ""
				}
				return col.TextAt(i)
			}
		}
	}
	return func(int) string { return "" }
}

// textCodes returns a function giving a text field's value in row i as
// a number below n: its dictionary code, or n-1 when missing (so equal
// numbers are equal texts; text gives the text). An absent field is
// missing in every row.
func (t *table) textCodes(field string) (value func(i int) int, n int) {
	for k, name := range t.name {
		if col := t.cols[k]; name == field && col != nil && t.kind[k] == config.TypeText {
			missing := len(col.Dict)
			return func(i int) int {
				if col.Missing[i] {
					return missing
				}
				return int(col.Codes[i])
			}, missing + 1
		}
	}
	return func(int) int { return 0 }, 1
}

// latestDay is the latest date in row i, noDay when it has none.
func (t *table) latestDay(i int) Day {
	m := noDay
	for _, col := range t.dates {
		if !col.Missing[i] {
			m = max(m, Day(col.Days[i]))
		}
	}
	return m
}

// kinds maps the config's column types to the kinds expressions see.
var kinds = map[string]rules.Kind{config.TypeText: rules.Text, config.TypeNumber: rules.Number,
	config.TypeDate: rules.Date, config.TypeBool: rules.Bool}

// frame gives rules the extract's columns (not the id) without copying
// them. An absent column is missing in every row (a text one is "").
func (t *table) frame() rules.Frame {
	f := make(rules.Frame, len(t.cols)+3)
	n := t.ex.Rows
	for k, col := range t.cols {
		c := &rules.Column{Kind: kinds[t.kind[k]]}
		if col == nil {
			col = &extract.Column{Missing: make([]bool, n)}
			for i := range col.Missing {
				col.Missing[i] = true
			}
		}
		c.Missing = col.Missing
		switch c.Kind {
		case rules.Text:
			c.Codes, c.Dict = full(col.Codes, n), col.Dict
			if len(c.Dict) == 0 {
				c.Dict = []string{""}
			}
		case rules.Number:
			c.Num = full(col.Num, n)
		case rules.Date:
			c.Days = full(col.Days, n)
		case rules.Bool:
			c.Bool = full(col.Bool, n)
		}
		f[t.name[k]] = c
	}
	return f
}

// full is s, or zero values where a column holds no values at all.
func full[T any](s []T, n int) []T {
	if len(s) < n {
		return make([]T, n)
	}
	return s
}

// with returns f with the given columns added (f itself is unchanged).
func with(f rules.Frame, cols map[string]*rules.Column) rules.Frame {
	out := make(rules.Frame, len(f)+len(cols))
	for name, c := range f {
		out[name] = c
	}
	for name, c := range cols {
		out[name] = c
	}
	return out
}

// numberAt returns a function giving a number field's value in row i and
// whether it has one, for many rows.
func (t *table) numberAt(field string) func(i int) (float64, bool) {
	for k, name := range t.name {
		if col := t.cols[k]; name == field && col != nil && t.kind[k] == config.TypeNumber {
			return func(i int) (float64, bool) { return col.Num[i], !col.Missing[i] }
		}
	}
	return func(int) (float64, bool) { return 0, false }
}
