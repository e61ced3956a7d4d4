package reports

import (
	"bytes"
	"fmt"
	"html"
	"strings"
)

// HTML renders the report as one self-contained page: inline CSS, figures
// as inline SVG with their alt text and data table, no script and no
// external request. Headings follow the PDF: the title is the one h1, each
// section an h2, each subheading an h3. The same Content gives the same bytes.
func HTML(c *Content) ([]byte, error) {
	h := &htmlDoc{c: c, t: TextFor(c.Lang, c.Level)}
	h.head()
	h.w("<body>\n<header>\n")
	h.w(`<p class="stamp">` + h.text(c.Stamp) + "</p>\n")
	if c.Draft != "" {
		h.w(`<p class="draft"><strong>` + h.text(c.Draft) + "</strong></p>\n")
	}
	h.w("</header>\n<main>\n<h1>" + h.text(c.Title) + "</h1>\n")
	h.contents()
	for i, s := range c.Sections {
		if err := h.section(i, s); err != nil {
			return nil, err
		}
	}
	h.w("</main>\n<footer><p>evaluate " + h.text(c.Version) + "</p></footer>\n</body>\n</html>\n")
	return h.b.Bytes(), nil
}

type htmlDoc struct {
	b bytes.Buffer
	c *Content
	t *Text
}

func (h *htmlDoc) w(s string) { h.b.WriteString(s) }

func (h *htmlDoc) head() {
	lang := h.t.Msg("HTMLLang")
	h.w("<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	h.w("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	h.w("<title>" + h.text(h.c.Title) + "</title>\n")
	h.w("<meta name=\"generator\" content=\"evaluate " + html.EscapeString(h.c.Version) + "\">\n")
	h.w("<style>\n" + htmlStyle + "</style>\n</head>\n")
}

// contents lists the sections, linked.
func (h *htmlDoc) contents() {
	if len(h.c.Sections) < 2 {
		return
	}
	h.w(`<nav aria-label="` + html.EscapeString(h.t.Msg("Contents")) + "\">\n<ol>\n")
	for _, s := range h.c.Sections {
		h.w(`<li><a href="#` + s.ID + `">` + h.text(s.Heading) + "</a></li>\n")
	}
	h.w("</ol>\n</nav>\n")
}

func (h *htmlDoc) section(i int, s Section) error {
	h.w(`<section id="` + s.ID + `" aria-labelledby="` + s.ID + `-h">` + "\n")
	h.w(`<h2 id="` + s.ID + `-h">` + h.text(s.Heading) + "</h2>\n")
	for j, b := range s.Blocks {
		switch b := b.(type) {
		case Paragraph:
			h.w("<p>" + h.text(b.Text) + "</p>\n")
		case Note:
			h.w(`<p class="note">` + h.text(b.Text) + "</p>\n")
		case Subheading:
			h.w("<h3>" + h.text(b.Text) + "</h3>\n")
		case TableBlock:
			h.table(tableID(s, j), b.Table)
		case FigureBlock:
			if err := h.figure(s, j, b); err != nil {
				return fmt.Errorf("report.html: figure %s: %w", b.Name, err)
			}
		}
	}
	h.w("</section>\n")
	return nil
}

func tableID(s Section, j int) string { return fmt.Sprintf("%s-t%d", s.ID, j+1) }

// dataTableOf is the id of the table that holds a figure's numbers: the
// first table of section DataIn, else the next table of its own section.
func (h *htmlDoc) dataTableOf(s Section, j int) string {
	if in := s.Blocks[j].(FigureBlock).DataIn; in != "" {
		for _, o := range h.c.Sections {
			if o.ID == in {
				return firstTable(o, 0)
			}
		}
	}
	return firstTable(s, j+1)
}

// firstTable is the id of the first table of s from block k on.
func firstTable(s Section, k int) string {
	for ; k < len(s.Blocks); k++ {
		if _, ok := s.Blocks[k].(TableBlock); ok {
			return tableID(s, k)
		}
	}
	return ""
}

// text escapes s for HTML and marks each ".." that stands alone (not part
// of an ellipsis) as an abbreviation whose title says why it is hidden.
func (h *htmlDoc) text(s string) string {
	e := html.EscapeString(keepTogether(s))
	if !strings.Contains(e, suppressedMark) {
		return e
	}
	abbr := `<abbr title="` + html.EscapeString(h.c.Hidden) + `">..</abbr>`
	var b strings.Builder
	for i := 0; i < len(e); i++ {
		if isMark(e, i) {
			b.WriteString(abbr)
			i++
			continue
		}
		b.WriteByte(e[i])
	}
	return b.String()
}

// isMark reports whether e[i:] starts with a ".." that is not part of a
// longer run of dots.
func isMark(e string, i int) bool {
	return strings.HasPrefix(e[i:], suppressedMark) && (i == 0 || e[i-1] != '.') && (i+2 == len(e) || e[i+2] != '.')
}
