package rules

import (
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
)

// rewriter turns a type-checked expression tree into one that evaluates
// with missing values (nil) instead of failing on them, using only expr's
// own operators, so that a row costs no function calls:
//
//	hours > 0          let #1 = hours; #1 == nil ? nil : #1 > 0   (#1: see share)
//	a && b             #1 == false ? false : (#1 == true ? b : (b == false ? false : nil))
//	abs(hours), !a …   the same guard as hours > 0
//
// Text is never missing (a blank cell is ""), nor are literals, arrays and
// expr's operators applied to values that are not missing; those nodes are
// left as they are. Each method returns the new node and whether its value
// may be missing. Changed nodes are copies, so a node the parser shares
// between two parents (`a ?: b`) is safe.
type rewriter struct {
	source file.Source
	vars   int
	err    *file.Error
}

// definite lists the builtins that never give nil for arguments that are
// not missing; any other builtin's result may be missing.
var definite = map[string]bool{
	"len": true, "abs": true, "ceil": true, "floor": true, "round": true, "int": true, "float": true,
	"string": true, "upper": true, "lower": true, "trim": true, "trimPrefix": true, "trimSuffix": true,
	"hasPrefix": true, "hasSuffix": true, "indexOf": true, "lastIndexOf": true, "split": true,
	"all": true, "any": true, "none": true, "one": true, "count": true, "filter": true, "map": true,
}

func (w *rewriter) node(n ast.Node) (ast.Node, bool) {
	switch n := n.(type) {
	case *ast.NilNode, *ast.PointerNode:
		return n, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.StringNode, *ast.BytesNode:
		return n, false
	case *ast.ConstantNode:
		return n, n.Value == nil
	case *ast.IdentifierNode:
		return n, n.Value != "$env" && !isText(n)
	case *ast.UnaryNode: // !, not, -, +
		cp := *n
		var m bool
		if cp.Node, m = w.node(n.Node); m {
			return w.guard(&cp, &cp.Node), true
		}
		return &cp, false
	case *ast.BinaryNode:
		return w.binary(n)
	case *ast.ConditionalNode: // c ? a : b is missing when c is
		cp := *n
		var mc, m1, m2 bool
		cp.Cond, mc = w.node(n.Cond)
		cp.Exp1, m1 = w.node(n.Exp1)
		cp.Exp2, m2 = w.node(n.Exp2)
		if mc {
			return w.guard(&cp, &cp.Cond), true
		}
		return &cp, m1 || m2
	case *ast.CallNode:
		return w.call(n)
	case *ast.BuiltinNode:
		cp := *n
		slots := w.each(n.Arguments, &cp.Arguments)
		return w.guard(&cp, slots...), len(slots) > 0 || !definite[n.Name]
	}
	return w.structural(n)
}

func (w *rewriter) binary(n *ast.BinaryNode) (ast.Node, bool) {
	cp := *n
	if (n.Operator == "==" || n.Operator == "!=") && isNil(n.Left) != isNil(n.Right) {
		// x == nil, x != nil: the explicit tests, true or false, never missing
		if isText(n.Left) || isText(n.Right) {
			w.fail(n, "text is never missing (a blank cell is ''); compare with '' instead of nil")
		}
		cp.Left, _ = w.node(n.Left)
		cp.Right, _ = w.node(n.Right)
		return &cp, false
	}
	var ml, mr bool
	cp.Left, ml = w.node(n.Left)
	if list, ok := n.Right.(*ast.ArrayNode); ok && n.Operator == "in" {
		arr := *list
		cp.Right = &arr
		if len(w.each(list.Nodes, &arr.Nodes)) > 0 {
			return w.inList(&cp, ml), true
		}
	} else {
		cp.Right, mr = w.node(n.Right)
	}
	switch n.Operator {
	case "&&", "and", "||", "or":
		if !ml { // a definite left side decides, or passes the right side's value on
			return &cp, mr
		}
		return w.kleene(n.Operator == "||" || n.Operator == "or", cp.Left, cp.Right), true
	case "??":
		return &cp, ml && mr
	}
	if fn, ok := arithmetic[n.Operator]; ok { // always: x / 0 is missing too
		c := &ast.CallNode{Callee: ident(fn), Arguments: []ast.Node{cp.Left, cp.Right}}
		c.SetLocation(n.Location())
		return c, true
	}
	var slots []*ast.Node
	if ml {
		slots = append(slots, &cp.Left)
	}
	if mr {
		slots = append(slots, &cp.Right)
	}
	return w.guard(&cp, slots...), len(slots) > 0
}

// inList gives `x in [1, y]` for a list with a value that may be missing:
// as in SQL, true when x is found, else missing if a value is missing.
//
//	let #1 = [1, y]; x in #1 ? true : (nil in #1 ? nil : false)
func (w *rewriter) inList(in *ast.BinaryNode, leftMissing bool) ast.Node {
	use, let := w.share(in.Right)
	in.Right = use()
	anyMissing := &ast.BinaryNode{Operator: "in", Left: &ast.NilNode{}, Right: use()}
	unknown := &ast.ConditionalNode{Cond: anyMissing, Exp1: &ast.NilNode{}, Exp2: &ast.BoolNode{Value: false}}
	out := let(&ast.ConditionalNode{Cond: in, Exp1: &ast.BoolNode{Value: true}, Exp2: unknown})
	if leftMissing {
		return w.guard(out, &in.Left)
	}
	return out
}

// kleene gives `l && r` (or, with or set, `l || r`) for an l that may be
// missing, and evaluates r only when l does not decide:
//
//	l == false ? false : (l == true ? r : (r == false ? false : nil))
func (w *rewriter) kleene(or bool, l, r ast.Node) ast.Node {
	useL, letL := w.share(l)
	useR, letR := w.share(r)
	unknown := &ast.ConditionalNode{Cond: equals(useR(), or), Exp1: &ast.BoolNode{Value: or}, Exp2: &ast.NilNode{}}
	inner := &ast.ConditionalNode{Cond: equals(useL(), !or), Exp1: useR(), Exp2: unknown}
	return letL(&ast.ConditionalNode{Cond: equals(useL(), or), Exp1: &ast.BoolNode{Value: or}, Exp2: letR(inner)})
}

func (w *rewriter) call(n *ast.CallNode) (ast.Node, bool) {
	cp := *n
	slots := w.each(n.Arguments, &cp.Arguments)
	switch callee := n.Callee.(type) {
	case *ast.IdentifierNode:
		switch callee.Value {
		case "weeks", "days": // missing-aware themselves (functions.go)
			return &cp, true
		case "date":
			w.checkDate(n)
			return w.guard(&cp, slots...), len(slots) > 0
		}
	case *ast.MemberNode: // a method: its receiver may be missing too
		m := *callee
		var mm bool
		m.Node, mm = w.node(callee.Node)
		m.Property, _ = w.node(callee.Property)
		cp.Callee = &m
		if mm && !m.Optional { // a?.f() handles a missing a itself
			slots = append(slots, &m.Node)
		}
	default:
		cp.Callee, _ = w.node(n.Callee)
	}
	return w.guard(&cp, slots...), true
}

// structural copies the remaining nodes with their children rewritten.
func (w *rewriter) structural(n ast.Node) (ast.Node, bool) {
	switch n := n.(type) {
	case *ast.MemberNode:
		cp := *n
		var mn, mp bool
		var slots []*ast.Node
		if cp.Node, mn = w.node(n.Node); mn && !n.Optional {
			slots = append(slots, &cp.Node)
		}
		if cp.Property, mp = w.node(n.Property); mp {
			slots = append(slots, &cp.Property)
		}
		return w.guard(&cp, slots...), true
	case *ast.SliceNode:
		cp := *n
		var m bool
		cp.Node, m = w.node(n.Node)
		cp.From, _ = w.optional(n.From)
		cp.To, _ = w.optional(n.To)
		if m {
			return w.guard(&cp, &cp.Node), true
		}
		return &cp, false
	case *ast.ChainNode:
		cp := *n
		cp.Node, _ = w.node(n.Node)
		return &cp, true
	case *ast.PredicateNode:
		cp := *n
		cp.Node, _ = w.node(n.Node)
		return &cp, false
	case *ast.VariableDeclaratorNode:
		cp := *n
		var m bool
		cp.Value, _ = w.node(n.Value)
		cp.Expr, m = w.node(n.Expr)
		return &cp, m
	case *ast.SequenceNode:
		cp := *n
		w.each(n.Nodes, &cp.Nodes)
		return &cp, true
	case *ast.ArrayNode:
		cp := *n
		w.each(n.Nodes, &cp.Nodes)
		return &cp, false
	case *ast.MapNode:
		cp := *n
		w.each(n.Pairs, &cp.Pairs)
		return &cp, false
	case *ast.PairNode:
		cp := *n
		cp.Key, _ = w.node(n.Key)
		cp.Value, _ = w.node(n.Value)
		return &cp, false
	}
	return n, true
}
