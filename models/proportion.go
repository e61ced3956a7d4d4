package models

import (
	"fmt"

	"gonum.org/v1/gonum/stat/distuv"
)

// noteZeroDenominator is the Note of a share whose denominator is 0.
const noteZeroDenominator = "not defined: denominator is 0"

// ExactInterval returns the interval of the named exact method
// (MethodWilson, MethodWilsonCC, MethodClopperPearson or MethodJeffreys)
// for the share k/n at level.
func ExactInterval(method string, k, n int, level float64) (Interval, error) {
	switch method {
	case MethodWilson:
		return Wilson(k, n, level)
	case MethodWilsonCC:
		return WilsonCC(k, n, level)
	case MethodClopperPearson:
		return ClopperPearson(k, n, level)
	case MethodJeffreys:
		return Jeffreys(k, n, level)
	}
	return Interval{}, fmt.Errorf("models: %q is not an exact interval method", method)
}

// IsExactMethod reports whether method names an interval for a share that
// needs no resampling (Wilson, Wilson CC, Clopper-Pearson, Jeffreys).
func IsExactMethod(method string) bool {
	switch method {
	case MethodWilson, MethodWilsonCC, MethodClopperPearson, MethodJeffreys:
		return true
	}
	return false
}

// checkShare validates the share k/n and the level shared by the exact
// methods. It returns (undefined interval, true, nil) for 0/0.
func checkShare(method string, k, n int, level float64) (Interval, bool, error) {
	if err := checkIntervalLevel(level); err != nil {
		return Interval{}, false, err
	}
	if n < 0 || k < 0 || k > n {
		return Interval{}, false, fmt.Errorf("models: share %d of %d: need 0 ≤ count ≤ denominator", k, n)
	}
	if n == 0 {
		return undefinedInterval(method, "", level, noteZeroDenominator), true, nil
	}
	return Interval{}, false, nil
}

// normalQuantile returns Φ⁻¹(p), the standard normal quantile.
func normalQuantile(p float64) float64 { return distuv.UnitNormal.Quantile(p) }

// normalCDF returns Φ(x), the standard normal distribution function.
func normalCDF(x float64) float64 { return distuv.UnitNormal.CDF(x) }

// betaQuantile returns the p quantile of Beta(a, b) (R qbeta).
func betaQuantile(p, a, b float64) float64 {
	return distuv.Beta{Alpha: a, Beta: b}.Quantile(p)
}
