package extract

// colLetter gives the letters of a 0-based column index (0 → "A", 26 → "AA").
func colLetter(i int) string {
	var buf [4]byte
	n := len(buf)
	for i++; i > 0; i = (i - 1) / 26 {
		n--
		buf[n] = byte('A' + (i-1)%26)
	}
	return string(buf[n:])
}

// maxCols is Excel's column limit (XFD).
const maxCols = 16384

// parseRef splits a cell reference such as "E14" into a 0-based column and
// a 1-based row. ok is false for anything else, including columns past
// XFD and rows past MaxRows.
func parseRef(b []byte) (col, row int, ok bool) {
	i := 0
	for i < len(b) && i < 4 && b[i] >= 'A' && b[i] <= 'Z' {
		col = col*26 + int(b[i]-'A'+1)
		i++
	}
	if i == 0 || col > maxCols || i == len(b) {
		return 0, 0, false
	}
	for ; i < len(b); i++ {
		if b[i] < '0' || b[i] > '9' {
			return 0, 0, false
		}
		if row = row*10 + int(b[i]-'0'); row > MaxRows {
			return 0, row, false
		}
	}
	return col - 1, row, row >= 1
}

// colIndex gives the 0-based column of a cell reference, for sorting.
func colIndex(ref string) int {
	c, _, _ := parseRef([]byte(ref))
	return c
}
