package models

import "fmt"

// Method names, as they appear in results.json.
const (
	MethodWilson         = "wilson"
	MethodWilsonCC       = "wilson-cc"
	MethodClopperPearson = "clopper-pearson"
	MethodJeffreys       = "jeffreys"
	MethodPercentile     = "percentile"
	MethodBasic          = "basic"
	MethodNormal         = "normal"
	MethodBCa            = "bca"
)

// Interval is a two-sided confidence interval at Level.
//
// Method names the method (MethodWilson, MethodBCa, …) and Rule the variant
// it follows where there is a choice (the quantile rule "boot" or "linear",
// the BCa z0 rule; empty for the exact methods).
//
// Defined is false when the interval cannot be computed (a share 0/0, a
// bootstrap whose replicates are all equal); Note then says why, and Low and
// High are 0. When Defined is true, Low and High are finite (never NaN).
// Note may also carry a remark on a defined interval (e.g. extreme order
// statistics used as endpoints, or a Clopper-Pearson fallback).
type Interval struct {
	Method  string
	Rule    string
	Level   float64
	Low     float64
	High    float64
	Defined bool
	Note    string
}

// undefinedInterval returns an Interval that is not defined, with the reason.
func undefinedInterval(method, rule string, level float64, note string) Interval {
	return Interval{Method: method, Rule: rule, Level: level, Note: note}
}

// checkIntervalLevel returns an error unless 0 < level < 1.
func checkIntervalLevel(level float64) error {
	if !(level > 0 && level < 1) {
		return fmt.Errorf("models: confidence level %v is not strictly between 0 and 1", level)
	}
	return nil
}
