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
	small := make([]int32, len(stratum))
	for i, s := range stratum {
		if s < 0 || s >= len(names) {
			return nil, fmt.Errorf("kaplan-meier by stratum: stratum[%d] = %d: want 0 to %d", i, s, len(names)-1)
		}
		small[i] = int32(s)
	}
	d, err := NewDurations(time)
	if err != nil {
		return nil, fmt.Errorf("kaplan-meier by stratum: %w", err)
	}
	return d.KaplanMeierByStratum(event, small, names, opts)
}

// KaplanMeierByStratum is the package function KaplanMeierByStratum on
// times already ordered, with strata as int32 (4 bytes a record).
func (d Durations) KaplanMeierByStratum(event []bool, stratum []int32, names []string, opts KMOptions) ([]KMStratum, error) {
	if d.Len() != len(event) || d.Len() != len(stratum) {
		return nil, fmt.Errorf("kaplan-meier by stratum: %d times, %d event flags, %d strata: lengths differ",
			d.Len(), len(event), len(stratum))
	}
	level, z, err := kmConfZ(opts.Level, opts.Conf)
	if err != nil {
		return nil, err
	}
	start := make([]int, len(names)+1)
	for i, s := range stratum {
		if s < 0 || int(s) >= len(names) {
			return nil, fmt.Errorf("kaplan-meier by stratum: stratum[%d] = %d: want 0 to %d", i, s, len(names)-1)
		}
		start[s+1]++
	}
	for s := range names {
		start[s+1] += start[s]
	}
	// each stratum's records side by side (a counting sort by stratum)
	next := append([]int(nil), start[:len(names)]...)
	rank := make([]int32, len(stratum))
	class := make([]uint8, len(stratum))
	for i, s := range stratum {
		rank[next[s]], class[next[s]] = d.Rank[i], b2u8(event[i])
		next[s]++
	}
	out := make([]KMStratum, len(names))
	for s, name := range names {
		lo, hi := start[s], start[s+1]
		out[s] = KMStratum{Name: name, Curve: kmFromTally(d.tally(rank[lo:hi], class[lo:hi], 2), hi-lo, level, z, opts.Conf)}
	}
	return out, nil
}
