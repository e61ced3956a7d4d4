package config

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// MaxStrataFields bounds strata: each field is a bootstrap, a risk table
// per group and a section of the report.
const MaxStrataFields = 4

// Fields is a list of field names written as one name (strata: site) or
// a list (strata: [site, gender]).
type Fields []string

// UnmarshalYAML accepts a scalar (one field; an empty one is none) or a
// sequence of scalars.
func (f *Fields) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*f = nil
		if n.Value != "" {
			*f = Fields{n.Value}
		}
		return nil
	case yaml.SequenceNode:
		out := make(Fields, 0, len(n.Content))
		for _, v := range n.Content {
			if v.Kind != yaml.ScalarNode || v.Value == "" {
				return fmt.Errorf("line %d: strata lists field names, e.g. strata: [site, gender]", v.Line)
			}
			out = append(out, v.Value)
		}
		*f = out
		return nil
	}
	return fmt.Errorf("line %d: strata is a field name or a list of field names, e.g. strata: site or strata: [site, gender]", n.Line)
}

// MoreStrata are the strata fields after the first: each gets its own
// results by group (by_strata) and section, the resampling stays within
// the first field's strata.
func (c *Config) MoreStrata() []string {
	if len(c.StrataFields) < 2 {
		return nil
	}
	return c.StrataFields[1:]
}

// validateStrataFields checks the list itself; each field is checked
// like the first (validateColumns).
func (c *Config) validateStrataFields(add func(string, ...any)) {
	if len(c.StrataFields) > MaxStrataFields {
		add("strata lists %d fields; at most %d (each is its own bootstrap and section of the report)", len(c.StrataFields), MaxStrataFields)
	}
	seen := map[string]bool{}
	for _, f := range c.StrataFields {
		if seen[f] {
			add("strata lists %q twice", short(f))
		}
		seen[f] = true
	}
}
