// Package rules compiles the cohort config's expressions (github.com/expr-lang/expr)
// once, against the typed fields of the extract, and evaluates them on a
// row (Eval) or on many rows of typed columns (Run): column-wise through a
// plan (plan.go) when the expression is made of what configs usually hold,
// else through expr row by row, with the same values and errors.
//
// A missing value (blank number, date or yes/no cell) is nil in a row; text
// is never missing (a blank cell is ""). An expression that cannot be decided
// because of a missing value evaluates to missing, never to false, following
// SQL's three-valued (Kleene) logic:
//
//   - a comparison (<, <=, >, >=, ==, !=), arithmetic, `in`, `!`, `-` and
//     any function or method of a missing value is missing: "hours > 0",
//     "hours + 1", "hours in [1, 2]", "abs(hours)", "start.Year()";
//     so is `x / 0` (and x % 0, and powers that are not finite numbers);
//   - && and || (and, or) decide whenever one side does: with hours missing,
//     "hours > 0 || education" is true if education is, else missing, and
//     "hours > 0 && education" is false if education is false;
//   - `c ? a : b` is missing when c is;
//   - `x in [1, y]` is true when x is found, else missing if y is missing;
//   - `x == nil` and `x != nil` are the explicit tests for a missing value,
//     true or false, never missing (for any expression x: "(hours + 1) == nil");
//     on text they are a compile error (compare with "" instead), and a
//     comparison of two values that may be missing, "start == end", is
//     missing, not a test;
//   - `x ?? y` is y when x is missing; weeks(a, b) and days(a, b) are missing
//     when a or b is.
//
// Type errors, unknown names, nil on text and malformed date('…') literals are
// compile errors that name the position. missing.go implements this by
// rewriting the checked expression tree with expr's own operators.
package rules

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/compiler"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/optimizer"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"

	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// Kind is the type of a field as expressions see it.
type Kind int

// Field kinds.
const (
	Text Kind = iota
	Number
	Date
	Bool
)

// sample returns a typed zero value, so the compiler can check types.
func (k Kind) sample() any {
	switch k {
	case Number:
		return 0.0
	case Date:
		return time.Time{}
	case Bool:
		return false
	}
	return ""
}

func (k Kind) String() string {
	return [...]string{"text", "number", "date", "yes/no"}[k]
}

// Env declares the fields an expression may use.
type Env map[string]Kind

// Rule is a compiled expression.
type Rule struct {
	What   string // what the rule is, e.g. `measure "employment" count`
	Source string
	Kind   Kind
	// Fields are the names the expression reads, sorted, each once.
	Fields []string
	prog   *vm.Program
	plan   *plan // nil: run row by row through prog
}

// Compile checks src against env and demands a result of kind want. The
// error names what (e.g. `measure "employment" count`) and the position.
func Compile(what, src string, env Env, want Kind) (r *Rule, err error) {
	defer func() { // expr must not take a run down with a malformed config
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("%s %q: internal error: %v", what, src, p)
		}
	}()
	cfg := newConfig(env)
	tree, err := parser.ParseWithConfig(src, cfg)
	if err == nil {
		_, err = checker.Check(tree, cfg)
	}
	if err != nil {
		return nil, fmt.Errorf("%s %q: %s", what, src, oneLine(err))
	}
	got, ok := kindOf(tree.Node.Type())
	if !ok || got != want {
		return nil, fmt.Errorf("%s %q: gives %s, expected %s", what, src, typeName(tree.Node.Type()), want)
	}
	fields := names(tree.Node, env)
	p := planOf(tree.Node, env) // before lower rewrites the tree
	prog, err := lower(tree, cfg)
	if err != nil {
		return nil, fmt.Errorf("%s %q: %s", what, src, oneLine(err))
	}
	return &Rule{What: what, Source: src, Kind: want, Fields: fields, prog: prog, plan: p}, nil
}

// newConfig is expr's configuration for env: typed sample values, so that
// the checker knows each field's type, and the functions.
func newConfig(env Env) *conf.Config {
	sample := make(map[string]any, len(env))
	for name, k := range env {
		sample[name] = k.sample()
	}
	cfg := conf.CreateNew()
	expr.Env(sample)(cfg)
	for _, opt := range functions {
		opt(cfg)
	}
	for name := range cfg.Disabled { // as expr.Compile does
		delete(cfg.Builtins, name)
	}
	cfg.Check()
	return cfg
}

// lower rewrites a checked tree for missing values (missing.go) and compiles
// it, as expr.Compile would: check, optimize, compile.
func lower(tree *parser.Tree, cfg *conf.Config) (*vm.Program, error) {
	w := &rewriter{source: tree.Source}
	root, _ := w.node(tree.Node)
	if w.err != nil {
		return nil, w.err
	}
	tree.Node = root
	if _, err := checker.Check(tree, cfg); err != nil {
		return nil, fmt.Errorf("internal error: rewritten for missing values: %w", err)
	}
	if err := optimizer.Optimize(&tree.Node, cfg); err != nil {
		return nil, err
	}
	return compiler.Compile(tree, cfg)
}

// machines are reusable expr VMs: a run then allocates nothing of its own.
var machines = sync.Pool{New: func() any { return new(vm.VM) }}

// Eval runs the rule on one row. ok is false when the value is missing.
// An expression that fails on the row's values (int('abc'), an index past
// the end, date(”)) is an error, never missing: only missing inputs give
// missing (the rewrite in missing.go guards them before any call).
func (r *Rule) Eval(row map[string]any) (v any, ok bool, err error) {
	m := machines.Get().(*vm.VM)
	out, err := m.Run(r.prog, row)
	machines.Put(m)
	if err != nil && strings.Contains(err.Error(), "is nil, not ") {
		// a missing value that reached a builtin's predicate, as in
		// any([hours, x], {# > 5}) with hours missing: missing, by design
		return nil, false, nil
	}
	if err != nil {
		return nil, false, &RunError{What: r.What, Source: r.Source, Msg: scrub(oneLine(err), row)}
	}
	if out == nil {
		return nil, false, nil
	}
	if t, isTime := out.(time.Time); isTime && t.IsZero() {
		return nil, false, nil
	}
	if f, isNum := out.(float64); isNum && (math.IsNaN(f) || math.IsInf(f, 0)) {
		return nil, false, nil
	}
	return out, true, nil
}

// Bool evaluates a yes/no rule; ok is false when it is missing.
func (r *Rule) Bool(row map[string]any) (v, ok bool, err error) {
	out, ok, err := r.Eval(row)
	if !ok {
		return false, false, err
	}
	b, isBool := out.(bool)
	return b, isBool, nil
}

// Date evaluates a date rule; ok is false when it is missing.
func (r *Rule) Date(row map[string]any) (time.Time, bool, error) {
	out, ok, err := r.Eval(row)
	if !ok {
		return time.Time{}, false, err
	}
	t, isTime := out.(time.Time)
	return t, isTime, nil
}

// RunError is an expression that failed on a row's values. The caller
// knows the row and names it with AtRow.
type RunError struct {
	What, Source, Msg string
}

func (e *RunError) Error() string {
	return fmt.Sprintf("%s %q failed: %s", e.What, e.Source, e.Msg)
}

// AtRow names the first row the expression failed on, e.g. "row 7 of the
// sheet" (the caller says what its row numbers count).
func (e *RunError) AtRow(where string) error {
	return fmt.Errorf("%s %q failed on %s (the first such row): %s; guard the expression (e.g. with a test on the field) or correct the data",
		e.What, e.Source, where, e.Msg)
}

func kindOf(t reflect.Type) (Kind, bool) {
	if t == nil {
		return 0, false
	}
	switch {
	case t.Kind() == reflect.Bool:
		return Bool, true
	case t == reflect.TypeOf(time.Time{}):
		return Date, true
	case t.Kind() == reflect.String:
		return Text, true
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Float64:
		return Number, true
	}
	return 0, false
}

func typeName(t reflect.Type) string {
	if k, ok := kindOf(t); ok {
		return k.String()
	}
	if t == nil || t.Kind() == reflect.Interface {
		return "a value of unknown type"
	}
	return t.String()
}

// oneLine keeps expr's message and position but drops its ASCII-art caret.
// scrub keeps a row's text out of an error message the way every message
// quotes cells (privacy.Quote): a name-like or CPR-shaped value is
// described, not shown, and a long one is cut.
func scrub(msg string, row map[string]any) string {
	for _, v := range row {
		s, ok := v.(string)
		if !ok || len(s) < 2 || !strings.Contains(msg, s) {
			continue
		}
		q := privacy.Quote(s, false)
		msg = strings.ReplaceAll(msg, strconv.Quote(s), q)
		msg = strings.ReplaceAll(msg, s, strings.Trim(q, `"`))
	}
	return privacy.Mask(msg)
}

func oneLine(err error) string {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return msg
}
