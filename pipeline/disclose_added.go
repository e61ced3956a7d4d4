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
// that also holds every count of the main cohort's flow, measures (pooled
// and by stratum), exits and costs, settled as the first pass left them
// (shown stay shown, hidden stay hidden), with the sums that tie them.
// Within a table every count is a set of people and every sum a
// partition, as in the first pass, so a hidden count can be neither
// subtracted out of its group, its stratum or its margin, nor derived
// against a measure or status that counts some of the same people (a
// described bool that a measure also counts). Only the time-based tables
// (risk tables, sensitivity variants) are left out, which keeps the
// figures already published as they were and the row groups small.
func discloseAdded(cfg *config.Config, r *results.Results, c *Cohort, counts *Counts, part *Participants,
	zeros models.ZeroPolicy, trail io.Writer) (*results.HiddenCounts, error) {
	out := &results.HiddenCounts{}
	base := baseClasses(c, counts)
	run := func(name string, code []uint16, cells func(b *cellBook, all int)) error {
		b := &cellBook{classes: peopleClasses(c, base, code), sites: map[int][]func(){}, zerosShown: zeros == models.ZerosPublish}
		b.l = models.NewWeightedLedger(b.classes.weights, cfg.Disclosure.Min(), zeros)
		cells(b, b.settledCells(c, counts, r))
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
		if err := run("describe "+ds.Field, f.code, func(b *cellBook, all int) { b.describeCells(c, f, ds, all) }); err != nil {
			return nil, err
		}
	}
	if r.Intake != nil {
		if err := run("intake", part.period, func(b *cellBook, all int) { b.intakeCells(c, part, r.Intake, all) }); err != nil {
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
func (p *Participants) discloseHorizons(c *Cohort, r *results.Results, run func(string, []uint16, func(*cellBook, int)) error) error {
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
		if err := run("horizons "+m.ID, codes, func(b *cellBook, _ int) { b.horizonCells(c, h, m) }); err != nil {
			return err
		}
		m.Horizons.Curve = coarsenCurve(m.Horizons.Curve, r.Disclosure.MinCell)
	}
	return nil
}

// settledCells enters the first pass's counts of the main cohort as it
// left them (cellBook.settled): the flow, the measures pooled and by
// stratum, the exits and the costs. It returns the included's cell.
func (b *cellBook) settledCells(c *Cohort, counts *Counts, r *results.Results) int {
	b.settled = true
	defer func() { b.settled = false }()
	all := b.flowCells(c, &r.Flow)
	b.measureCells(c, counts, r, all)
	b.fieldCells(c, counts, r, all)
	b.exitCells(c, counts, r.Exits)
	b.costCells(c, counts, r.Costs)
	return all
}

// profile is what the first pass's counts of the main cohort can tell
// apart: stratum, status, measure indicators, missing counts and the
// groups of further strata fields.
type profile struct {
	stratum, status int32
	pattern, missed uint32
	fields          int32 // the groups of further strata fields (fieldCode)
}

// baseClasses numbers each person's profile.
func baseClasses(c *Cohort, counts *Counts) []int32 {
	ids := map[profile]int32{}
	out := make([]int32, len(c.People))
	for i, p := range c.People {
		k := profile{int32(p.Stratum), int32(p.Status), counts.Patterns[i], counts.Undecided[i], fieldCode(c, i)}
		id, ok := ids[k]
		if !ok {
			id = int32(len(ids))
			ids[k] = id
		}
		out[i] = id
	}
	return out
}

// peopleClasses groups the included people by their profile (base) and a
// table's code: people alike in both are in the same counts of the table
// and of the settled cells. The pairs index a dense table while it is
// small (profiles × rows), a map past that.
func peopleClasses(c *Cohort, base []int32, code []uint16) rowClasses {
	width := 1 + int(maxCode(code))
	var top int32
	for _, b := range base {
		top = max(top, b)
	}
	size := width * (1 + int(top))
	dense := size <= 1<<22
	var table []int32
	if dense {
		table = make([]int32, size)
	}
	ids := map[int]int32{}
	out := rowClasses{reps: map[*Cohort][]int{}}
	var reps []int
	for i := range c.People {
		key := int(base[i])*width + int(code[i])
		var id int32 // class + 1; 0: new
		if dense {
			id = table[key]
		} else {
			id = ids[key]
		}
		if id == 0 {
			out.weights, reps = append(out.weights, 0), append(reps, i)
			id = int32(len(out.weights))
			if dense {
				table[key] = id
			} else {
				ids[key] = id
			}
		}
		out.weights[id-1]++
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
