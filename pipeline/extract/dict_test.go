package extract

import (
	"reflect"
	"testing"
)

// A text column keeps each distinct value once, in order of first
// appearance after the blank's "", and each row a code into them.
func TestTextDictionary(t *testing.T) {
	p := writeFile(t, t.TempDir(), "d.csv", "sted;startdato\nNæstved;01-01-2020\n Slagelse ;01-01-2020\n;01-01-2020\nNæstved;01-01-2020\nSlagelse;01-01-2020\nnæstved;01-01-2020\n")
	ex, err := Read(Source{Path: p}, []Field{{Name: "site", Header: "sted", Kind: KindText}, {Name: "start", Header: "startdato", Kind: KindDate}})
	must(t, err)
	c := ex.Column("site")
	if want := []string{"", "Næstved", "Slagelse", "næstved"}; !reflect.DeepEqual(c.Dict, want) {
		t.Errorf("dict %q, want %q", c.Dict, want)
	}
	if want := []uint32{1, 2, 0, 1, 2, 3}; !reflect.DeepEqual(c.Codes, want) {
		t.Errorf("codes %v, want %v", c.Codes, want)
	}
	if want := []bool{false, false, true, false, false, false}; !reflect.DeepEqual(c.Missing, want) {
		t.Errorf("missing %v", c.Missing)
	}
	if got := texts(c); got[1] != "Slagelse" || got[2] != "" {
		t.Errorf("texts %q", got)
	}
}
