package extract

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// xmlTok is a minimal pull tokenizer for the flat, machine-written XML of
// worksheets and shared strings: each next() yields the text before a tag
// and the tag itself. It exists because encoding/xml's Decoder allocates a
// token per element and is several times too slow for 10⁶-row sheets.
// It does not check well-formedness beyond what reading cells needs.
type xmlTok struct {
	br     *bufio.Reader
	text   []byte // raw text before the current tag (entities not decoded)
	tag    []byte // the tag between '<' and '>' (may alias br's buffer)
	tagBuf []byte
}

var errTooLong = errors.New("a cell or tag longer than 1 MB")

func newXMLTok(r io.Reader) *xmlTok {
	return &xmlTok{br: bufio.NewReaderSize(r, 256<<10)}
}

// next reads up to and including the next tag. CDATA sections are added to
// text; comments, processing instructions and doctype are skipped. It
// returns io.EOF at the end.
func (z *xmlTok) next() error {
	z.text = z.text[:0]
	for {
		if err := z.readText(); err != nil {
			return err
		}
		if err := z.readTag(); err != nil {
			return err
		}
		switch {
		case len(z.tag) == 0:
			return fmt.Errorf("empty tag")
		case z.tag[0] == '?':
			continue
		case bytes.HasPrefix(z.tag, []byte("![CDATA[")):
			if err := z.finish("]]"); err != nil {
				return err
			}
			z.text = appendCDATA(z.text, z.tag[8:len(z.tag)-2])
			continue
		case bytes.HasPrefix(z.tag, []byte("!--")):
			if err := z.finish("--"); err != nil {
				return err
			}
			continue
		case z.tag[0] == '!':
			continue
		}
		return nil
	}
}

// appendCDATA escapes '&' so that the later entity decoding of the whole
// text leaves CDATA content as it was.
func appendCDATA(dst, cdata []byte) []byte {
	for _, c := range cdata {
		if c == '&' {
			dst = append(dst, "&amp;"...)
		} else {
			dst = append(dst, c)
		}
	}
	return dst
}

func (z *xmlTok) readText() error {
	for {
		s, err := z.br.ReadSlice('<')
		switch {
		case err == nil:
			z.text = append(z.text, s[:len(s)-1]...)
			return nil
		case errors.Is(err, bufio.ErrBufferFull):
			z.text = append(z.text, s...)
			if len(z.text) > maxCellBytes {
				return errTooLong
			}
		case errors.Is(err, io.EOF):
			if len(bytes.TrimSpace(s)) > 0 || len(bytes.TrimSpace(z.text)) > 0 {
				return io.ErrUnexpectedEOF
			}
			return io.EOF
		default:
			return err
		}
	}
}

// readTag reads to the '>' that closes the tag, looking past any '>'
// inside a quoted attribute value.
func (z *xmlTok) readTag() error {
	s, err := z.br.ReadSlice('>')
	if err == nil && !oddQuotes(s) {
		z.tag = s[:len(s)-1]
		return nil
	}
	z.tagBuf = append(z.tagBuf[:0], s...)
	for {
		switch {
		case err == nil && !oddQuotes(z.tagBuf):
			z.tag = z.tagBuf[:len(z.tagBuf)-1]
			return nil
		case err == nil || errors.Is(err, bufio.ErrBufferFull):
			if len(z.tagBuf) > maxCellBytes {
				return errTooLong
			}
		case errors.Is(err, io.EOF):
			return io.ErrUnexpectedEOF
		default:
			return err
		}
		s, err = z.br.ReadSlice('>')
		z.tagBuf = append(z.tagBuf, s...)
	}
}

// finish extends a CDATA section or comment until the tag ends with end.
func (z *xmlTok) finish(end string) error {
	if bytes.HasSuffix(z.tag, []byte(end)) && len(z.tag) >= 3+len(end) {
		return nil
	}
	z.tagBuf = append(append(z.tagBuf[:0], z.tag...), '>')
	for {
		s, err := z.br.ReadSlice('>')
		z.tagBuf = append(z.tagBuf, s...)
		switch {
		case err == nil:
			if bytes.HasSuffix(z.tagBuf, []byte(end+">")) {
				z.tag = z.tagBuf[:len(z.tagBuf)-1]
				return nil
			}
		case errors.Is(err, bufio.ErrBufferFull):
		case errors.Is(err, io.EOF):
			return io.ErrUnexpectedEOF
		default:
			return err
		}
		if len(z.tagBuf) > maxCellBytes {
			return errTooLong
		}
	}
}

func oddQuotes(s []byte) bool {
	if bytes.IndexByte(s, '\'') < 0 { // the usual tag: one kind of quote, counted at once
		return bytes.Count(s, []byte{'"'})%2 == 1
	}
	var q byte
	for _, c := range s {
		switch {
		case q == 0 && (c == '"' || c == '\''):
			q = c
		case c == q:
			q = 0
		}
	}
	return q != 0
}

// tagName returns the tag's local name ("x:c" and "c" → "c"), whether it
// is a closing tag (</c>) and whether it closes itself (<c/>).
func tagName(tag []byte) (name []byte, closing, selfClosing bool) {
	if len(tag) == 0 {
		return nil, false, false
	}
	selfClosing = tag[len(tag)-1] == '/'
	start := 0
	if tag[0] == '/' {
		closing, start = true, 1
	}
	end := start
	for end < len(tag) && tag[end] != ' ' && tag[end] != '/' && tag[end] != '\t' && tag[end] != '\n' && tag[end] != '\r' {
		end++
	}
	name = tag[start:end]
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return name, closing, selfClosing
}

// attr returns the value of an unprefixed attribute (raw, not unescaped).
func attr(tag []byte, key string) ([]byte, bool) {
	for k, v, i, ok := nextAttr(tag, attrStart(tag)); ok; k, v, i, ok = nextAttr(tag, i) {
		if string(k) == key {
			return v, true
		}
	}
	return nil, false
}

// attrStart is where a tag's attributes begin: its first white space,
// -1 if it has none.
func attrStart(tag []byte) int {
	for i, c := range tag {
		if isSpace(c) {
			return i
		}
	}
	return -1
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// nextAttr reads the attribute at or after i: its key and raw value, and
// where the next one may begin. ok is false at the end of the tag or where
// it stops making sense (the attributes after that are not read).
func nextAttr(tag []byte, i int) (key, val []byte, next int, ok bool) {
	if i < 0 || i >= len(tag) {
		return nil, nil, 0, false
	}
	for i < len(tag) && isSpace(tag[i]) {
		i++
	}
	eq := bytes.IndexByte(tag[i:], '=')
	if eq < 0 {
		return nil, nil, 0, false
	}
	key = bytes.TrimSpace(tag[i : i+eq])
	j := i + eq + 1
	for j < len(tag) && tag[j] != '"' && tag[j] != '\'' {
		j++
	}
	if j >= len(tag) {
		return nil, nil, 0, false
	}
	e := bytes.IndexByte(tag[j+1:], tag[j])
	if e < 0 {
		return nil, nil, 0, false
	}
	return key, tag[j+1 : j+1+e], j + 1 + e + 1, true
}
