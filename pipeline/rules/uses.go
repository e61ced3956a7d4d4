package rules

import (
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
)

// Uses returns the field names src reads and the text literals it holds,
// so that the pipeline can refuse a rule that names a person before the
// rule is compiled (or quoted in an error). A src that does not parse
// gives nothing; Compile reports it.
func Uses(src string) (fields, texts []string) {
	tree, err := parser.Parse(src)
	if err != nil {
		return nil, nil
	}
	v := &uses{}
	ast.Walk(&tree.Node, v)
	return v.fields, v.texts
}

type uses struct{ fields, texts []string }

func (u *uses) Visit(n *ast.Node) {
	switch n := (*n).(type) {
	case *ast.IdentifierNode:
		u.fields = append(u.fields, n.Value)
	case *ast.StringNode:
		u.texts = append(u.texts, n.Value)
	}
}
