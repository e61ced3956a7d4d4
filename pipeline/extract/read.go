package extract

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// Read reads the mapped fields of an extract (.xlsx or .csv).
//
// It fails, with a sentence naming the file (and sheet, column or cell),
// when the file or sheet is missing, a non-optional header is not found,
// the file is not what its name says, is encrypted, unpacks to too much,
// has more rows than its limit (MaxRows for a workbook, Source.MaxRows for a CSV), or a non-id mapped column holds CPR-shaped
// values. Unreadable cells are not fatal: they are listed in Problems.
func Read(src Source, fields []Field) (*Extract, error) {
	if src.HeaderRow <= 0 {
		src.HeaderRow = 1
	}
	if src.HeaderRow > MaxRows {
		return nil, fmt.Errorf("header row %d is past Excel's last row", src.HeaderRow)
	}
	for _, f := range fields {
		if f.Kind < KindText || f.Kind > KindBool {
			return nil, fmt.Errorf("field %s: invalid kind %d", f.Name, int(f.Kind))
		}
	}
	ex := &Extract{File: src.Path, HeaderRow: src.HeaderRow}
	name := filepath.Base(src.Path)
	if err := CheckFile(src.Path); err != nil {
		return nil, err
	}
	var err error
	switch strings.ToLower(filepath.Ext(src.Path)) {
	case ".xlsx", ".xlsm":
		sum := func() (string, error) { return "", nil }
		if src.SHA256 {
			sum = hashAlongside(src.Path)
		}
		err = readXLSX(src, fields, ex)
		if s, herr := sum(); err == nil {
			ex.SHA256, err = s, herr
		}
	case ".csv", ".txt":
		err = readCSV(src, fields, ex)
	default:
		return nil, fail(ErrUnsupportedEx, name, "", "unsupported file type %s (expected .xlsx or .csv)", privacy.QuoteName(filepath.Ext(src.Path)))
	}
	if err != nil {
		return nil, err
	}
	return ex, nil
}

func itoa(i int) string { return strconv.Itoa(i) }
