package config

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var cannotUnmarshal = regexp.MustCompile("line (\\d+): cannot unmarshal !!(\\w+)(?: `([^`]*)`)? into (\\S+)")

// typeErrors rewrites yaml.v3's "cannot unmarshal !!str `20 %` into
// float64" as a sentence that names the key and what was expected.
func typeErrors(err error, doc []byte) error {
	if err == nil {
		return nil
	}
	lines := strings.Split(string(doc), "\n")
	msg := cannotUnmarshal.ReplaceAllStringFunc(err.Error(), func(m string) string {
		g := cannotUnmarshal.FindStringSubmatch(m)
		n, _ := strconv.Atoi(g[1])
		key := ""
		if n >= 1 && n <= len(lines) {
			key = keyOnLine(lines[n-1], g[3])
		}
		got := map[string]string{"str": "text", "int": "a whole number", "float": "a number",
			"bool": "true or false", "seq": "a list", "map": "a mapping", "null": "empty"}[g[2]]
		if got == "" {
			got = g[2]
		}
		value := ""
		if g[2] != "seq" && g[2] != "map" {
			value = fmt.Sprintf(" %q", g[3])
		}
		return fmt.Sprintf("line %s: %s%s is %s, expected %s", g[1], key, value, got, expected(g[4]))
	})
	return errors.New(msg)
}

// keyOnLine finds the key whose value is value on a line of the file
// ("  level: 20 %" or "bootstrap: {level: 20 %}"); "" when it cannot tell.
func keyOnLine(line, value string) string {
	if value != "" {
		re := regexp.MustCompile(`([A-Za-z_][\w.-]*)\s*:\s*["']?` + regexp.QuoteMeta(value))
		if m := re.FindStringSubmatch(line); m != nil {
			return m[1] + ":"
		}
	}
	if k, _, ok := strings.Cut(strings.TrimLeft(strings.TrimSpace(line), "- "), ":"); ok {
		return k + ":"
	}
	return ""
}

// expected names a Go type the way a config author thinks of it.
func expected(goType string) string {
	switch {
	case strings.HasPrefix(goType, "float"):
		return "a number"
	case strings.HasPrefix(goType, "int") || strings.HasPrefix(goType, "uint"):
		return "a whole number"
	case goType == "bool":
		return "true or false"
	case goType == "string":
		return "text"
	case strings.HasPrefix(goType, "[]"):
		return "a list"
	}
	return "a mapping of keys"
}
