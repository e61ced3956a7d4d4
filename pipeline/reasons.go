package pipeline

import (
	"iter"
	"slices"

	"github.com/danish-eval/evaluate/models/results"
)

// Reasons holds why each data row was excluded ("" when included) in a
// byte a row, where a []results.Reason takes 16: each row's code is an
// index into names, which are "" and results.ReasonOrder (every reason
// there is; one that is not would be added after them), so equal
// exclusions are equal codes.
type Reasons struct {
	code  []uint8
	names []results.Reason // names[0] is ""
}

func newReasons(rows int) *Reasons {
	return &Reasons{code: make([]uint8, rows), names: append([]results.Reason{""}, results.ReasonOrder...)}
}

// Len is the number of rows.
func (r *Reasons) Len() int { return len(r.code) }

// At is why row i was excluded, "" when it was not.
func (r *Reasons) At(i int) results.Reason { return r.names[r.code[i]] }

// All gives each row and why it was excluded.
func (r *Reasons) All() iter.Seq2[int, results.Reason] {
	return func(yield func(int, results.Reason) bool) {
		for i, k := range r.code {
			if !yield(i, r.names[k]) {
				return
			}
		}
	}
}

// Count is how many rows each reason excluded.
func (r *Reasons) Count() map[results.Reason]int {
	n := make([]int, len(r.names))
	for _, k := range r.code {
		n[k]++
	}
	out := map[results.Reason]int{}
	for k, why := range r.names {
		if k > 0 && n[k] > 0 {
			out[why] += n[k]
		}
	}
	return out
}

// set excludes row i for why ("" includes it again).
func (r *Reasons) set(i int, why results.Reason) {
	k := slices.Index(r.names, why)
	if k < 0 {
		k = len(r.names)
		r.names = append(r.names, why)
	}
	r.code[i] = uint8(k)
}

// clone is a copy that set does not share.
func (r *Reasons) clone() *Reasons {
	return &Reasons{code: slices.Clone(r.code), names: slices.Clone(r.names)}
}
