package extract

import (
	"errors"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// errNotUTF8 says a block is not UTF-8: the block reader starts again,
// reading the file as Windows-1252 (readCSVBlocks), as csvEncoding would
// choose for the sequential reader.
var errNotUTF8 = errors.New("csv: not UTF-8")

// win1252 is each Windows-1252 byte's character in UTF-8, as x/text's
// charmap (which the sequential reader decodes with) reads it.
var win1252 = func() (t [256]string) {
	for b := range t {
		t[b] = string(charmap.Windows1252.DecodeByte(byte(b)))
	}
	return t
}()

// decode1252 appends src, Windows-1252 text, to dst as UTF-8. Every byte
// is one character and none is a newline or a quote but those, so a
// block of whole records decodes to the same records, on the same lines.
func decode1252(dst, src []byte) []byte {
	for len(src) > 0 {
		i := 0
		for i < len(src) && src[i] < utf8.RuneSelf {
			i++
		}
		dst = append(dst, src[:i]...)
		if i < len(src) {
			dst = append(dst, win1252[src[i]]...)
			i++
		}
		src = src[i:]
	}
	return dst
}

// utf8Text is a block's text in UTF-8: the block itself when the file is
// read as UTF-8 (errNotUTF8 if it is not), else decoded into a buffer of
// br.decoded, which the caller gives back (release) once the block is
// typed: the builder keeps no view into it.
func (br *blockRead) utf8Text(data []byte) ([]byte, error) {
	if !br.cp1252 {
		if !utf8.Valid(data) {
			return nil, errNotUTF8
		}
		return data, nil
	}
	buf, _ := br.decoded.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	return decode1252((*buf)[:0], data), nil
}

// release gives a decoded block's buffer back for the next block.
func (br *blockRead) release(text []byte) {
	if br.cp1252 {
		br.decoded.Put(&text)
	}
}
