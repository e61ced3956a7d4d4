package extract

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
)

// zipKinds are the Office and OpenDocument packages that are zip files
// like .xlsx, found by a part only they have, with what to call them.
var zipKinds = []struct{ part, what string }{
	{"word/document.xml", "a Word document (.docx)"},
	{"ppt/presentation.xml", "a PowerPoint presentation (.pptx)"},
	{"visio/document.xml", "a Visio drawing (.vsdx)"},
}

// packageKind says what a zip package that is not an Excel workbook is
// ("a Word document (.docx)"); "" for a workbook. Someone who renamed a
// file to .xlsx learns what they have instead of "no sheet has data".
func (wb *workbook) packageKind() string {
	for _, k := range zipKinds {
		if _, ok := wb.parts[k.part]; ok {
			return k.what
		}
	}
	if f, ok := wb.parts["mimetype"]; ok {
		if mt := wb.smallPart(f.Name); strings.HasPrefix(mt, "application/vnd.oasis.opendocument.spreadsheet") {
			return "an OpenDocument spreadsheet (.ods)"
		} else if strings.HasPrefix(mt, "application/vnd.oasis.opendocument") {
			return "an OpenDocument file"
		}
	}
	if _, ok := wb.parts["xl/workbook.xml"]; ok {
		return ""
	}
	if _, ok := wb.parts["[content_types].xml"]; ok {
		return "" // a workbook whose parts are named unusually; readMeta decides
	}
	return "a zip archive"
}

// smallPart reads at most 256 bytes of a part, for sniffing.
func (wb *workbook) smallPart(name string) string {
	rc, err := wb.open(name)
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, 256))
	return string(b)
}

// notZipKind names what a file that is not a zip package seems to be.
func notZipKind(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("%PDF")):
		return "a PDF document"
	case bytes.HasPrefix(head, []byte("{\\rtf")):
		return "an RTF document"
	case looksLikeText(head):
		return "a text file (CSV?)"
	}
	return ""
}

// looksLikeText: printable UTF-8 or single-byte text, no control bytes
// but tab and line breaks.
func looksLikeText(head []byte) bool {
	if len(head) == 0 {
		return false
	}
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return utf8.Valid(head) || !bytes.ContainsAny(head, "\x00")
}
