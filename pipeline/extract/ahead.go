package extract

import (
	"errors"
	"io"
)

// aheadSize is the inflated bytes a worksheet is read ahead in.
const aheadSize = 1 << 20

// aheadReader inflates a worksheet on a goroutine of its own, a few
// blocks ahead of the tokenizer that reads it, so that unpacking and
// typing run on two cores. The bytes and the error (the zip's, a limit's)
// arrive in the order the part gives them, so every message is the same.
type aheadReader struct {
	src   io.ReadCloser
	full  chan aheadBlock
	free  chan []byte
	stop  chan struct{}
	done  chan struct{}
	cur   []byte
	buf   []byte // the buffer cur is in
	err   error
	close bool
	n     int64 // bytes read so far
}

type aheadBlock struct {
	data []byte
	err  error
}

func newAheadReader(src io.ReadCloser) *aheadReader {
	a := &aheadReader{src: src, full: make(chan aheadBlock, 3), free: make(chan []byte, 4),
		stop: make(chan struct{}), done: make(chan struct{})}
	go a.fill()
	return a
}

// fill reads src to its end or error, a block at a time.
func (a *aheadReader) fill() {
	defer close(a.done)
	for {
		var buf []byte
		select {
		case buf = <-a.free:
		default:
			buf = make([]byte, aheadSize)
		}
		n, err := io.ReadFull(a.src, buf)
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = io.EOF
		}
		select {
		case a.full <- aheadBlock{buf[:n], err}:
		case <-a.stop:
			return
		}
		if err != nil {
			return
		}
	}
}

func (a *aheadReader) Read(p []byte) (int, error) {
	for len(a.cur) == 0 {
		if a.err != nil {
			return 0, a.err
		}
		if a.buf != nil {
			select {
			case a.free <- a.buf[:cap(a.buf)]:
			default:
			}
		}
		blk := <-a.full
		a.cur, a.buf, a.err = blk.data, blk.data, blk.err
	}
	n := copy(p, a.cur)
	a.cur = a.cur[n:]
	a.n += int64(n)
	return n, nil
}

// Close stops the reading ahead and closes the part.
func (a *aheadReader) Close() error {
	if !a.close {
		a.close = true
		close(a.stop)
		<-a.done
	}
	return a.src.Close()
}
