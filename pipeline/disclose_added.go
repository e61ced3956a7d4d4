package pipeline

import (
	"fmt"
	"io"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// discloseAdded protects the tables of who took part, the intake and each
// measure's horizons, after the other tables: each in a ledger of its own
// whose margins — the included, the stratum sizes, a measure's
// denominator — are fixed as the first pass left them (shown stay shown,
// hidden stay hidden). Within a table every count is a set of people and
// every sum a partition, as in the first pass, so a hidden count cannot be
// subtracted out of its group, its stratum or its margin. Tables are
// linked only through those margins: the row groups of one table never
// split another's, which keeps the figures already published as they were
// and the work proportional to each table's size.
func discloseAdded(cfg *config.Config, r *results.Results, c *Cohort, counts *Counts, part *Participants,
	zeros models.ZeroPolicy, trail io.Writer) (*results.HiddenCounts, error) {
	out := &results.HiddenCounts{}
	strata := make([]uint16, len(c.People))
	for i, p := range c.People {
		strata[i] = uint16(p.Stratum + 1)
	}
	run := func(name string, den int, keys [][]uint16, cells func(b *cellBook, all int)) error {
		b := &cellBook{classes: peopleClasses(c, keys), sites: map[int][]func(){}}
		b.l = models.NewWeightedLedger(b.classes.weights, cfg.Disclosure.Min(), zeros)
		cells(b, b.margins(c, counts, r, den))
		if b.err != nil {
			return b.err
		}
		p, err := b.l.Protect()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for _, line := range p.Trail {
			if trail != nil {
				fmt.Fprintf(trail, "%-8s disclose %s: %s\n", cfg.ID, name, line)
			}
		}
		out.SuppressedCells += b.apply(p)
		out.Primary, out.Secondary = out.Primary+p.Primary, out.Secondary+p.Secondary
		return nil
	}
	for d := range r.Describe {
		f, ds := &part.fields[d], &r.Describe[d]
		if err := run("describe "+ds.Field, -1, [][]uint16{strata, f.code}, func(b *cellBook, all int) {
			b.describeCells(c, f, ds, all)
		}); err != nil {
			return nil, err
		}
	}
	if r.Intake != nil {
		if err := run("intake", -1, [][]uint16{strata, part.period}, func(b *cellBook, all int) {
			b.intakeCells(c, part, r.Intake, all)
		}); err != nil {
			return nil, err
		}
	}
	if err := part.discloseHorizons(c, r, run); err != nil {
		return nil, err
	}
	hideSmallSummaries(r.Describe, cfg.Disclosure.Min())
	return out, nil
}

// discloseHorizons runs each measure's horizons through run, its
// population tied to the measure's denominator.
func (p *Participants) discloseHorizons(c *Cohort, r *results.Results, run func(string, int, [][]uint16, func(*cellBook, int)) error) error {
	k := 0
	for j := range r.Measures {
		m := &r.Measures[j]
		if m.Horizons == nil {
			continue
		}
		h := &p.events[k]
		k++
		codes := make([]uint16, len(h.in))
		for i := range codes {
			codes[i] = h.code(i)
		}
		if err := run("horizons "+m.ID, j, [][]uint16{codes}, func(b *cellBook, _ int) { b.horizonCells(c, h, m) }); err != nil {
			return err
		}
		m.Horizons.Curve = coarsenCurve(m.Horizons.Curve, r.Disclosure.MinCell)
	}
	return nil
}

// margins enters the counts a table shares with the tables protected
// before, as they were left: the included (always shown), each stratum's
// size for a table by stratum (den < 0: its row groups split by stratum)
// and, for a measure's horizons (den ≥ 0), its denominator. It returns the
// included's cell.
func (b *cellBook) margins(c *Cohort, counts *Counts, r *results.Results, den int) int {
	all := b.margin(b.set(c, everyone), "included", &r.Flow.Included, false)
	b.l.Lock(all)
	for s := range r.ByStratum {
		if den >= 0 {
			break
		}
		st := &r.ByStratum[s]
		b.margin(b.set(c, inStratum(s)), "stratum "+st.Stratum, st.N, st.N == nil)
	}
	if den >= 0 {
		m := &r.Measures[den]
		set := b.set(c, func(i int, _ *Person) bool { return counts.Patterns[i]&Den(den) != 0 })
		b.margin(set, "measure "+m.ID+" (denominator)", m.Denominator, m.Denominator == nil)
	}
	return all
}

// margin enters one margin, settled; a shown one must count what was
// printed (the row groups must tell its people apart).
func (b *cellBook) margin(set models.Bits, label string, shown *int, hidden bool) int {
	if n := b.l.Weigh(set); shown != nil && *shown != n && b.err == nil {
		b.err = fmt.Errorf("disclosure: margin %s is printed as %d but counts %d people", label, *shown, n)
	}
	id := b.l.Publish(set, label, costLocked)
	b.l.Fix(id, hidden)
	return id
}

// peopleClasses groups the included people by the given codes (one per
// person each): people alike in all of them are in the same counts of a
// table built on those codes. The codes index a dense table (their ranges
// multiplied are small: strata × rows, or periods), a map only past that.
func peopleClasses(c *Cohort, keys [][]uint16) rowClasses {
	size := 1
	strides := make([]int, len(keys))
	for k := len(keys) - 1; k >= 0; k-- {
		strides[k] = size
		size *= 1 + int(maxCode(keys[k]))
	}
	dense := size <= 1<<22
	var table []int32
	if dense {
		table = make([]int32, size)
	}
	ids := map[int]int32{}
	out := rowClasses{reps: map[*Cohort][]int{}}
	var reps []int
	for i := range c.People {
		key := 0
		for k, codes := range keys {
			key += int(codes[i]) * strides[k]
		}
		var id int32
		if dense {
			id = table[key] - 1
		} else if v, ok := ids[key]; ok {
			id = v - 1
		} else {
			id = -1
		}
		if id < 0 {
			id = int32(len(out.weights))
			out.weights, reps = append(out.weights, 0), append(reps, i)
			if dense {
				table[key] = id + 1
			} else {
				ids[key] = id + 1
			}
		}
		out.weights[id]++
	}
	out.reps[c] = reps
	return out
}

func maxCode(codes []uint16) uint16 {
	var m uint16
	for _, v := range codes {
		m = max(m, v)
	}
	return m
}
