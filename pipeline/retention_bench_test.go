package pipeline

import (
	"testing"

	"github.com/danish-eval/evaluate/pipeline/config"
)

// benchRetention runs the retention stage for 10⁶ people in 4 strata with
// the given competing exits (nil: the default, completed competes).
// Times are whole days, as a register's dates give them: a few hundred
// distinct times, so ordering them (models.Durations) is what the curves
// cost.
func benchRetention(b *testing.B, competing []string) {
	_, _, c, _ := benchCohort(1_000_000)
	cfg := &config.Config{Bootstrap: config.Bootstrap{Level: 0.95}, Cohort: config.Cohort{Status: config.Ordered{
		{Name: "completed"}, {Name: "dropout"}, {Name: "ongoing"}}},
		Retention: &config.Retention{Event: "dropout", Competing: competing, Times: []float64{4, 13, 26, 52}}}
	b.ResetTimer()
	for range b.N {
		if _, err := Retention(cfg, c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRetention1e6: Kaplan-Meier of time in the programme (pooled and
// by stratum), Aalen-Johansen of two exits and the state occupation's
// boundary bands.
func BenchmarkRetention1e6(b *testing.B) { benchRetention(b, nil) }

// BenchmarkRetentionKM1e6: retention.competing: [] — Kaplan-Meier only.
func BenchmarkRetentionKM1e6(b *testing.B) { benchRetention(b, []string{}) }
