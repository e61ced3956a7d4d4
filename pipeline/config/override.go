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

// applyOverrides sets each key in the YAML tree and returns the new document
// with the map from its lines to the --set keys and file lines they came
// from. Path segments address mapping keys; in a list of mappings
// (measures, sensitivity) a segment addresses the element whose id (or
// name) equals it.
func applyOverrides(raw []byte, overrides []Override) ([]byte, lineMap, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		return nil, lineMap{}, yamlError(err)
	}
	if len(root.Content) == 0 {
		root.Content = []*yaml.Node{{Kind: yaml.MappingNode}}
	}
	owner := map[*yaml.Node]string{}
	for _, o := range overrides {
		v, err := valueNode(o.Value)
		if err != nil {
			return nil, lineMap{}, fmt.Errorf("--set %s: %w", o.Key, err)
		}
		owner[v] = o.Key
		if err := setPath(root.Content[0], strings.Split(o.Key, "."), v, owner, o.Key); err != nil {
			return nil, lineMap{}, fmt.Errorf("--set %s: %w", o.Key, err)
		}
	}
	doc, err := yaml.Marshal(&root)
	if err != nil {
		return nil, lineMap{}, err
	}
	return doc, newLineMap(&root, owner, doc), nil
}

// setPath sets path to v below n; the nodes it creates belong to key.
func setPath(n *yaml.Node, path []string, v *yaml.Node, owner map[*yaml.Node]string, key string) error {
	seg := path[0]
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == seg {
				if len(path) == 1 {
					n.Content[i+1] = v
					return nil
				}
				return setPath(n.Content[i+1], path[1:], v, owner, key)
			}
		}
		child := &yaml.Node{Kind: yaml.MappingNode}
		if len(path) == 1 {
			child = v
		}
		name := &yaml.Node{Kind: yaml.ScalarNode, Value: seg}
		owner[name], owner[child] = key, key
		n.Content = append(n.Content, name, child)
		if len(path) == 1 {
			return nil
		}
		return setPath(child, path[1:], v, owner, key)
	case yaml.SequenceNode:
		for _, el := range n.Content {
			if el.Kind == yaml.MappingNode && (keyValue(el, "id") == seg || keyValue(el, "name") == seg) {
				if len(path) == 1 {
					return fmt.Errorf("%q is a list element; set one of its keys", seg)
				}
				return setPath(el, path[1:], v, owner, key)
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
