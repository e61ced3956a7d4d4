package pipeline

import (
	"time"

	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/extract"
)

// table gives expressions a row of the extract's typed columns. Missing
// values are nil; the id column is never exposed.
type table struct {
	ex   *extract.Extract // for naming rows in errors
	cols []*extract.Column
	kind []string
	name []string
}

func newTable(cfg *config.Config, ex *extract.Extract) *table {
	t := &table{ex: ex}
	for _, name := range cfg.ColumnNames() {
		typ := cfg.Columns[name].Type
		if typ == config.TypeID {
			continue
		}
		t.cols = append(t.cols, ex.Column(name))
		t.kind = append(t.kind, typ)
		t.name = append(t.name, name)
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
			m[t.name[k]] = col.Text[i]
		case config.TypeNumber:
			m[t.name[k]] = col.Num[i]
		case config.TypeDate:
			m[t.name[k]] = col.Date[i]
		case config.TypeBool:
			m[t.name[k]] = col.Bool[i]
		}
	}
}

// text returns a text field's value in row i ("" when missing).
func (t *table) text(field string, i int) string {
	for k, name := range t.name {
		if name == field && t.cols[k] != nil && !t.cols[k].Missing[i] && t.kind[k] == config.TypeText {
			return t.cols[k].Text[i]
		}
	}
	return ""
}

// latestDate is the latest date in row i, zero when it has none.
func (t *table) latestDate(i int) time.Time {
	var m time.Time
	for k, col := range t.cols {
		if col != nil && t.kind[k] == config.TypeDate && !col.Missing[i] && col.Date[i].After(m) {
			m = col.Date[i]
		}
	}
	return m
}
