package draft

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/danish-eval/evaluate/pipeline/extract"
)

// measure is one drafted measure.
type measure struct {
	id, da, en, count, among, comment string
}

// measures drafts completion (when there is a reason column), paid work
// and/or education among completers, and self-support among starters.
func (p *plan) measures(rules []rule) []measure {
	among := "started"
	if hasStatus(rules, "completed") {
		among = "completed"
	}
	var ms []measure
	if p.fields["reason"] != nil && hasStatus(rules, "completed") {
		ms = append(ms, measure{"completion", "Gennemførte forløbet", "Completed the programme",
			"status == 'completed'", "started", ""})
	}
	work, da, en := p.work()
	edu := p.typed("education", extract.KindBool)
	switch {
	case work != "" && edu:
		ms = append(ms, measure{"job_or_education", da + " og/eller uddannelse", en + " and/or education",
			work + " || education", among, ""})
	case work != "":
		ms = append(ms, measure{"employment", da, en, work, among, ""})
	case edu:
		ms = append(ms, measure{"education", "Ordinær uddannelse", "Ordinary education", "education", among, ""})
	}
	if p.typed("self_supporting", extract.KindBool) {
		ms = append(ms, measure{"self_supporting", "Selvforsørgende", "Self-supporting",
			"self_supporting", "started", ""})
	}
	for _, c := range p.cols {
		if c.outcome && c.kind == extract.KindBool {
			ms = append(ms, measure{c.field, c.header, c.header, c.field, among,
				"another outcome column; TODO: the English label"})
		}
	}
	if len(ms) == 0 {
		ms = append(ms, measure{"completion", "Gennemførte forløbet", "Completed the programme",
			"status == 'completed'", "started", "TODO: no outcome column recognised; define the measures"})
	}
	return ms
}

// work is what counts as work, with its labels: paid hours, else an
// employment column read as yes/no or as a number (hours, weeks); ""
// without one.
func (p *plan) work() (expr, da, en string) {
	switch {
	case p.typed("hours", extract.KindNumber):
		return "hours > 0", "Lønnede timer", "Paid work"
	case p.typed("employment", extract.KindBool):
		return "employment", "Beskæftigelse", "Employment"
	case p.typed("employment", extract.KindNumber):
		return "employment > 0", "Beskæftigelse", "Employment"
	}
	return "", "", ""
}

func (p *plan) typed(field string, k extract.Kind) bool {
	c := p.fields[field]
	return c != nil && c.kind == k
}

func (p *plan) writeMeasures(w *strings.Builder, rules []rule) {
	line(w, "measures:", "shares: count among a population (started, ended, a status or an expression)")
	for _, m := range p.measures(rules) {
		line(w, "  - id: "+m.id, m.comment)
		line(w, "    label: {da: "+strconv.Quote(m.da)+", en: "+strconv.Quote(m.en)+"}", "")
		line(w, "    count: "+strconv.Quote(m.count), "")
		line(w, "    among: "+m.among, "")
	}
}

// writeTail writes retention, strata, bootstrap and disclosure.
func (p *plan) writeTail(w *strings.Builder, rules []rule) {
	if hasStatus(rules, "dropout") {
		line(w, "retention:", "")
		line(w, "  event: dropout", "what ends retention; other exits are censored")
		line(w, "  times: [4, 13, 26, 52]", "weeks")
	} else {
		line(w, "# retention:", "TODO: name the status that ends retention (e.g. dropout), then uncomment")
		line(w, "#   event: dropout", "")
		line(w, "#   times: [4, 13, 26, 52]", "")
	}
	if p.typed("site", extract.KindText) {
		line(w, "# strata: site", "optional: results by site, resampled within each")
	}
	line(w, "bootstrap: {replicates: 9999, seed: 1, level: 0.95, methods: [bca, percentile]}", "")
	line(w, "disclosure: {min_cell: 5}", "cells under 5 are hidden; 3 is Danmarks Statistik's floor")
}

// plainScalar is text YAML reads as the same string without quotes, in
// block and flow context alike.
var plainScalar = regexp.MustCompile(`^[\p{L}_][\p{L}\p{N}_ .-]*$`)

var yamlWords = map[string]bool{"true": true, "false": true, "yes": true, "no": true, "on": true,
	"off": true, "y": true, "n": true, "null": true, "~": true}

// scalar writes text as a YAML scalar: plain when that is safe, else
// double-quoted (Go's escapes are a subset of YAML's).
func scalar(s string) string {
	if plainScalar.MatchString(s) && !strings.HasSuffix(s, " ") && !yamlWords[strings.ToLower(s)] {
		return s
	}
	return strconv.Quote(s)
}

// cohortID makes the config id from the file name: [a-z0-9_-] only.
func cohortID(base string) string {
	id := snake(strings.TrimSuffix(base, filepath.Ext(base)))
	if id == "" {
		return "cohort"
	}
	return id
}
