package extract

import (
	"bytes"
	"errors"
	"io"
)

// sheetScan streams one worksheet's <sheetData>, turning cells into
// rawCells without building a DOM: only the mapped columns' values become
// strings, other cells are only checked for being blank.
type sheetScan struct {
	wb    *workbook
	sheet string
	sst   []string
	z     *xmlTok

	rows     int // rows claimed by <dimension>, to size the columns
	row, col int // current row (1-based) and column (0-based)
	cellT    []byte
	cellS    int
	hasV     bool
	hasF     bool // the cell has a formula
	inCell   bool
	inIS     bool
	inRPh    bool
	val      []byte // raw <v> text, or the unescaped inline string
	// arena holds the row's cell values that are not shared strings; a
	// rawCell's val is a view into it (stable false: the builder copies
	// what it keeps), so that a cell costs no allocation. It is reused from
	// the next row on.
	arena []byte
	// keepArena: the receiver of the cells decides when the arena is
	// reused (it types rows later, in batches).
	keepArena bool
	nonBlank  bool // the current row has a value in any column

	// onCell receives each cell with a value; onRow each row's end.
	onCell func(col int, rc rawCell)
	onRow  func(row int, nonBlank bool) error
	// onFormula, when set, receives each formula cell without a saved
	// value; onMerge, when set, each merged range after the cells
	// (<mergeCells> follows <sheetData>), e.g. "A2:A10".
	onFormula func(col int) error
	onMerge   func(ref string)
}

var errStop = errors.New("stop")

// scan reads the sheet to its end or until onRow returns errStop.
func (s *sheetScan) scan(r io.Reader) error {
	s.z = newXMLTok(r)
	inData := false
	for {
		err := s.z.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return s.damaged(err)
		}
		name, closing, self := tagName(s.z.tag)
		if !inData {
			switch string(name) {
			case "dimension":
				s.dimension()
			case "sheetData":
				if self {
					return nil
				}
				inData = !closing
			}
			continue
		}
		if err := s.token(name, closing, self); err != nil {
			if errors.Is(err, errStop) {
				return s.merges()
			}
			return err
		}
	}
}

// merges reads the <mergeCell ref="…"> elements after the sheet's cells,
// when the caller wants them.
func (s *sheetScan) merges() error {
	if s.onMerge == nil || s.z == nil {
		return nil
	}
	for {
		err := s.z.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return s.damaged(err)
		}
		if name, closing, _ := tagName(s.z.tag); !closing && string(name) == "mergeCell" {
			if ref, ok := attr(s.z.tag, "ref"); ok {
				s.onMerge(string(ref))
			}
		}
	}
}

func (s *sheetScan) token(name []byte, closing, self bool) error {
	switch string(name) {
	case "row":
		if closing {
			return s.onRow(s.row, s.nonBlank)
		}
		if !s.keepArena {
			s.arena = s.arena[:0]
		}
		if err := s.startRow(); err != nil {
			return err
		}
		if self {
			return s.onRow(s.row, false)
		}
	case "c":
		if closing {
			return s.endCell()
		}
		if err := s.startCell(); err != nil {
			return err
		}
		if self {
			return s.endCell()
		}
	case "f":
		s.hasF = s.hasF || s.inCell
	case "v":
		if closing {
			s.val, s.hasV = append(s.val[:0], s.z.text...), true
		}
	case "is":
		s.inIS = !closing && !self
	case "rPh":
		s.inRPh = !closing && !self
	case "t":
		if closing && s.inIS && !s.inRPh {
			s.val = append(s.val, s.z.text...)
			s.hasV = true
		}
	case "sheetData":
		return errStop
	}
	return nil
}

func (s *sheetScan) startRow() error {
	r := s.row + 1
	if v, ok := attr(s.z.tag, "r"); ok {
		n, ok := atoiBytes(v)
		if !ok || n < 1 {
			return s.damaged(errors.New("bad row number"))
		}
		r = n
	}
	if r > MaxRows {
		return fail(ErrTooManyRows, s.wb.name, s.sheet, "row %d is past Excel's last row (%d)", r, MaxRows)
	}
	s.row, s.col, s.nonBlank, s.inCell = r, -1, false, false
	return nil
}

func (s *sheetScan) startCell() error {
	c := s.col + 1
	ref, t, style, hasR, hasS := cellAttrs(s.z.tag)
	if hasR {
		col, row, ok := parseRef(ref)
		if !ok {
			if row > MaxRows {
				return fail(ErrTooManyRows, s.wb.name, s.sheet, "a cell is past Excel's last row (%d)", MaxRows)
			}
			return s.damaged(errors.New("bad cell reference"))
		}
		c = col
	}
	if c >= maxCols {
		return s.damaged(errors.New("a cell is past Excel's last column"))
	}
	s.col, s.cellS, s.hasV, s.hasF, s.inIS, s.inRPh, s.inCell = c, 0, false, false, false, false, true
	s.cellT = append(s.cellT[:0], t...)
	if hasS {
		s.cellS, _ = atoiBytes(style)
	}
	s.val = s.val[:0]
	return nil
}

// endCell resolves the cell's value and passes on a cell that has one.
func (s *sheetScan) endCell() error {
	if s.inCell && !s.hasV && s.hasF && s.row > 0 && s.onFormula != nil {
		s.inCell = false
		return s.onFormula(s.col)
	}
	if !s.inCell || !s.hasV || s.row == 0 {
		s.inCell = false
		return nil
	}
	s.inCell = false
	rc, err := s.resolve()
	if err != nil {
		return err
	}
	if rc.typ == cellBlank {
		return nil
	}
	if !s.nonBlank && (rc.typ != cellString || len(bytes.TrimSpace([]byte(rc.val))) > 0) {
		s.nonBlank = true
	}
	s.onCell(s.col, rc)
	return nil
}

// resolve turns the raw cell into a rawCell; strings are looked up or
// unescaped only here.
func (s *sheetScan) resolve() (rawCell, error) {
	switch string(s.cellT) {
	case "s":
		i, ok := atoiBytes(bytes.TrimSpace(s.val))
		if !ok || i < 0 || i >= len(s.sst) {
			return rawCell{}, s.damaged(errors.New("a cell refers to a shared string that does not exist"))
		}
		return rawCell{typ: cellString, val: s.sst[i], stable: true}, nil
	case "inlineStr":
		v, err := s.unescape()
		return rawCell{typ: cellString, val: decodeBstr(v)}, s.damagedIf(err)
	case "str":
		v, err := s.unescape()
		return rawCell{typ: cellString, val: v}, s.damagedIf(err)
	}
	v := bytes.TrimSpace(s.val)
	if len(v) == 0 {
		return rawCell{}, nil
	}
	start := len(s.arena)
	s.arena = append(s.arena, v...)
	rc := rawCell{typ: cellNumber, val: view(s.arena[start:])}
	switch string(s.cellT) {
	case "b":
		rc.typ = cellBool
	case "e":
		rc.typ = cellError
	case "d":
		rc.typ = cellISO
	case "", "n":
		rc.dateFmt = s.wb.isDateStyle(s.cellS)
	default:
		return rawCell{}, s.damaged(errors.New("unknown cell type"))
	}
	return rc, nil
}

// dimension reads <dimension ref="A1:H1000001"> to size the columns once.
func (s *sheetScan) dimension() {
	ref, ok := attr(s.z.tag, "ref")
	if !ok {
		return
	}
	if i := bytes.IndexByte(ref, ':'); i >= 0 {
		if _, row, ok := parseRef(ref[i+1:]); ok {
			s.rows = row
		}
	}
}

func (s *sheetScan) damagedIf(err error) error {
	if err == nil {
		return nil
	}
	return s.damaged(err)
}

func (s *sheetScan) damaged(err error) error {
	if errors.Is(err, errTooLong) {
		return fail(ErrTooLarge, s.wb.name, s.sheet, "row %d holds %v; refusing to read it", s.row, err)
	}
	where := ""
	if s.row > 0 {
		where = " near row " + itoa(s.row)
	}
	return fail(ErrCorrupt, s.wb.name, s.sheet, "the sheet is damaged%s (%v); re-save the workbook in Excel", where, err)
}

// unescape resolves the cell's text into the row's arena.
func (s *sheetScan) unescape() (string, error) {
	start := len(s.arena)
	var err error
	s.arena, err = unescape(s.arena, s.val)
	return view(s.arena[start:]), err
}

// cellAttrs reads a <c> tag's r, t and s attributes in one pass, each as
// attr would (the first of a name counts).
func cellAttrs(tag []byte) (ref, t, style []byte, hasR, hasS bool) {
	hasT := false
	for k, v, i, ok := nextAttr(tag, attrStart(tag)); ok; k, v, i, ok = nextAttr(tag, i) {
		switch {
		case len(k) != 1:
		case k[0] == 'r' && !hasR:
			ref, hasR = v, true
		case k[0] == 't' && !hasT:
			t, hasT = v, true
		case k[0] == 's' && !hasS:
			style, hasS = v, true
		}
	}
	return ref, t, style, hasR, hasS
}
