package rules

import (
	"fmt"
	"testing"
)

// A yes/no step of one text field and constants answers from a table over
// the field's dictionary; a dictionary larger than a batch, or a step
// reading two fields, computes row by row. Either way the values are
// expr's.
func TestTextTable(t *testing.T) {
	env := Env{"site": Text, "other": Text}
	for _, size := range []int{4, batchSize + 10} {
		dict := []string{""}
		for k := 1; k < size; k++ {
			dict = append(dict, fmt.Sprintf("v%d", k))
		}
		n := 300
		f := Frame{}
		for _, name := range []string{"site", "other"} {
			c := &Column{Kind: Text, Dict: dict, Codes: make([]uint32, n), Missing: make([]bool, n)}
			for i := range n {
				c.Codes[i] = uint32((i * 7) % size)
				c.Missing[i] = i%11 == 0
			}
			f[name] = c
		}
		for _, tc := range []struct {
			src    string
			tabled bool
		}{
			{"site == 'v3'", true}, {"'v1' != site", true}, {"site == ''", true}, {"site < 'v2'", true},
			{"site in ['v1', '', 'v9']", true}, {"site contains '1'", true}, {"'v12' startsWith site", true},
			{"site == other", false}, {"(site ?? 'x') == 'v1'", false},
		} {
			r, err := Compile("test", tc.src, env, Bool)
			if err != nil || !r.Planned() {
				t.Fatalf("%s: %v, planned %v", tc.src, err, r != nil && r.Planned())
			}
			s, err := r.plan.bind(f)
			if err != nil {
				t.Fatal(err)
			}
			if want := tc.tabled && size < batchSize; (s.lut != nil) != want {
				t.Errorf("%s, %d values: tabulated %v, want %v", tc.src, size, s.lut != nil, want)
			}
			sameOnFrame(t, r, f)
		}
	}
}
