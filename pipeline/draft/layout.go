package draft

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/danish-eval/evaluate/pipeline/extract"
)

// Options are init's choices; the zero value lets the draft find them.
type Options struct {
	Sheet     string // "" : the visible sheet with the most data rows
	HeaderRow int    // 0 : the row that reads most like headers
	Out       string // the config's path when saved; source.file is made relative to it
}

// headScan is how many rows at the top of a sheet may hold the headers.
const headScan = 30

// coverWords name sheets that hold no data rows: a cover, notes,
// definitions. They are skipped unless named by --sheet or nothing else
// has data.
var coverWords = []string{"forside", "cover", "note", "noter", "info", "om ", "about", "readme", "læs",
	"vejledning", "definition", "metadata", "indhold", "contents", "kilde", "source", "dokumentation"}

func isCover(name string) bool {
	n := strings.ToLower(name) + " "
	for _, w := range coverWords {
		if strings.HasPrefix(n, w) {
			return true
		}
	}
	return false
}

// layout picks the sheet and header row: the named sheet or else the
// visible, non-cover sheet with the most data rows (the first on a tie),
// and the given header row or else the one found by headerRow.
func layout(path string, o Options) (sheetName string, row int, err error) {
	if isCSV(path) {
		if o.HeaderRow > 0 {
			return "", o.HeaderRow, nil
		}
		recs, _, err := extract.CSVHead(path, headScan)
		if err != nil {
			return "", 0, err
		}
		return "", headerRow(recs), nil
	}
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: 4 << 30, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		// extract.Read says what is wrong with the file in its own words.
		if _, rerr := extract.Read(extract.Source{Path: path, Sheet: o.Sheet, HeaderRow: 1}, nil); rerr != nil {
			return "", 0, rerr
		}
		return "", 0, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	defer f.Close()
	names, err := candidates(f, path, o.Sheet)
	if err != nil {
		return "", 0, err
	}
	best, bestRows := "", -1
	var firstErr error
	for _, name := range names {
		r := o.HeaderRow
		if r == 0 {
			if r, err = xlsxHeaderRow(f, name); err != nil {
				return "", 0, err
			}
		}
		if len(names) == 1 { // nothing to weigh; readSheet reads it anyway
			return name, r, nil
		}
		ex, err := extract.Read(extract.Source{Path: path, Sheet: name, HeaderRow: r}, nil)
		if err != nil {
			firstErr = errors.Join(firstErr, err)
			continue
		}
		if ex.Rows > bestRows {
			best, bestRows, row = name, ex.Rows, r
		}
	}
	if bestRows < 0 {
		return "", 0, firstErr
	}
	return best, row, nil
}

// candidates lists the sheets layout weighs: the named one (resolved by
// extract.Read, which names the sheets when it is not there), else the
// visible ones that are not cover sheets, else all visible ones.
func candidates(f *excelize.File, path, want string) ([]string, error) {
	if want != "" {
		ex, err := extract.Read(extract.Source{Path: path, Sheet: want, HeaderRow: 1}, nil)
		if err != nil {
			return nil, err
		}
		return []string{ex.Sheet}, nil
	}
	var visible, data []string
	for _, name := range f.GetSheetList() {
		if ok, _ := f.GetSheetVisible(name); !ok {
			continue
		}
		visible = append(visible, name)
		if !isCover(name) {
			data = append(data, name)
		}
	}
	if len(data) == 0 {
		data = visible
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("%s: no visible sheet", filepath.Base(path))
	}
	return data, nil
}

// xlsxHeaderRow reads the first headScan rows of a sheet and finds the
// header row among them.
func xlsxHeaderRow(f *excelize.File, name string) (int, error) {
	rows, err := f.Rows(name)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var recs [][]string
	for len(recs) < headScan && rows.Next() {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return 0, err
		}
		recs = append(recs, cells)
	}
	return headerRow(recs), nil
}

// headerRow is the 1-based row that reads most like headers: text that
// is not a number, two points more for a header init recognises; the
// first such row wins a tie. A title or a date above the table has one
// cell; a data row has numbers and dates (a date cell reads as a serial).
// Row 1 when no row has two text cells.
func headerRow(recs [][]string) int {
	best, bestScore := 1, 0
	for i, rec := range recs {
		score, cells := 0, 0
		for _, v := range rec {
			v = strings.TrimSpace(v)
			if v == "" {
				continue
			}
			cells++
			if _, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64); err == nil {
				continue
			}
			score++
			if _, ok, _ := recognise(v); ok {
				score += 2
			}
		}
		if cells >= 2 && score > bestScore {
			best, bestScore = i+1, score
		}
	}
	return best
}

func isCSV(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt":
		return true
	}
	return false
}

// Save writes a draft to path, making its folder; it never overwrites a
// file, which may be a config someone has edited.
func Save(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("cannot write the draft: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("cannot write the draft: %s already exists; remove it or give another -o", path)
	}
	if err != nil {
		return fmt.Errorf("cannot write the draft: %w", err)
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return fmt.Errorf("cannot write the draft to %s: %w", path, err)
	}
	return f.Close()
}
