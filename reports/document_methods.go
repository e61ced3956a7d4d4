package reports

import (
	"fmt"
	"strings"

	"github.com/danish-eval/evaluate/models/results"
)

// methodsPage says what was computed and from what, so the report can be
// checked and reproduced.
func (d *doc) methodsPage() {
	d.newPage("methods", d.t.Methods)
	d.definitionsSection()
	d.variantRulesSection()
	d.intervalsSection()
	d.uncertaintySection()
	d.retentionMethods()
	d.disclosureSection()
	d.dataSection()
}

func (d *doc) definitionsSection() {
	d.subheading(d.t.Msg("definitionsSection.1"))
	d.table((definitionsTable(d.t, d.meta.Definitions)))
	if len(d.meta.Overrides) > 0 {
		d.para(d.t.Msg("definitionsSection.2") + strings.Join(d.meta.Overrides, "; "))
	}
}

func (d *doc) uncertaintySection() {
	t, b := d.t, d.r.Bootstrap
	d.subheading(d.t.Msg("uncertaintySection.1"))
	strata := d.t.Msg("uncertaintySection.2")
	if b.Strata != "" {
		strata = d.t.Msg("uncertaintySection.3") + b.Strata
	}
	unit := d.t.Msg("uncertaintySection.4")
	if b.Cluster != "" {
		unit = fmt.Sprintf(d.t.Msg("uncertaintySection.5"), b.Cluster)
	}
	d.para(fmt.Sprintf(d.t.Msg("uncertaintySection.6"),
		t.LevelPct, Int(t.Lang, b.Replicates), b.Seed, unit, strata, strings.Join(append(append([]string(nil), b.Methods...), "wilson", "clopper-pearson"), ", ")))
	if len(d.r.ByStrata) > 0 {
		var names []string
		for _, f := range d.r.ByStrata {
			names = append(names, t.FieldName(f.Field))
		}
		d.para(fmt.Sprintf(t.Msg("uncertaintySection.fields"), strings.Join(names, ", ")))
	}
	if b.Cluster != "" {
		d.clusterParagraphs()
	}
}

// clusterParagraphs: the number of clusters per stratum, each measure's
// design effect, and a warning where the clusters are few.
func (d *doc) clusterParagraphs() {
	t, b := d.t, d.r.Bootstrap
	var counts, few []string
	for _, c := range b.Clusters {
		name := c.Stratum
		if name == "" {
			name = d.t.Msg("clusterParagraphs.1")
		}
		counts = append(counts, fmt.Sprintf("%s %s", name, Int(t.Lang, c.Clusters)))
		if c.Clusters < results.FewClusters {
			few = append(few, fmt.Sprintf("%s (%s)", name, Int(t.Lang, c.Clusters)))
		}
	}
	var deffs []string
	for _, e := range b.DesignEffects {
		v := suppressedMark
		if e.Deff != nil {
			v = Decimal(t.Lang, *e.Deff, 2)
		}
		deffs = append(deffs, d.measureLabel(e.Measure)+" "+v)
	}
	d.para(fmt.Sprintf(d.t.Msg("clusterParagraphs.2"),
		b.Cluster, strings.Join(counts, "; "), strings.Join(deffs, "; ")))
	if len(few) == 0 {
		return
	}
	where := fmt.Sprintf(d.t.Msg("clusterParagraphs.3"), results.FewClusters, strings.Join(few, ", "))
	if len(b.Clusters) == 1 && b.Clusters[0].Stratum == "" {
		where = fmt.Sprintf(d.t.Msg("clusterParagraphs.4"), Int(t.Lang, b.Clusters[0].Clusters), results.FewClusters)
	}
	d.para(d.t.Msg("clusterParagraphs.5") + where + d.t.Msg("clusterParagraphs.6"))
}

// measureLabel returns a measure's label by id (the id when not found).
func (d *doc) measureLabel(id string) string {
	for _, m := range d.r.Measures {
		if m.ID == id {
			return m.Label
		}
	}
	return id
}

func (d *doc) disclosureSection() {
	r := d.r
	d.subheading(d.t.Msg("disclosureSection.1"))
	if r.Disclosure.MinCell == 0 {
		d.para(d.t.Msg("disclosureSection.2"))
	} else {
		d.para(d.disclosureRule())
		if h := r.Disclosure.Comparison; h != nil {
			d.para(fmt.Sprintf(d.t.Msg("disclosureComparison"), r.Disclosure.MinCell-1, h.SuppressedCells))
		}
		if r.Retention != nil && len(r.Retention.States) > 0 {
			d.para(fmt.Sprintf(d.t.states().Coarsened, r.Disclosure.MinCell, r.Disclosure.MinCell))
		} else if r.Retention != nil {
			d.para(fmt.Sprintf(d.t.Msg("disclosureSection.3"),
				r.Disclosure.MinCell, r.Disclosure.MinCell))
		}
	}
}

// disclosureRule states the rule exactly as pipeline.Disclose applies it.
func (d *doc) disclosureRule() string {
	r := d.r
	m := r.Disclosure.MinCell
	zeros := d.t.Msg("disclosureRule.1")
	if r.Disclosure.Zeros == "suppress" {
		zeros = d.t.Msg("disclosureRule.2")
	}
	return fmt.Sprintf(d.t.Msg("disclosureRule.3"),
		m-1, m-1, zeros, r.Disclosure.Primary+r.Disclosure.Secondary, r.Disclosure.Primary, r.Disclosure.Secondary,
		r.Disclosure.SuppressedCells)
}

func (d *doc) dataSection() {
	t, r := d.t, d.r
	d.subheading(d.t.Msg("dataSection.1"))
	excl := []string{}
	for _, e := range r.Flow.Excluded {
		if e.Count > 0 {
			excl = append(excl, fmt.Sprintf("%s: %s", t.ReasonText(e.Reason), Int(t.Lang, e.Count)))
		}
	}
	if len(excl) == 0 {
		excl = append(excl, d.t.Msg("dataSection.2"))
	}
	d.para(fmt.Sprintf(d.t.Msg("dataSection.3"),
		Int(t.Lang, r.Flow.RowsRead), Int(t.Lang, r.Flow.Included), strings.Join(excl, "; ")))
	for _, n := range r.Flow.Notices {
		d.para(t.NoticeText(n))
	}
	if miss := d.missingText(); miss != "" {
		d.para(d.t.Msg("dataSection.4") + miss + ".")
	}
	if enc := d.encodingText(); enc != "" {
		d.para(enc)
	}
	d.small(fmt.Sprintf("evaluate %s · %s SHA-256 %s · %s SHA-256 %s", d.meta.Version,
		d.meta.ConfigFile, d.meta.ConfigSHA256, d.meta.InputFile, d.meta.InputSHA256))
}

// encodingText states a CSV's character set when it was not UTF-8, the
// one that needs no saying: a reader checking æ ø å knows how they were read.
func (d *doc) encodingText() string {
	switch d.meta.InputEncoding {
	case "windows-1252":
		return d.t.Msg("encodingText.1")
	case "utf-16":
		return d.t.Msg("encodingText.2")
	}
	return ""
}

// missingText lists the measures whose count rule was undecided for some
// people ("Ordinær beskæftigelse: 3"); ".." where that number is small.
func (d *doc) missingText() string {
	var parts []string
	for _, m := range d.r.Measures {
		if m.Missing == nil {
			parts = append(parts, m.Label+": "+suppressedMark)
		} else if *m.Missing > 0 {
			parts = append(parts, m.Label+": "+Int(d.t.Lang, *m.Missing))
		}
	}
	return strings.Join(parts, "; ")
}

// intervalsSection lists every interval method of every measure.
func (d *doc) intervalsSection() {
	if d.allSuppressed() {
		return
	}
	d.subheading(d.t.Msg("AllIntervals"))
	d.table(intervalsTable(d.t, d.r.Measures))
}

// variantRulesSection lists each sensitivity variant's changes as written.
func (d *doc) variantRulesSection() {
	if len(d.r.Sensitivity) == 0 {
		return
	}
	d.subheading(d.t.Sensitivity)
	for _, v := range d.r.Sensitivity {
		d.small(v.Name + ": " + strings.Join(v.Set, "; "))
	}
}
