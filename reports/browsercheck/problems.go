package browsercheck

import (
	"fmt"
	"strings"
)

// maxListed is how many elements a sentence names before it says "and N more".
const maxListed = 3

// Problems returns one plain sentence per failure, each naming the file, so
// that a test can report them with t.Error; nil means the page passes.
func (r Report) Problems() []string {
	var out []string
	add := func(format string, args ...any) {
		out = append(out, r.Path+": "+fmt.Sprintf(format, args...))
	}
	for _, m := range r.Console {
		add("%s.", m.sentence())
	}
	for _, q := range r.Requests {
		add("the page requests %s (%s); a report must load nothing but itself.", q.URL, q.Type)
	}
	for _, v := range r.Violations {
		add("axe-core rule %s (%s) fails at %d px: %s; at %s.",
			v.Rule, v.Impact, v.Width, strings.TrimSuffix(v.Help, "."), list(v.Nodes))
	}
	for _, l := range r.Layouts {
		if l.Scrolls() {
			add("at %d px the page scrolls sideways (it is %d px wide).", l.Width, l.ScrollWidth)
		}
		for _, e := range l.Overflowing {
			add("at %d px %s ends at %.0f px, beyond the %d px viewport, and is not inside a div.table-wrap.",
				l.Width, e.Selector, e.Right, l.ClientWidth)
		}
	}
	for _, e := range r.Unnamed {
		add("%s has no accessible name (%s).", e.Selector, nameRule(e.Tag))
	}
	if r.NoViewportMeta {
		add(`the page has no <meta name="viewport" content="width=device-width, initial-scale=1">, so a phone shows it shrunk.`)
	}
	return out
}

func (m ConsoleMessage) sentence() string {
	where := ""
	if m.URL != "" {
		where = fmt.Sprintf(" at %s line %d", m.URL, m.Line)
	}
	switch m.Type {
	case "exception":
		return fmt.Sprintf("the page throws an uncaught exception%s: %q", where, m.Text)
	case "warning":
		return fmt.Sprintf("the page writes a console warning%s: %q", where, m.Text)
	}
	return fmt.Sprintf("the page writes a console %s%s: %q", m.Type, where, m.Text)
}

// list names up to maxListed elements by selector.
func list(es []Element) string {
	var names []string
	for i, e := range es {
		if i == maxListed {
			names = append(names, fmt.Sprintf("and %d more", len(es)-maxListed))
			break
		}
		names = append(names, e.Selector)
	}
	return strings.Join(names, ", ")
}

// nameRule says how an element of the kind gets a name.
func nameRule(tag string) string {
	switch tag {
	case "img":
		return "give it a non-empty alt"
	case "svg":
		return `give it role="img" and an aria-label, an aria-labelledby or a <title>`
	}
	return "give it a non-empty figcaption or an aria-label"
}
