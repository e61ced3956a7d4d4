package extract

import "strings"

// builtinDateFmt reports whether a built-in number format id shows a date
// or time: 14-22 (dates and times), 27-36 and 50-58 (East Asian dates),
// 45-47 (times), per ECMA-376 Part 1 §18.8.30.
func builtinDateFmt(id int) bool {
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)
}

// customDateFmt reports whether a format code shows a date or time: it has
// d, m, y, h or s outside quoted text, escapes and [brackets] (colours,
// conditions and locale tags such as [$-406], which LibreOffice writes).
// "m" alone could be minutes, but that is a time format too.
func customDateFmt(code string) bool {
	// Only the first section matters for a positive serial.
	code = strings.ToLower(code)
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return false
			}
			i += j + 1
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return false
			}
			i += j
		case ';':
			return false
		case 'd', 'm', 'y', 'h', 's':
			return true
		}
	}
	return false
}
