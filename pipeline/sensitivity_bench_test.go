package pipeline

import (
	"path/filepath"
	"testing"
)

// BenchmarkSensitivity2e5: the pva config's three sensitivity variants on
// 2·10⁵ generated rows, after the main analysis: one changes measures'
// populations (the main selection and the unchanged measures are reused),
// one cohort.include (main's dated rows are reused), one measures' counts.
// Each variant measures and bootstraps (B = 999 here to keep it quick).
func BenchmarkSensitivity2e5(b *testing.B) {
	cfg, err := LoadConfig(filepath.Join("..", "data", "cohorts", "pva.yaml"), Options{Replicates: intp(999)})
	if err != nil {
		b.Fatal(err)
	}
	r, err := CompileRules(cfg)
	if err != nil {
		b.Fatal(err)
	}
	in := &Input{Extract: benchExtract(cfg, 200_000, 7)}
	c, err := SelectCohort(cfg, r, in.Extract)
	if err != nil {
		b.Fatal(err)
	}
	counts, err := Measure(cfg, r, c)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		v, _, err := Sensitivity(&timer{}, cfg, in, c, counts, 2)
		if err != nil || len(v) != 3 {
			b.Fatalf("%d variants, %v", len(v), err)
		}
	}
}
