package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
)

// csvHeadSize is the text the separator is detected from (as prepareCSV).
const csvHeadSize = 1 << 16

// blockRead is the state of a CSV read in blocks.
type blockRead struct {
	src     Source
	fields  []Field
	ex      *Extract
	comma   byte
	m       *mapping
	hint    numberHint
	records int // records up to and including the header
	abort   atomic.Bool
	parts   sync.Pool                  // builders of blocks, absorbed and free for the next
	seeds   atomic.Pointer[[][]string] // the merged dictionaries so far (builder.seedDicts)
	cp1252  bool                       // the file is Windows-1252: blocks are decoded
	decoded sync.Pool                  // buffers of decoded blocks (utf8Text)
}

// readCSVBlocks reads a UTF-8 CSV the way readCSV does, but in blocks of
// whole records that every core parses and types at once, merged in file
// order (builder.absorb), while one goroutine reads, hashes and splits
// the file: one pass over the bytes. A file that turns out not to be
// UTF-8 (and has no UTF-8 mark) is read again as Windows-1252, the
// encoding csvEncoding chooses for it, each block decoded by the core
// that types it. ok is false when the file is for the sequential reader:
// UTF-16, or anything it would stop on (a damaged record, a limit, a
// header that is not where it should be), so that every message and every
// decision stays the sequential reader's.
func readCSVBlocks(src Source, fields []Field, ex *Extract) (ok bool, err error) {
	ok, err = readBlocks(src, fields, ex, false)
	if errors.Is(err, errNotUTF8) {
		*ex = Extract{File: ex.File, HeaderRow: ex.HeaderRow}
		ok, err = readBlocks(src, fields, ex, true)
	}
	if !ok {
		return false, nil
	}
	return ok, err
}

// readBlocks is readCSVBlocks reading the file as UTF-8 or as
// Windows-1252; err is errNotUTF8 (ok false) when a UTF-8 read meets a
// block that is not.
func readBlocks(src Source, fields []Field, ex *Extract, cp1252 bool) (ok bool, err error) {
	f, err := os.Open(src.Path)
	if err != nil {
		return false, nil
	}
	defer f.Close()
	head := make([]byte, len(utf8BOM)+csvHeadSize)
	n, _ := f.ReadAt(head, 0)
	head = head[:n]
	if bytes.HasPrefix(head, zipMagic) || bytes.HasPrefix(head, utf16LEBOM) || bytes.HasPrefix(head, utf16BEBOM) {
		return false, nil
	}
	if cp1252 && bytes.HasPrefix(head, utf8BOM) {
		return false, nil // marked UTF-8 but is not: the sequential reader says so
	}
	head = bytes.TrimPrefix(head, utf8BOM)
	if cp1252 { // the separator is found in the first 64 kB of the decoded text, as prepareCSV does
		head = decode1252(nil, head)
	}
	br := &blockRead{src: src, fields: fields, ex: ex, cp1252: cp1252}
	br.comma = byte(detectComma(head[:min(len(head), csvHeadSize)], ex.HeaderRow))
	br.hint = map[byte]numberHint{';': hintThousands, ',': hintDecimal}[br.comma]
	sp := &blockSplitter{r: f, line: 1}
	if src.SHA256 {
		sp.hash = sha256.New()
	}
	first, err := br.header(sp)
	if err != nil {
		return false, notUTF8(err)
	}
	b, err := br.run(sp, first, fileSize(f))
	if err != nil {
		return false, notUTF8(err)
	}
	if sp.hash != nil {
		ex.SHA256 = hex.EncodeToString(sp.hash.Sum(nil))
	}
	ex.Encoding = EncodingUTF8
	if cp1252 {
		ex.Encoding = EncodingWindows1252
	}
	if ex.Rows > 0 {
		ex.BlankRows = max(0, ex.RowNumbers.At(ex.Rows-1)-ex.HeaderRow-ex.Rows)
	}
	return true, b.finish()
}

// header reads records up to the header row and maps it, as readCSV
// does; it returns the rest of the header's block, the first to type.
func (br *blockRead) header(sp *blockSplitter) (csvBlock, error) {
	for k := 0; ; k++ {
		blk, err := sp.next()
		if err != nil {
			return csvBlock{}, errSlowPath // also io.EOF: no header
		}
		if k == 0 {
			blk.data = bytes.TrimPrefix(blk.data, utf8BOM)
		}
		text, err := br.utf8Text(blk.data)
		if err != nil {
			return csvBlock{}, err
		}
		recs := newBlockRecords(text, blk.line, br.comma)
		for {
			line, rec, err := recs.next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil || br.records > csvMaxRows(br.src) || longCell(rec) >= 0 || line > br.ex.HeaderRow {
				return csvBlock{}, errSlowPath
			}
			br.records++
			if line < br.ex.HeaderRow {
				continue
			}
			if br.m, err = mapHeader(br.ex.File, "", line, rec, br.fields); err != nil {
				return csvBlock{}, errSlowPath
			}
			data, next := recs.rest()
			return csvBlock{data: data, line: next, text: true}, nil
		}
	}
}

// blockResult is one block typed: its rows in a builder of their own.
type blockResult struct {
	seq     int
	b       *builder
	bytes   int
	records int
	err     error
}

// run types the blocks on every core and absorbs them in order into the
// builder of ex.
func (br *blockRead) run(sp *blockSplitter, first csvBlock, size int64) (*builder, error) {
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan csvBlock, workers)
	results := make(chan blockResult, workers)
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		readErr <- br.split(sp, first, jobs)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for blk := range jobs {
				res := br.typeBlock(blk)
				sp.recycle(blk)
				results <- res
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	b, err := br.merge(results, size)
	if rerr := <-readErr; err == nil {
		err = rerr
	}
	return b, err
}

// split sends the first block, then the file's next ones, to jobs.
func (br *blockRead) split(sp *blockSplitter, first csvBlock, jobs chan<- csvBlock) error {
	jobs <- first
	for seq := 1; !br.abort.Load(); seq++ {
		blk, err := sp.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			br.abort.Store(true)
			return errSlowPath
		}
		blk.seq = seq
		jobs <- blk
	}
	return errSlowPath
}

// typeBlock parses and types one block's records into a builder of its
// own, as readCSV's loop would.
func (br *blockRead) typeBlock(blk csvBlock) blockResult {
	res := blockResult{seq: blk.seq, bytes: len(blk.data)}
	if br.abort.Load() {
		res.err = errSlowPath
		return res
	}
	text := blk.data
	if !blk.text {
		var err error
		if text, err = br.utf8Text(blk.data); err != nil {
			res.err = err
			return res
		}
		defer br.release(text)
	}
	m := br.m
	if p, ok := br.parts.Get().(*builder); ok {
		res.b = p.reset()
	} else {
		part := &Extract{File: br.ex.File, HeaderRow: br.ex.HeaderRow}
		res.b = newBuilder(part, br.fields, m.headers, m.letters, m.slot, bytes.Count(blk.data, []byte("\n"))+1)
		res.b.hint = br.hint
	}
	if seeds := br.seeds.Load(); seeds != nil {
		res.b.seed(*seeds)
	}
	cells := make([]rawCell, m.nslots)
	recs := newBlockRecords(text, blk.line, br.comma)
	for {
		line, rec, err := recs.next()
		if errors.Is(err, io.EOF) {
			return res
		}
		if err != nil || longCell(rec) >= 0 {
			res.err = errSlowPath
			return res
		}
		res.records++
		if csvRow(rec, m, cells) {
			res.b.addRow(line, cells)
		}
	}
}

// merge absorbs the typed blocks in file order into the builder of ex,
// sized from the first block; the first block that the sequential reader
// must handle stops the read.
func (br *blockRead) merge(results <-chan blockResult, size int64) (*builder, error) {
	var (
		b       *builder
		err     error
		pending = map[int]blockResult{}
		next    = 0
		records = br.records
	)
	for res := range results {
		if err != nil {
			continue // drain
		}
		pending[res.seq] = res
		for r, ok := pending[next]; ok && err == nil; r, ok = pending[next] {
			delete(pending, next)
			next++
			records += r.records
			switch {
			case r.err != nil:
				err = r.err
			case records-1 > csvMaxRows(br.src):
				err = errSlowPath
			case b == nil:
				b = br.finalBuilder(r, size)
			}
			if err != nil {
				br.abort.Store(true)
				continue
			}
			b.absorb(r.b)
			br.parts.Put(r.b)
			seeds := b.seedDicts()
			br.seeds.Store(&seeds)
		}
	}
	if err == nil && len(pending) > 0 {
		err = errSlowPath // cannot happen: every block has a result
	}
	return b, err
}

// finalBuilder sets up the builder of ex, its columns sized for the rows
// the file holds at the first block's density, so that they are allocated
// once rather than grown (and copied) over and over.
func (br *blockRead) finalBuilder(first blockResult, size int64) *builder {
	rows := first.b.ex.Rows
	if rows > 0 {
		rows = int(float64(rows) * float64(size) / float64(max(first.bytes, 1)) * 1.05)
	}
	rows = min(rows, csvMaxRows(br.src)+1)
	m := br.m
	b := newBuilder(br.ex, br.fields, m.headers, m.letters, m.slot, rows)
	b.hint = br.hint
	return b
}

func fileSize(f *os.File) int64 {
	st, err := f.Stat()
	if err != nil {
		return 0
	}
	return st.Size()
}

// notUTF8 keeps errNotUTF8, the one reason to read the file again in
// blocks; any other is the sequential reader's to handle.
func notUTF8(err error) error {
	if errors.Is(err, errNotUTF8) {
		return errNotUTF8
	}
	return nil
}
