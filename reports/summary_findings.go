package reports

import (
	"fmt"
	"strings"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/models/results"
)

// maxFindings is how many sentences page 1 opens with: a funder reads two
// to four.
const maxFindings = 4

// findings are page 1's sentences, most important first: how many started
// and how they ended, the measures by population, the targets, the saving.
func (d *doc) findings() []string {
	out := []string{d.flowFinding()}
	groups := d.measureFindings()
	if len(groups) > 0 {
		out = append(out, groups[0])
		groups = groups[1:]
	}
	if s := d.targetFinding(); s != "" {
		out = append(out, s)
	}
	if c := d.r.Costs; c != nil {
		out = append(out, d.costSentence(c))
	}
	out = append(out, groups...)
	return out[:min(len(out), maxFindings)]
}

// flowFinding: "Af de 195, der startede, er 148 (76 %) gennemført, 47 (24 %)
// afbrudt og 0 igangværende."
func (d *doc) flowFinding() string {
	t, f := d.t, d.r.Flow
	var parts []string
	for _, s := range f.Status {
		if s.Count != nil && *s.Count == 0 {
			continue // "0 igangværende" says nothing a funder needs
		}
		count := d.count(s.Count)
		if s.Count != nil && f.Included > 0 {
			count += " (" + Percent(t.Lang, float64(*s.Count)/float64(f.Included), 0) + ")"
		}
		parts = append(parts, count+" "+t.Status(s.Status))
	}
	return fmt.Sprintf(t.Msg("FindingFlow"), Int(t.Lang, f.Included), t.list(parts))
}

// list joins "a, b og c".
func (t *Text) list(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + t.Msg("retentionMethods.1") + parts[len(parts)-1]
}

// measureFindings: one sentence per population, its measures with whole
// percentages: "Blandt dem, der gennemførte (148): Lønnede timer og/eller
// uddannelse 35 % (95 %-KI 28–43 %); …". A measure that only restates a
// status share of all who started is left to the flow sentence.
func (d *doc) measureFindings() []string {
	var order []string
	by := map[string][]string{}
	base := map[string]*int{}
	for _, m := range d.r.Measures {
		if d.restatesFlow(m) {
			continue
		}
		if _, ok := by[m.Among]; !ok {
			order = append(order, m.Among)
			base[m.Among] = m.Denominator
		}
		by[m.Among] = append(by[m.Among], d.measurePhrase(m, len(by[m.Among]) == 0))
	}
	var out []string
	for _, among := range order {
		who := capitalize(d.t.Among + " " + d.t.Population(among))
		out = append(out, fmt.Sprintf(d.t.Msg("FindingMeasures"), who, d.count(base[among]), strings.Join(by[among], "; ")))
	}
	return out
}

// measurePhrase: "Ordinær uddannelse 16 % (95 %-KI 11–23 %)", or "..";
// the interval is named only in the first phrase of a sentence.
func (d *doc) measurePhrase(m results.Measure, first bool) string {
	t := d.t
	if m.Suppressed || m.Estimate == nil {
		return m.Label + " " + suppressedMark
	}
	s := m.Label + " " + Percent(t.Lang, *m.Estimate, 0)
	if iv := headline(m); iv != nil && iv.Low != nil && iv.High != nil {
		name := ""
		if first {
			name = t.Interval + " "
		}
		s += fmt.Sprintf(" (%s%s–%s)", name, Decimal(t.Lang, 100**iv.Low, 0), Percent(t.Lang, *iv.High, 0))
	}
	return s
}

// restatesFlow reports whether m is a status's share of all included.
func (d *doc) restatesFlow(m results.Measure) bool {
	f := d.r.Flow
	if m.Count == nil || m.Denominator == nil || *m.Denominator != f.Included {
		return false
	}
	for _, s := range f.Status {
		if s.Count != nil && *s.Count == *m.Count && (m.Among == "started" || m.Among == "ended") {
			return true
		}
	}
	return false
}

// targetFinding: "Målet om mindst 20 % for Ordinær beskæftigelse er
// sandsynligvis nået (81 % sandsynlighed); målet om …".
func (d *doc) targetFinding() string {
	t := d.t
	var parts []string
	for _, m := range d.r.Measures {
		g := m.Target
		if g == nil || g.Verdict == models.VerdictSuppressed {
			continue
		}
		s := fmt.Sprintf(t.Msg("FindingTarget"), t.TargetText(g), m.Label, t.verdictPhrase(g))
		if g.PMet != nil {
			s += " (" + fmt.Sprintf(t.Msg("FindingProbability"), Percent(t.Lang, *g.PMet, 0)) + ")"
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return ""
	}
	return capitalize(strings.Join(parts, "; ")) + "."
}

// verdictPhrase says a verdict in words, "likely" when uncertain but the
// target is met (or missed) in at least 80 % of the replicates.
func (t *Text) verdictPhrase(g *results.Target) string {
	switch {
	case g.Verdict == models.VerdictMet:
		return t.Msg("VerdictPhrase.met")
	case g.Verdict == models.VerdictNotMet:
		return t.Msg("VerdictPhrase.not_met")
	case g.PMet != nil && *g.PMet >= 0.8:
		return t.Msg("VerdictPhrase.likely")
	case g.PMet != nil && *g.PMet <= 0.2:
		return t.Msg("VerdictPhrase.unlikely")
	}
	return t.Msg("VerdictPhrase.uncertain")
}
