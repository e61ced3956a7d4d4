package extract

import (
	"reflect"
	"testing"
)

// TestRowMap: runs of consecutive rows give back every row, and the
// inverse, whether rows are added one by one or a block at a time.
func TestRowMap(t *testing.T) {
	for _, rows := range [][]int{nil, {2}, {2, 3, 4, 5}, {4, 7}, {2, 3, 5, 6, 7, 10, 12, 13}, {1000000, 1000001}} {
		var m RowMap
		for _, r := range rows {
			m.Add(r)
		}
		if got := m.All(); m.Len() != len(rows) || (len(rows) > 0 && !reflect.DeepEqual(got, rows)) {
			t.Errorf("%v: got %v", rows, got)
		}
		for i, r := range rows {
			if k, ok := m.Index(r); !ok || k != i {
				t.Errorf("%v: Index(%d) = %d %v, want %d", rows, r, k, ok, i)
			}
		}
		for _, r := range []int{0, 1, 8, 9, 11, 14, 999999, 1000002} {
			if k, ok := m.Index(r); ok && (k >= len(rows) || rows[k] != r) {
				t.Errorf("%v: Index(%d) = %d", rows, r, k)
			}
		}
		for cut := 0; cut <= len(rows); cut++ {
			var a, b RowMap
			for _, r := range rows[:cut] {
				a.Add(r)
			}
			for _, r := range rows[cut:] {
				b.Add(r)
			}
			a.appendMap(&b)
			if !reflect.DeepEqual(a, m) {
				t.Errorf("%v cut at %d: %+v, want %+v", rows, cut, a, m)
			}
		}
	}
}
