package pipeline

import (
	"math"

	"github.com/danish-eval/evaluate/pipeline/extract"
)

// repeatedIDs marks the rows whose id is missing and returns the rows of
// every id that occurs more than once: each group in row order, the
// groups in the order their second row comes.
//
// The ids are 128-bit hashes (extract.IDHash), already uniform, so an
// open-addressing table indexed by their low bits finds repeats with one
// or two probes a row and no per-key allocation: at 10⁶ rows a quarter of
// what a Go map of the hashes costs, and a tenth of a map of the ids as
// strings.
func repeatedIDs(col *extract.Column, reason *Reasons) [][]int {
	if len(col.ID) < math.MaxUint32 {
		return repeated[uint32](col, reason)
	}
	return repeated[uint64](col, reason)
}

// repeated does repeatedIDs with table slots of type S, which must hold
// the number of rows + 1.
func repeated[S uint32 | uint64](col *extract.Column, reason *Reasons) [][]int {
	size := 1
	for size < 2*len(col.ID) { // at most half full: short probe runs
		size <<= 1
	}
	slots := make([]S, size) // 1 + the first row holding the slot's id; 0: empty
	mask := uint64(size - 1)
	group := map[S]int{} // first row (+1) of a repeated id → its index in groups
	var groups [][]int
	for i, id := range col.ID {
		if col.Missing[i] {
			if reason.At(i) == "" {
				reason.set(i, ReasonMissingID)
			}
			continue
		}
		for s := id[0] & mask; ; s = (s + 1) & mask {
			f := slots[s]
			if f == 0 {
				slots[s] = S(i + 1)
				break
			}
			if col.ID[f-1] != id {
				continue
			}
			g, ok := group[f]
			if !ok {
				g = len(groups)
				group[f] = g
				groups = append(groups, []int{int(f - 1)})
			}
			groups[g] = append(groups[g], i)
			break
		}
	}
	return groups
}
