package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
)

// TestRenderWorkers draws the pva report one output at a time and four at
// a time: the files must be the same bytes (the outputs share the content
// and the fonts, and must not depend on the order they finish in). Run
// with -race to check the drawing shares nothing it writes.
func TestRenderWorkers(t *testing.T) {
	path := filepath.Join("..", "data", "cohorts", "pva.yaml")
	cfg, err := LoadConfig(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := analyse(&timer{}, cfg, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	one, err := Render(cfg, a, nil, 1)
	if err != nil {
		t.Fatal(err)
	}
	four, err := Render(cfg, a, nil, 4)
	if err != nil {
		t.Fatal(err)
	}
	if len(one) != len(four) || len(one) < 5 {
		t.Fatalf("%d files with one worker, %d with four", len(one), len(four))
	}
	for name, b := range one {
		if !bytes.Equal(b, four[name]) {
			t.Errorf("%s differs between one worker and four", name)
		}
	}
}

// TestParallelFirstError: whatever finishes first, the error reported is
// that of the lowest-numbered task that failed, and every task runs once.
func TestParallelFirstError(t *testing.T) {
	for _, workers := range []int{0, 1, 3, 20} {
		ran := make([]int, 10)
		err := parallel(workers, len(ran), func(i int) error {
			ran[i]++
			if i == 4 || i == 7 {
				return errors.New(string(rune('a' + i)))
			}
			return nil
		})
		if err == nil || err.Error() != "e" {
			t.Errorf("workers %d: error %v, want task 4's (e)", workers, err)
		}
		if slices.ContainsFunc(ran, func(n int) bool { return n != 1 }) {
			t.Errorf("workers %d: tasks ran %v times, want once each", workers, ran)
		}
	}
}

// BenchmarkRender: drawing the pva report's outputs (PDF, HTML, PNGs,
// xlsx) one at a time and two at a time, the fixed cost of every report.
func BenchmarkRender(b *testing.B) {
	cfg, err := LoadConfig(filepath.Join("..", "data", "cohorts", "pva.yaml"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	a, err := analyse(&timer{}, cfg, Options{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			for b.Loop() {
				if _, err := Render(cfg, a, nil, workers); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
