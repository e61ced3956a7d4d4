package rules

import (
	"fmt"
	"reflect"
	"strconv"
	"time"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
)

// guard makes n missing when any of the given slots (children of n, which
// must be a fresh copy) is: `let #1 = a; #1 == nil || b == nil ? nil : n`.
func (w *rewriter) guard(n ast.Node, slots ...*ast.Node) ast.Node {
	if len(slots) == 0 {
		return n
	}
	var test ast.Node
	lets := make([]func(ast.Node) ast.Node, len(slots))
	for i, s := range slots {
		var use func() ast.Node
		use, lets[i] = w.share(*s)
		*s = use()
		t := &ast.BinaryNode{Operator: "==", Left: use(), Right: &ast.NilNode{}}
		if test == nil {
			test = t
		} else {
			test = &ast.BinaryNode{Operator: "||", Left: test, Right: t}
		}
	}
	var out ast.Node = &ast.ConditionalNode{Cond: test, Exp1: &ast.NilNode{}, Exp2: n}
	for i := len(lets) - 1; i >= 0; i-- {
		out = lets[i](out)
	}
	out.SetLocation(n.Location())
	return out
}

// share lets x be used more than once: use gives a node for its value and
// let wraps the expression that uses it. An identifier or `#` is read again
// (cheaper than a variable); anything else is evaluated once, into a
// variable named so that no expression can spell it (the lexer never gives
// '#1').
func (w *rewriter) share(x ast.Node) (use func() ast.Node, let func(ast.Node) ast.Node) {
	switch x := x.(type) {
	case *ast.IdentifierNode:
		return func() ast.Node { cp := *x; return &cp }, func(n ast.Node) ast.Node { return n }
	case *ast.PointerNode:
		return func() ast.Node { cp := *x; return &cp }, func(n ast.Node) ast.Node { return n }
	}
	w.vars++
	name := "#" + strconv.Itoa(w.vars)
	return func() ast.Node { return ident(name) },
		func(n ast.Node) ast.Node { return &ast.VariableDeclaratorNode{Name: name, Value: x, Expr: n} }
}

// each rewrites nodes into a new slice stored in *out and returns the slots
// of those that may be missing.
func (w *rewriter) each(nodes []ast.Node, out *[]ast.Node) []*ast.Node {
	res := make([]ast.Node, len(nodes))
	*out = res
	var slots []*ast.Node
	for i, n := range nodes {
		var m bool
		if res[i], m = w.node(n); m {
			slots = append(slots, &res[i])
		}
	}
	return slots
}

func (w *rewriter) optional(n ast.Node) (ast.Node, bool) {
	if n == nil {
		return nil, false
	}
	return w.node(n)
}

// checkDate rejects a malformed date literal at compile time, so that
// date('2020-13-01') does not make every row missing.
func (w *rewriter) checkDate(n *ast.CallNode) {
	if len(n.Arguments) != 1 {
		return
	}
	if s, ok := n.Arguments[0].(*ast.StringNode); ok {
		if _, err := time.Parse("2006-01-02", s.Value); err != nil {
			w.fail(n.Arguments[0], "date(%q): expected yyyy-mm-dd", s.Value)
		}
	}
}

func (w *rewriter) fail(at ast.Node, format string, args ...any) {
	if w.err == nil {
		e := &file.Error{Location: at.Location(), Message: fmt.Sprintf(format, args...)}
		w.err = e.Bind(w.source)
	}
}

func ident(name string) *ast.IdentifierNode { return &ast.IdentifierNode{Value: name} }

func equals(x ast.Node, b bool) ast.Node {
	return &ast.BinaryNode{Operator: "==", Left: x, Right: &ast.BoolNode{Value: b}}
}

func isNil(n ast.Node) bool {
	_, ok := n.(*ast.NilNode)
	return ok
}

// isText reports whether n has the type string (text; never missing).
func isText(n ast.Node) bool {
	t := n.Type()
	return t != nil && t.Kind() == reflect.String
}
