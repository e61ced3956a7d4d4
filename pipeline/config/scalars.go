package config

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// wholeNumberKeys are the keys yaml.v3 would silently truncate (99.5 → 99).
var wholeNumberKeys = []string{"bootstrap.replicates", "bootstrap.seed", "source.header_row", "disclosure.min_cell"}

// defaultedKeys are the keys whose zero value is a value, not "unset":
// seed: 0 is kept, and replicates: 0 or level: 0 are errors, never the
// default.
var defaultedKeys = []string{"bootstrap.seed", "bootstrap.replicates", "bootstrap.level"}

// checkScalars reads the document once more as a tree: whole-number keys
// must hold whole numbers, and it reports which defaultedKeys were given.
func checkScalars(doc []byte) (given map[string]bool, err error) {
	given = map[string]bool{}
	var root yaml.Node
	if yaml.Unmarshal(doc, &root) != nil || len(root.Content) == 0 {
		return given, nil // the strict decode reports syntax errors
	}
	for _, key := range defaultedKeys {
		given[key] = lookup(root.Content[0], strings.Split(key, ".")) != nil
	}
	for _, key := range wholeNumberKeys {
		n := lookup(root.Content[0], strings.Split(key, "."))
		if n == nil {
			continue
		}
		if _, perr := strconv.ParseInt(n.Value, 10, 64); n.Kind == yaml.ScalarNode && perr != nil && n.Tag == "!!float" {
			return given, fmt.Errorf("line %d: %s %s: expected a whole number", n.Line, key, n.Value)
		}
	}
	return given, nil
}

// lookup follows a path of mapping keys; nil when a key is absent.
func lookup(n *yaml.Node, path []string) *yaml.Node {
	for _, seg := range path {
		if n.Kind != yaml.MappingNode {
			return nil
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == seg {
				next = n.Content[i+1]
			}
		}
		if next == nil {
			return nil
		}
		n = next
	}
	return n
}
