package models

import (
	"fmt"
	"math"
	"slices"
)

// DefaultMethods are the intervals BootstrapShares gives when
// BootOptions.Methods is empty (DESIGN.md §6).
var DefaultMethods = []string{MethodBCa, MethodPercentile, MethodWilson, MethodClopperPearson}

// BootOptions control BootstrapShares.
type BootOptions struct {
	B       int     // replicates, ≥ 1 (default in the pipeline: 9999)
	Seed    uint64  // random seed
	Level   float64 // confidence level, in (0, 1)
	Workers int     // goroutines; ≤ 0: GOMAXPROCS; never changes a result
	// Methods lists the intervals wanted, by name (MethodBCa, …); the exact
	// methods apply to shares only. Empty: DefaultMethods.
	Methods []string
	Rule    QuantileRule // quantile rule of percentile, basic, BCa and target bounds
	Z0      Z0Rule       // BCa bias-correction rule
	Accel   AccelForm    // BCa acceleration form
	Design  Design       // strata and clusters
	// StratumKeys[s] names stratum s's random streams (e.g. a hash of the
	// stratum's value), so a stratum keeps its draws when other strata come
	// or go. Nil: the stratum index. Distinct; used with Design.Strata.
	StratumKeys []uint64
}

// Spec is one statistic for BootstrapShares: a ShareSpec or a ScaledSpec.
// Its replicates depend on people only through its classes (classOut,
// classIn, classCounted) and strata; onClasses is the spec restated over
// those classes, built against the cells collapsed by them.
type Spec interface {
	specID() string
	check() error
	class(pattern uint32) uint32
	onClasses() Spec
	build(c *Cells) (builtSpec, error)
}

// builtSpec is a Spec compiled against the cells.
type builtSpec struct {
	stat       CellStatistic
	share      bool
	count, den float64
	target     *Target
}

// ShareSpec is a share: people with Num among people with Den (both
// predicates over a Unit's pattern), e.g. employment among completers.
type ShareSpec struct {
	ID     string
	Num    func(pattern uint32) bool // who counts (only among Den); required
	Den    func(pattern uint32) bool // who is among; nil: everyone
	Strata []int                     // nil: pooled over strata; else only these strata
	Target *Target                   // optional
}

// ScaledSpec is a count times a constant, e.g. a saving: self-supporting
// people × monthly benefit × months × (1 − deadweight) (see SavingFactor).
type ScaledSpec struct {
	ID     string
	Count  func(pattern uint32) bool // who counts; required
	Factor float64                   // finite
	Strata []int                     // nil: all strata
	Target *Target                   // optional
}

func (s ShareSpec) specID() string  { return s.ID }
func (s ScaledSpec) specID() string { return s.ID }

// inStrata reports whether stratum st is selected by strata (nil: all).
func inStrata(strata []int, st int) bool { return strata == nil || slices.Contains(strata, st) }

func (s ShareSpec) check() error {
	if s.Num == nil {
		return fmt.Errorf("models: share %q has no numerator", s.ID)
	}
	return nil
}

func (s ShareSpec) class(p uint32) uint32 {
	switch {
	case s.Den != nil && !s.Den(p):
		return classOut
	case s.Num(p):
		return classCounted
	}
	return classIn
}

func (s ShareSpec) onClasses() Spec {
	s.Num = func(p uint32) bool { return p == classCounted }
	s.Den = func(p uint32) bool { return p != classOut }
	return s
}

func (s ScaledSpec) check() error {
	if s.Count == nil {
		return fmt.Errorf("models: scaled count %q has no count predicate", s.ID)
	}
	if math.IsNaN(s.Factor) || math.IsInf(s.Factor, 0) {
		return fmt.Errorf("models: scaled count %q: factor %v is not a finite number", s.ID, s.Factor)
	}
	return nil
}

func (s ScaledSpec) class(p uint32) uint32 {
	if s.Count(p) {
		return classCounted
	}
	return classIn
}

func (s ScaledSpec) onClasses() Spec {
	s.Count = func(p uint32) bool { return p == classCounted }
	return s
}

func (s ShareSpec) build(c *Cells) (builtSpec, error) {
	if err := s.check(); err != nil {
		return builtSpec{}, err
	}
	den := c.Coefficients(func(st int, p uint32) bool { return inStrata(s.Strata, st) && (s.Den == nil || s.Den(p)) })
	num := c.Coefficients(func(st int, p uint32) bool { return inStrata(s.Strata, st) && (s.Den == nil || s.Den(p)) && s.Num(p) })
	q := Ratio{Num: num, Den: den}
	return builtSpec{stat: q, share: true, count: dot(num, c.count), den: dot(den, c.count), target: s.Target}, nil
}

func (s ScaledSpec) build(c *Cells) (builtSpec, error) {
	if err := s.check(); err != nil {
		return builtSpec{}, err
	}
	all := c.Coefficients(func(st int, _ uint32) bool { return inStrata(s.Strata, st) })
	cnt := c.Coefficients(func(st int, p uint32) bool { return inStrata(s.Strata, st) && s.Count(p) })
	return builtSpec{stat: Scaled{Count: cnt, Factor: s.Factor}, count: dot(cnt, c.count), den: dot(all, c.count), target: s.Target}, nil
}

// SavingFactor returns monthly × months × (1 − deadweight), the constant of
// a ScaledSpec for a net saving (gross when deadweight = 0). Errors: a
// negative or non-finite amount or number of months, deadweight outside [0, 1].
func SavingFactor(monthly, months, deadweight float64) (float64, error) {
	if !(monthly >= 0) || math.IsInf(monthly, 0) || !(months >= 0) || math.IsInf(months, 0) {
		return 0, fmt.Errorf("models: saving needs a finite monthly amount and months ≥ 0 (got %v, %v)", monthly, months)
	}
	if !(deadweight >= 0 && deadweight <= 1) {
		return 0, fmt.Errorf("models: deadweight %v is not in [0, 1]", deadweight)
	}
	return monthly * months * (1 - deadweight), nil
}

// dot returns Σ a_j b_j.
func dot(a, b []float64) float64 {
	s := 0.0
	for j := range a {
		s += a[j] * b[j]
	}
	return s
}
