package extract

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// decodeBstr undoes OOXML's _xHHHH_ escapes for characters XML cannot
// hold (e.g. _x000D_ for a carriage return); _x005F_ escapes the '_'.
func decodeBstr(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '_' && i+7 <= len(s) && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				switch {
				case n == 0x5F:
					b.WriteByte('_')
				case n >= 0xD800 && n <= 0xDFFF: // dropped, as excelize does
				default:
					b.WriteRune(rune(n))
				}
				i += 6
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// unescape decodes XML entities and line-end normalisation (as
// encoding/xml does) into dst.
func unescape(dst, s []byte) ([]byte, error) {
	if bytes.IndexByte(s, '&') < 0 && bytes.IndexByte(s, '\r') < 0 {
		return append(dst, s...), nil
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\r':
			dst = append(dst, '\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case '&':
			semi := bytes.IndexByte(s[i:], ';')
			if semi < 0 {
				return dst, errors.New("unterminated entity")
			}
			r, ok := entity(s[i+1 : i+semi])
			if !ok {
				return dst, errors.New("unknown entity")
			}
			dst = utf8.AppendRune(dst, r)
			i += semi
		default:
			dst = append(dst, c)
		}
	}
	return dst, nil
}

func entity(e []byte) (rune, bool) {
	switch string(e) {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(e) < 2 || e[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if e[1] == 'x' || e[1] == 'X' {
		n, err = strconv.ParseUint(string(e[2:]), 16, 32)
	} else {
		n, err = strconv.ParseUint(string(e[1:]), 10, 32)
	}
	if err != nil || n > utf8.MaxRune {
		return 0, false
	}
	return rune(n), true
}
