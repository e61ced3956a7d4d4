package rules

import (
	"time"

	"github.com/expr-lang/expr/ast"
)

// A plan evaluates a rule over whole columns, a batch of rows at a time,
// instead of running expr once per row. It covers the expressions cohort
// configs are made of — fields, literals, comparisons, &&, ||, !, `in` a
// list of literals, ??, x == nil, contains, startsWith, endsWith,
// date('…'), weeks() and days() — none of which can fail on a row's
// values, so a planned rule never gives a RunError. Anything else
// (arithmetic, functions that may fail, methods, c ? a : b …) has no plan
// and runs through expr row by row. Both give the same values, missing
// ones included (Kleene logic, as missing.go rewrites for expr):
// plan_test.go checks every expression of the config reference, and
// FuzzPlanRows fuzzed ones.
type plan struct {
	op   opcode
	kind Kind // of the value
	args []*plan

	field string    // opField
	cmp   string    // opCompare: ==, !=, <, <=, >, >=
	num   float64   // opConst of a number, opBetween's unit in days
	text  string    // opConst of text
	flag  bool      // opConst of yes/no; opIsNil: true for != nil
	day   int32     // opConst of a date, as in Column.Days
	nums  []float64 // opIn: the list
	texts []string
	bools []bool
}

type opcode int

const (
	opConst    opcode = iota
	opField           // a column
	opCompare         // missing when either side is
	opIsNil           // x == nil (x != nil with flag): never missing
	opNot             // !x
	opNeg             // -x
	opAnd             // Kleene
	opOr              // Kleene
	opIn              // x in [literals]: missing when x is
	opCoalesce        // x ?? y
	opBetween         // weeks(a, b), days(a, b): missing when a or b is missing or zero
	opText            // contains, startsWith, endsWith: text is never missing
)

// maxExact bounds integer literals to those a float64 holds exactly, so
// that comparing them as float64 gives what expr's int comparison gives.
const maxExact = 1 << 53

// planOf builds the plan of a checked (not yet rewritten) tree, or nil
// when the tree holds a construct the plan does not cover.
func planOf(n ast.Node, env Env) *plan {
	switch n := n.(type) {
	case *ast.BoolNode:
		return &plan{op: opConst, kind: Bool, flag: n.Value}
	case *ast.StringNode:
		return &plan{op: opConst, kind: Text, text: n.Value}
	case *ast.IntegerNode:
		if n.Value > maxExact || n.Value < -maxExact {
			return nil
		}
		return &plan{op: opConst, kind: Number, num: float64(n.Value)}
	case *ast.FloatNode:
		return &plan{op: opConst, kind: Number, num: n.Value}
	case *ast.IdentifierNode:
		if k, ok := env[n.Value]; ok {
			return &plan{op: opField, kind: k, field: n.Value}
		}
	case *ast.UnaryNode:
		return unaryPlan(n, env)
	case *ast.BinaryNode:
		return binaryPlan(n, env)
	case *ast.CallNode:
		return callPlan(n, env)
	}
	return nil
}

func unaryPlan(n *ast.UnaryNode, env Env) *plan {
	x := planOf(n.Node, env)
	switch {
	case x == nil:
		return nil
	case (n.Operator == "!" || n.Operator == "not") && x.kind == Bool:
		return &plan{op: opNot, kind: Bool, args: []*plan{x}}
	case n.Operator == "-" && x.kind == Number:
		return &plan{op: opNeg, kind: Number, args: []*plan{x}}
	case n.Operator == "+" && x.kind == Number:
		return x
	}
	return nil
}

func binaryPlan(n *ast.BinaryNode, env Env) *plan {
	if (n.Operator == "==" || n.Operator == "!=") && isNil(n.Left) != isNil(n.Right) {
		x := n.Left
		if isNil(x) {
			x = n.Right
		}
		if p := planOf(x, env); p != nil && p.kind != Text {
			return &plan{op: opIsNil, kind: Bool, flag: n.Operator == "!=", args: []*plan{p}}
		}
		return nil
	}
	if n.Operator == "in" {
		return inPlan(n, env)
	}
	l, r := planOf(n.Left, env), planOf(n.Right, env)
	if l == nil || r == nil || l.kind != r.kind {
		return nil
	}
	args := []*plan{l, r}
	switch n.Operator {
	case "==", "!=":
		return &plan{op: opCompare, kind: Bool, cmp: n.Operator, args: args}
	case "<", "<=", ">", ">=":
		if l.kind == Bool {
			return nil
		}
		return &plan{op: opCompare, kind: Bool, cmp: n.Operator, args: args}
	case "&&", "and":
		if l.kind == Bool {
			return &plan{op: opAnd, kind: Bool, args: args}
		}
	case "||", "or":
		if l.kind == Bool {
			return &plan{op: opOr, kind: Bool, args: args}
		}
	case "??":
		return &plan{op: opCoalesce, kind: l.kind, args: args}
	case "contains", "startsWith", "endsWith":
		if l.kind == Text {
			return &plan{op: opText, kind: Bool, cmp: n.Operator, args: args}
		}
	}
	return nil
}

// inPlan covers `x in [literals]` with literals of x's kind.
func inPlan(n *ast.BinaryNode, env Env) *plan {
	list, ok := n.Right.(*ast.ArrayNode)
	x := planOf(n.Left, env)
	if !ok || x == nil || x.kind == Date {
		return nil
	}
	p := &plan{op: opIn, kind: Bool, args: []*plan{x}}
	for _, item := range list.Nodes {
		c := planOf(item, env)
		if c == nil || c.op != opConst || c.kind != x.kind {
			return nil
		}
		p.nums, p.texts, p.bools = append(p.nums, c.num), append(p.texts, c.text), append(p.bools, c.flag)
	}
	return p
}

func callPlan(n *ast.CallNode, env Env) *plan {
	callee, ok := n.Callee.(*ast.IdentifierNode)
	if !ok {
		return nil
	}
	switch {
	case callee.Value == "date" && len(n.Arguments) == 1:
		s, ok := n.Arguments[0].(*ast.StringNode)
		if !ok {
			return nil // date(reason) may fail on a row
		}
		t, err := time.Parse("2006-01-02", s.Value)
		if err != nil {
			return nil // a compile error (checkDate)
		}
		return &plan{op: opConst, kind: Date, day: DayOf(t)}
	case (callee.Value == "weeks" || callee.Value == "days") && len(n.Arguments) == 2:
		a, b := planOf(n.Arguments[0], env), planOf(n.Arguments[1], env)
		if a == nil || b == nil || a.kind != Date || b.kind != Date {
			return nil
		}
		unit := 1.0
		if callee.Value == "weeks" {
			unit = 7
		}
		return &plan{op: opBetween, kind: Number, num: unit, args: []*plan{a, b}}
	}
	return nil
}
