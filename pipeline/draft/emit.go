package draft

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/danish-eval/evaluate/pipeline/extract"

	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// write renders the plan as a cohort config in DESIGN.md §4's layout.
func (p *plan) write() string {
	w := &strings.Builder{}
	p.writeHead(w)
	p.writeColumns(w)
	rules := p.statusRules()
	p.writeCohort(w, rules)
	p.writeMeasures(w, rules)
	p.writeTail(w, rules)
	return w.String()
}

// line writes one line, with a trailing comment when there is one.
func line(w *strings.Builder, text, comment string) {
	w.WriteString(text)
	if comment != "" {
		w.WriteString("  # " + oneLine(comment))
	}
	w.WriteByte('\n')
}

func (p *plan) writeHead(w *strings.Builder) {
	// A file or sheet named like a CPR number is printed masked (see
	// privacy.Mask); the draft then says to fill the name in by hand.
	base := privacy.Mask(filepath.Base(p.s.file))
	where := oneLine(base)
	if p.s.name != "" {
		where += ", sheet " + privacy.QuoteName(oneLine(p.s.name))
	}
	totals := ""
	if p.s.totals > 0 {
		totals = fmt.Sprintf("; %d total row(s) such as \"I alt\" left out", p.s.totals)
	}
	line(w, fmt.Sprintf("# Draft cohort config for %s (%d data rows%s), written by `evaluate init`.", where, p.s.rows, totals), "")
	line(w, "# Check every line before use, above all those marked TODO or unsure.", "")
	line(w, "id: "+cohortID(base), "folder name under --out; [a-z0-9_-]")
	line(w, "title: "+strconv.Quote(strings.TrimSuffix(base, filepath.Ext(base))), "TODO: the programme's name")
	line(w, "language: da", "da | en: the report's language")
	line(w, "source:", "")
	// Only the file's own name is masked: the folders are the path the
	// user typed, and the draft must still lead to the file.
	file, note := p.sourcePath()
	if name := filepath.Base(file); privacy.ContainsCPR(name) {
		file, note = filepath.Join(filepath.Dir(file), privacy.Mask(name)), maskedNote
	}
	line(w, "  file: "+scalar(file), note)
	if !p.s.csv {
		sheet, note := p.s.name, ""
		if privacy.ContainsCPR(sheet) {
			sheet, note = privacy.Mask(sheet), maskedNote
		}
		line(w, "  sheet: "+scalar(sheet), note)
	}
	line(w, fmt.Sprintf("  header_row: %d", p.s.row), "")
}

// sourcePath is the extract's path as the config must give it: relative
// to the folder the config is saved in (-o), else as typed, with a TODO.
func (p *plan) sourcePath() (file, note string) {
	if p.out == "" {
		return p.s.file, "TODO: make this path relative to the folder this config is saved in"
	}
	from, err1 := filepath.Abs(filepath.Dir(p.out))
	to, err2 := filepath.Abs(p.s.file)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(from, to); err == nil {
			return filepath.ToSlash(rel), ""
		}
	}
	return to, ""
}

// maskedNote stands beside a name that looked like a CPR number.
const maskedNote = "TODO: the name looks like a CPR number and is masked; rename the file or sheet (or type its name here)"

func (p *plan) writeColumns(w *strings.Builder) {
	line(w, "columns:", "field name: header in the workbook (+ type)")
	width := 0
	for _, c := range p.cols {
		width = max(width, len(c.field)+1)
	}
	for _, c := range p.cols {
		if c.field == "" {
			line(w, "  # "+c.comment, "")
			continue
		}
		opt := ""
		if c.optional {
			opt = ", optional: true"
		}
		line(w, fmt.Sprintf("  %-*s {header: %s, type: %s%s}", width, c.field+":", scalar(c.header), c.kind, opt),
			strings.Join(c.notes, "; "))
	}
	if p.fields["id"] == nil || p.fields["id"].kind != extract.KindID {
		line(w, "  # TODO: no participant id column found; map one as type id so duplicates are caught", "")
	}
}

func (p *plan) writeCohort(w *strings.Builder, rules []rule) {
	entry, entryNote := p.entry()
	exit, exitNote := p.exit(entry)
	line(w, "cohort:", "")
	line(w, `  include: "true"`, "who counts as started: an expression over the fields")
	line(w, "  entry: "+entry, entryNote)
	line(w, "  exit: "+strconv.Quote(exit), exitNote)
	line(w, "  status:", "first match wins; a row matching none is excluded")
	for _, r := range rules {
		line(w, fmt.Sprintf("    %s: %s", scalar(r.name), strconv.Quote(r.expr)), r.comment)
	}
}

// entry is the entry date field: start, else the first date column.
func (p *plan) entry() (field, note string) {
	if c := p.fields["start"]; c != nil && c.kind == extract.KindDate {
		return "start", ""
	}
	for _, c := range p.cols {
		if c.field != "" && c.kind == extract.KindDate {
			return c.field, "TODO: no start date column recognised; is this the entry date?"
		}
	}
	return "start", "TODO: no date column found; map the entry date as start"
}

// exit is the exit or censoring date: end ?? followup when both exist.
func (p *plan) exit(entry string) (expr, note string) {
	end, follow := p.dateField("end"), p.dateField("followup")
	switch {
	case end != nil && follow != nil:
		return "end ?? followup", ""
	case end != nil && end.st.nonBlank == p.s.rows:
		return "end", ""
	case end != nil && !p.latest.IsZero():
		return fmt.Sprintf("end ?? date('%s')", p.latest.Format(time.DateOnly)),
			"TODO: rows with no end date are censored at the latest date in the extract; use its data date"
	case end != nil:
		return "end", "TODO: rows with no end date are excluded; censor them, e.g. end ?? date('2021-12-31')"
	case follow != nil:
		return "followup", "unsure: no end date column found; the follow-up date is used"
	}
	return entry, "TODO: no end or follow-up date found; give the exit or censoring date"
}

func (p *plan) dateField(name string) *column {
	if c := p.fields[name]; c != nil && c.kind == extract.KindDate {
		return c
	}
	return nil
}
