package draft

import (
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/danish-eval/evaluate/pipeline/extract"
)

// maxDistinct bounds the distinct text values kept per column: enough to
// draft status rules, small enough for a free-text column of 10⁶ rows.
const maxDistinct = 64

// sheet is the header row of the extract's sheet, as written.
type sheet struct {
	file    string // path as given
	name    string // sheet read; "" for CSV
	csv     bool
	comma   rune // separator of a CSV source; ',' for a workbook
	row     int  // header row, 1-based
	rows    int  // data rows, total rows (I alt, Total) not counted
	totals  int  // total rows skipped
	headers []string
}

// readSheet picks the sheet and header row (see layout), checks them
// through extract.Read, then reads the header row: with excelize for a
// workbook, with the extract package's CSV conventions (encoding, BOM,
// separator) for a CSV file.
func readSheet(path string, o Options) (*sheet, error) {
	name, row, err := layout(path, o)
	if err != nil {
		return nil, err
	}
	ex, err := extract.Read(extract.Source{Path: path, Sheet: name, HeaderRow: row}, nil)
	if err != nil {
		return nil, err
	}
	s := &sheet{file: path, name: ex.Sheet, row: row, rows: ex.Rows, comma: ','}
	if isCSV(path) {
		s.csv, s.name = true, ""
		var recs [][]string
		recs, s.comma, err = extract.CSVHead(path, row)
		if err == nil && len(recs) < row {
			err = errors.New("the file has fewer rows")
		}
		if err == nil {
			s.headers = recs[row-1]
		}
	} else {
		s.headers, err = xlsxHeaders(path, ex.Sheet, row)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: header row %d: %w", describe(path, s.name), row, err)
	}
	return s, nil
}

func xlsxHeaders(path, name string, row int) ([]string, error) {
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: 4 << 30, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := f.Rows(name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for i := 0; i < row; i++ {
		if !rows.Next() {
			return nil, errors.New("the sheet has fewer rows")
		}
	}
	return rows.Columns(excelize.Options{RawCellValue: true})
}

// stats is what the values of one column say: the distinct values and
// blanks over the whole sheet, the types over the first sampleRows rows.
type stats struct {
	nonBlank int            // non-blank cells in the sheet
	distinct map[string]int // text value → count, at most maxDistinct values
	more     bool           // more distinct values than kept
	sampled  int            // non-blank cells among the first sampleRows rows
	ok       [5]int         // per extract.Kind: sampled cells that read as that kind
	text     []string       // the sampled cells as text ("" for blank)
}

// sampleRows is how many data rows are typed to guess a column's type.
const sampleRows = 200

// kinds are the readings tried for every column, besides text.
var kinds = []extract.Kind{extract.KindDate, extract.KindNumber, extract.KindBool}

// sample reads the given columns (by index into s.headers) as text over
// the whole sheet, then types the first sampleRows rows. A column holding
// CPR-shaped values makes extract.Read fail; the columns are then halved
// until each such column is found, and those are returned in cpr.
func sample(s *sheet, cols []int) (st map[int]*stats, cpr []int, err error) {
	st = map[int]*stats{}
	if len(cols) == 0 {
		return st, nil, nil
	}
	fields := make([]extract.Field, len(cols))
	for i, c := range cols {
		fields[i] = extract.Field{Name: fmt.Sprintf("c%d", c), Header: s.headers[c], Kind: extract.KindText}
	}
	ex, err := extract.Read(extract.Source{Path: s.file, Sheet: s.name, HeaderRow: s.row}, fields)
	switch {
	case errors.Is(err, extract.ErrCPRInColumn) && len(cols) == 1:
		return st, cols, nil
	case errors.Is(err, extract.ErrCPRInColumn):
		a, cprA, err := sample(s, cols[:len(cols)/2])
		if err != nil {
			return nil, nil, err
		}
		b, cprB, err := sample(s, cols[len(cols)/2:])
		for k, v := range b {
			a[k] = v
		}
		return a, append(cprA, cprB...), err
	case err != nil:
		return nil, nil, err
	}
	skip := totalRows(ex)
	s.totals = max(s.totals, len(skip))
	for _, c := range cols {
		st[c] = textStats(ex.Column(fmt.Sprintf("c%d", c)), skip)
	}
	return st, nil, typeSample(s, cols, st)
}

// totalRows are the rows with a text cell like "I alt" or "Total": the
// data supplier's sums, which neither the draft nor the report counts.
func totalRows(ex *extract.Extract) map[int]bool {
	skip := map[int]bool{}
	for _, col := range ex.Columns {
		total := make([]bool, len(col.Dict)) // by code: a handful of labels to check, not every row
		for k, v := range col.Dict {
			total[k] = extract.IsTotalLabel(v)
		}
		for i, code := range col.Codes {
			if total[code] && !col.Missing[i] {
				skip[i] = true
			}
		}
	}
	return skip
}

// textStats counts a column's non-blank and distinct values and keeps
// the first sampleRows cells, leaving out the rows in skip.
func textStats(col *extract.Column, skip map[int]bool) *stats {
	st := &stats{distinct: map[string]int{}}
	for i, code := range col.Codes {
		if skip[i] {
			continue
		}
		v := col.Dict[code]
		if col.Missing[i] {
			v = ""
		}
		if len(st.text) < sampleRows {
			st.text = append(st.text, v)
		}
		if v == "" {
			continue
		}
		st.nonBlank++
		if _, seen := st.distinct[v]; seen || len(st.distinct) < maxDistinct {
			st.distinct[v]++
		} else {
			st.more = true
		}
	}
	return st
}

// typeSample writes the sampled cells, as the extract package gave them
// as text (a date cell as yyyy-mm-dd), to a temporary CSV with the
// source's separator, and reads that as dates, numbers and yes/no values,
// so the extract package's own rules decide what each value is. A first
// column numbering the rows keeps a row whose sampled cells are all blank
// from being skipped as a blank row.
func typeSample(s *sheet, cols []int, st map[int]*stats) error {
	dir, err := os.MkdirTemp("", "evaluate-init-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "sample.csv")
	if err := writeSample(path, s, cols, st); err != nil {
		return err
	}
	var fields []extract.Field
	for _, c := range cols {
		for _, k := range kinds {
			fields = append(fields, extract.Field{Name: fmt.Sprintf("c%d_%s", c, k), Header: s.headers[c], Kind: k})
		}
	}
	ex, err := extract.Read(extract.Source{Path: path}, fields)
	if err != nil {
		return fmt.Errorf("typing the sampled rows: %w", err)
	}
	for _, c := range cols {
		for _, k := range kinds {
			typed := ex.Column(fmt.Sprintf("c%d_%s", c, k))
			for i, v := range st[c].text {
				if v != "" && !typed.Missing[i] {
					st[c].ok[k]++
				}
			}
		}
		for _, v := range st[c].text {
			if v != "" {
				st[c].sampled++
			}
		}
	}
	return nil
}

func writeSample(path string, s *sheet, cols []int, st map[int]*stats) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	// The header is quoted throughout, so that a ';' or ',' inside a
	// header cannot sway the extract package's separator detection.
	quoted := []string{`"` + sampleRowHeader + `"`}
	for _, c := range cols {
		quoted = append(quoted, `"`+strings.ReplaceAll(s.headers[c], `"`, `""`)+`"`)
	}
	if _, err := f.WriteString(strings.Join(quoted, string(s.comma)) + "\n"); err != nil {
		f.Close()
		return err
	}
	w := csv.NewWriter(f)
	w.Comma = s.comma
	var record []string
	for i := range st[cols[0]].text {
		record = append(record[:0], fmt.Sprint(i+1))
		for _, c := range cols {
			record = append(record, st[c].text[i])
		}
		_ = w.Write(record)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// sampleRowHeader heads the row-number column of the sample CSV.
const sampleRowHeader = "evaluate init: row"

// latestDate is the latest date in the given columns over the whole sheet.
func latestDate(s *sheet, cols []int) (time.Time, error) {
	var fields []extract.Field
	for _, c := range cols {
		fields = append(fields, extract.Field{Name: fmt.Sprintf("c%d", c), Header: s.headers[c], Kind: extract.KindDate})
	}
	ex, err := extract.Read(extract.Source{Path: s.file, Sheet: s.name, HeaderRow: s.row}, fields)
	if err != nil {
		return time.Time{}, err
	}
	var t time.Time
	for _, col := range ex.Columns {
		for i := range col.Days {
			if d := col.DateAt(i); !col.Missing[i] && d.After(t) {
				t = d
			}
		}
	}
	return t, nil
}

// describe names a file and sheet the way the extract package's messages do.
func describe(path, sheetName string) string {
	if sheetName == "" {
		return filepath.Base(path)
	}
	return fmt.Sprintf("%s, sheet %q", filepath.Base(path), sheetName)
}
