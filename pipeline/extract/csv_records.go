package extract

import (
	"bytes"
	"encoding/csv"
	"io"
	"unsafe"
)

// blockRecords reads the records of one block of a UTF-8 CSV: whole
// records, starting at a record boundary, line being the line of its
// first byte. A block without a quote (") is split by hand, the way
// encoding/csv splits such text; a block with one goes through
// encoding/csv, which knows the quoting rules and their errors.
type blockRecords struct {
	data   []byte
	line   int  // line of data[off]
	off    int  // the next record starts at or after data[off]
	comma  byte // ';', ',' or tab
	quoted bool
	r      *csv.Reader
	fields []string
}

func newBlockRecords(data []byte, line int, comma byte) *blockRecords {
	br := &blockRecords{data: data, line: line, comma: comma, quoted: bytes.IndexByte(data, '"') >= 0}
	if br.quoted {
		br.r = csv.NewReader(bytes.NewReader(data))
		br.r.Comma, br.r.FieldsPerRecord, br.r.ReuseRecord = rune(comma), -1, true
	}
	return br
}

// next returns the next record and the line it starts on; io.EOF after
// the last. The fields are views into the block, valid while it is: the
// builder copies what it keeps.
func (br *blockRecords) next() (line int, fields []string, err error) {
	if br.quoted {
		rec, err := br.r.Read()
		if err != nil {
			return 0, nil, err
		}
		l, _ := br.r.FieldPos(0)
		return br.line + l - 1, rec, nil
	}
	for br.off < len(br.data) {
		rest := br.data[br.off:]
		end := bytes.IndexByte(rest, '\n')
		next := br.off + end + 1
		if end < 0 {
			end, next = len(rest), len(br.data)
		}
		text := rest[:end]
		// As encoding/csv: \r\n ends a line like \n, and a \r before the
		// end of the file is dropped; an empty line is no record.
		if n := len(text); n > 0 && text[n-1] == '\r' {
			text = text[:n-1]
		}
		line = br.line
		br.off = next
		if end < len(rest) {
			br.line++
		}
		if len(text) == 0 {
			continue
		}
		br.fields = splitFields(br.fields[:0], text, br.comma)
		return line, br.fields, nil
	}
	return 0, nil, io.EOF
}

// rest is the unread part of the block and the line it starts on, after
// the header record: it is typed like any other block.
func (br *blockRecords) rest() ([]byte, int) {
	off := br.off
	if br.quoted {
		off = int(br.r.InputOffset())
	}
	return br.data[off:], br.line + bytes.Count(br.data[br.off:off], []byte("\n"))
}

// splitFields appends the fields of one unquoted line to out.
func splitFields(out []string, text []byte, comma byte) []string {
	for {
		i := bytes.IndexByte(text, comma)
		if i < 0 {
			return append(out, view(text))
		}
		out = append(out, view(text[:i]))
		text = text[i+1:]
	}
}

// view is b as a string without a copy. b must not change while the
// string is used: a block's bytes are never written once read, and the
// builder clones every string it keeps (rawCell.stable false).
func view(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
