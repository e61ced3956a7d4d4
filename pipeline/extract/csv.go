package extract

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strings"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// readCSV reads a CSV: in blocks on every core when it can
// (readCSVBlocks), else record by record (readCSVSeq), to the same Extract.
// The record-by-record reader keeps one core busy, so the checksum is
// taken on the other meanwhile (the block reader takes it as it reads).
func readCSV(src Source, fields []Field, ex *Extract) error {
	if ok, err := readCSVBlocks(src, fields, ex); ok {
		return err
	}
	*ex = Extract{File: ex.File, HeaderRow: ex.HeaderRow}
	sum := func() (string, error) { return "", nil }
	if src.SHA256 {
		sum = hashAlongside(src.Path)
	}
	if err := readCSVSeq(src, fields, ex); err != nil {
		return err // the hashing finishes on its own; its sum is not wanted
	}
	s, err := sum()
	ex.SHA256 = s
	return err
}

// readCSVSeq reads a CSV in UTF-8 (BOM optional), Windows-1252 (what Danish
// Excel's "CSV (semikolonsepareret)" writes) or UTF-16 with a BOM (Excel's
// "Unicode-tekst"), whose separator, ';', ',' or tab, is detected from the
// lines up to the header. Row numbers are the line where each record
// starts, as an editor shows them.
func readCSVSeq(src Source, fields []Field, ex *Extract) error {
	name := ex.File
	f, err := os.Open(src.Path)
	if err != nil {
		return err
	}
	defer f.Close()
	in, err := prepareCSV(f, name, ex.HeaderRow)
	if err != nil {
		return err
	}
	ex.Encoding = in.encoding
	lim := &recordLimit{r: in.br}
	r := csv.NewReader(lim)
	r.Comma, r.FieldsPerRecord, r.ReuseRecord = in.comma, -1, true
	var (
		b     *builder
		m     *mapping
		cells []rawCell
		last  int // line of the last data row
		prev  int // line of the last record
	)
	for rec := 0; ; rec++ {
		lim.n = 0
		record, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return csvFail(name, err, prev)
		}
		line, _ := r.FieldPos(0)
		prev = line
		if err := checkRecord(src, name, rec, line, record); err != nil {
			return err
		}
		if m == nil {
			if line < ex.HeaderRow {
				continue
			}
			if line > ex.HeaderRow {
				return fail(ErrHeader, name, "", "header row %d is empty", ex.HeaderRow)
			}
			if m, err = mapHeader(name, "", line, record, fields); err != nil {
				return err
			}
			b = newBuilder(ex, fields, m.headers, m.letters, m.slot, in.sizeHint)
			b.hint = map[rune]numberHint{';': hintThousands, ',': hintDecimal}[in.comma]
			cells = make([]rawCell, m.nslots)
			continue
		}
		if !csvRow(record, m, cells) {
			continue
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

// checkRecord applies the limits to one record: the rows a CSV may have
// (source.max_rows) and the characters a cell may hold (Excel's).
func checkRecord(src Source, name string, rec, line int, record []string) error {
	if limit := csvMaxRows(src); rec > limit {
		return fail(ErrTooManyRows, name, "", "more than %d rows, the limit source.max_rows sets (memory: about 300 bytes a row); raise it if the machine has the memory, or split the extract", limit)
	}
	if col := longCell(record); col >= 0 {
		return fail(ErrTooLarge, name, "", "cell %s%d holds more than %s characters, more than an Excel cell can; is a quote (\") left open?", colLetter(col), line, "32.767")
	}
	return nil
}

// csvInput is an opened CSV: its text (decoded to UTF-8), separator,
// encoding and an estimate of its rows.
type csvInput struct {
	br       *bufio.Reader
	comma    rune
	encoding string
	sizeHint int
}

// prepareCSV picks the encoding, skips a BOM, detects the separator, and
// estimates the number of rows from the lines in the first 64 KB, so that
// the columns are sized once: a guess 10 % high costs less than growing ten
// 10⁶-entry slices.
func prepareCSV(f *os.File, name string, headerRow int) (*csvInput, error) {
	enc, err := csvEncoding(f, name)
	if err != nil {
		return nil, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	var text io.Reader = f
	switch enc {
	case EncodingWindows1252:
		text = charmap.Windows1252.NewDecoder().Reader(f)
	case EncodingUTF16:
		text = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Reader(f)
	}
	br := bufio.NewReaderSize(text, 1<<20)
	if b, _ := br.Peek(3); bytes.Equal(b, utf8BOM) {
		_, _ = br.Discard(3)
	}
	head, _ := br.Peek(1 << 16)
	in := &csvInput{br: br, comma: detectComma(head, headerRow), encoding: enc}
	if st, err := f.Stat(); err == nil && bytes.Count(head, []byte("\n")) > 0 {
		in.sizeHint = min(int(st.Size()/int64(len(head)/bytes.Count(head, []byte("\n"))+1))*11/10, MaxRows)
	}
	return in, nil
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

// detectComma picks ';', ',' or tab by which occurs most often outside
// quotes in the lines up to the header; on a tie ';' wins (Danish Excel
// writes it), then tab.
func detectComma(head []byte, headerRow int) rune {
	semi, comma, tab, line, quoted := 0, 0, 0, 1, false
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
		case c == '\t':
			tab++
		}
		if line > headerRow {
			break
		}
	}
	switch {
	case semi >= comma && semi >= tab:
		return ';'
	case tab >= comma:
		return '\t'
	}
	return ','
}

// csvProblem words a csv.ParseError without quoting the record.
func csvProblem(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return "line " + itoa(pe.Line) + ", column " + itoa(pe.Column) + ": " + pe.Err.Error()
	}
	return err.Error()
}

func csvMaxRows(src Source) int {
	if src.MaxRows > 0 {
		return src.MaxRows
	}
	return DefaultCSVMaxRows
}
