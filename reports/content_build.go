package reports

import (
	"fmt"
	"strings"
	"time"

	"github.com/danish-eval/evaluate/models/results"
)

// doc writes a report's Content: the sections in order, each from one
// function (summaryPage, flowPage …), with the building blocks below.
type doc struct {
	r    *results.Results
	t    *Text
	meta results.Meta
	figs Figures
	c    Content
}

// BuildContent builds the report once from the (disclosed) results, the
// run's metadata and the figures; every output renders what it returns.
func BuildContent(r *results.Results, meta results.Meta, figs Figures) *Content {
	d := newDoc(r, meta, figs)
	d.summaryPage()
	d.flowPage()
	d.peoplePage()
	d.intakePage()
	d.retentionPage()
	d.outcomesPage()
	d.horizonsPage()
	d.strataPage()
	d.moreStrataPages()
	d.exitsPage()
	d.costsPage()
	d.comparisonPage()
	d.sensitivityPage()
	d.methodsPage()
	return &d.c
}

func newDoc(r *results.Results, meta results.Meta, figs Figures) *doc {
	t := textOf(r)
	return &doc{r: r, t: t, meta: meta, figs: figs, c: Content{Lang: t.Lang, Level: t.Level, Title: r.Cohort.Title,
		Date: dataDate(r), Stamp: t.DataAsOf + " " + Date(t.Lang, dataDate(r)), Version: meta.Version,
		Draft: draftMark(t, r.Disclosure.MinCell), Hidden: hiddenText(t, r.Disclosure.MinCell)}}
}

// hiddenText explains ".." in a sentence: the footnote without its "..: ".
func hiddenText(t *Text, minCell int) string {
	s := strings.TrimPrefix(fmt.Sprintf(t.SuppressedNote, minCell), suppressedMark+": ")
	return capitalize(s)
}

// draftMark marks a report whose small cells are not suppressed.
func draftMark(t *Text, minCell int) string {
	if minCell == 0 {
		return t.NotForPublication
	}
	return ""
}

// newPage opens a section: a new page in the PDF under its heading.
func (d *doc) newPage(id, heading string) {
	d.c.Sections = append(d.c.Sections, Section{ID: id, Heading: heading})
}

func (d *doc) add(b Block) {
	s := &d.c.Sections[len(d.c.Sections)-1]
	s.Blocks = append(s.Blocks, b)
}

func (d *doc) para(s string)       { d.add(Paragraph{Text: s}) }
func (d *doc) small(s string)      { d.add(Note{Text: s}) }
func (d *doc) subheading(s string) { d.add(Subheading{Text: s}) }

// table adds a table (a figure just before it draws its numbers).
func (d *doc) table(tb Table) { d.add(TableBlock{Table: tb}) }

// figure places the registered figure name, when it applies; the table
// that follows it holds its numbers.
func (d *doc) figure(name string) {
	d.figureFrom(name, "")
}

// figureFrom places a figure whose numbers are in the first table of
// section dataIn ("" for the table that follows it).
func (d *doc) figureFrom(name, dataIn string) {
	spec, ok := figureByName(name)
	f := d.figs[name]
	if !ok || f == nil {
		return
	}
	alt := spec.Alt(d.r, d.t) + " " + d.t.Msg("DataBelow")
	if dataIn != "" {
		alt = spec.Alt(d.r, d.t) + " " + fmt.Sprintf(d.t.Msg("DataIn"), d.sectionHeading(dataIn))
	}
	d.add(FigureBlock{Name: name, Title: spec.Title(d.t), Alt: alt, Figure: f, Height: spec.Height, DataIn: dataIn})
}

// sectionHeading is the heading of section id (its figures name it before
// it is written).
func (d *doc) sectionHeading(id string) string {
	return map[string]string{"outcomes": d.t.Outcomes, "flow": d.t.Flow, "retention": d.t.Retention}[id]
}

// dataDate is the date of the data, or 1 January 2000 when unknown.
func dataDate(r *results.Results) time.Time {
	t, err := time.Parse("2006-01-02", r.Cohort.DataDate)
	if err != nil {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}
