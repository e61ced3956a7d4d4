package pipeline

import (
	"path/filepath"
	"testing"

	"github.com/danish-eval/evaluate/pipeline/config"
)

// benchStory is the pva config on 10⁶ generated rows, selected and
// measured: what the describe stage and disclosure start from.
func benchStory(b *testing.B) (*config.Config, *Cohort, *Counts) {
	b.Helper()
	cfg, err := config.Load(filepath.Join("..", "data", "cohorts", "pva.yaml"), nil)
	if err != nil {
		b.Fatal(err)
	}
	r, err := CompileRules(cfg)
	if err != nil {
		b.Fatal(err)
	}
	c, err := SelectCohort(cfg, r, benchExtract(cfg, 1_000_000, 6))
	if err != nil {
		b.Fatal(err)
	}
	counts, err := Measure(cfg, r, c)
	if err != nil {
		b.Fatal(err)
	}
	return cfg, c, counts
}

// BenchmarkDescribe1e6: pva's description (age at entry from a birth date
// in 5 bands, sex, benefit group; overall and by 4 sites), the intake per
// quarter and the employment measure's horizons, on 10⁶ people.
func BenchmarkDescribe1e6(b *testing.B) {
	cfg, c, counts := benchStory(b)
	for b.Loop() {
		if _, err := Describe(cfg, c, counts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDiscloseStory1e6: disclosure control of pva's tables on 10⁶
// people, without and with the description, intake and horizon tables
// (their cells and the finer row groups they need).
func BenchmarkDiscloseStory1e6(b *testing.B) {
	cfg, c, counts := benchStory(b)
	est, err := Bootstrap(cfg, c, counts, 0)
	if err != nil {
		b.Fatal(err)
	}
	ret, err := Retention(cfg, c)
	if err != nil {
		b.Fatal(err)
	}
	part, err := Describe(cfg, c, counts)
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		part *Participants
	}{{"without", nil}, {"with", part}} {
		b.Run(bc.name, func(b *testing.B) {
			for range b.N { // not b.Loop: the timer stops while fresh tables are made
				b.StopTimer() // Disclose blanks what it hides: fresh tables each time
				r := Assemble(cfg, c, counts, est, ret)
				var p *Participants
				if bc.part != nil {
					p, _ = Describe(cfg, c, counts)
					p.Attach(r)
				}
				b.StartTimer()
				if _, err := Disclose(cfg, r, c, counts, nil, p, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
