package config

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ParseOverride splits a --set argument "key=value".
func ParseOverride(s string) (Override, error) {
	k, v, ok := strings.Cut(s, "=")
	k = strings.TrimSpace(k)
	if !ok || k == "" {
		return Override{}, fmt.Errorf("--set %q: expected key=value, e.g. measures.employment.count='hours >= 10'", s)
	}
	return Override{Key: k, Value: v}, nil
}

// applyOverrides sets each key in the YAML tree and returns the new document.
// Path segments address mapping keys; in a list of mappings (measures,
// sensitivity) a segment addresses the element whose id (or name) equals it.
func applyOverrides(raw []byte, overrides []Override) ([]byte, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		return nil, yamlError(err)
	}
	if len(root.Content) == 0 {
		root.Content = []*yaml.Node{{Kind: yaml.MappingNode}}
	}
	for _, o := range overrides {
		v, err := valueNode(o.Value)
		if err != nil {
			return nil, fmt.Errorf("--set %s: %w", o.Key, err)
		}
		if err := setPath(root.Content[0], strings.Split(o.Key, "."), v); err != nil {
			return nil, fmt.Errorf("--set %s: %w", o.Key, err)
		}
	}
	return yaml.Marshal(&root)
}

func setPath(n *yaml.Node, path []string, v *yaml.Node) error {
	seg := path[0]
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == seg {
				if len(path) == 1 {
					n.Content[i+1] = v
					return nil
				}
				return setPath(n.Content[i+1], path[1:], v)
			}
		}
		child := &yaml.Node{Kind: yaml.MappingNode}
		if len(path) == 1 {
			child = v
		}
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: seg}, child)
		if len(path) == 1 {
			return nil
		}
		return setPath(child, path[1:], v)
	case yaml.SequenceNode:
		for _, el := range n.Content {
			if el.Kind == yaml.MappingNode && (keyValue(el, "id") == seg || keyValue(el, "name") == seg) {
				if len(path) == 1 {
					return fmt.Errorf("%q is a list element; set one of its keys", seg)
				}
				return setPath(el, path[1:], v)
			}
		}
		return fmt.Errorf("no element with id %q", seg)
	}
	return fmt.Errorf("%q is not a mapping or list", seg)
}

func keyValue(n *yaml.Node, key string) string {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1].Value
		}
	}
	return ""
}

// valueNode reads an override's value. A list or mapping ("[4, 13]",
// "{at_least: 0.2}") is YAML; a value that is one plain YAML scalar as a
// whole (0.25, 9999, true) keeps its YAML type; anything else is the text
// as typed, so an expression such as "!education" or "'ja' == reason" is
// never reinterpreted by YAML.
func valueNode(v string) (*yaml.Node, error) {
	t := strings.TrimSpace(v)
	if strings.HasPrefix(t, "[") || strings.HasPrefix(t, "{") {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(t), &n); err != nil || len(n.Content) != 1 {
			return nil, fmt.Errorf("value %s is not a valid YAML list or mapping", t)
		}
		return n.Content[0], nil
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(t), &n); err == nil && len(n.Content) == 1 {
		if c := n.Content[0]; c.Kind == yaml.ScalarNode && c.Style == 0 && c.Value == t && c.Tag != "!!str" {
			return c, nil
		}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}, nil
}
