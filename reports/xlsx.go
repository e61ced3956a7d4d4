package reports

import (
	"strings"
	"time"

	"github.com/danish-eval/evaluate/reports/zipstamp"
	"github.com/xuri/excelize/v2"
)

// xcell is one cell of results.xlsx: a text, or a number with a format;
// nil numbers are suppressed and written as "..".
type xcell struct {
	text   string
	num    *float64
	format string // excelize custom number format, e.g. "0.0%"
	isNum  bool
}

func xt(s string) xcell { return xcell{text: s} }

func xn(v *float64, format string) xcell { return xcell{num: v, format: format, isNum: true} }

func xi(v *int) xcell {
	if v == nil {
		return xn(nil, "")
	}
	f := float64(*v)
	return xn(&f, "#,##0")
}

// xsheet is one table of the report.
type xsheet struct {
	name string
	head []string
	rows [][]xcell
}

// escapeFormula keeps Excel from running a text that looks like a formula
// (OWASP "CSV injection"): a leading = + - @ (or tab/CR) gets a quote.
func escapeFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// xlsxTime is the only time written into results.xlsx: the date of data,
// so the bytes depend on the inputs alone.
func writeXLSX(sheets []xsheet, title, lang string, stamp time.Time) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "evaluate", Language: lang,
		Created: stamp.Format(time.RFC3339), Modified: stamp.Format(time.RFC3339)}); err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	styles := map[string]int{}
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			return nil, err
		}
		if err := fillSheet(f, sh, bold, styles); err != nil {
			return nil, err
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return zipstamp.Restamp(buf.Bytes(), stamp)
}

func fillSheet(f *excelize.File, sh xsheet, bold int, styles map[string]int) error {
	for c, h := range sh.head {
		ref, _ := excelize.CoordinatesToCellName(c+1, 1)
		if err := f.SetCellStr(sh.name, ref, escapeFormula(h)); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh.name, ref, ref, bold); err != nil {
			return err
		}
		col, _ := excelize.ColumnNumberToName(c + 1)
		if err := f.SetColWidth(sh.name, col, col, colWidth(sh, c)); err != nil {
			return err
		}
	}
	for r, row := range sh.rows {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+2)
			if err := setCell(f, sh.name, ref, v, styles); err != nil {
				return err
			}
		}
	}
	return nil
}

func setCell(f *excelize.File, sheet, ref string, v xcell, styles map[string]int) error {
	if !v.isNum {
		return f.SetCellStr(sheet, ref, escapeFormula(v.text))
	}
	if v.num == nil {
		return f.SetCellStr(sheet, ref, suppressedMark)
	}
	if err := f.SetCellFloat(sheet, ref, *v.num, -1, 64); err != nil {
		return err
	}
	if v.format == "" {
		return nil
	}
	id, ok := styles[v.format]
	if !ok {
		format := v.format
		var err error
		if id, err = f.NewStyle(&excelize.Style{CustomNumFmt: &format}); err != nil {
			return err
		}
		styles[v.format] = id
	}
	return f.SetCellStyle(sheet, ref, ref, id)
}

func colWidth(sh xsheet, c int) float64 {
	w := len([]rune(sh.head[c]))
	for _, row := range sh.rows {
		if c < len(row) && !row[c].isNum && len([]rune(row[c].text)) > w {
			w = len([]rune(row[c].text))
		}
	}
	return float64(min(max(w+2, 10), 60))
}
