package extract

import (
	"bytes"
	"errors"
	"hash"
	"io"
	"sync"
)

// csvBlockSize is the bytes a CSV block aims at: small against the file,
// so that every core has blocks to type and the blocks in flight (their
// buffers and typed columns, a handful of each) hold little memory, which
// on a virtual machine costs more to touch the first time than to type
// into. At 10⁶ rows, 512 kB rather than 4 MB blocks take 118 → 76 MB of
// peak memory and 27,000 → 17,000 page faults; the merge's cost a block
// does not show even at 10⁷ rows (1,450 blocks). A test sets it small to
// put block boundaries everywhere.
var csvBlockSize = 512 << 10

// maxFastRecord is the longest record the block reader takes; a longer
// one (a quote left open swallowing the file, or a record near the 16 MB
// limit) is left to the sequential reader and its messages.
const maxFastRecord = 1 << 20

// errSlowPath says the parallel CSV reader met something it leaves to the
// sequential one: text that is not UTF-8, a damaged record, a limit.
var errSlowPath = errors.New("csv: not for the block reader")

// csvBlock is a run of whole records of a CSV, starting on line line.
type csvBlock struct {
	seq  int
	data []byte
	line int
	buf  []byte // the buffer data is in, for the next block once typed
	text bool   // data is UTF-8 already (the header's block, decoded)
}

// blockSplitter reads a file in blocks that end at a record boundary:
// after a newline that is outside quotes. It hashes every byte as it goes
// (the manifest's checksum, in the same pass).
type blockSplitter struct {
	r     io.Reader
	hash  hash.Hash // nil: no checksum wanted
	carry []byte    // the start of a record cut by the last read
	line  int       // line of the next block's first byte
	eof   bool
	free  sync.Pool // of *[]byte buffers of csvBlockSize
}

// next returns the next block; io.EOF after the last; errSlowPath for a
// record longer than maxFastRecord.
func (s *blockSplitter) next() (csvBlock, error) {
	if s.eof && len(s.carry) == 0 {
		return csvBlock{}, io.EOF
	}
	var buf []byte
	if p, ok := s.free.Get().(*[]byte); ok && len(*p) == csvBlockSize && len(s.carry) <= csvBlockSize/2 {
		buf = *p
	} else {
		buf = make([]byte, max(csvBlockSize, 2*len(s.carry)))
	}
	n := copy(buf, s.carry)
	for {
		if !s.eof {
			m, err := io.ReadFull(s.r, buf[n:])
			if s.hash != nil {
				s.hash.Write(buf[n : n+m])
			}
			n += m
			switch {
			case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
				s.eof = true
			case err != nil:
				return csvBlock{}, err
			}
		}
		if n == 0 {
			return csvBlock{}, io.EOF
		}
		cut := recordCut(buf[:n])
		if s.eof && cut < n {
			cut = n // the last record needs no newline
		}
		if cut > 0 {
			s.carry = append(s.carry[:0], buf[cut:n]...)
			b := csvBlock{data: buf[:cut:cut], line: s.line, buf: buf}
			s.line += bytes.Count(b.data, []byte("\n"))
			return b, nil
		}
		if n >= maxFastRecord {
			return csvBlock{}, errSlowPath
		}
		grown := make([]byte, 2*len(buf))
		copy(grown, buf[:n])
		buf = grown
	}
}

// recordCut is the length of the whole records at the start of b: up to
// and including the last newline outside quotes, 0 if there is none. A
// record starts outside quotes and every quote toggles (an escaped quote
// is two), which is exactly RFC 4180's quoting; a file that breaks it has
// its error in the block holding the first stray quote, where the block's
// own reading meets it as the sequential reader would.
func recordCut(b []byte) int {
	if bytes.IndexByte(b, '"') < 0 {
		return bytes.LastIndexByte(b, '\n') + 1
	}
	cut, quoted := 0, false
	for i, c := range b {
		switch {
		case c == '"':
			quoted = !quoted
		case c == '\n' && !quoted:
			cut = i + 1
		}
	}
	return cut
}

// recycle takes back a typed block's buffer: nothing refers to it any
// more (the builder copies the text it keeps).
func (s *blockSplitter) recycle(b csvBlock) {
	if len(b.buf) == csvBlockSize {
		s.free.Put(&b.buf)
	}
}
