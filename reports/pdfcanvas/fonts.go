package pdfcanvas

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"
	stdfnt "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"

	"gonum.org/v1/plot/font"
)

// RegisterFont makes face's font available in doc as a UTF-8 TrueType font
// and returns the fpdf family and style to pass to doc.SetFont, so text
// pages can use the same fonts as the figures:
//
//	fam, sty := pdfcanvas.RegisterFont(doc, face) // e.g. "liberationsans", "B"
//	doc.SetFont(fam, sty, 11)
//
// The family is the face's typeface and variant in lower case; the style is
// "", "B", "I" or "BI" from its weight and style. A font is added to a
// document once: the document itself records which fonts it has, so there
// is no state shared between documents and documents may be built in
// parallel goroutines (each document by one goroutine, as fpdf requires).
func RegisterFont(doc *fpdf.Fpdf, face font.Face) (family, style string) {
	family, style = fontName(face.Font)
	if doc.GetFontDesc(family, style).Ascent != 0 {
		return family, style // already added to this document
	}
	raw, err := ttfBytes(face.Face)
	if err != nil {
		doc.SetError(fmt.Errorf("pdfcanvas: font %s: %w", face.Name(), err))
		return family, style
	}
	doc.AddUTF8FontFromBytes(family, style, raw)
	return family, style
}

// fontName maps a gonum font to an fpdf family and style.
func fontName(f font.Font) (family, style string) {
	family = strings.ToLower(string(f.Typeface) + string(f.Variant))
	if family == "" {
		family = "default"
	}
	if f.Weight >= stdfnt.WeightSemiBold {
		style += "B"
	}
	if f.Style == stdfnt.StyleItalic || f.Style == stdfnt.StyleOblique {
		style += "I"
	}
	return family, style
}

// ttfCache holds the raw bytes of each font's source. They never change,
// so sharing them between documents and goroutines is safe.
var ttfCache sync.Map // *opentype.Font → []byte

func ttfBytes(f *opentype.Font) ([]byte, error) {
	if f == nil {
		return nil, fmt.Errorf("no font data")
	}
	if v, ok := ttfCache.Load(f); ok {
		return v.([]byte), nil
	}
	var buf bytes.Buffer
	if _, err := f.WriteSourceTo(nil, &buf); err != nil {
		return nil, err
	}
	v, _ := ttfCache.LoadOrStore(f, buf.Bytes())
	return v.([]byte), nil
}
