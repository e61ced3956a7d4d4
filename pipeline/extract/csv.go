package extract

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// readCSV reads a UTF-8 CSV (BOM optional) whose separator, ';' or ',',
// is detected from the lines up to the header. Row numbers are the line
// where each record starts, as an editor shows them.
func readCSV(src Source, fields []Field, ex *Extract) error {
	name := ex.File
	f, err := os.Open(src.Path)
	if err != nil {
		return err
	}
	defer f.Close()
	br, comma, sizeHint := prepareCSV(f, ex.HeaderRow)
	r := csv.NewReader(br)
	r.Comma, r.FieldsPerRecord, r.ReuseRecord = comma, -1, true
	var (
		b     *builder
		m     *mapping
		cells []rawCell
		last  int
	)
	for rec := 0; ; rec++ {
		record, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fail(ErrCorrupt, name, "", "not readable as CSV: %s", csvProblem(err))
		}
		line, _ := r.FieldPos(0)
		if rec > MaxRows {
			return fail(ErrTooManyRows, name, "", "more than %d rows; split the extract", MaxRows)
		}
		if m == nil {
			if line < ex.HeaderRow {
				continue
			}
			if line > ex.HeaderRow {
				return fail(ErrHeader, name, "", "header row %d is empty", ex.HeaderRow)
			}
			if m, err = csvHeader(name, line, record, fields); err != nil {
				return err
			}
			b = newBuilder(ex, fields, m.headers, m.letters, m.slot, sizeHint)
			b.hint = map[rune]numberHint{';': hintThousands, ',': hintDecimal}[comma]
			cells = make([]rawCell, m.nslots)
			continue
		}
		if !csvRow(record, m, cells) {
			continue
		}
		if col, ok := invalidUTF8(cells, m, fields); !ok {
			return fail(ErrCorrupt, name, "", "cell %s%d is not UTF-8 text; save the file as \"CSV UTF-8\"", colLetter(col), line)
		}
		b.addRow(line, cells)
		last = line
	}
	if m == nil {
		return fail(ErrHeader, name, "", "header row %d is empty", ex.HeaderRow)
	}
	ex.BlankRows = max(0, last-ex.HeaderRow-ex.Rows)
	return b.finish()
}

// prepareCSV skips a BOM, detects the separator, and estimates the number
// of rows from the lines in the first 64 KB, so that the columns are sized
// once: a guess 10 % high costs less than growing ten 10⁶-entry slices.
func prepareCSV(f *os.File, headerRow int) (*bufio.Reader, rune, int) {
	br := bufio.NewReaderSize(f, 1<<20)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		_, _ = br.Discard(3)
	}
	head, _ := br.Peek(1 << 16)
	sizeHint := 0
	if st, err := f.Stat(); err == nil && bytes.Count(head, []byte("\n")) > 0 {
		sizeHint = int(st.Size()/int64(len(head)/bytes.Count(head, []byte("\n"))+1)) * 11 / 10
	}
	return br, detectComma(head, headerRow), sizeHint
}

// csvHeader maps the header record, which must be UTF-8.
func csvHeader(name string, line int, record []string, fields []Field) (*mapping, error) {
	for _, h := range record {
		if !utf8.ValidString(h) {
			return nil, fail(ErrCorrupt, name, "", "the header row is not UTF-8 text; save the file as \"CSV UTF-8\"")
		}
	}
	return mapHeader(name, "", line, record, fields)
}

// csvRow fills cells from a record; false for a blank record, which is
// not data.
func csvRow(record []string, m *mapping, cells []rawCell) bool {
	blank := true
	for _, v := range record {
		if strings.TrimSpace(v) != "" {
			blank = false
			break
		}
	}
	if blank {
		return false
	}
	clear(cells)
	for col, v := range record {
		if col < len(m.slotOf) && m.slotOf[col] >= 0 {
			cells[m.slotOf[col]] = rawCell{typ: cellString, val: v}
		}
	}
	return true
}

// invalidUTF8 checks the text and id cells, which are kept as they are;
// other kinds only keep what parses, and a message quotes with %q.
func invalidUTF8(cells []rawCell, m *mapping, fields []Field) (int, bool) {
	for i, f := range fields {
		if s := m.slot[i]; s >= 0 && f.Kind <= KindID && !utf8.ValidString(cells[s].val) {
			return colIndex(m.letters[i] + "1"), false
		}
	}
	return 0, true
}

// detectComma picks ';' or ',' by which occurs more often outside quotes
// in the lines up to the header; ';' wins a tie, as Danish Excel writes it.
func detectComma(head []byte, headerRow int) rune {
	semi, comma, line, quoted := 0, 0, 1, false
	for _, c := range head {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			line++
		case c == ';':
			semi++
		case c == ',':
			comma++
		}
		if line > headerRow {
			break
		}
	}
	if comma > semi {
		return ','
	}
	return ';'
}

// csvProblem words a csv.ParseError without quoting the record.
func csvProblem(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return "line " + itoa(pe.Line) + ", column " + itoa(pe.Column) + ": " + pe.Err.Error()
	}
	return err.Error()
}
