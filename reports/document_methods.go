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
	d.uncertaintySection()
	d.retentionMethods()
	d.disclosureSection()
	d.dataSection()
}

// pick chooses the Danish or the English text.
func (d *doc) pick(dk, en string) string { return d.t.Pick(dk, en) }

func (d *doc) definitionsSection() {
	pick := d.pick
	d.subheading(pick("Definitioner", "Definitions"))
	d.table((definitionsTable(d.t, d.meta.Definitions)))
	if len(d.meta.Overrides) > 0 {
		d.para(pick("Ændret fra kommandolinjen: ", "Overridden on the command line: ") + strings.Join(d.meta.Overrides, "; "))
	}
}

func (d *doc) uncertaintySection() {
	t, b, pick := d.t, d.r.Bootstrap, d.pick
	d.subheading(pick("Usikkerhed", "Uncertainty"))
	strata := pick("uden strata", "without strata")
	if b.Strata != "" {
		strata = pick("inden for hver værdi af ", "within each value of ") + b.Strata
	}
	unit := pick("deltagere", "participants")
	if b.Cluster != "" {
		unit = fmt.Sprintf(pick("hele klynger (deltagerne med samme værdi af %s)", "whole clusters (the participants sharing a value of %s)"), b.Cluster)
	}
	d.para(fmt.Sprintf(pick(
		"Konfidensintervaller (%s) fra en bootstrap med %s gentagelser, frø %d: %s trukket med tilbagelægning %s. Fælles tilfældige tal: hvert stratum trækkes i hver gentagelse fra sin egen talstrøm, så et måls interval kun afhænger af målets egen definition og population, strata og klynger, antal gentagelser, niveau og frø – et andet mål eller en følsomhedsvariant ændrer det ikke. Metoder: %s. BCa følger R boot (z0 fra andelen af gentagelser strengt under estimatet; acceleration fra eksakte influensværdier); percentil-intervallet bruger R boots ordensstatistik (B+1)α. Wilson- og Clopper-Pearson-intervaller er eksakte formler. P(nået) er andelen af gentagelser, hvor målet er nået; vurderingen er »nået«, når hele intervallet ligger på den rigtige side af målet, »ikke nået«, når intet af det gør, ellers »usikkert«.",
		"Confidence intervals (%s) from a bootstrap of %s replicates, seed %d: %s drawn with replacement %s. Common random numbers: each stratum of each replicate is drawn from its own random stream, so a measure's interval depends only on its own definition and population, the strata and clusters, the number of replicates, the level and the seed – another measure or a sensitivity variant does not change it. Methods: %s. BCa follows R boot (z0 from the share of replicates strictly below the estimate; acceleration from exact influence values); the percentile interval uses R boot's order statistic (B+1)α. Wilson and Clopper-Pearson intervals are exact formulas. P(met) is the share of replicates meeting the target; the verdict is 'met' when the whole interval is on the right side of the target, 'not met' when none of it is, else 'uncertain'."),
		t.LevelPct, Int(t.Lang, b.Replicates), b.Seed, unit, strata, strings.Join(append(append([]string(nil), b.Methods...), "wilson", "clopper-pearson"), ", ")))
	if b.Cluster != "" {
		d.clusterParagraphs()
	}
}

// clusterParagraphs: the number of clusters per stratum, each measure's
// design effect, and a warning where the clusters are few.
func (d *doc) clusterParagraphs() {
	t, b, pick := d.t, d.r.Bootstrap, d.pick
	var counts, few []string
	for _, c := range b.Clusters {
		name := c.Stratum
		if name == "" {
			name = pick("i alt", "in all")
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
	d.para(fmt.Sprintf(pick(
		"Antal klynger (%s): %s. Designeffekt – variansen ved træk af hele klynger delt med variansen ved træk af enkeltpersoner (lineariseret, samme strata) – for hvert mål: %s. En designeffekt over 1 betyder, at deltagerne i en klynge ligner hinanden, så intervallerne er bredere, end hvis personer blev trukket enkeltvis.",
		"Number of clusters (%s): %s. Design effect – the variance when whole clusters are drawn divided by the variance when people are drawn one by one (linearised, same strata) – for each measure: %s. A design effect above 1 means that participants in a cluster resemble each other, so the intervals are wider than if people were drawn one by one."),
		b.Cluster, strings.Join(counts, "; "), strings.Join(deffs, "; ")))
	if len(few) == 0 {
		return
	}
	where := fmt.Sprintf(pick("færre end %d klynger i %s", "fewer than %d clusters in %s"), results.FewClusters, strings.Join(few, ", "))
	if len(b.Clusters) == 1 && b.Clusters[0].Stratum == "" {
		where = fmt.Sprintf(pick("kun %s klynger (færre end %d)", "only %s clusters (fewer than %d)"), Int(t.Lang, b.Clusters[0].Clusters), results.FewClusters)
	}
	d.para(pick("Advarsel: ", "Warning: ") + where + pick(
		". Med så få klynger undervurderer bootstrap usikkerheden, så intervallerne er for smalle; læs dem som en nedre grænse.",
		". With so few clusters the bootstrap understates the uncertainty, so the intervals are too narrow; read them as a lower bound."))
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
	r, pick := d.r, d.pick
	d.subheading(pick("Diskretion", "Disclosure control"))
	if r.Disclosure.MinCell == 0 {
		d.para(pick("Diskretionsreglen er slået fra (min_cell: 0): rapporten må ikke offentliggøres.",
			"Disclosure control is off (min_cell: 0): the report must not be published."))
	} else {
		d.para(d.disclosureRule())
		if r.Retention != nil && len(r.Retention.States) > 0 {
			d.para(fmt.Sprintf(d.t.states().Coarsened, r.Disclosure.MinCell, r.Disclosure.MinCell))
		} else if r.Retention != nil {
			d.para(fmt.Sprintf(pick("Kurverne over tid tager kun et trin, når mindst %d er gået ud siden sidste trin, og stopper, hvor færre end %d stadig er i forløb.",
				"Curves over time only step once at least %d people have left since the last step, and stop where fewer than %d are still in the programme."),
				r.Disclosure.MinCell, r.Disclosure.MinCell))
		}
	}
}

// disclosureRule states the rule exactly as pipeline.Disclose applies it.
func (d *doc) disclosureRule() string {
	r, pick := d.r, d.pick
	m := r.Disclosure.MinCell
	zeros := pick("Nuller vises: de afslører ingen person, og et skjult tal er derfor mindst 1.",
		"Zeros are shown: they reveal no person, so a hidden figure is at least 1.")
	if r.Disclosure.Zeros == "suppress" {
		zeros = pick("Nuller skjules som små tal (disclosure.zeros: suppress), så »alle« og »ingen« i en lille gruppe ikke kan læses.",
			"Zeros are hidden like small counts (disclosure.zeros: suppress), so 'all' and 'none' of a small group cannot be read.")
	}
	return fmt.Sprintf(pick(
		"Intet offentliggjort tal må vise eller lade udlede et antal på 1–%d personer. Alle tal i rapporten og i results.json/.xlsx – forløb, mål, steder, udgange, risikotabeller, besparelse og følsomhedsanalyser – kontrolleres samlet som mængder af personer: et antal på 1–%d vises som »..« (primær diskretion). Derefter skjules, så længe et lille antal kan udledes – ved at trække et tal fra et andet, der omfatter det (tælleren fra nævneren, en del fra sin total, to tidspunkter i en risikotabel, hovedresultatet fra en følsomhedsanalyse) eller gennem en kæde af sådanne summer – det tal, udledningen hviler på, som koster læseren mindst: først følsomhedsanalyser, så risikotabeller, tal pr. sted og udgange, sidst hovedtallene (sekundær diskretion). Er nævneren skjult, skjules andelen også. %s Antal med, rækker læst og udeladte rækker vises altid. Skjulte tal: %d forskellige (%d primært, %d sekundært), %d steder i rapporten.",
		"No published figure may show or let anyone derive a count of 1–%d people. Every figure in the report and in results.json/.xlsx – flow, measures, sites, exits, risk tables, saving and sensitivity analyses – is checked together as sets of people: a count of 1–%d is shown as '..' (primary suppression). Then, as long as a small count can be derived – by subtracting a figure from one that contains it (the numerator from the denominator, a part from its total, two times of a risk table, the main result from a sensitivity analysis) or through a chain of such sums – the figure the derivation rests on that costs the reader least is hidden: sensitivity analyses first, then risk tables, figures by site and exits, the headline figures last (secondary suppression). When a denominator is hidden, its share is hidden too. %s The number included, rows read and excluded rows are always shown. Hidden: %d distinct figures (%d primary, %d secondary), in %d places of the report."),
		m-1, m-1, zeros, r.Disclosure.Primary+r.Disclosure.Secondary, r.Disclosure.Primary, r.Disclosure.Secondary,
		r.Disclosure.SuppressedCells)
}

func (d *doc) dataSection() {
	t, r, pick := d.t, d.r, d.pick
	d.subheading(pick("Data", "Data"))
	excl := []string{}
	for _, e := range r.Flow.Excluded {
		if e.Count > 0 {
			excl = append(excl, fmt.Sprintf("%s: %s", t.ReasonText(e.Reason), Int(t.Lang, e.Count)))
		}
	}
	if len(excl) == 0 {
		excl = append(excl, pick("ingen", "none"))
	}
	d.para(fmt.Sprintf(pick("%s rækker læst, %s med. Udeladt: %s.", "%s rows read, %s included. Excluded: %s."),
		Int(t.Lang, r.Flow.RowsRead), Int(t.Lang, r.Flow.Included), strings.Join(excl, "; ")))
	for _, n := range r.Flow.Notices {
		d.para(t.NoticeText(n))
	}
	if miss := d.missingText(); miss != "" {
		d.para(pick("Manglende værdier (tælles ikke med i målet): ", "Missing values (not counted in the measure): ") + miss + ".")
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
		return d.pick("Datafilen er ikke UTF-8 og er læst som Windows-1252 (tegnsættet i dansk Excels »CSV (semikolonsepareret)«).",
			"The data file is not UTF-8 and was read as Windows-1252 (the character set of Excel's \"CSV\" in Western Europe).")
	case "utf-16":
		return d.pick("Datafilen er læst som UTF-16 (Excels »Unicode-tekst«).", "The data file was read as UTF-16 (Excel's \"Unicode Text\").")
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
