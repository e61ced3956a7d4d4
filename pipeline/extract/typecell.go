package extract

import (
	"strconv"
	"strings"
	"time"
)

// What each kind expects, for messages.
const (
	expectDate   = "expected a date cell, dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy or yyyy-mm-dd"
	expectNumber = "expected a number such as 1234,5 or 1.234,5"
	expectBool   = "expected ja/nej, yes/no, 1/0, sand/falsk, true/false, or x and blank"
)

// typeCell appends one cell to its column, recording a problem when the
// cell cannot be read as the column's kind.
func (b *builder) typeCell(i int, c *Column, rc rawCell, idx, row int) {
	val := rc.val
	if rc.typ != cellBlank && rc.typ != cellNumber && rc.typ != cellBool {
		val = strings.TrimSpace(val)
	}
	blank := rc.typ == cellBlank || val == ""
	c.Missing = append(c.Missing, blank)
	switch c.Field.Kind {
	case KindText:
		c.Codes = append(c.Codes, 0)
		if !blank {
			b.typeText(i, c, rc, val, idx, row)
		}
	case KindID:
		c.ID = append(c.ID, IDHash{})
		if !blank {
			b.typeID(c, rc, val, idx, row)
		}
	case KindDate:
		c.Days = append(c.Days, NoDay)
		if !blank {
			b.typeDate(c, rc, val, idx, row)
		}
	case KindNumber:
		c.Num = append(c.Num, 0)
		if !blank {
			b.typeNumber(i, c, rc, val, idx, row)
		}
	case KindBool:
		c.Bool = append(c.Bool, false)
		if !blank {
			b.typeBool(i, c, rc, val, idx, row)
		}
	}
}

func (b *builder) typeText(i int, c *Column, rc rawCell, val string, idx, row int) {
	switch rc.typ {
	case cellError:
		b.problem(c, idx, row, ReasonText, "the cell holds the Excel error %s (expected text)", quote(c, val))
		return
	case cellBool:
		val = map[bool]string{true: "TRUE", false: "FALSE"}[val == "1"]
	case cellNumber:
		if rc.dateFmt {
			if v, err := strconv.ParseFloat(val, 64); err == nil {
				if t, ok := serialDate(v, b.date1904); ok {
					val = t.Format(time.DateOnly)
				}
			}
		}
	}
	st := &b.state[i]
	code, ok := st.dict[val]
	if !ok {
		if !rc.stable {
			val = strings.Clone(val)
		}
		code = uint32(len(c.Dict))
		c.Dict = append(c.Dict, val)
		st.dict[val] = code
	}
	c.Codes[idx] = code
}

// typeID hashes an id cell: the text it holds (a boolean cell as TRUE or
// FALSE, a number cell as its raw digits) goes no further than this.
func (b *builder) typeID(c *Column, rc rawCell, val string, idx, row int) {
	switch rc.typ {
	case cellError:
		b.problem(c, idx, row, ReasonText, "the cell holds the Excel error %s (expected text)", quote(c, val))
		return
	case cellBool:
		val = map[bool]string{true: "TRUE", false: "FALSE"}[val == "1"]
	}
	c.ID[idx] = HashID(val)
}

func (b *builder) typeDate(c *Column, rc rawCell, val string, idx, row int) {
	switch rc.typ {
	case cellString:
		if day, ok := fastDay(val); ok {
			c.Days[idx] = day
			return
		}
	case cellNumber:
		if day, ok := serialDay(val, rc.dateFmt, b.date1904); ok {
			c.Days[idx] = day
			return
		}
	}
	var t time.Time
	ok := false
	switch rc.typ {
	case cellNumber:
		v, err := strconv.ParseFloat(val, 64)
		if err == nil && (rc.dateFmt || isSerialText(val)) {
			t, ok = serialDate(v, b.date1904)
		}
		if !ok {
			b.problem(c, idx, row, ReasonDate, "the number %s is not a date (%s)", quote(c, val), expectDate)
			return
		}
	case cellString, cellISO:
		t, ok = parseDateText(val, b.date1904)
	}
	if !ok {
		b.problem(c, idx, row, ReasonDate, "%s is not a date (%s)", quote(c, val), expectDate)
		return
	}
	if t.Year() < firstYear {
		b.problem(c, idx, row, ReasonEarly, "%s is before 1900, which no participant's date can be", quote(c, val))
		return
	}
	if day := t.Truncate(24 * time.Hour); !day.Equal(t) {
		// "31-12-2020 10:00" is 31 December: rules compare calendar dates,
		// so the time of day is dropped (and the report says so).
		b.noteCell(NoteTimeOfDay, c, row)
		t = day
	}
	c.Days[idx] = DayOf(t)
}

func (b *builder) typeNumber(i int, c *Column, rc rawCell, val string, idx, row int) {
	var v float64
	ok := false
	switch rc.typ {
	case cellNumber:
		var err error
		v, err = strconv.ParseFloat(val, 64)
		ok = err == nil
	case cellString:
		if n, isInt := plainInt(val); isInt { // the common case, as parseNumber reads it
			c.Num[idx] = n
			return
		}
		var amb bool
		v, amb, ok = parseNumber(val)
		st := &b.state[i]
		switch {
		case !ok:
		case amb:
			st.amb = append(st.amb, idx)
			st.ambText = append(st.ambText, strings.Clone(val))
		case strings.Contains(val, ","), strings.Count(val, ".") > 1:
			st.comma = true
		case strings.Contains(val, "."):
			st.dot = true
		}
	}
	if !ok {
		b.problem(c, idx, row, ReasonNumber, "%s is not a number (%s)", quote(c, val), expectNumber)
		return
	}
	c.Num[idx] = v
}

func (b *builder) typeBool(i int, c *Column, rc rawCell, val string, idx, row int) {
	v, isX, ok := false, false, false
	switch rc.typ {
	case cellNumber, cellBool, cellString:
		v, isX, ok = parseBool(val)
	}
	if !ok {
		b.problem(c, idx, row, ReasonBool, "%s is not a yes/no value (%s)", quote(c, val), expectBool)
		return
	}
	st := &b.state[i]
	st.xSeen = st.xSeen || isX
	st.otherBool = st.otherBool || !isX
	c.Bool[idx] = v
}
