package diff

import (
	"math"
	"strings"
)

// compareCohort lists the differing figures of one cohort, in A's order
// and then those only in B.
func compareCohort(id string, fa, fb []Figure) []Row {
	ka, kb := keysOf(fa), keysOf(fb)
	ia, ib := indexOf(ka), indexOf(kb)
	hidA, hidB := hidden(fa), hidden(fb)
	ctx := contexts(fa, fb)
	var rows []Row
	emit := func(r Row, differs bool) {
		if differs {
			r.Cohort = id
			r.Context = ctx[r.Section]
			rows = append(rows, r)
		}
	}
	for i, f := range fa {
		if j, ok := ib[ka[i]]; ok {
			emit(pair(f, fb[j]))
		} else {
			emit(oneSide(f, true, hidB))
		}
	}
	for j, f := range fb {
		if _, ok := ia[kb[j]]; !ok {
			emit(oneSide(f, false, hidA))
		}
	}
	return rows
}

// keysOf addresses each figure; n counts earlier figures with the same
// section, item and name (none in a valid results.json, but a repeated
// stratum name must not make two figures one).
func keysOf(fs []Figure) []key {
	out := make([]key, len(fs))
	count := map[key]int{}
	for i, f := range fs {
		k := key{f.Section, f.Item, f.Name, 0}
		out[i] = key{f.Section, f.Item, f.Name, count[k]}
		count[k]++
	}
	return out
}

func indexOf(ks []key) map[key]int {
	out := make(map[key]int, len(ks))
	for i, k := range ks {
		out[k] = i
	}
	return out
}

// pair compares a figure present on both sides.
func pair(a, b Figure) (Row, bool) {
	if a.Value.Same(b.Value) {
		return Row{}, false
	}
	r := Row{Section: a.Section, Item: a.Item, Name: a.Name, A: a.Value, B: b.Value, InA: true, InB: true, Size: math.Inf(1)}
	if a.Value.Num != nil && b.Value.Num != nil {
		x, y := *a.Value.Num, *b.Value.Num
		ch := y - x
		r.Change = &ch
		// Rounded so that a count and its share, which change by the same
		// ratio, tie (and keep their order) despite the last bit.
		r.Size = math.Round(math.Abs(ch)/math.Max(math.Abs(x), math.Abs(y))*1e12) / 1e12
		r.SE = math.Hypot(a.SE, b.SE)
		r.WithinMC = withinMC(ch, a.SE, b.SE, math.Max(a.Step, b.Step))
	}
	return r, true
}

// oneSide is a figure on one side only; the other side shows ".." when it
// hid the whole item (a suppressed measure publishes no intervals).
func oneSide(f Figure, inA bool, hidOther map[[2]string]bool) (Row, bool) {
	other := text("absent")
	if hidOther[[2]string{f.Section, f.Item}] {
		other = text(Suppressed)
	}
	r := Row{Section: f.Section, Item: f.Item, Name: f.Name, Size: math.Inf(1)}
	if inA {
		r.A, r.B, r.InA = f.Value, other, true
	} else {
		r.A, r.B, r.InB = other, f.Value, true
	}
	// Hidden on both sides is no difference.
	return r, !(other.Text == Suppressed && f.Value.Num == nil && f.Value.Text == Suppressed)
}

// hidden lists the items suppressed as a whole: a measure whose estimate,
// or costs whose gross saving, is "..".
func hidden(fs []Figure) map[[2]string]bool {
	out := map[[2]string]bool{}
	for _, f := range fs {
		if (f.Name == "estimate" || f.Name == "gross") && f.Value.Num == nil && f.Value.Text == Suppressed {
			out[[2]string{f.Section, f.Item}] = true
		}
	}
	return out
}

// contexts gives each sensitivity section the words of its definition
// (A's and B's when they differ).
func contexts(fa, fb []Figure) map[string]string {
	out := map[string]string{}
	for _, f := range fa {
		if f.Name == "definition" {
			out[f.Section] = f.Value.Text
		}
	}
	for _, f := range fb {
		if f.Name != "definition" {
			continue
		}
		if a, ok := out[f.Section]; ok && a != f.Value.Text {
			out[f.Section] = "A: " + a + " | B: " + f.Value.Text
		} else if !ok {
			out[f.Section] = f.Value.Text
		}
	}
	return out
}

// isVariant reports whether a section is a sensitivity variant's.
func isVariant(sec string) bool { return strings.HasPrefix(sec, "sensitivity ") }
