package config

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// checkIdentifiers refuses a config whose own text holds a CPR-shaped
// value in any spelling (privacy.ContainsCPR): a title, a label, a status
// or sensitivity name, a rule such as `include: "cpr != '010190-1234'"`,
// a --set value. The config is printed in reports and manifests, so a
// CPR number in it would be published. The message names the key, never
// the value. Names of the extract, its sheet and headers are exempt:
// they are the user's files, read but printed only masked.
func checkIdentifiers(doc []byte) error {
	var root yaml.Node
	if yaml.Unmarshal(doc, &root) != nil || len(root.Content) == 0 {
		return nil // the strict decode reports syntax errors
	}
	return walkIdentifiers(root.Content[0], "")
}

func walkIdentifiers(n *yaml.Node, path string) error {
	switch n.Kind {
	case yaml.ScalarNode:
		if privacy.ContainsCPR(n.Value) && !nameOfFile(path) {
			return fmt.Errorf("line %d: %s contains a CPR-shaped value; remove it", n.Line, path)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			p := join(path, privacy.Mask(k.Value))
			if privacy.ContainsCPR(k.Value) {
				return fmt.Errorf("line %d: the key %s contains a CPR-shaped value; remove it", k.Line, p)
			}
			if err := walkIdentifiers(n.Content[i+1], p); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			if err := walkIdentifiers(item, itemPath(path, item, i)); err != nil {
				return err
			}
		}
	case yaml.DocumentNode, yaml.AliasNode:
		for _, c := range n.Content {
			if err := walkIdentifiers(c, path); err != nil {
				return err
			}
		}
	}
	return nil
}

// itemPath addresses a list item the way --set does: a measure by its id,
// a sensitivity variant by its name, anything else by its position.
func itemPath(path string, item *yaml.Node, i int) string {
	for _, key := range []string{"id", "name"} {
		if v := keyValue(item, key); v != "" && !privacy.ContainsCPR(v) {
			return join(path, v)
		}
	}
	return path + "[" + strconv.Itoa(i) + "]"
}

// nameOfFile reports whether path is the extract's file or sheet name or a
// column's header: names of the user's files, masked wherever printed.
func nameOfFile(path string) bool {
	parts := strings.Split(path, ".")
	switch len(parts) {
	case 2:
		return parts[0] == "source" && (parts[1] == "file" || parts[1] == "sheet")
	case 3:
		return parts[0] == "columns" && parts[2] == "header"
	}
	return false
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
