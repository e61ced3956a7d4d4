package extract

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"time"

	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// Kind is the type a mapped column is read as.
type Kind int

// The kinds of the cohort config's `type:` key.
const (
	KindText   Kind = iota // free text, kept as written (trimmed), dictionary-encoded
	KindID                 // participant id: hashed (IDHash) for duplicates only; never kept or printed
	KindDate               // calendar date (UTC); a time of day is dropped and noted (NoteTimeOfDay)
	KindNumber             // float64
	KindBool               // yes/no
)

var kindNames = [...]string{"text", "id", "date", "number", "bool"}

// String returns the config spelling of the kind.
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// ParseKind maps a config `type:` value to a Kind.
func ParseKind(s string) (Kind, error) {
	for i, n := range kindNames {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return Kind(i), nil
		}
	}
	return 0, fmt.Errorf("unknown column type %q (expected one of %s)", s, strings.Join(kindNames[:], ", "))
}

// Field is one mapped column of the cohort config.
type Field struct {
	Name     string // config field name, e.g. "end"
	Header   string // header expected in the workbook, e.g. "slutdato"
	Kind     Kind
	Optional bool // a missing header gives an all-missing column instead of an error
}

// Source says where the extract is. HeaderRow is 1-based; 0 means 1.
// Sheet is ignored for CSV; empty means the first visible sheet with data.
type Source struct {
	Path      string
	Sheet     string
	HeaderRow int
	// MaxRows bounds a CSV's rows (0: DefaultCSVMaxRows). A workbook is
	// bounded by Excel's sheet limit, MaxRows.
	MaxRows int
	// SHA256 asks for the file's checksum (Extract.SHA256), computed on
	// the reader's own way through the file where it can.
	SHA256 bool
}

// Column is one mapped field, one entry per data row in each slice that
// its Kind uses (Codes for KindText, ID for KindID, Num, Days, Bool).
// Missing is true for a blank cell and for an unreadable one (which also
// has a Problem), so a bad value can never pass as a real one.
type Column struct {
	Field  Field
	Header string // header as written in the workbook; "" if an optional column is absent
	Letter string // column letter, e.g. "E"; "" if absent
	// A text column is dictionary-encoded: row i holds Dict[Codes[i]].
	// Dict[0] is "" (blank or unreadable cells), then the distinct values
	// in order of first appearance: site or end reason, a handful of
	// values over 10⁶ rows, take 4 bytes a row and nothing for the
	// collector to scan.
	Codes []uint32
	Dict  []string
	ID    []IDHash // the id column: each id hashed as it is read; the text is not kept
	Num   []float64
	// Days is a date column as days since 1970-01-01 (UTC), NoDay where
	// missing: 4 bytes a row and nothing for the collector to scan, where a
	// time.Time takes 24 and holds a pointer. A time of day is never kept
	// (typeDate drops it), so the day is the whole value; DateAt gives it.
	Days    []int32
	Bool    []bool
	Missing []bool
}

// NoDay is a missing or unreadable date in Column.Days (DateAt gives the
// zero time for it).
const NoDay = math.MinInt32

// DateAt is row i of a date column: midnight UTC of its day, or the zero
// time when the cell is missing.
func (c *Column) DateAt(i int) time.Time { return DayTime(c.Days[i]) }

// SetDate stores t's calendar day (UTC) in row i of a date column; the
// zero time stores NoDay.
func (c *Column) SetDate(i int, t time.Time) { c.Days[i] = DayOf(t) }

// DayTime is midnight UTC of day d (days since 1970-01-01); the zero time
// for NoDay.
func DayTime(d int32) time.Time {
	if d == NoDay {
		return time.Time{}
	}
	return time.Unix(int64(d)*86400, 0).UTC()
}

// DayOf is the day (since 1970-01-01) of t's UTC date; NoDay for the zero
// time. The time of day is dropped.
func DayOf(t time.Time) int32 {
	if t.IsZero() {
		return NoDay
	}
	return int32(floorDiv(t.Unix(), 86400))
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// TextAt is row i of a text column ("" when blank or unreadable).
func (c *Column) TextAt(i int) string { return c.Dict[c.Codes[i]] }

// Extract is what Read returns: the typed mapped columns of every
// non-blank data row, in sheet order.
type Extract struct {
	File       string // path as given in Source
	Sheet      string // sheet read; "" for CSV
	HeaderRow  int
	Rows       int    // data rows returned (= len of every column slice)
	RowNumbers RowMap // sheet row (CSV: line) of each data row
	BlankRows  int    // blank rows skipped between the header and the last data row
	Columns    []Column
	Problems   []Problem // cell-level problems; each row named here is to be excluded
	Date1904   bool      // the workbook uses the 1904 date system
	// Notes are what the reader did to the data that a report must state
	// (merged cells filled, times of day dropped, blank or absent columns).
	Notes []Note
	// Saved is when the workbook says it was last saved (docProps/core.xml);
	// zero for CSV or when the workbook does not say.
	Saved time.Time
	// Encoding is a CSV's character set: EncodingUTF8, EncodingWindows1252
	// or EncodingUTF16; "" for a workbook.
	Encoding string
	// SHA256 is the file's checksum in hex when Source.SHA256 asked for it.
	SHA256 string
}

// Column returns the column of the named field, or nil.
func (e *Extract) Column(name string) *Column {
	for i := range e.Columns {
		if e.Columns[i].Field.Name == name {
			return &e.Columns[i]
		}
	}
	return nil
}

// Reasons a data row is excluded because of an unreadable cell; the flow
// counts rows by these strings.
const (
	ReasonDate   = "unreadable date"
	ReasonNumber = "unreadable number"
	ReasonBool   = "unreadable yes/no value"
	ReasonText   = "unreadable text" // an Excel error value such as #N/A in a text or id column
	ReasonEarly  = "date before 1900"
)

// Problem is one unreadable cell. It never holds the cell's value when the
// column is an id or the value looks like a CPR number.
type Problem struct {
	File    string // base name of the file
	Sheet   string // "" for CSV
	Row     int    // 1-based sheet row (CSV: line)
	Index   int    // 0-based data row index into the columns
	Cell    string // e.g. "E14"
	Field   string // config field name
	Header  string // header as written in the workbook
	Reason  string // one of the Reason constants
	Message string // what is wrong and what was expected
}

// Error gives the full sentence, e.g.
// pva.xlsx, sheet "Deltagere", cell E14 (slutdato): "31-02-2020" is not a date (…).
func (p Problem) Error() string {
	return fmt.Sprintf("%s, cell %s (%s): %s", where(p.File, p.Sheet), p.Cell, p.Header, p.Message)
}

// where names a file and sheet the way every message begins.
func where(file, sheet string) string {
	file = privacy.Mask(filepath.Base(file))
	if sheet == "" {
		return file
	}
	return fmt.Sprintf("%s, sheet %s", file, privacy.QuoteName(sheet))
}
