package models

import (
	"fmt"
	"math"
	"testing"
)

// kmFinite fails if any float of a row or point is NaN or infinite.
func kmFinite(t *testing.T, what string, vs ...float64) {
	t.Helper()
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("%s: non-finite value %v in %v", what, v, vs)
		}
	}
}

// TestKaplanMeierEdges: small cases worked by hand with R survival 3.5-3's
// rules (events before censorings at a tied time; summary(times =,
// extend = TRUE) past the end: n.risk 0, last values carried), exact to
// 1e-12.
func TestKaplanMeierEdges(t *testing.T) {
	type row struct {
		time                float64
		risk, event, censor int
		surv                float64
		seDefined           bool
	}
	tests := []struct {
		name   string
		time   []float64
		event  []bool
		rows   []row
		median KMMedian // only Estimate and EstimateReached checked
	}{
		{"event and censoring tied", []float64{1, 1, 2, 3}, []bool{true, false, true, false},
			[]row{{1, 4, 1, 1, 0.75, true}, {2, 2, 1, 0, 0.375, true}, {3, 1, 0, 1, 0.375, true}},
			KMMedian{Estimate: 2, EstimateReached: true}},
		{"exits on the entry day", []float64{0, 0, 0, 5}, []bool{true, true, false, false},
			[]row{{0, 4, 2, 1, 0.5, true}, {5, 1, 0, 1, 0.5, true}},
			KMMedian{Estimate: 0, EstimateReached: true}}, // flat at 0.5, never below: first time
		{"all censored", []float64{3, 1, 2}, []bool{false, false, false},
			[]row{{1, 3, 0, 1, 1, true}, {2, 2, 0, 1, 1, true}, {3, 1, 0, 1, 1, true}},
			KMMedian{}},
		{"all events, S reaches 0", []float64{1, 2, 3, 4}, []bool{true, true, true, true},
			[]row{{1, 4, 1, 0, 0.75, true}, {2, 3, 1, 0, 0.5, true}, {3, 2, 1, 0, 0.25, true}, {4, 1, 1, 0, 0, false}},
			KMMedian{Estimate: 2.5, EstimateReached: true}}, // R: S = 0.5 on [2, 3): midpoint
		{"last two exit together", []float64{1, 2, 2}, []bool{false, true, true},
			[]row{{1, 3, 0, 1, 1, true}, {2, 2, 2, 0, 0, false}},
			KMMedian{Estimate: 2, EstimateReached: true}},
	}
	for _, tc := range tests {
		for _, conf := range []ConfType{ConfLogLog, ConfLog, ConfPlain} {
			t.Run(tc.name+"/"+conf.String(), func(t *testing.T) {
				c, err := KaplanMeier(tc.time, tc.event, KMOptions{Conf: conf})
				if err != nil {
					t.Fatal(err)
				}
				if len(c.Rows) != len(tc.rows) {
					t.Fatalf("%d rows, want %d: %+v", len(c.Rows), len(tc.rows), c.Rows)
				}
				for i, w := range tc.rows {
					g := c.Rows[i]
					kmFinite(t, fmt.Sprint("row ", i), g.Surv, g.StdErr, g.StdErrLog, g.Lower, g.Upper)
					if g.Time != w.time || g.NRisk != w.risk || g.NEvent != w.event || g.NCensor != w.censor ||
						!kmNear(g.Surv, w.surv, 1e-12) || g.SEDefined != w.seDefined {
						t.Errorf("row %d = %+v, want %+v", i, g, w)
					}
					if g.SEDefined && !(g.Lower <= g.Surv && g.Surv <= g.Upper && g.Lower >= 0 && g.Upper <= 1) {
						t.Errorf("row %d: interval [%v, %v] around %v", i, g.Lower, g.Upper, g.Surv)
					}
					if g.Surv == 1 && (g.Lower != 1 || g.Upper != 1) {
						t.Errorf("row %d: S = 1 with interval [%v, %v], want [1, 1]", i, g.Lower, g.Upper)
					}
				}
				m := c.Median()
				if m.EstimateReached != tc.median.EstimateReached || m.Estimate != tc.median.Estimate {
					t.Errorf("median %+v, want %v (reached %v)", m, tc.median.Estimate, tc.median.EstimateReached)
				}
				kmFinite(t, "median", m.Estimate, m.Lower, m.Upper)
				last := c.Rows[len(c.Rows)-1]
				pts := c.At([]float64{-1, 0, 1.5, last.Time, last.Time + 1})
				for _, p := range pts {
					kmFinite(t, fmt.Sprint("point ", p.Time), p.Surv, p.StdErr, p.StdErrLog, p.Lower, p.Upper)
				}
				if p := pts[3]; !p.AtRisk || p.NRisk != last.NRisk || p.Surv != last.Surv {
					t.Errorf("at the last time: %+v", p)
				}
				past := pts[4]
				if past.AtRisk || past.NRisk != 0 || past.Surv != last.Surv || past.NEventInterval != 0 ||
					past.NEventCumulative != c.Events {
					t.Errorf("past the end: %+v, want no one at risk, S carried", past)
				}
				if p := pts[0]; p.Surv != 1 || p.NRisk != len(tc.time) || p.Lower != 1 || p.Upper != 1 {
					t.Errorf("before the start: %+v", p)
				}
			})
		}
	}
}

// TestKaplanMeierAtIntervals: interval counts run from the previous listed
// time, and At sorts and drops non-finite times, as R's summary.survfit.
func TestKaplanMeierAtIntervals(t *testing.T) {
	time := []float64{0, 1, 1, 2, 4, 4, 6}
	event := []bool{true, true, false, false, true, false, true}
	c, err := KaplanMeier(time, event, KMOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pts := c.At([]float64{4, math.NaN(), 0, 1, math.Inf(1), 3})
	want := []struct {
		time                  float64
		risk, ev, cens, evCum int
	}{{0, 7, 1, 0, 1}, {1, 6, 1, 1, 2}, {3, 3, 0, 1, 2}, {4, 3, 1, 1, 3}}
	if len(pts) != len(want) {
		t.Fatalf("%d points, want %d", len(pts), len(want))
	}
	for i, w := range want {
		p := pts[i]
		if p.Time != w.time || p.NRisk != w.risk || p.NEventInterval != w.ev || p.NCensorInterval != w.cens ||
			p.NEventCumulative != w.evCum || !p.AtRisk {
			t.Errorf("point %d = %+v, want %+v", i, p, w)
		}
	}
	if !kmNear(pts[3].Surv, 6.0/7*5/6*2/3, 1e-15) {
		t.Errorf("S(4) = %v", pts[3].Surv)
	}
}

// TestKaplanMeierEmpty: no subjects is an empty curve, not an error; its
// risk table says nobody is at risk and the median is not reached.
func TestKaplanMeierEmpty(t *testing.T) {
	c, err := KaplanMeier(nil, nil, KMOptions{})
	if err != nil || !c.Empty() || len(c.Rows) != 0 {
		t.Fatalf("empty input: %+v, %v", c, err)
	}
	for _, p := range c.At([]float64{0, 4}) {
		if p.AtRisk || p.NRisk != 0 || p.Surv != 1 {
			t.Errorf("empty curve point %+v", p)
		}
	}
	if m := c.Median(); m.EstimateReached || m.LowerReached || m.UpperReached {
		t.Errorf("empty curve median %+v", m)
	}
}

// TestKaplanMeierErrors: data problems are errors naming the argument.
func TestKaplanMeierErrors(t *testing.T) {
	tests := []struct {
		name  string
		time  []float64
		event []bool
		opts  KMOptions
	}{
		{"length mismatch", []float64{1, 2}, []bool{true}, KMOptions{}},
		{"negative time", []float64{1, -2}, []bool{true, true}, KMOptions{}},
		{"NaN time", []float64{math.NaN()}, []bool{true}, KMOptions{}},
		{"infinite time", []float64{math.Inf(1)}, []bool{false}, KMOptions{}},
		{"level 1", []float64{1}, []bool{true}, KMOptions{Level: 1}},
		{"level negative", []float64{1}, []bool{true}, KMOptions{Level: -0.5}},
		{"unknown interval type", []float64{1}, []bool{true}, KMOptions{Conf: ConfType(7)}},
	}
	for _, tc := range tests {
		if _, err := KaplanMeier(tc.time, tc.event, tc.opts); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

// TestKaplanMeierWithConf: recomputing the intervals gives the same curve
// as estimating with that type, and the 1e6 benchmark data give no NaN.
func TestKaplanMeierWithConf(t *testing.T) {
	time, event := kmWeeks(20000, 3)
	base, err := KaplanMeier(time, event, KMOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, opts := range []KMOptions{{Conf: ConfLog}, {Conf: ConfPlain, Level: 0.9}, {Conf: ConfLogLog, Level: 0.99}} {
		want, _ := KaplanMeier(time, event, opts)
		got, err := base.WithConf(opts)
		if err != nil {
			t.Fatal(err)
		}
		for i := range want.Rows {
			if got.Rows[i] != want.Rows[i] {
				t.Fatalf("%v row %d: %+v, want %+v", opts, i, got.Rows[i], want.Rows[i])
			}
			r := got.Rows[i]
			kmFinite(t, "row", r.Surv, r.StdErr, r.Lower, r.Upper)
		}
	}
	if base.Rows[0].Time != 0 || base.N != 20000 {
		t.Errorf("first row %+v, n %d", base.Rows[0], base.N)
	}
}

func TestKMParseConfType(t *testing.T) {
	for _, c := range []ConfType{ConfLogLog, ConfLog, ConfPlain} {
		if got, err := ParseConfType(c.String()); err != nil || got != c {
			t.Errorf("ParseConfType(%q) = %v, %v", c.String(), got, err)
		}
	}
	if _, err := ParseConfType("logit"); err == nil {
		t.Error("logit: no error")
	}
}

// ExampleKaplanMeier: a risk table at chosen weeks; t = 9 is past the last
// exit, so nobody is at risk there.
func ExampleKaplanMeier() {
	weeks := []float64{0, 2, 2, 3, 5, 5, 8}
	left := []bool{true, true, false, true, true, false, false}
	c, err := KaplanMeier(weeks, left, KMOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range c.At([]float64{2, 4, 9}) {
		if !p.AtRisk {
			fmt.Printf("week %g: no one at risk\n", p.Time)
			continue
		}
		fmt.Printf("week %g: at risk %d, left %d, S %.3f (%.3f-%.3f)\n",
			p.Time, p.NRisk, p.NEventInterval, p.Surv, p.Lower, p.Upper)
	}
	m := c.Median()
	fmt.Println("median reached:", m.EstimateReached, m.Estimate)
	// Output:
	// week 2: at risk 6, left 2, S 0.714 (0.258-0.920)
	// week 4: at risk 3, left 1, S 0.536 (0.132-0.825)
	// week 9: no one at risk
	// median reached: true 5
}
