package models

import (
	"encoding/binary"
	"errors"
)

// CEMWeights returns the ATT weights of coarsened exact matching (Iacus,
// King and Porro 2012) as MatchIt's method = "cem": people are grouped in
// strata of equal codes on every covariate (the caller coarsens numbers
// into bands first); strata without a participant or without a comparison
// person are dropped (their people counted as unmatched); participants in
// a matched stratum weigh 1, comparison people in stratum s
//
//	(n₁ₛ / n₀ₛ) × (matched comparison people / matched participants),
//
// so the comparison weights sum to the number matched. Covariates need
// Codes. Errors: no codes, and no stratum with both groups.
func CEMWeights(treated []bool, covs []Covariate) (*Weighting, error) {
	if err := checkGroups(treated); err != nil {
		return nil, err
	}
	for _, c := range covs {
		if err := c.check(len(treated), true); err != nil {
			return nil, err
		}
	}
	strata, k := cemStrata(len(treated), covs)
	w := make([]float64, len(treated))
	matched := cemWeights(w, treated, strata, k, nil)
	if matched == 0 {
		return nil, errNoCEMStratum
	}
	d1, d0 := droppedCounts(treated, w, nil)
	return &Weighting{Method: MethodCEM, W: w, DroppedParticipants: d1, DroppedComparison: d0, Strata: matched}, nil
}

var errNoCEMStratum = errors.New("no stratum of the exact matching has both participants and comparison people: " +
	"use wider bands or fewer covariates")

// cemStrata numbers the distinct code combinations 0 … k−1 in order of
// first appearance.
func cemStrata(n int, covs []Covariate) ([]int, int) {
	ids := map[string]int{}
	strata := make([]int, n)
	key := make([]byte, 0, 8*len(covs))
	for i := range n {
		key = key[:0]
		for _, c := range covs {
			key = binary.AppendVarint(key, int64(c.Codes[i]))
		}
		id, ok := ids[string(key)]
		if !ok {
			id = len(ids)
			ids[string(key)] = id
		}
		strata[i] = id
	}
	return strata, len(ids)
}

// cemWeights writes the weights under case weights c (nil: 1) into w and
// returns the number of matched strata.
func cemWeights(w []float64, treated []bool, strata []int, k int, c []float64) int {
	n1, n0 := make([]float64, k), make([]float64, k)
	for i, s := range strata {
		if treated[i] {
			n1[s] += caseWeight(c, i)
		} else {
			n0[s] += caseWeight(c, i)
		}
	}
	var m1, m0 float64
	matched := 0
	for s := range k {
		if n1[s] > 0 && n0[s] > 0 {
			m1 += n1[s]
			m0 += n0[s]
			matched++
		}
	}
	for i, s := range strata {
		switch {
		case n1[s] == 0 || n0[s] == 0:
			w[i] = 0
		case treated[i]:
			w[i] = 1
		default:
			w[i] = n1[s] / n0[s] * m0 / m1
		}
	}
	return matched
}
