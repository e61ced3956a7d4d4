package models

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// ConfType names the transformation on which a pointwise confidence
// interval for a survival or state probability p is built. The names and
// formulas follow R survival's conf.type (survfit_confint, survival 3.5-3).
// The zero value is ConfLogLog, the default of this project (DESIGN.md §6);
// R's own default is ConfLog.
type ConfType int

const (
	// ConfLogLog is R conf.type = "log-log":
	// p^exp(±z·se/|log p|), with se the standard error of log p.
	ConfLogLog ConfType = iota
	// ConfLog is R conf.type = "log": p·exp(∓z·se), upper limit capped at 1.
	ConfLog
	// ConfPlain is R conf.type = "plain": p ∓ z·SE(p), clipped to [0, 1].
	ConfPlain
)

// String returns R's name of the interval type.
func (c ConfType) String() string {
	switch c {
	case ConfLogLog:
		return "log-log"
	case ConfLog:
		return "log"
	case ConfPlain:
		return "plain"
	}
	return fmt.Sprintf("ConfType(%d)", int(c))
}

// ParseConfType reads R's name of an interval type: "log-log" (also
// "loglog"), "log" or "plain".
func ParseConfType(s string) (ConfType, error) {
	switch s {
	case "log-log", "loglog":
		return ConfLogLog, nil
	case "log":
		return ConfLog, nil
	case "plain":
		return ConfPlain, nil
	}
	return 0, fmt.Errorf("confidence interval type %q: want log-log, log or plain", s)
}

// kmConfZ checks a confidence level (0 means 0.95) and the interval type,
// and returns the level and the two-sided normal quantile z = Φ⁻¹(1 − (1 − level)/2).
func kmConfZ(level float64, conf ConfType) (float64, float64, error) {
	if level == 0 {
		level = 0.95
	}
	if !(level > 0 && level < 1) {
		return 0, 0, fmt.Errorf("confidence level %v: want a number between 0 and 1", level)
	}
	if conf < ConfLogLog || conf > ConfPlain {
		return 0, 0, fmt.Errorf("confidence interval type %v: want log-log, log or plain", conf)
	}
	return level, distuv.UnitNormal.Quantile(1 - (1-level)/2), nil
}

// kmConfInterval returns the interval for a probability p whose logarithm
// has standard error seLog (so SE(p) = p·seLog), exactly as R's
// survfit_confint with ulimit = TRUE.
//
// R reports NA where the transformation is undefined with zero variance
// (log at p = 0, log-log at p = 0 or 1). With seLog = 0 the sampling
// variance is zero, so this returns the degenerate interval [p, p] there
// instead; R's summary(times =) does the same for times before the first
// observation. ok is false only when the interval cannot be formed (p = 0
// or p = 1 with seLog > 0 under log-log, p = 0 with seLog > 0 under log,
// or a non-finite seLog); lower and upper are then 0.
func kmConfInterval(p, seLog, z float64, conf ConfType) (lower, upper float64, ok bool) {
	if math.IsNaN(seLog) || math.IsInf(seLog, 0) || math.IsNaN(p) {
		return 0, 0, false
	}
	if seLog == 0 {
		return p, p, true
	}
	switch conf {
	case ConfPlain:
		se2 := seLog * p * z
		return math.Max(p-se2, 0), math.Min(p+se2, 1), true
	case ConfLog:
		if p <= 0 {
			return 0, 0, false
		}
		se2 := z * seLog
		return math.Exp(math.Log(p) - se2), math.Min(math.Exp(math.Log(p)+se2), 1), true
	case ConfLogLog:
		if p <= 0 || p >= 1 {
			return 0, 0, false
		}
		se2 := z * seLog / math.Log(p)
		ll := math.Log(-math.Log(p))
		return math.Exp(-math.Exp(ll - se2)), math.Exp(-math.Exp(ll + se2)), true
	}
	return 0, 0, false
}
