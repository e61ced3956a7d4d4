package reports

import (
	"fmt"
	"strings"

	"github.com/danish-eval/evaluate/models/results"
)

func (d *doc) flowPage() {
	t, f := d.t, d.r.Flow
	d.newPage("flow", t.Flow)
	d.figure("flow")
	d.table((flowTable(t, f)))
	d.suppressionNote(len(f.Suppressed) > 0)
	d.para(d.duplicatesText())
	for _, n := range f.Notices {
		d.para(t.NoticeText(n))
	}
}

// duplicatesText states the rule for an id on several rows.
func (d *doc) duplicatesText() string {
	switch d.r.Flow.Duplicates {
	case "first", "last":
		which := d.t.Msg("duplicatesText.1")
		if d.r.Flow.Duplicates == "last" {
			which = d.t.Msg("duplicatesText.2")
		}
		return fmt.Sprintf(d.t.Msg("duplicatesText.3"), which)
	}
	return d.t.Msg("duplicatesText.4")
}

func (d *doc) retentionPage() {
	ret := d.r.Retention
	if ret == nil {
		return
	}
	t := d.t
	d.newPage("retention", t.Retention)
	if len(ret.States) > 0 {
		d.statesSection(ret)
		return
	}
	d.para(d.retentionIntro(ret))
	if !d.allSuppressed() {
		d.figure("retention")
	}
	d.table(retentionTable(t, ret, d.r.Flow.Included))
	d.para(d.medianText(ret.Median))
	d.suppressionNote(d.retentionHidden(ret))
}

func (d *doc) retentionIntro(ret *results.Retention) string {
	return fmt.Sprintf(d.t.states().KMIntro, d.t.Status(ret.Event), d.t.LevelPct)
}

func (d *doc) medianText(m *results.Median) string {
	return d.medianOf(d.t.Median, m)
}

// medianOf is the median sentence with its subject ("Median tid i forløb").
func (d *doc) medianOf(subject string, m *results.Median) string {
	t := d.t
	if m == nil || m.Estimate == nil {
		return fmt.Sprintf("%s: %s (%s).", subject, t.NotReached, t.Msg("medianOf.1"))
	}
	s := fmt.Sprintf("%s: %s %s", subject, Decimal(t.Lang, *m.Estimate, 1), t.Weeks)
	lo, hi := t.NotReached, t.NotReached
	if m.Low != nil {
		lo = Decimal(t.Lang, *m.Low, 1)
	}
	if m.High != nil {
		hi = Decimal(t.Lang, *m.High, 1)
	}
	return s + fmt.Sprintf(" (%s %s–%s).", t.Interval, lo, hi)
}

// outcomesPage tabulates the measures: count of base, share, headline
// interval, target and verdict (every interval method is in the appendix).
func (d *doc) outcomesPage() {
	if d.allSuppressed() {
		return
	}
	t := d.t
	d.newPage("outcomes", t.Outcomes)
	d.table(measuresTable(t, t.Outcomes, d.r.Measures))
	if s := d.targetSentences(); s != "" {
		d.subheading(t.Target)
		d.para(s)
	}
	d.suppressionNote(anyHidden(d.r.Measures))
}

func (d *doc) strataPage() { d.strataSection("strata", "sites") }

// strataSection is the section of the results by one strata field (the
// first, or a further one in a view of the results): its forest plot and
// table. It reports whether there was one.
func (d *doc) strataSection(id, figure string) bool {
	if len(d.r.ByStratum) == 0 || d.allSuppressed() {
		return false
	}
	t := d.t
	d.newPage(id, t.ByStratum)
	d.figure(figure)
	d.table((strataTable(t, d.r)))
	d.suppressionNote(d.strataHidden())
	return true
}

func (d *doc) exitsPage() {
	e, ret := d.r.Exits, d.r.Retention
	competing := ret != nil && len(ret.Incidence) > 0
	if (e == nil && !competing) || d.allSuppressed() {
		return
	}
	t := d.t
	d.newPage("exits", t.Exits)
	if e == nil {
		d.para(t.IncidenceIntro)
		d.figure("exits")
		d.incidenceTable(ret.Incidence)
		return
	}
	d.para(fmt.Sprintf("%s %s (%s = %s).", t.Msg("exitsPage.1"),
		t.Among+" "+t.Population(e.Among), t.N, d.count(e.Denominator)))
	d.figure("exits")
	d.table((measuresTable(t, t.Exits, e.Categories)))
	d.suppressionNote(anyHidden(e.Categories))
}

// incidenceTable draws the cumulative incidence table and its note.
func (d *doc) incidenceTable(inc []results.Incidence) {
	d.table(incidenceTable(d.t, inc, d.r.Flow.Included))
	hidden := false
	for _, c := range inc {
		for _, p := range c.Points {
			hidden = hidden || p.Surv == nil
		}
	}
	d.suppressionNote(hidden)
}

func (d *doc) costsPage() {
	c := d.r.Costs
	if c == nil {
		return
	}
	t := d.t
	d.newPage("costs", t.Costs)
	d.para(t.CostsIntro)
	d.table((costsTable(t, c)))
	d.para(d.costSentence(c))
	d.suppressionNote(c.Suppressed)
}

func (d *doc) sensitivityPage() {
	if len(d.r.Sensitivity) == 0 || d.allSuppressed() {
		return
	}
	t := d.t
	d.newPage("sensitivity", t.Sensitivity)
	d.para(t.SensitivityIntro)
	d.figure("sensitivity")
	d.table((sensitivityTable(t, d.r)))
	d.small(t.Msg("SensitivityRulesInAppendix"))
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func (d *doc) retentionHidden(ret *results.Retention) bool {
	hidden := anyPointHidden(ret.Points)
	for _, s := range ret.ByStratum {
		hidden = hidden || anyPointHidden(s.Points)
	}
	return hidden
}

func (d *doc) strataHidden() bool {
	for _, s := range d.r.ByStratum {
		if s.N == nil || anyHidden(s.Measures) {
			return true
		}
	}
	return false
}
