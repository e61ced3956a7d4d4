package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Variant returns the config of sensitivity analysis v: the same file with
// the command line's overrides and then the variant's own applied. The
// variant has no sensitivity analyses of its own.
func (c *Config) Variant(v Variant) (*Config, error) {
	for k := range v.Set {
		if shared(k) {
			return nil, fmt.Errorf("sensitivity %q: %s is shared by all variants and cannot be set in one", v.Name, k)
		}
	}
	sets := append([]Override(nil), c.Overrides...)
	sets = append(sets, v.Overrides()...)
	sets = append(sets, Override{Key: "sensitivity", Value: "[]"})
	vc, err := Parse(c.raw, sets)
	if err != nil {
		return nil, fmt.Errorf("sensitivity %q: %w", v.Name, v.ownErrors(err))
	}
	vc.Path, vc.Dir, vc.SHA256 = c.Path, c.Dir, c.SHA256
	vc.Bootstrap, vc.Language, vc.Disclosure = c.Bootstrap, c.Language, c.Disclosure
	return vc, nil
}

// ownErrors words Parse's "--set KEY: …" as "set KEY: …" for the keys
// the variant sets: they were written under its set:, not on the command
// line.
func (v Variant) ownErrors(err error) error {
	msg := err.Error()
	for k := range v.Set {
		msg = strings.ReplaceAll(msg, "--set "+k+":", "set "+k+":")
	}
	if msg == err.Error() {
		return err
	}
	return errors.New(msg)
}

// shared reports whether key k is common to every variant: the language,
// the bootstrap and the disclosure rule (a variant with a lower min_cell
// would print under the main row what the main row hides).
func shared(k string) bool {
	for _, p := range []string{"language", "bootstrap", "disclosure"} {
		if k == p || strings.HasPrefix(k, p+".") {
			return true
		}
	}
	return false
}

// Overrides lists the variant's assignments in key order.
func (v Variant) Overrides() []Override {
	keys := make([]string, 0, len(v.Set))
	for k := range v.Set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]Override, len(keys))
	for i, k := range keys {
		out[i] = Override{Key: k, Value: valueText(v.Set[k])}
	}
	return out
}

// valueText writes a set value as an override reads it: text as it is,
// anything else (numbers, lists, mappings) as JSON, which YAML reads back.
func valueText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
