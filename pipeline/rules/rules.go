// Package rules compiles the cohort config's expressions (github.com/expr-lang/expr)
// once, against the typed fields of the extract, and evaluates them per row.
//
// A missing value (blank number, date or yes/no cell) is nil in a row. An
// expression that cannot be decided because of a missing value (e.g.
// "hours > 0" with hours blank) evaluates to missing, never to false.
package rules

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
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
	Source string
	Kind   Kind
	prog   *vm.Program
}

// Compile checks src against env and demands a result of kind want. The
// error names what (e.g. `measure "employment" count`) and the position.
func Compile(what, src string, env Env, want Kind) (*Rule, error) {
	sample := make(map[string]any, len(env))
	for name, k := range env {
		sample[name] = k.sample()
	}
	opts := append([]expr.Option{expr.Env(sample)}, functions...)
	prog, err := expr.Compile(src, opts...)
	if err != nil {
		return nil, fmt.Errorf("%s %q: %s", what, src, oneLine(err))
	}
	got, ok := kindOf(prog.Node().Type())
	if !ok || got != want {
		return nil, fmt.Errorf("%s %q: gives %s, expected %s", what, src, typeName(prog.Node().Type()), want)
	}
	return &Rule{Source: src, Kind: want, prog: prog}, nil
}

// Eval runs the rule on one row. ok is false when the value is missing.
func (r *Rule) Eval(row map[string]any) (v any, ok bool) {
	out, err := expr.Run(r.prog, row)
	if err != nil || out == nil {
		return nil, false
	}
	if t, isTime := out.(time.Time); isTime && t.IsZero() {
		return nil, false
	}
	if f, isNum := out.(float64); isNum && (math.IsNaN(f) || math.IsInf(f, 0)) {
		return nil, false
	}
	return out, true
}

// Bool evaluates a yes/no rule; ok is false when it is missing.
func (r *Rule) Bool(row map[string]any) (v, ok bool) {
	out, ok := r.Eval(row)
	if !ok {
		return false, false
	}
	b, isBool := out.(bool)
	return b, isBool
}

// Date evaluates a date rule; ok is false when it is missing.
func (r *Rule) Date(row map[string]any) (time.Time, bool) {
	out, ok := r.Eval(row)
	if !ok {
		return time.Time{}, false
	}
	t, isTime := out.(time.Time)
	return t, isTime
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
func oneLine(err error) string {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return msg
}
