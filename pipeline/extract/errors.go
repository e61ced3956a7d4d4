package extract

import (
	"errors"
	"fmt"
)

// Sentinel errors for errors.Is; Read wraps them in a sentence that names
// the file (and sheet, column or cell where there is one).
var (
	ErrNoSheet       = errors.New("sheet not found")
	ErrNoColumn      = errors.New("mapped column not found")
	ErrHeader        = errors.New("unusable header row")
	ErrNotXLSX       = errors.New("not an .xlsx workbook")
	ErrEncrypted     = errors.New("encrypted workbook")
	ErrTooManyRows   = errors.New("more rows than Excel's 1,048,576")
	ErrTooLarge      = errors.New("workbook too large to unpack")
	ErrCorrupt       = errors.New("corrupt file")
	ErrCPRInColumn   = errors.New("CPR-shaped values in a non-id column")
	ErrUnsupportedEx = errors.New("unsupported file extension")
	ErrFormula       = errors.New("formula without a saved value")
)

// MaxRows is Excel's row limit; a workbook with more data is rejected
// rather than truncated.
const MaxRows = 1 << 20

// DefaultCSVMaxRows bounds a CSV by memory, not by Excel: a register
// cohort of 10⁷ people fits well within it on a 24 GB machine (about 300
// bytes per row for 8 mapped columns); source.max_rows raises or lowers it.
const DefaultCSVMaxRows = 50_000_000

// maxCellBytes bounds one cell's text. Excel allows 32,767 characters; XML
// escaping and 4-byte UTF-8 can make that ~160 KB, and anything much larger
// is a damaged or hostile file, not an extract.
const maxCellBytes = 1 << 20

// fileError is a fatal error: a sentence for people, wrapping a sentinel
// for code.
type fileError struct {
	msg string
	err error
}

func (e *fileError) Error() string { return e.msg }
func (e *fileError) Unwrap() error { return e.err }

// fail builds a fatal error whose message starts with the file and sheet.
func fail(sentinel error, file, sheet, format string, args ...any) error {
	return &fileError{msg: where(file, sheet) + ": " + fmt.Sprintf(format, args...), err: sentinel}
}
