package models

import "fmt"

// KMStratum is the Kaplan-Meier curve of one stratum.
type KMStratum struct {
	Name string
	// Curve is the stratum's curve; Curve.Empty() is true for a stratum
	// with nobody in it, which is not an error.
	Curve KMCurve
}

// KaplanMeierByStratum estimates one curve per stratum, as R's
// survfit(Surv(time, event) ~ stratum): stratum[i] indexes names, and the
// result has one entry per name, in the order of names. Lengths must
// match and every stratum[i] must be in [0, len(names)); other errors are
// those of KaplanMeier.
func KaplanMeierByStratum(time []float64, event []bool, stratum []int, names []string, opts KMOptions) ([]KMStratum, error) {
	if len(time) != len(event) || len(time) != len(stratum) {
		return nil, fmt.Errorf("kaplan-meier by stratum: %d times, %d event flags, %d strata: lengths differ",
			len(time), len(event), len(stratum))
	}
	start := make([]int, len(names)+1)
	for i, s := range stratum {
		if s < 0 || s >= len(names) {
			return nil, fmt.Errorf("kaplan-meier by stratum: stratum[%d] = %d: want 0 to %d", i, s, len(names)-1)
		}
		if err := kmCheckTime(i, time[i]); err != nil {
			return nil, fmt.Errorf("kaplan-meier by stratum: %w", err)
		}
		start[s+1]++
	}
	for s := range names {
		start[s+1] += start[s]
	}
	next := append([]int(nil), start[:len(names)]...)
	ts := make([]float64, len(time))
	ev := make([]bool, len(time))
	for i, s := range stratum {
		ts[next[s]], ev[next[s]] = time[i], event[i]
		next[s]++
	}
	out := make([]KMStratum, len(names))
	for s, name := range names {
		c, err := KaplanMeier(ts[start[s]:start[s+1]], ev[start[s]:start[s+1]], opts)
		if err != nil {
			return nil, fmt.Errorf("stratum %q: %w", name, err)
		}
		out[s] = KMStratum{Name: name, Curve: c}
	}
	return out, nil
}
