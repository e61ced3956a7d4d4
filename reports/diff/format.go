package diff

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Formats Write knows.
const (
	FormatText = "text"
	FormatCSV  = "csv"
	FormatMD   = "md"
)

// Write presents d: an aligned table for the terminal, a Markdown table,
// or CSV (full precision, one row per figure, nothing else).
func Write(w io.Writer, d Diff, format string) error {
	switch format {
	case FormatCSV:
		return writeCSV(w, d)
	case FormatMD:
		return writeText(w, d, true)
	case FormatText, "":
		return writeText(w, d, false)
	}
	return fmt.Errorf("format %q: expected text, csv or md", format)
}

// Summary is the last line of the text and Markdown output.
func Summary(d Diff) string {
	switch n, k := len(d.Rows), d.Within(); {
	case n == 0:
		return "No figure differs."
	case n == 1:
		return fmt.Sprintf("1 figure differs (%d within Monte-Carlo error).", k)
	default:
		return fmt.Sprintf("%d figures differ (%d of them within Monte-Carlo error).", n, k)
	}
}

func header(multi bool) []string {
	h := []string{"section", "item", "figure", "A", "B", "change", "note"}
	if multi {
		h = append([]string{"cohort"}, h...)
	}
	return h
}

// cells are a row as people read it: numbers to the precision that shows
// the change.
func cells(r Row, multi bool) []string {
	a, b, ch := shown(r)
	c := []string{r.Section, r.Item, r.Name, a, b, ch, note(r)}
	if multi {
		c = append([]string{r.Cohort}, c...)
	}
	return c
}

func note(r Row) string {
	switch {
	case r.WithinMC:
		return "within Monte-Carlo error"
	case r.InA && !r.InB && r.B.Text == Suppressed, r.InA && r.InB && r.B.Num == nil && r.B.Text == Suppressed && r.A.Num != nil:
		return "suppressed in B"
	case r.InB && !r.InA && r.A.Text == Suppressed, r.InA && r.InB && r.A.Num == nil && r.A.Text == Suppressed && r.B.Num != nil:
		return "suppressed in A"
	case !r.InB:
		return "only in A"
	case !r.InA:
		return "only in B"
	}
	return ""
}

// shown formats A, B and the change with as many decimals as it takes
// for A and B to read differently (at least 4).
func shown(r Row) (string, string, string) {
	if r.Change == nil {
		return short(r.A), short(r.B), ""
	}
	x, y := *r.A.Num, *r.B.Num
	dec := 4
	for dec < 17 && fixed(x, dec) == fixed(y, dec) {
		dec++
	}
	rel := ""
	if !math.IsInf(r.Size, 0) {
		rel = " (" + sign(*r.Change) + percent(r.Size) + ")"
	}
	return fixed(x, dec), fixed(y, dec), sign(*r.Change) + fixed(math.Abs(*r.Change), dec) + rel
}

// percent writes a relative change: whole per cents, two digits below 1 %.
func percent(x float64) string {
	if x >= 0.01 {
		return fmt.Sprintf("%.0f %%", 100*x)
	}
	return strconv.FormatFloat(100*x, 'g', 2, 64) + " %"
}

func sign(x float64) string {
	if x < 0 {
		return "−"
	}
	return "+"
}

// fixed writes a whole number as such, others with dec decimals and
// trailing zeros trimmed.
func fixed(x float64, dec int) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	s := strconv.FormatFloat(x, 'f', dec, 64)
	return strings.TrimRight(strings.TrimRight(s, "0"), ".")
}

// short is a value on its own: 4 decimals.
func short(v Value) string {
	if v.Num != nil {
		return fixed(*v.Num, 4)
	}
	return plain(v)
}

// plain is a value in full (CSV): the shortest text that reads back as
// the same float.
func plain(v Value) string {
	if v.Num != nil {
		return strconv.FormatFloat(*v.Num, 'g', -1, 64)
	}
	if v.Text == "" {
		return `""`
	}
	return v.Text
}

func writeText(w io.Writer, d Diff, md bool) error {
	var b strings.Builder
	sides(&b, d, md)
	if len(d.Rows) > 0 {
		t := [][]string{header(d.Multi)}
		for _, r := range d.Rows {
			t = append(t, cells(r, d.Multi))
		}
		if md {
			markdown(&b, t)
		} else {
			aligned(&b, t)
		}
		variants(&b, d, md)
	}
	b.WriteString(Summary(d) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// sides names what was compared.
func sides(b *strings.Builder, d Diff, md bool) {
	for i, side := range []Side{d.A, d.B} {
		paths := make([]string, len(side.Cohorts))
		for j, c := range side.Cohorts {
			paths[j] = c.Path
		}
		line := fmt.Sprintf("%s: %s", "AB"[i:i+1], strings.Join(paths, ", "))
		if md {
			line = "- " + mdEscape(line)
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("\n")
}

// variants says in words what each sensitivity variant with a change set.
func variants(b *strings.Builder, d Diff, md bool) {
	seen := map[string]bool{}
	var lines []string
	for _, r := range d.Rows {
		k := r.Cohort + "\x00" + r.Section
		if !isVariant(r.Section) || seen[k] {
			continue
		}
		seen[k] = true
		name := strings.TrimPrefix(r.Section, "sensitivity ")
		if d.Multi {
			name = r.Cohort + " " + name
		}
		lines = append(lines, name+": "+r.Context)
	}
	if len(lines) == 0 {
		return
	}
	b.WriteString("\nSensitivity variants:\n")
	if md {
		b.WriteString("\n")
	}
	for _, l := range lines {
		if md {
			l = "- " + mdEscape(l)
		} else {
			l = "  " + l
		}
		b.WriteString(l + "\n")
	}
	b.WriteString("\n")
}

func aligned(b *strings.Builder, t [][]string) {
	width := make([]int, len(t[0]))
	for _, row := range t {
		for i, c := range row {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	for _, row := range t {
		var line strings.Builder
		for i, c := range row {
			line.WriteString(c)
			if i < len(row)-1 {
				line.WriteString(strings.Repeat(" ", width[i]-utf8.RuneCountInString(c)+2))
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
}

func markdown(b *strings.Builder, t [][]string) {
	for i, row := range t {
		esc := make([]string, len(row))
		for j, c := range row {
			esc[j] = mdEscape(c)
		}
		b.WriteString("| " + strings.Join(esc, " | ") + " |\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", len(row)) + "\n")
		}
	}
}

// mdEscape keeps a cell's text from breaking the table or turning into
// markup.
func mdEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;")
	return r.Replace(s)
}

func writeCSV(w io.Writer, d Diff) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"cohort", "section", "item", "figure", "a", "b", "change", "relative_change", "mc_se", "within_mc_error", "note", "definition"})
	for _, r := range d.Rows {
		ch, rel := "", ""
		if r.Change != nil {
			ch = strconv.FormatFloat(*r.Change, 'g', -1, 64)
			rel = strconv.FormatFloat(r.Size, 'g', -1, 64)
		}
		cw.Write([]string{safe(r.Cohort), safe(r.Section), safe(r.Item), r.Name, safe(plain(r.A)), safe(plain(r.B)), ch, rel,
			strconv.FormatFloat(r.SE, 'g', -1, 64), strconv.FormatBool(r.WithinMC), note(r), safe(r.Context)})
	}
	cw.Flush()
	return cw.Error()
}

// safe keeps a text cell that a spreadsheet would run as a formula (it
// starts with = + - @) as text, the way results.xlsx does; numbers pass.
func safe(s string) string {
	if s == "" || strings.IndexByte("=+-@\t\r", s[0]) < 0 {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}
