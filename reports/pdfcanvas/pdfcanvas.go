// Copyright ©2015 The Gonum Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.
//
// This file is adapted from gonum.org/v1/plot/vg/vgpdf (v0.17.0), whose
// licence follows:
//
// Copyright ©2013 The Gonum Authors. All rights reserved.
//
// Redistribution and use in source and binary forms, with or without
// modification, are permitted provided that the following conditions are met:
//     * Redistributions of source code must retain the above copyright
//       notice, this list of conditions and the following disclaimer.
//     * Redistributions in binary form must reproduce the above copyright
//       notice, this list of conditions and the following disclaimer in the
//       documentation and/or other materials provided with the distribution.
//     * Neither the name of the Gonum project nor the names of its authors and
//       contributors may be used to endorse or promote products derived from this
//       software without specific prior written permission.
//
// THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
// ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
// WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
// DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
// FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
// DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
// SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
// CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
// OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
// OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

// Package pdfcanvas implements the vg.Canvas interface over a rectangle of
// the current page of a shared fpdf document, so that text written with
// fpdf's cells and vector figures drawn with gonum/plot share one PDF.
//
// Unlike gonum's vgpdf, which embeds fonts in the Windows-1252 code page,
// fonts are embedded as UTF-8 TrueType fonts (fpdf's AddUTF8FontFromBytes),
// so æ ø å, "–" and any other character the font has are drawn correctly.
package pdfcanvas

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"

	"codeberg.org/go-pdf/fpdf"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// Canvas implements vg.Canvas, drawing into a w×h rectangle of the current
// page of a fpdf document. Coordinates are vg's: the origin is the bottom
// left corner of the rectangle and y grows upwards. Drawing is clipped to
// the rectangle. Call Close when done, before writing any more to the page.
type Canvas struct {
	doc   *fpdf.Fpdf
	w, h  vg.Length
	k     float64 // points per document user unit
	stack []context
	saved docState
}

type context struct {
	fill  color.Color
	line  color.Color
	width vg.Length
}

// docState is what drawing changes in the document and Close restores.
type docState struct {
	x, y             float64
	family, style    string
	sizePt           float64
	draw, fill, text [3]int
	lineWidth        float64
	alpha            float64
	blend            string
}

var _ vg.Canvas = (*Canvas)(nil)

// New returns a canvas for the w×h rectangle of doc's current page whose top
// left corner is at origin, measured from the top left corner of the page
// (as fpdf measures positions, but in vg lengths: use vg.Millimeter etc.
// to convert, or FromUnits for positions read from the document).
// The document must have a page (doc.AddPage) before New is called.
func New(doc *fpdf.Fpdf, w, h vg.Length, origin vg.Point) *Canvas {
	c := &Canvas{
		doc:   doc,
		w:     w,
		h:     h,
		k:     doc.GetConversionRatio(),
		stack: make([]context, 1),
	}
	c.save()
	ox, oy := c.unit(origin.X), c.unit(origin.Y)
	doc.ClipRect(ox, oy, c.unit(w), c.unit(h), false)
	doc.TransformBegin()
	// Move the origin to the rectangle's bottom left corner and make y
	// grow upwards, as vg expects.
	doc.TransformTranslate(ox, oy+c.unit(h))
	doc.TransformScale(100, -100, 0, 0)
	vg.Initialize(c)
	return c
}

// FromUnits converts a length in doc's user unit (the unit given to
// fpdf.New, e.g. "mm") to a vg.Length.
func FromUnits(doc *fpdf.Fpdf, v float64) vg.Length {
	return vg.Length(v * doc.GetConversionRatio())
}

func (c *Canvas) save() {
	d := c.doc
	s := &c.saved
	s.x, s.y = d.GetXY()
	s.family, s.style = d.GetFontFamily(), d.GetFontStyle()
	s.sizePt, _ = d.GetFontSize()
	s.draw[0], s.draw[1], s.draw[2] = d.GetDrawColor()
	s.fill[0], s.fill[1], s.fill[2] = d.GetFillColor()
	s.text[0], s.text[1], s.text[2] = d.GetTextColor()
	s.lineWidth = d.GetLineWidth()
	s.alpha, s.blend = d.GetAlpha()
}

// Close ends the drawing: it ends the clipping and the transformation that
// New began and restores the document's position, font, colours, line
// width and alpha as they were before New (the dash pattern is reset to a
// solid line). It returns the document's error, if any.
func (c *Canvas) Close() error {
	if c.stack == nil {
		return c.doc.Error()
	}
	for len(c.stack) > 1 {
		c.Pop()
	}
	c.stack = nil
	d, s := c.doc, c.saved
	d.TransformEnd()
	d.ClipEnd()
	// The PDF graphics state was restored by Q; fpdf's own record of it
	// was not, so set it again.
	d.SetDrawColor(s.draw[0], s.draw[1], s.draw[2])
	d.SetFillColor(s.fill[0], s.fill[1], s.fill[2])
	d.SetTextColor(s.text[0], s.text[1], s.text[2])
	d.SetLineWidth(s.lineWidth)
	d.SetDashPattern(nil, 0)
	if s.blend == "" {
		s.blend = "Normal"
	}
	d.SetAlpha(s.alpha, s.blend)
	if s.family != "" {
		d.SetFont(s.family, s.style, s.sizePt)
	}
	d.SetXY(s.x, s.y)
	return d.Error()
}

// DPI returns the nominal resolution of a PDF (72 dots per inch).
func (c *Canvas) DPI() float64 { return 72 }

// Size returns the size of the rectangle drawn into.
func (c *Canvas) Size() (w, h vg.Length) { return c.w, c.h }

func (c *Canvas) context() *context { return &c.stack[len(c.stack)-1] }

// SetLineWidth implements vg.Canvas.
func (c *Canvas) SetLineWidth(w vg.Length) {
	c.context().width = w
	c.doc.SetLineWidth(c.unit(w))
}

// SetLineDash implements vg.Canvas.
func (c *Canvas) SetLineDash(dashes []vg.Length, offs vg.Length) {
	ds := make([]float64, len(dashes))
	for i, d := range dashes {
		ds[i] = c.unit(d)
	}
	c.doc.SetDashPattern(ds, c.unit(offs))
}

// SetColor implements vg.Canvas.
func (c *Canvas) SetColor(clr color.Color) {
	if clr == nil {
		clr = color.Black
	}
	c.context().line = clr
	c.context().fill = clr
	r, g, b, a := rgba(clr)
	c.doc.SetFillColor(r, g, b)
	c.doc.SetDrawColor(r, g, b)
	c.doc.SetTextColor(r, g, b)
	c.doc.SetAlpha(a, "Normal")
}

// Rotate implements vg.Canvas.
func (c *Canvas) Rotate(r float64) {
	c.doc.TransformRotate(-r*180/math.Pi, 0, 0)
}

// Translate implements vg.Canvas.
func (c *Canvas) Translate(pt vg.Point) {
	xp, yp := c.pdfPoint(pt)
	c.doc.TransformTranslate(xp, yp)
}

// Scale implements vg.Canvas.
func (c *Canvas) Scale(x float64, y float64) {
	c.doc.TransformScale(x*100, y*100, 0, 0)
}

// Push implements vg.Canvas.
func (c *Canvas) Push() {
	c.stack = append(c.stack, *c.context())
	c.doc.TransformBegin()
}

// Pop implements vg.Canvas.
func (c *Canvas) Pop() {
	c.doc.TransformEnd()
	c.stack = c.stack[:len(c.stack)-1]
}

// Stroke implements vg.Canvas.
func (c *Canvas) Stroke(p vg.Path) {
	if c.context().width > 0 {
		c.pdfPath(p, "D")
	}
}

// Fill implements vg.Canvas.
func (c *Canvas) Fill(p vg.Path) {
	c.pdfPath(p, "F")
}

// FillString implements vg.Canvas: pt is the left end of the baseline.
func (c *Canvas) FillString(fnt font.Face, pt vg.Point, str string) {
	if fnt.Font.Size == 0 || str == "" {
		return
	}
	family, style := RegisterFont(c.doc, fnt)
	// SetFont always emits the font operator, so the PDF's text state is
	// right even after a Pop restored an older one.
	c.doc.SetFont(family, style, fnt.Font.Size.Points())

	c.Push()
	defer c.Pop()
	c.Translate(pt)
	// fpdf puts the origin at the top left corner.
	c.Scale(1, -1)
	_, fs := c.doc.GetFontSize()
	// A cell of height fs aligned "B" puts its baseline at
	// y + fs - 0.2*fs; start it at -0.8*fs to put the baseline on pt.
	c.doc.MoveTo(-c.doc.GetCellMargin(), -0.8*fs)
	w := c.doc.GetStringWidth(str) + 2*c.doc.GetCellMargin()
	c.doc.CellFormat(w, fs, str, "", 0, "BL", false, 0, "")
}

// DrawImage implements vg.Canvas. The image is embedded as a PNG named
// after its content, so equal images are stored once per document.
func (c *Canvas) DrawImage(rect vg.Rectangle, img image.Image) {
	buf := new(bytes.Buffer)
	if err := png.Encode(buf, img); err != nil {
		c.doc.SetError(fmt.Errorf("pdfcanvas: encode image: %w", err))
		return
	}
	sum := sha256.Sum256(buf.Bytes())
	name := "img-" + hex.EncodeToString(sum[:8]) + ".png"
	opts := fpdf.ImageOptions{ImageType: "png", ReadDpi: true}
	if info := c.doc.GetImageInfo(name); info == nil {
		c.doc.RegisterImageOptionsReader(name, opts, buf)
	}
	xp, yp := c.pdfPoint(rect.Min)
	wp, hp := c.pdfPoint(rect.Size())
	c.doc.ImageOptions(name, xp, yp, wp, hp, false, opts, 0, "")
}
