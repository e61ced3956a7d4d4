// Package draft writes a first cohort config (DESIGN.md §4) for an
// extract: the logic behind `evaluate init [--sheet S] WORKBOOK`.
//
// The sheet is the visible one with the most data rows (cover and notes
// sheets skipped), the header row the one among the first 30 that reads
// most like headers; --sheet and --header-row override either. Each
// header is mapped to a field: common Danish and English headers by name
// or by a word in them ("Årsag til afslutning" → reason, "Beskæftigelse
// efter 3 mdr" → employment), the rest by what their values read as under
// the extract package's rules, marked "# guessed from the values". Total
// rows ("I alt", "Total") are left out of every count and value. The cohort, status rules, measures and
// retention are drafted from the fields found, with "# TODO" and
// "# unsure" comments where a person must decide.
//
// Privacy: a column named like a CPR number, a name or contact details is
// never read; a column whose values are CPR-shaped (extract.Read refuses
// them outside an id column) is left out. When no other id column exists,
// the first such column is mapped as the id, type id: the pipeline uses it
// only to find duplicate rows and never writes it anywhere, and the draft
// says so. Name and contact columns are never mapped. No value of
// an id column is ever printed; other values appear only for columns with
// a few repeated category-like values (the end reason), never when any
// looks like an id or a CPR number.
package draft

import (
	"fmt"
	"strings"
	"time"

	"github.com/danish-eval/evaluate/pipeline/extract"
	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// column is one column of the header row and what the draft makes of it.
type column struct {
	index    int
	letter   string
	header   string // trimmed, as written
	field    string // "" when not mapped
	kind     extract.Kind
	optional bool
	read     bool     // sampled (not a personal, duplicate or blank header)
	cpr      bool     // a CPR number, by header or values: may only be the id
	outcome  bool     // the header names an outcome (job, education …) another column's field took
	comment  string   // after the mapping, or the whole line when not mapped
	notes    []string // after the mapping: guessed, unsure, values seen
	st       *stats
}

// plan is the draft before it is written.
type plan struct {
	s      *sheet
	cols   []*column          // in sheet order, unmapped ones too
	fields map[string]*column // mapped, by field name
	latest time.Time          // latest date in the date columns, when exit needs it
	out    string             // where the config is saved; "" for stdout
}

// Draft reads the header row and the values of the extract at path
// (.xlsx or .csv) and returns a draft cohort config in YAML. Errors name
// the file and sheet.
func Draft(path string, o Options) (string, error) {
	s, err := readSheet(path, o)
	if err != nil {
		return "", fmt.Errorf("cannot draft a config: %w", err)
	}
	p := &plan{s: s, fields: map[string]*column{}, out: o.Out}
	p.screen()
	var idx []int
	for _, c := range p.cols {
		if c.read {
			idx = append(idx, c.index)
		}
	}
	st, cpr, err := sample(s, idx)
	if err != nil {
		return "", fmt.Errorf("cannot draft a config: %w", err)
	}
	s.rows -= s.totals
	for _, i := range cpr {
		c := p.cols[i]
		c.read, c.cpr, c.comment = false, true, c.header+": personal identifier (the values look like CPR numbers), not mapped"
	}
	for _, c := range p.cols {
		c.st = st[c.index]
	}
	p.assign()
	p.cprAsID()
	if err := p.findLatest(); err != nil {
		return "", fmt.Errorf("cannot draft a config: %w", err)
	}
	return p.write(), nil
}

// cprAsID maps the first CPR column as the id when no column is the id:
// duplicates are then caught. Its values are never sampled or shown.
func (p *plan) cprAsID() {
	if p.fields["id"] != nil {
		return
	}
	for _, c := range p.cols {
		if c.cpr {
			c.field, c.kind = "id", extract.KindID
			c.notes = []string{"CPR number: used only to find duplicate rows; never read into any output"}
			p.fields["id"] = c
			return
		}
	}
}

// findLatest reads the date columns in full when the exit needs a
// censoring date: an end date that is sometimes blank, no follow-up date.
func (p *plan) findLatest() error {
	end := p.dateField("end")
	if end == nil || p.dateField("followup") != nil || end.st.nonBlank == p.s.rows {
		return nil
	}
	var cols []int
	for _, c := range p.cols {
		if c.field != "" && c.kind == extract.KindDate {
			cols = append(cols, c.index)
		}
	}
	var err error
	p.latest, err = latestDate(p.s, cols)
	return err
}

// screen sorts out, by header alone, the columns that are not read:
// blank, CPR, name or contact headers, and headers used twice.
func (p *plan) screen() {
	for i, h := range p.s.headers {
		c := &column{index: i, letter: colLetter(i), header: oneLine(strings.TrimSpace(h))}
		p.cols = append(p.cols, c)
		key := headerKey(c.header)
		switch {
		case c.header == "":
			c.comment = "column " + c.letter + " has no header, not mapped"
		case privacy.ContainsCPR(c.header):
			c.comment = "column " + c.letter + ": personal identifier, not mapped (never read)"
		case cprHeaders[key]:
			c.cpr, c.comment = true, c.header+": personal identifier, not mapped (never read)"
		case nameHeaders[key]:
			c.comment = c.header + ": personal (names or contact details), not mapped (never read)"
		default:
			c.read = true
		}
	}
	for _, c := range p.cols {
		var same []string
		for _, d := range p.cols {
			if c.read && d.header != "" && extract.HeaderMatches(c.header, d.header) {
				same = append(same, d.letter)
			}
		}
		if len(same) > 1 {
			c.read = false
			c.comment = fmt.Sprintf("%s: TODO the header is in columns %s; rename one (not mapped)",
				c.header, strings.Join(same, " and "))
		}
	}
}

// assign gives each read column a field: recognised headers first (the
// first column in the sheet wins a field), then names made from headers.
func (p *plan) assign() {
	for _, c := range p.cols {
		k, ok, byWord := recognise(c.header)
		if !c.read || !ok || p.fields[k.field] != nil || byWord && !fits(c.st, k) {
			continue
		}
		c.field, c.kind, c.optional = k.field, k.kind, k.optional
		p.fields[c.field] = c
		if k.guess {
			var note string
			c.kind, note = guessKind(c.st)
			p.note(c, note)
		} else {
			p.checkKind(c)
		}
		if c.st.sampled == 0 {
			p.note(c, noValues)
		}
		if k.field == "reason" {
			p.showValues(c, true)
		}
	}
	for _, c := range p.cols {
		if !c.read || c.field != "" {
			continue
		}
		c.field = p.freeName(c)
		if k, ok, _ := recognise(c.header); ok && k.guess {
			c.outcome = true
		}
		p.fields[c.field] = c
		var note string
		c.kind, note = guessKind(c.st)
		p.note(c, "guessed from the values")
		p.note(c, note)
		if c.kind == extract.KindText && !quiet(c.header) {
			p.showValues(c, false)
		}
	}
}

// fits reports whether a column's values allow a field recognised by a
// word in its header: "kategori_opfølgning" holding text is no follow-up
// date. Blank columns and fields whose type is guessed always fit.
func fits(st *stats, k known) bool {
	if k.guess || k.kind == extract.KindText || st.sampled == 0 {
		return true
	}
	return st.ok[k.kind]*2 >= st.sampled
}

// checkKind notes values of a recognised date, number or yes/no column
// that do not read as such; when most do not, the values decide the type.
func (p *plan) checkKind(c *column) {
	if c.kind == extract.KindText || c.kind == extract.KindID || c.st.sampled == 0 {
		return
	}
	if c.st.ok[c.kind]*2 >= c.st.sampled {
		p.note(c, badValues(c.st, c.kind))
		return
	}
	header := c.kind
	var note string
	c.kind, note = guessKind(c.st)
	p.note(c, fmt.Sprintf("unsure: the header suggests type %s, but most values are not; guessed from the values", header))
	p.note(c, note)
}

func (p *plan) note(c *column, s string) {
	if s != "" {
		c.notes = append(c.notes, s)
	}
}

// showValues notes up to six distinct values of a category-like column.
func (p *plan) showValues(c *column, reason bool) {
	if vals := showable(c.st, reason, 6); vals != nil {
		for i, v := range vals {
			vals[i] = clip(v)
		}
		p.note(c, "values seen: "+strings.Join(vals, ", "))
	}
}

// freeName makes a field name from the header that no other field has.
func (p *plan) freeName(c *column) string {
	base := fieldName(c.header)
	if base == "" {
		base = "column_" + strings.ToLower(c.letter)
	}
	name := base
	for n := 2; p.fields[name] != nil; n++ {
		name = fmt.Sprintf("%s_%d", base, n)
	}
	return name
}

// colLetter gives the spreadsheet letter of a 0-based column (0 → A).
func colLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// oneLine keeps text on one line, so it cannot break out of a comment.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == '\n' || r == '\r' || r == '\t' || r == '\v' || r == '\f' || r == '\u2028' || r == '\u2029' || r == '\u0085'
	}), " ")
}

// clip shortens a value shown in a comment to one line of 40 characters.
func clip(s string) string {
	s = oneLine(s)
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return s
}
