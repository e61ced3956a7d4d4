package pipeline

import (
	"math/rand/v2"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// benchCohort is n people in 4 strata with 4 measures, 3 statuses and a
// retention table at 4 times: the shape of a register cohort.
func benchCohort(n int) (*config.Config, *results.Results, *Cohort, *Counts) {
	rng := rand.New(rand.NewPCG(3, 4))
	c := &Cohort{Rows: n, Statuses: []string{"completed", "dropout", "ongoing"}, Strata: []string{"A", "B", "C", "D"}}
	counts := &Counts{Patterns: make([]uint32, n), Undecided: make([]uint32, n), Missing: make([]int, 4), CostsBit: -1}
	for i := range n {
		p := Person{Index: int32(i), Status: rng.Int32N(3), Stratum: rng.Int32N(4), Exit: Day(rng.Int32N(80 * 7))}
		c.People = append(c.People, p)
		for j := range 4 {
			counts.Patterns[i] |= Den(j)
			if rng.IntN(3) == 0 {
				counts.Patterns[i] |= Num(j)
			}
		}
	}
	min := 5
	cfg := &config.Config{Disclosure: config.Disclosure{MinCell: &min}}
	r := &results.Results{Flow: results.Flow{Included: n}}
	for s, name := range c.Statuses {
		r.Flow.Status = append(r.Flow.Status, results.StatusCount{Status: name, Count: intp(c.StatusCount(s))})
	}
	share := func(j int, w who) results.Measure {
		num, den := 0, 0
		for i := range c.People {
			if w(i, &c.People[i]) {
				den++
				if counts.Patterns[i]&Num(j) != 0 {
					num++
				}
			}
		}
		return results.Measure{ID: "m", Count: intp(num), Denominator: intp(den), Missing: intp(0)}
	}
	for j := range 4 {
		r.Measures = append(r.Measures, share(j, everyone))
	}
	for s, name := range c.Strata {
		st := results.StratumResult{Stratum: name, N: intp(stratumSize(c, s))}
		for j := range 4 {
			st.Measures = append(st.Measures, share(j, inStratum(s)))
		}
		r.ByStratum = append(r.ByStratum, st)
	}
	r.Retention = &results.Retention{Event: "dropout"}
	for _, t := range []float64{4, 13, 26, 52} {
		r.Retention.Points = append(r.Retention.Points, results.RetentionPoint{T: t})
	}
	for s := range c.Strata {
		sr := results.StratumRetention{}
		for _, t := range []float64{4, 13, 26, 52} {
			sr.Points = append(sr.Points, results.RetentionPoint{T: t})
		}
		r.Retention.ByStratum = append(r.Retention.ByStratum, sr)
		_ = s
	}
	return cfg, r, c, counts
}

// BenchmarkDisclose1e6: the whole disclosure pass for 10⁶ people.
func BenchmarkDisclose1e6(b *testing.B) {
	cfg, r, c, counts := benchCohort(1_000_000)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Disclose(cfg, r, c, counts, nil, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}
