package extract

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"unicode/utf8"
)

// The encodings a CSV is read in, as Extract.Encoding and the manifest
// name them.
const (
	EncodingUTF8        = "utf-8"
	EncodingWindows1252 = "windows-1252"
	EncodingUTF16       = "utf-16"
)

var (
	utf8BOM    = []byte("\xef\xbb\xbf")
	utf16LEBOM = []byte("\xff\xfe")
	utf16BEBOM = []byte("\xfe\xff")
	zipMagic   = []byte("PK\x03\x04")
)

// csvEncoding reads the whole file once to choose its encoding: UTF-16
// when it starts with a UTF-16 mark; UTF-8 when every byte sequence is
// valid UTF-8; otherwise Windows-1252, the code page of Danish Excel's
// "CSV (semikolonsepareret)", in which every byte is a character. A file
// that starts with the UTF-8 mark but is not UTF-8 is damaged: reading it
// as Windows-1252 would turn its æ ø å into two characters each.
func csvEncoding(f *os.File, name string) (string, error) {
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, zipMagic):
		return "", fail(ErrCorrupt, name, "", "this is a zip package (an Excel workbook saved as .xlsx?), not a CSV text file; give it the extension .xlsx")
	case bytes.HasPrefix(head, utf16LEBOM):
		return EncodingUTF16, nil
	case bytes.HasPrefix(head, utf16BEBOM):
		return "", fail(ErrCorrupt, name, "", "the file is UTF-16 big-endian text; save it from Excel as \"CSV UTF-8\"")
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	line, ok, err := firstInvalidUTF8(f)
	if err != nil {
		return "", err
	}
	switch {
	case ok:
		return EncodingUTF8, nil
	case bytes.HasPrefix(head, utf8BOM):
		return "", fail(ErrCorrupt, name, "", "the file starts with the UTF-8 mark, but line %d is not UTF-8 text; save the file again as \"CSV UTF-8\"", line)
	}
	return EncodingWindows1252, nil
}

// firstInvalidUTF8 streams r and reports whether it is all valid UTF-8,
// and if not, the line of the first invalid sequence.
func firstInvalidUTF8(r io.Reader) (line int, ok bool, err error) {
	buf := make([]byte, 1<<20)
	carry, line := 0, 1
	for {
		n, rerr := io.ReadFull(r, buf[carry:])
		n += carry
		end := n
		if rerr == nil { // a rune cut at the end of the buffer waits for the rest
			end = completeRunes(buf[:n])
		}
		if !utf8.Valid(buf[:end]) {
			bad := validPrefix(buf[:end])
			return line + bytes.Count(buf[:bad], []byte("\n")), false, nil
		}
		line += bytes.Count(buf[:end], []byte("\n"))
		if rerr != nil {
			if errors.Is(rerr, io.EOF) || errors.Is(rerr, io.ErrUnexpectedEOF) {
				return 0, true, nil
			}
			return 0, false, rerr
		}
		carry = copy(buf, buf[end:n])
	}
}

// completeRunes is the length of b without a trailing incomplete rune.
func completeRunes(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return i
			}
			break
		}
	}
	return len(b)
}

// validPrefix is the length of the valid UTF-8 at the start of b.
func validPrefix(b []byte) int {
	i := 0
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return i
}

// maxCSVRecord bounds the bytes of one CSV record: a cell may hold 32,767
// characters as in Excel, so a record this long is an unclosed quote
// swallowing the file, and reading on would hold all of it in memory.
const maxCSVRecord = 16 << 20

var errLongRecord = errors.New("a record longer than 16 MB")

// recordLimit counts the bytes encoding/csv takes for the current record
// (n is reset before each Read) and fails past maxCSVRecord; csv's own
// 4 KB read-ahead is the only slack.
type recordLimit struct {
	r io.Reader
	n int
}

func (l *recordLimit) Read(p []byte) (int, error) {
	if l.n > maxCSVRecord {
		return 0, errLongRecord
	}
	n, err := l.r.Read(p)
	l.n += n
	return n, err
}

// maxCellRunes is Excel's limit on the characters in a cell.
const maxCellRunes = 32767

// longCell is the index of the first cell longer than Excel allows, or -1.
func longCell(record []string) int {
	for i, v := range record {
		if len(v) > maxCellRunes && utf8.RuneCountInString(v) > maxCellRunes {
			return i
		}
	}
	return -1
}

// csvFail words a read error of encoding/csv as a sentence about the file.
// prev is the line of the last record read.
func csvFail(name string, err error, prev int) error {
	if errors.Is(err, errLongRecord) {
		line := prev
		return fail(ErrTooLarge, name, "", "a record after line %d is longer than 16 MB; is a quote (\") left open?", line)
	}
	return fail(ErrCorrupt, name, "", "not readable as CSV: %s", csvProblem(err))
}

// CSVHeader reads the first record of a CSV file as Read does (encoding,
// BOM, separator), for `evaluate init`; comma is the separator found.
func CSVHeader(path string) (headers []string, comma rune, err error) {
	recs, comma, err := CSVHead(path, 1)
	if err != nil {
		return nil, 0, err
	}
	if len(recs) == 0 {
		return nil, 0, csvFail(filepath.Base(path), io.EOF, 1)
	}
	return recs[0], comma, nil
}

// CSVHead reads up to the first n records of a CSV file as Read does, for
// `evaluate init` to find the header row; fewer when the file is shorter.
func CSVHead(path string, n int) (records [][]string, comma rune, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	in, err := prepareCSV(f, filepath.Base(path), 1)
	if err != nil {
		return nil, 0, err
	}
	r := csv.NewReader(&recordLimit{r: in.br})
	r.Comma, r.FieldsPerRecord = in.comma, -1
	for len(records) < n {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) && len(records) > 0 {
			break
		}
		if err != nil {
			return nil, 0, csvFail(filepath.Base(path), err, len(records)+1)
		}
		records = append(records, rec)
	}
	return records, in.comma, nil
}
