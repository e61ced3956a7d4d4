package models

import (
	"cmp"
	"fmt"
	"slices"
)

// Finding is a count of few people that a reader can derive from what is
// published: the cell, its value and the published cells it follows from.
type Finding struct {
	Label   string
	Value   int
	Support []string
}

// Protection is the outcome of Protect: which cells are hidden.
type Protection struct {
	hidden []bool
	// Primary and Secondary count the cells hidden because they are small,
	// and hidden so that a small one cannot be derived.
	Primary, Secondary int
	// Residual lists what can still be derived, only from counts that are
	// always shown (a cohort smaller than the limit); empty otherwise.
	Residual []Finding
	// Trail says, for each secondary suppression, which cell was hidden
	// and the derivation it breaks (for tests and the curious).
	Trail []string
}

// Hidden reports whether cell id is hidden.
func (p Protection) Hidden(id int) bool { return id < len(p.hidden) && p.hidden[id] }

// Protect hides every small published count (primary suppression), then,
// while a small count can be derived, hides the cheapest published count
// that the derivation rests on (secondary suppression). It is deterministic:
// cells are visited in the order they were recorded.
func (l *Ledger) Protect() (Protection, error) {
	if l.err != nil {
		return Protection{}, l.err
	}
	a := l.atoms()
	p := Protection{}
	for id := range a.cells {
		c := &a.cells[id]
		if c.published && !c.locked && l.small(c.count) {
			p.Primary += a.hide(id)
		}
	}
	for range len(a.cells) + 1 {
		f, ok := a.firstFinding()
		if !ok {
			break
		}
		best := a.cheapest(f.support)
		if best < 0 {
			p.Residual = append(p.Residual, a.finding(f))
			a.accepted[f.cell] = true
			continue
		}
		p.Secondary += a.hide(best)
		fd := a.finding(f)
		p.Trail = append(p.Trail, fmt.Sprintf("hid %q: %q = %d followed from %q", a.cells[best].label, fd.Label, fd.Value, fd.Support))
	}
	p.hidden = make([]bool, len(l.cells))
	for id := range l.cells {
		p.hidden[id] = a.cells[id].hidden
	}
	return p, nil
}

// Audit lists every small count that can be derived from the published,
// unhidden cells (no hiding): the check a hostile reader would make.
func (l *Ledger) Audit(hidden func(id int) bool) ([]Finding, error) {
	if l.err != nil {
		return nil, l.err
	}
	a := l.atoms()
	for id := range l.cells {
		a.cells[id].hidden = hidden(id)
	}
	var out []Finding
	for {
		f, ok := a.firstFinding()
		if !ok {
			return out, nil
		}
		out = append(out, a.finding(f))
		a.accepted[f.cell] = true
	}
}

// hide hides a cell and those it implies; it returns how many were hidden.
func (a *atomLedger) hide(id int) int {
	c := &a.cells[id]
	if c.hidden || c.locked || (c.count == 0 && a.l.zeros == ZerosPublish) {
		return 0
	}
	c.hidden = true
	n := 1
	for _, im := range a.l.implies {
		if im[0] == id {
			n += a.hide(im[1])
		}
	}
	return n
}

// cheapest picks the published, shown, hideable cell of lowest cost (then
// smallest count, then first recorded), or −1.
func (a *atomLedger) cheapest(support []int) int {
	best := -1
	for _, id := range support {
		c := a.cells[id]
		if !c.published || c.hidden || c.locked || (c.count == 0 && a.l.zeros == ZerosPublish) {
			continue
		}
		if best < 0 || cmp.Or(cmp.Compare(c.cost, a.cells[best].cost), cmp.Compare(c.count, a.cells[best].count),
			cmp.Compare(id, best)) < 0 {
			best = id
		}
	}
	return best
}

func (a *atomLedger) finding(f derived) Finding {
	out := Finding{Value: f.value}
	if f.cell >= 0 {
		out.Label = a.cells[f.cell].label
	} else {
		out.Label = "hidden parts of " + a.cells[a.rels[-1-f.cell][0]].label
	}
	for _, id := range f.support {
		out.Support = append(out.Support, a.cells[id].label)
	}
	slices.Sort(out.Support)
	return out
}
