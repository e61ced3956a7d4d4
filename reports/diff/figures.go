package diff

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/danish-eval/evaluate/models/results"
)

// Figure is one published figure of a results.json, addressed by section,
// item and name so that the same figure can be found on the other side.
type Figure struct {
	Section, Item, Name string
	Value               Value
	// SE is the Monte-Carlo standard error of Value (0: exact, no
	// resampling behind it), and Step the grid a resampled figure lives on
	// (1/n for a share of n people; see mcerror.go).
	SE, Step float64
}

// Value is a number, or a text; a null number carries its mark in Text
// ("..": suppressed).
type Value struct {
	Num  *float64
	Text string
}

// Same reports whether two values are identical (bit for bit: an
// untouched figure is byte-identical between runs with the same seed).
func (v Value) Same(w Value) bool {
	if (v.Num == nil) != (w.Num == nil) {
		return false
	}
	if v.Num != nil {
		return *v.Num == *w.Num
	}
	return v.Text == w.Text
}

// Suppressed is the mark of a figure hidden by disclosure control.
const Suppressed = ".."

// figures lists every figure of r in the order results.json has them.
type figures struct {
	list []Figure
	reps int // bootstrap replicates behind the intervals
}

func (f *figures) add(sec, item, name string, v Value, se float64) {
	f.list = append(f.list, Figure{Section: sec, Item: item, Name: name, Value: v, SE: se})
}

// addMC adds a resampled figure: its Monte-Carlo SE and grid step.
func (f *figures) addMC(sec, item, name string, v Value, se, step float64) {
	f.list = append(f.list, Figure{Section: sec, Item: item, Name: name, Value: v, SE: se, Step: step})
}

func num(x float64) Value { return Value{Num: &x} }

func intv(n int) Value { return num(float64(n)) }

func numOr(p *float64, mark string) Value {
	if p == nil {
		return Value{Text: mark}
	}
	return num(*p)
}

func intOr(p *int, mark string) Value {
	if p == nil {
		return Value{Text: mark}
	}
	return intv(*p)
}

func text(s string) Value { return Value{Text: s} }

// Flatten lists the figures of one results.json.
func Flatten(r *results.Results) []Figure {
	f := &figures{reps: r.Bootstrap.Replicates}
	c := r.Cohort
	f.add("cohort", "", "id", text(c.ID), 0)
	f.add("cohort", "", "title", text(c.Title), 0)
	f.add("cohort", "", "language", text(c.Language), 0)
	f.add("cohort", "", "first entry", text(c.FirstEntry), 0)
	f.add("cohort", "", "date of data", text(c.DataDate), 0)
	f.flow(r.Flow)
	for _, m := range r.Measures {
		f.measure("measures", m)
	}
	for _, s := range r.ByStratum {
		sec := "stratum " + s.Stratum
		f.add(sec, "", "n", intOr(s.N, Suppressed), 0)
		for _, m := range s.Measures {
			f.measure(sec, m)
		}
	}
	f.retention(r.Retention)
	f.byStrata(r)
	f.exits(r.Exits)
	f.costs(r.Costs)
	for _, v := range r.Sensitivity {
		sec := "sensitivity " + strconv.Quote(v.Name)
		f.add(sec, "", "definition", text(Words(v.Set)), 0)
		for _, m := range v.Measures {
			f.measure(sec, m)
		}
	}
	f.settings(r.Bootstrap, r.Disclosure)
	return f.list
}

func (f *figures) flow(fl results.Flow) {
	f.add("flow", "rows read", "count", intv(fl.RowsRead), 0)
	for _, e := range fl.Excluded {
		f.add("flow", "excluded: "+string(e.Reason), "count", intv(e.Count), 0)
	}
	f.add("flow", "included", "count", intv(fl.Included), 0)
	for _, s := range fl.Status {
		f.add("flow", "status "+s.Status, "count", intOr(s.Count, Suppressed), 0)
	}
	f.add("flow", "duplicate ids", "rule", text(fl.Duplicates), 0)
	for _, n := range fl.Notices {
		item := strings.TrimSpace(strings.Join([]string{"notice", n.Kind, n.Field, n.Header, n.Rule, n.Date}, " "))
		f.add("flow", strings.Join(strings.Fields(item), " "), "rows", intv(n.Count), 0)
	}
}

// measure adds a share with its intervals and target; a suppressed one
// publishes only what it is a share of.
func (f *figures) measure(sec string, m results.Measure) {
	f.add(sec, m.ID, "label", text(m.Label), 0)
	f.add(sec, m.ID, "among", text(m.Among), 0)
	f.add(sec, m.ID, "denominator", intOr(m.Denominator, Suppressed), 0)
	f.add(sec, m.ID, "count", intOr(m.Count, Suppressed), 0)
	f.add(sec, m.ID, "estimate", numOr(m.Estimate, Suppressed), 0)
	if m.Missing != nil {
		f.add(sec, m.ID, "missing", intv(*m.Missing), 0)
	}
	step := 0.0
	if m.Denominator != nil && *m.Denominator > 0 {
		step = 1 / float64(*m.Denominator)
	}
	f.intervals(sec, m.ID, "", m.Intervals, step)
	if t := m.Target; t != nil {
		f.add(sec, m.ID, "target", text(targetText(t)), 0)
		f.add(sec, m.ID, "target verdict", text(string(t.Verdict)), 0)
		f.add(sec, m.ID, "P(target met)", numOr(t.PMet, Suppressed), pMetSE(t.PMet, f.reps))
		f.addMC(sec, m.ID, "target bound", numOr(t.Bound, Suppressed), oneSidedSE(results.Headline(m.Intervals), f.reps), step)
	}
}

func targetText(t *results.Target) string {
	var s []string
	if t.AtLeast != nil {
		s = append(s, "at least "+strconv.FormatFloat(*t.AtLeast, 'g', -1, 64))
	}
	if t.AtMost != nil {
		s = append(s, "at most "+strconv.FormatFloat(*t.AtMost, 'g', -1, 64))
	}
	return strings.Join(s, ", ")
}

// intervals adds each interval's bounds, named by method (and prefix);
// an interval that could not be computed shows its note. Step is the grid
// of the resampled figure.
func (f *figures) intervals(sec, item, prefix string, ivs []results.Interval, step float64) {
	for _, iv := range ivs {
		mark := Suppressed
		if iv.Note != "" && (iv.Low == nil || iv.High == nil) {
			mark = "not computed"
		}
		se := boundSE(iv, f.reps)
		name := prefix + iv.Method
		if se == 0 {
			step = 0 // an exact interval: every change is real
		}
		f.addMC(sec, item, name+" low", numOr(iv.Low, mark), se, step)
		f.addMC(sec, item, name+" high", numOr(iv.High, mark), se, step)
	}
}

func (f *figures) settings(b results.BootstrapInfo, d results.DisclosureInfo) {
	f.add("bootstrap", "", "replicates", intv(b.Replicates), 0)
	f.add("bootstrap", "", "seed", text(strconv.FormatUint(b.Seed, 10)), 0)
	f.add("bootstrap", "", "level", num(b.Level), 0)
	f.add("bootstrap", "", "methods", text(strings.Join(b.Methods, ", ")), 0)
	f.add("bootstrap", "", "strata", text(b.Strata), 0)
	f.add("bootstrap", "", "cluster", text(b.Cluster), 0)
	for _, c := range b.Clusters {
		f.add("bootstrap", "clusters "+c.Stratum, "count", intv(c.Clusters), 0)
	}
	for _, e := range b.DesignEffects {
		f.add("bootstrap", e.Measure, "design effect", numOr(e.Deff, Suppressed), deffSE(e.Deff, b.Replicates))
	}
	f.add("disclosure", "", "min cell", intv(d.MinCell), 0)
	f.add("disclosure", "", "zeros", text(d.Zeros), 0)
	f.add("disclosure", "", "suppressed cells", intv(d.SuppressedCells), 0)
	f.add("disclosure", "", "primary", intv(d.Primary), 0)
	f.add("disclosure", "", "secondary", intv(d.Secondary), 0)
}

// tLabel names a time point ("t = 26 weeks").
func tLabel(t float64, unit string) string {
	return fmt.Sprintf("t = %s %s", strconv.FormatFloat(t, 'g', -1, 64), unit)
}
