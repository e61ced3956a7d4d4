package extract

import (
	"reflect"
	"testing"
)

// A block seeded with the merged dictionary codes the values seen before
// as the merged column does (its codes are copied as they are), adds new
// ones after them, and never writes into the merged dictionary's memory;
// an unseeded block is recoded. Both merge to the codes of one pass.
func TestAbsorbSeededText(t *testing.T) {
	fields := []Field{{Name: "site", Header: "sted", Kind: KindText}}
	newB := func() *builder {
		return newBuilder(&Extract{}, fields, []string{"sted"}, []string{"A"}, []int{0}, 0)
	}
	typeRows := func(b *builder, row int, vals ...string) {
		for i, v := range vals {
			b.addRow(row+i, []rawCell{{typ: cellString, val: v}})
		}
	}
	merged := newB()
	first := newB()
	typeRows(first, 2, "Øst", "Vest", "Øst")
	merged.absorb(first)
	merged.ex.Columns[0].Dict = append(make([]string, 0, 8), merged.ex.Columns[0].Dict...) // room to append in place

	seeded := newB().reset()
	seeded.seed(merged.seedDicts())
	typeRows(seeded, 5, "Vest", "Nord", "Øst")
	if got := seeded.ex.Columns[0].Codes; !reflect.DeepEqual(got, []uint32{2, 3, 1}) {
		t.Errorf("seeded block's codes %v, want the merged ones [2 3 1]", got)
	}
	if spare := merged.ex.Columns[0].Dict[:4]; spare[3] != "" {
		t.Errorf("seeded block wrote %q into the merged dictionary", spare[3])
	}
	plain := newB()
	typeRows(plain, 8, "Syd", "Nord", "Vest")
	merged.absorb(seeded)
	merged.absorb(plain)

	one := newB()
	typeRows(one, 2, "Øst", "Vest", "Øst", "Vest", "Nord", "Øst", "Syd", "Nord", "Vest")
	if got, want := merged.ex.Columns[0], one.ex.Columns[0]; !reflect.DeepEqual(got.Dict, want.Dict) || !reflect.DeepEqual(got.Codes, want.Codes) {
		t.Errorf("merged %v %v, one pass %v %v", got.Dict, got.Codes, want.Dict, want.Codes)
	}
}
