package reports

import (
	"fmt"
	"strings"
	"time"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/models/results"
)

// summaryPage is the page a funder can read alone: the findings in a few
// plain sentences, when people started and how long they were followed,
// one figure (the headline measures against their targets) and what the
// figures are – outcomes among participants, not effects. The tables and
// every interval method are on the pages after it.
func (d *doc) summaryPage() {
	t, r := d.t, d.r
	d.c.Sections = append(d.c.Sections, Section{ID: "summary", Heading: t.Summary, Lead: true})
	if d.allSuppressed() {
		d.para(d.flowSentence() + d.periodSentence())
		d.para(fmt.Sprintf(t.AllSuppressed, r.Disclosure.MinCell))
		return
	}
	for _, f := range d.findings() {
		d.para(f)
	}
	if e := d.effectFinding(); e != "" {
		d.para(e)
	}
	if p := d.periodSentence(); p != "" {
		d.para(strings.TrimSpace(p))
	}
	d.figureFrom("outcomes", "outcomes")
	d.small(d.termsNote())
	d.suppressionNote(anyHidden(r.Measures) || (r.Costs != nil && r.Costs.Suppressed))
}

// termsNote says what the figures are and explains each term page 1 uses.
func (d *doc) termsNote() string {
	t := d.t
	first := t.Msg("summaryPage.1")
	if d.r.Comparison != nil {
		first = t.Msg("summaryPage.comparison")
	}
	s := first + fmt.Sprintf(t.Msg("summaryPage.2"), t.Interval, t.LevelPct)
	for _, m := range d.r.Measures {
		if m.Target != nil && m.Target.PMet != nil {
			return s + " " + t.Msg("TermProbability")
		}
	}
	return s
}

// periodSentence: " De startede fra september 2017 til december 2020;
// data pr. 31. december 2021." (months: a first or last start is one
// person's date).
func (d *doc) periodSentence() string {
	c := d.r.Cohort
	first, err1 := time.Parse("2006-01-02", c.FirstEntry)
	last, err2 := time.Parse("2006-01", c.LastEntry)
	if err1 != nil || err2 != nil || d.r.Flow.Included < d.r.Disclosure.MinCell { // a few people's start months are theirs
		return ""
	}
	lang := d.t.Lang
	return fmt.Sprintf(d.t.Msg("periodSentence.1"),
		Month(lang, first), Month(lang, last), Date(lang, dataDate(d.r)))
}

// flowSentence: "195 startede; 148 gennemført, 47 afbrudt."
func (d *doc) flowSentence() string {
	t, f := d.t, d.r.Flow
	parts := []string{}
	for _, s := range f.Status {
		parts = append(parts, fmt.Sprintf("%s %s", d.count(s.Count), t.Status(s.Status)))
	}
	return fmt.Sprintf("%s %s: %s.", Int(t.Lang, f.Included), t.Started, strings.Join(parts, ", "))
}

func (d *doc) targetSentences() string {
	t := d.t
	var out []string
	for _, m := range d.r.Measures {
		g := m.Target
		if g == nil || g.Verdict == models.VerdictSuppressed {
			continue
		}
		s := fmt.Sprintf("%s (%s): %s", m.Label, d.targetText(g), d.verdict(g))
		if g.PMet != nil {
			s += fmt.Sprintf(", %s = %s", t.PMet, Decimal(t.Lang, *g.PMet, 2))
		}
		out = append(out, s+".")
	}
	return strings.Join(out, " ")
}

func (d *doc) costSentence(c *results.Costs) string {
	t := d.t
	if c.Suppressed || c.Gross == nil {
		return ".."
	}
	times := fmt.Sprintf("%s × %s × %s = %s", d.count(c.Count), DKK(t.Lang, c.MonthlyBenefitDKK),
		Decimal(t.Lang, c.Months, 0), DKK(t.Lang, *c.Gross))
	s := t.Msg("costSentence.1") + times + d.dkkInterval(c.GrossIntervals)
	if c.Deadweight > 0 && c.Net != nil {
		s += fmt.Sprintf("; %s %s (%s %s)%s", t.Msg("costSentence.2"), DKK(t.Lang, *c.Net),
			t.Msg("costSentence.3"), Percent(t.Lang, c.Deadweight, 0), d.dkkInterval(c.NetIntervals))
	}
	return s + "."
}

// dkkInterval: " (95 %-KI 13.845.018 kr.–18.978.564 kr.)", or "" without one.
func (d *doc) dkkInterval(ivs []results.Interval) string {
	if r := d.dkkRange(ivs); r != "" {
		return fmt.Sprintf(" (%s %s)", d.t.Interval, r)
	}
	return ""
}

// dkkRange is the first defined interval in kroner, "" when none is.
func (d *doc) dkkRange(ivs []results.Interval) string {
	for _, iv := range ivs {
		if iv.Low != nil && iv.High != nil {
			return DKK(d.t.Lang, *iv.Low) + "–" + DKK(d.t.Lang, *iv.High)
		}
	}
	return ""
}

// suppressionNote explains ".." on a page that shows one.
func (d *doc) suppressionNote(shown bool) {
	if shown && d.r.Disclosure.SuppressedCells > 0 {
		d.small(fmt.Sprintf(d.t.SuppressedNote, d.r.Disclosure.MinCell))
	}
}

func (d *doc) allSuppressed() bool { return allHidden(d.r) }

func anyHidden(ms []results.Measure) bool {
	for _, m := range ms {
		if m.Suppressed || m.Count == nil || m.Denominator == nil {
			return true
		}
	}
	return false
}

func anyPointHidden(pts []results.RetentionPoint) bool {
	for _, p := range pts {
		if p.NRisk == nil || (p.Surv == nil && p.Note == "") {
			return true
		}
	}
	return false
}
