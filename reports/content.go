package reports

import "time"

// Content is a report as data: its title and ordered sections, built once
// from the results and the config (BuildContent). The PDF, results.xlsx
// and report.html each render this list; none of them builds a table or
// writes a sentence of its own.
type Content struct {
	Lang  string  // da or en
	Level float64 // the confidence level every interval is at
	Title string  // the programme's title: the document's one top heading
	// Date is the date of the data: the documents' creation date, so the
	// same inputs give the same bytes. Stamp heads every page with it.
	Date    time.Time
	Stamp   string
	Version string // evaluate's version, in every footer
	// Draft is the "not for publication" mark when small cells are not
	// suppressed (min_cell: 0); empty otherwise.
	Draft string
	// Hidden explains "..": why a figure is suppressed (the HTML's abbr title).
	Hidden   string
	Sections []Section
}

// Section is a part of the report with its own heading: a page in the PDF,
// an h2 in the HTML. Lead is the opening section, set under the title.
type Section struct {
	ID      string // stable anchor: summary, flow, retention …
	Heading string
	Lead    bool
	Blocks  []Block
}

// Block is one piece of a section: a Paragraph, Note, Subheading,
// TableBlock or FigureBlock.
type Block interface{ block() }

// Paragraph is body text.
type Paragraph struct{ Text string }

// Note is small print: a footnote on suppressed cells, a source line.
type Note struct{ Text string }

// Subheading opens a part of a section (an h3 in the HTML).
type Subheading struct{ Text string }

// TableBlock is a table; its cells are typed and formatted by each output.
type TableBlock struct{ Table Table }

// FigureBlock is a drawn figure: its registry entry's name (the PNG's and
// the HTML anchor's), title, alt text, height on the page in mm, and the
// table that holds the numbers it draws: the next table of its section,
// or the first table of section DataIn.
type FigureBlock struct {
	Name, Title, Alt string
	Figure           Figure
	Height           float64
	DataIn           string
}

func (Paragraph) block()   {}
func (Note) block()        {}
func (Subheading) block()  {}
func (TableBlock) block()  {}
func (FigureBlock) block() {}

// Tables lists every table of the report in order: results.xlsx writes one
// sheet each.
func (c *Content) Tables() []Table {
	var out []Table
	for _, s := range c.Sections {
		for _, b := range s.Blocks {
			if tb, ok := b.(TableBlock); ok {
				out = append(out, tb.Table)
			}
		}
	}
	return out
}

// Figures lists every figure of the report in order.
func (c *Content) Figures() []FigureBlock {
	var out []FigureBlock
	for _, s := range c.Sections {
		for _, b := range s.Blocks {
			if f, ok := b.(FigureBlock); ok {
				out = append(out, f)
			}
		}
	}
	return out
}
