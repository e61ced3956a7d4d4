package pipeline

import (
	"maps"
	"slices"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
)

// TestReasons: a byte a row gives back every reason set, counts them, and
// a clone's changes stay its own.
func TestReasons(t *testing.T) {
	r := newReasons(6)
	for i, why := range []results.Reason{ReasonNoEntry, "", results.ReasonDate, ReasonNoEntry, ReasonInclude, ""} {
		r.set(i, why)
	}
	r.set(4, "") // included again
	want := []results.Reason{ReasonNoEntry, "", results.ReasonDate, ReasonNoEntry, "", ""}
	if got := reasonList(r); !slices.Equal(got, want) {
		t.Errorf("reasons %q, want %q", got, want)
	}
	if got, want := r.Count(), map[results.Reason]int{ReasonNoEntry: 2, results.ReasonDate: 1}; !maps.Equal(got, want) {
		t.Errorf("count %v, want %v", got, want)
	}
	c := r.clone()
	c.set(1, ReasonDuplicate)
	c.set(0, "")
	if r.At(1) != "" || r.At(0) != ReasonNoEntry || c.At(1) != ReasonDuplicate || c.At(0) != "" {
		t.Errorf("clone and original share rows: %q %q", reasonList(r), reasonList(c))
	}
}
