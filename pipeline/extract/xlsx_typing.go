package extract

// batchRows is the data rows a worksheet hands to its typist at a time.
var batchRows = 4096

// rowBatch is data rows waiting to be typed: their sheet rows, their cells
// (nslots a row), and the arena their values are views into, which the
// tokenizer does not touch again until the batch is typed.
type rowBatch struct {
	rows    []int
	cells   []rawCell
	arena   []byte
	reserve int // > 0: first make room for this many rows
}

// typist types a worksheet's data rows on a goroutine of its own while
// the tokenizer reads on: with the inflating, three stages on the cores.
type typist struct {
	batches chan *rowBatch
	free    chan *rowBatch
	done    chan struct{}
	cur     *rowBatch
	reserve int // rows to make room for, with the next batch
}

func (r *sheetReader) startTyping() {
	t := &typist{batches: make(chan *rowBatch, 2), free: make(chan *rowBatch, 4), done: make(chan struct{})}
	r.typist = t
	r.scan.keepArena = true
	b, n := r.b, r.m.nslots
	go func() {
		defer close(t.done)
		for bt := range t.batches {
			if bt.reserve > 0 {
				b.reserve(bt.reserve)
			}
			for k, row := range bt.rows {
				b.addRow(row, bt.cells[k*n:(k+1)*n])
			}
			select {
			case t.free <- bt:
			default: // cannot happen: no more batches exist than free holds
			}
		}
	}()
}

// queue adds a data row (its cells in r.cells) to the batch, and hands the
// batch over when it is full.
func (r *sheetReader) queue(row int) {
	t := r.typist
	if t.cur == nil {
		select {
		case t.cur = <-t.free:
			t.cur.rows, t.cur.cells = t.cur.rows[:0], t.cur.cells[:0]
		default:
			t.cur = &rowBatch{rows: make([]int, 0, batchRows), cells: make([]rawCell, 0, batchRows*len(r.cells))}
		}
	}
	t.cur.rows = append(t.cur.rows, row)
	t.cur.cells = append(t.cur.cells, r.cells...)
	if len(t.cur.rows) == batchRows {
		r.handOver()
	}
}

// handOver sends the batch to the typist with the arena its values are
// in; the tokenizer goes on in the arena of a batch already typed.
func (r *sheetReader) handOver() {
	t := r.typist
	if t == nil || t.cur == nil {
		return
	}
	bt := t.cur
	bt.arena, t.cur = r.scan.arena, nil
	bt.reserve, t.reserve = t.reserve, 0
	r.scan.arena = nil
	select {
	case next := <-t.free: // typed: its arena is free again
		r.scan.arena = next.arena[:0]
		next.arena = nil
		t.free <- next
	default:
	}
	t.batches <- bt
}

// stopTyping hands over the last rows and waits until every row is typed.
func (r *sheetReader) stopTyping() {
	if r.typist == nil {
		return
	}
	r.handOver()
	close(r.typist.batches)
	<-r.typist.done
	r.typist = nil
}
