package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/danish-eval/evaluate/reports"

	"go.yaml.in/yaml/v3"
)

// Rule is one named expression of an ordered mapping.
type Rule struct {
	Name string
	Expr string
}

// Ordered is a YAML mapping of names to expressions that keeps the file's
// order, because the first matching rule wins (cohort.status, exits.categories).
type Ordered []Rule

// UnmarshalYAML decodes a mapping node pair by pair, never through a Go map.
func (o *Ordered) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: expected a mapping of name: expression", n.Line)
	}
	seen := map[string]bool{}
	out := make(Ordered, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			return fmt.Errorf("line %d: %q must be an expression (a string)", v.Line, k.Value)
		}
		if seen[k.Value] {
			return fmt.Errorf("line %d: %q is defined twice", k.Line, k.Value)
		}
		seen[k.Value] = true
		out = append(out, Rule{Name: k.Value, Expr: v.Value})
	}
	*o = out
	return nil
}

// MarshalYAML writes the rules back as an ordered mapping.
func (o Ordered) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for _, r := range o {
		n.Content = append(n.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Value: r.Name},
			&yaml.Node{Kind: yaml.ScalarNode, Value: r.Expr, Style: yaml.DoubleQuotedStyle})
	}
	return n, nil
}

// Names lists the rule names in order.
func (o Ordered) Names() []string {
	out := make([]string, len(o))
	for i, r := range o {
		out[i] = r.Name
	}
	return out
}

// UnmarshalYAML accepts a label as one string (both languages) or {da, en}.
func (l *Label) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*l = Label{"": n.Value}
		return nil
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if v.Kind != yaml.ScalarNode {
				return fmt.Errorf("line %d: label %q must be a string", v.Line, k.Value)
			}
			if !slices.Contains(reports.Languages(), k.Value) {
				return fmt.Errorf("line %d: unknown label language %q (expected %s)", k.Line, k.Value, languageList())
			}
			if *l == nil {
				*l = Label{}
			}
			(*l)[k.Value] = v.Value
		}
		return nil
	}
	return fmt.Errorf("line %d: a label is a string or {da: …, en: …}", n.Line)
}

// languageList names the report languages: "da or en".
func languageList() string {
	langs := reports.Languages()
	if len(langs) < 2 {
		return strings.Join(langs, "")
	}
	return strings.Join(langs[:len(langs)-1], ", ") + " or " + langs[len(langs)-1]
}
