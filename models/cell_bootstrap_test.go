package models

import (
	"math"
	"testing"
)

// shareUnits returns k people with pattern 1 followed by n − k with pattern 0
// (the layout of bootstrap_share.json).
func shareUnits(k, n int) []Unit {
	u := make([]Unit, n)
	for i := range k {
		u[i].Pattern = 1
	}
	return u
}

// shareOf is the share of pattern bit 1 among everyone.
func shareOf(c *Cells) Ratio {
	return Ratio{
		Num: c.Coefficients(func(_ int, p uint32) bool { return p&1 != 0 }),
		Den: c.Coefficients(func(int, uint32) bool { return true }),
	}
}

// TestCellBootstrapShareReference runs the cell bootstrap of 148/195 and
// 52/148 at B = 9999, seed 1, and compares with testdata/bootstrap_share.json
// (software "Python 3.11.2 scipy 1.10.1 numpy 1.24.2 exact enumeration", the
// B → ∞ limits): R rules (percentile BootNormInter; BCa Z0Strict) with
// exact_percentile and exact_bca_strict, scipy rules (Linear; Z0Mid) with
// exact_percentile and exact_bca_mid. Tolerance (README.md): endpoints of a
// share within one grid step, 1/n + 1e-9; z0 within 0.05; the acceleration
// equals acceleration_exact = (1 − 2p)/(6√(np(1−p))) to 1e-9.
func TestCellBootstrapShareReference(t *testing.T) {
	ref := loadReference(t, "bootstrap_share.json")
	for _, cs := range ref.Cases {
		c, err := NewCells(shareUnits(cs.K, cs.N), Design{})
		if err != nil {
			t.Fatal(err)
		}
		r, err := BootstrapCells(c, []CellStatistic{shareOf(c)}, Options{B: 9999, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(r.T0[0]-cs.Estimate) > 1e-9 {
			t.Errorf("%d/%d: t0 %v, want %v", cs.K, cs.N, r.T0[0], cs.Estimate)
		}
		if math.Abs(r.Accel[0]-cs.AccelerationExact) > 1e-9 || math.Abs(r.AccelWeighted[0]-cs.AccelerationExact) > 1e-9 {
			t.Errorf("%d/%d: a = %.15g (weighted %.15g), acceleration_exact %.15g", cs.K, cs.N, r.Accel[0], r.AccelWeighted[0], cs.AccelerationExact)
		}
		step := 1/float64(cs.N) + 1e-9
		for _, m := range []struct {
			method BootMethod
			exact  string
		}{
			{Percentile{Rule: BootNormInter}, "exact_percentile"},
			{Percentile{Rule: Linear}, "exact_percentile"},
			{BCa{Z0: Z0Strict, Rule: BootNormInter}, "exact_bca_strict"},
			{BCa{Z0: Z0Mid, Rule: Linear}, "exact_bca_mid"},
		} {
			want := findRecord(t, cs.Results, m.exact, "", "", "")
			iv, err := m.method.Interval(r, 0, want.Level)
			if err != nil || !iv.Defined {
				t.Fatalf("%+v: %+v %v", m.method, iv, err)
			}
			t.Logf("%d/%d %s %s: [%.6f, %.6f] vs %s [%.6f, %.6f]", cs.K, cs.N, iv.Method, iv.Rule, iv.Low, iv.High, m.exact, want.Lower, want.Upper)
			if math.Abs(iv.Low-want.Lower) > step || math.Abs(iv.High-want.Upper) > step {
				t.Errorf("%d/%d %+v: [%.6f, %.6f], %s (%s) [%.6f, %.6f] ± %.4f",
					cs.K, cs.N, m.method, iv.Low, iv.High, m.exact, want.Software, want.Lower, want.Upper, step)
			}
			if b, ok := m.method.(BCa); ok {
				if z0, _ := b.BiasCorrection(r, 0); math.Abs(z0-want.Z0) > 0.05 {
					t.Errorf("%d/%d %v: z0 %.4f, exact %.4f ± 0.05", cs.K, cs.N, b.Z0, z0, want.Z0)
				}
			}
		}
	}
}

// TestCellBootstrapProperties on 52/148 and 148/195 (B = 1999): the
// percentile interval holds the estimate, every method widens with the level,
// and all replicates are grid values k/n.
func TestCellBootstrapProperties(t *testing.T) {
	for _, kn := range [][2]int{{52, 148}, {148, 195}, {3, 30}} {
		c, _ := NewCells(shareUnits(kn[0], kn[1]), Design{})
		r, err := BootstrapCells(c, []CellStatistic{shareOf(c)}, Options{B: 1999, Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range r.T[0] {
			if k := v * float64(kn[1]); math.Abs(k-math.Round(k)) > 1e-9 {
				t.Fatalf("replicate %v is not a multiple of 1/%d", v, kn[1])
			}
		}
		for _, m := range []BootMethod{Percentile{}, Percentile{Rule: Linear}, Basic{}, Normal{}, BCa{}, BCa{Z0: Z0Mid, Rule: Linear}} {
			prev := Interval{Low: r.T0[0], High: r.T0[0]}
			for _, level := range []float64{0.5, 0.8, 0.9, 0.95, 0.99} {
				iv, err := m.Interval(r, 0, level)
				if err != nil || !iv.Defined {
					t.Fatalf("%T: %+v %v", m, iv, err)
				}
				if _, ok := m.(Percentile); ok && (iv.Low > r.T0[0] || iv.High < r.T0[0]) {
					t.Errorf("%v %T level %v: [%v, %v] misses %v", kn, m, level, iv.Low, iv.High, r.T0[0])
				}
				if iv.Low > prev.Low+1e-12 || iv.High < prev.High-1e-12 {
					t.Errorf("%v %T: level %v [%v, %v] narrower than [%v, %v]", kn, m, level, iv.Low, iv.High, prev.Low, prev.High)
				}
				prev = iv
			}
		}
	}
}

// TestCellBootstrapDegenerate: 0 of 148 and 148 of 148 give replicates all
// equal; every bootstrap interval is undefined with the reason.
func TestCellBootstrapDegenerate(t *testing.T) {
	for _, k := range []int{0, 148} {
		c, _ := NewCells(shareUnits(k, 148), Design{})
		r, err := BootstrapCells(c, []CellStatistic{shareOf(c)}, Options{B: 999, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range []BootMethod{Percentile{}, Basic{}, Normal{}, BCa{}} {
			iv, _ := m.Interval(r, 0, 0.95)
			if iv.Defined || iv.Note != noteAllEqual {
				t.Errorf("%d/148 %T: %+v", k, m, iv)
			}
		}
	}
}

// TestBootstrapCellsErrors: bad input is an error, not a panic.
func TestBootstrapCellsErrors(t *testing.T) {
	c, _ := NewCells(shareUnits(1, 3), Design{})
	stats := []CellStatistic{shareOf(c)}
	if _, err := BootstrapCells(nil, stats, Options{B: 10}); err == nil {
		t.Error("nil cells accepted")
	}
	if _, err := BootstrapCells(c, nil, Options{B: 10}); err == nil {
		t.Error("no statistics accepted")
	}
	if _, err := BootstrapCells(c, stats, Options{B: 0}); err == nil {
		t.Error("B = 0 accepted")
	}
	if _, err := NewCells(nil, Design{}); err == nil {
		t.Error("no units accepted")
	}
	if _, err := NewCells([]Unit{{Stratum: -1}}, Design{}); err == nil {
		t.Error("negative stratum accepted")
	}
	if _, err := NewCells([]Unit{{Stratum: 0, Cluster: 1}, {Stratum: 1, Cluster: 1}}, Design{Strata: true, Clusters: true}); err == nil {
		t.Error("cluster in two strata accepted")
	}
}
