package draft

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// rule is one line of an ordered mapping (cohort.status), with a comment.
type rule struct {
	name, expr, comment string
}

// statusWords are end reasons whose status is clear, by lower-case value.
var statusWords = map[string]string{
	"gennemført": "completed", "gennemfoert": "completed", "fuldført": "completed",
	"completed": "completed", "complete": "completed", "finished": "completed",
	"afbrudt": "dropout", "frafald": "dropout", "frafaldet": "dropout", "droppet ud": "dropout",
	"dropped out": "dropout", "dropout": "dropout", "drop-out": "dropout",
	"igangværende": "ongoing", "i gang": "ongoing", "aktiv": "ongoing",
	"ongoing": "ongoing", "active": "ongoing", "in progress": "ongoing",
}

// statusStems read an end reason by a word in it ("Ordinært job",
// "Afbrudt af borgeren"), when statusWords has not the whole value. A
// reason saying "ikke" or "not" ("ikke gennemført") is a dropout.
var statusStems = []struct{ status, stem string }{
	{"dropout", "ikke "}, {"dropout", "not "}, {"dropout", "afbr"}, {"dropout", "frafald"},
	{"dropout", "drop"}, {"dropout", "udebl"}, {"dropout", "stoppet"}, {"dropout", "udmeld"},
	{"dropout", "no-show"}, {"dropout", "no show"},
	{"ongoing", "igangv"}, {"ongoing", "i gang"}, {"ongoing", "ongoing"}, {"ongoing", "fortsætter"},
	{"completed", "gennemf"}, {"completed", "fuldf"}, {"completed", "complet"}, {"completed", "finish"},
	{"completed", "job"}, {"completed", "beskæftig"}, {"completed", "arbejde"}, {"completed", "employ"},
	{"completed", "uddannelse"}, {"completed", "education"}, {"completed", "selvforsørg"},
	{"completed", "self-support"},
}

// statusOf reads an end reason: by the whole value (sure), else by a word
// in it (unsure, so the draft says which were read that way).
func statusOf(v string) (status string, byWord bool) {
	low := strings.ToLower(norm.NFC.String(strings.TrimSpace(v)))
	if s, ok := statusWords[low]; ok {
		return s, false
	}
	for _, st := range statusStems {
		if strings.Contains(low+" ", st.stem) {
			return st.status, true
		}
	}
	return "", false
}

// statusOrder is the order of the recognised statuses in a draft.
var statusOrder = []string{"completed", "dropout", "ongoing"}

// maxStatusValues is the most reason values drafted one rule each.
const maxStatusValues = 12

// statusRules drafts cohort.status from the distinct values of the
// reason column: recognised values under their status, one rule with a
// TODO for each other value, and blanks read as ongoing (unsure).
func (p *plan) statusRules() []rule {
	c := p.fields["reason"]
	if c == nil {
		return []rule{{"completed", "true", "TODO: no end-reason column found, so every row counts as " +
			"completed; write one rule per status, e.g. completed: \"reason == 'gennemført'\""}}
	}
	vals := showable(c.st, true, maxStatusValues)
	if vals == nil {
		return []rule{{"completed", "reason == 'gennemført'", fmt.Sprintf("TODO: the %s column has no values, "+
			"too many or id-like ones; write one rule per status", c.header)}}
	}
	byStatus, byWord := map[string][]string{}, map[string][]string{}
	var other []string
	for _, v := range vals {
		s, word := statusOf(v)
		switch {
		case s == "":
			other = append(other, v)
		case word:
			byWord[s] = append(byWord[s], v)
			fallthrough
		default:
			byStatus[s] = append(byStatus[s], v)
		}
	}
	var rules []rule
	for _, s := range statusOrder {
		if len(byStatus[s]) > 0 {
			rules = append(rules, rule{name: s, expr: anyOf(byStatus[s]), comment: wordNote(byWord[s], s)})
		}
	}
	taken := map[string]bool{"completed": true, "dropout": true, "ongoing": true, "started": true, "ended": true}
	for i, v := range other {
		name := fieldName(v)
		if name == "" || taken[name] {
			name = fmt.Sprintf("status_%d", i+1)
		}
		taken[name] = true
		rules = append(rules, rule{name, anyOf([]string{v}),
			"TODO: what does this reason mean? Rename the status completed, dropout or ongoing if it is one"})
	}
	return p.blankReason(rules, c)
}

// wordNote says which reasons were read as status s by a word in them.
func wordNote(vals []string, s string) string {
	if len(vals) == 0 {
		return ""
	}
	for i, v := range vals {
		vals[i] = clip(v)
	}
	return fmt.Sprintf("unsure: read as %s by the words of %s", s, strings.Join(vals, ", "))
}

// blankReason adds rows whose reason is blank to the ongoing status.
func (p *plan) blankReason(rules []rule, c *column) []rule {
	blank := p.s.rows - c.st.nonBlank
	if blank <= 0 {
		return rules
	}
	note := fmt.Sprintf("unsure: %d row(s) have no %s; read as ongoing", blank, c.header)
	for i := range rules {
		if rules[i].name == "ongoing" {
			rules[i].expr += " || reason == ''"
			rules[i].comment = strings.TrimPrefix(rules[i].comment+"; "+note, "; ")
			return rules
		}
	}
	return append(rules, rule{"ongoing", "reason == ''", note})
}

// anyOf is an expression true when reason is one of the values.
func anyOf(vals []string) string {
	sort.Strings(vals)
	parts := make([]string, len(vals))
	for i, v := range vals {
		parts[i] = "reason == " + exprString(v)
	}
	return strings.Join(parts, " || ")
}

// exprString quotes text as a single-quoted expression string literal.
func exprString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s) + "'"
}

// hasStatus reports whether the drafted status rules include name.
func hasStatus(rules []rule, name string) bool {
	for _, r := range rules {
		if r.name == name {
			return true
		}
	}
	return false
}
