package pipeline

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/danish-eval/evaluate/pipeline/extract"
)

// repeatedIDs must tell ids apart by the whole hash, not the bits that
// pick a table slot: the hashes here share their low bits (and so probe
// past each other, wrapping round the table's end).
func TestRepeatedIDs(t *testing.T) {
	h := func(lo, hi uint64) extract.IDHash { return extract.IDHash{lo, hi} }
	tests := []struct {
		name    string
		ids     []extract.IDHash
		missing []int
		want    [][]int
	}{
		{"none", []extract.IDHash{h(1, 1), h(2, 2), h(3, 3)}, nil, nil},
		{"same slot, other id", []extract.IDHash{h(0, 1), h(0, 2), h(16, 1), h(0, 1)}, nil, [][]int{{0, 3}}},
		{"groups in order of their second row", []extract.IDHash{h(7, 7), h(5, 5), h(5, 5), h(7, 7), h(7, 7)}, nil, [][]int{{1, 2}, {0, 3, 4}}},
		{"wraps round", []extract.IDHash{h(7, 1), h(7, 2), h(7, 3), h(7, 2)}, nil, [][]int{{1, 3}}},
		{"missing ids are no one's duplicate", []extract.IDHash{{}, {}, h(4, 4), h(4, 4)}, []int{0, 1}, [][]int{{2, 3}}},
		{"same slot, high halves apart", []extract.IDHash{h(3, 1<<63), h(3, 1<<62), h(3, 1<<63|5), h(3, 1<<63)}, nil, [][]int{{0, 3}}},
	}
	for _, tc := range tests {
		col := &extract.Column{ID: tc.ids, Missing: make([]bool, len(tc.ids))}
		for _, i := range tc.missing {
			col.Missing[i] = true
		}
		reason := newReasons(len(tc.ids))
		reason.set(reason.Len()-1, ReasonNoEntry) // an earlier reason stays
		got := repeatedIDs(col, reason)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: groups %v, want %v", tc.name, got, tc.want)
		}
		if got := repeated[uint64](col, newReasons(len(tc.ids))); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: groups with 64-bit slots %v, want %v", tc.name, got, tc.want)
		}
		for _, i := range tc.missing {
			if reason.At(i) != ReasonMissingID {
				t.Errorf("%s: row %d reason %q", tc.name, i, reason.At(i))
			}
		}
		if last := reason.At(reason.Len() - 1); last != ReasonNoEntry {
			t.Errorf("%s: last row's reason became %q", tc.name, last)
		}
	}
}

// BenchmarkRepeatedIDs: the duplicate check alone at 10⁶ distinct ids
// and one in a hundred repeated.
func BenchmarkRepeatedIDs(b *testing.B) {
	const n = 1_000_000
	col := &extract.Column{ID: make([]extract.IDHash, n), Missing: make([]bool, n)}
	for i := range n {
		col.ID[i] = extract.HashID(fmt.Sprintf("P%07d", i-i%100/99))
	}
	reason := newReasons(n)
	b.ResetTimer()
	for range b.N {
		repeatedIDs(col, reason)
	}
}
