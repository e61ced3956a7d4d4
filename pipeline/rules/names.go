package rules

import (
	"sort"

	"github.com/expr-lang/expr/ast"
)

// names lists the fields of env that the expression reads, sorted. The
// pipeline uses them to say which values a rule saw (e.g. the most
// frequent texts of rows that matched no status).
func names(root ast.Node, env Env) []string {
	v := &nameVisitor{env: env, seen: map[string]bool{}}
	ast.Walk(&root, v)
	out := make([]string, 0, len(v.seen))
	for n := range v.seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

type nameVisitor struct {
	env  Env
	seen map[string]bool
}

func (v *nameVisitor) Visit(n *ast.Node) {
	if id, ok := (*n).(*ast.IdentifierNode); ok {
		if _, declared := v.env[id.Value]; declared {
			v.seen[id.Value] = true
		}
	}
}
