package pipeline

import (
	"testing"

	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/reports"
)

func share(id string, k, n int) reports.Measure {
	e := float64(k) / float64(n)
	lo, hi := e-0.1, e+0.1
	return reports.Measure{ID: id, Count: &k, Denominator: &n, Estimate: &e,
		Intervals: []reports.Interval{{Method: "bca", Low: &lo, High: &hi}}}
}

func status(name string, n int) reports.StatusCount {
	return reports.StatusCount{Status: name, Count: &n}
}

func TestDisclose(t *testing.T) {
	tests := []struct {
		name      string
		min       int
		in        reports.Results
		hidden    []string // measure ids that must be suppressed
		shown     []string
		statusNil []string
		cells     int
	}{
		{"pva: nothing small", 5, reports.Results{
			Flow:     reports.Flow{Status: reports.StatusCounts{status("completed", 148), status("dropout", 47), status("ongoing", 0)}},
			Measures: []reports.Measure{share("completion", 148, 195), share("education", 24, 148)}},
			nil, []string{"completion", "education"}, nil, 0},
		{"hjemme: every cell below 5", 5, reports.Results{
			Flow:     reports.Flow{Status: reports.StatusCounts{status("completed", 5)}},
			Measures: []reports.Measure{share("job", 2, 5), share("temporary_job", 1, 5), share("education", 2, 5)}},
			[]string{"job", "temporary_job", "education"}, nil, nil, 3},
		{"complement small: 145 of 148", 5, reports.Results{
			Flow:     reports.Flow{Status: reports.StatusCounts{status("completed", 148)}},
			Measures: []reports.Measure{share("x", 145, 148)}},
			[]string{"x"}, nil, nil, 1},
		{"secondary: one small status hides the next smallest", 5, reports.Results{
			Flow: reports.Flow{Status: reports.StatusCounts{status("completed", 180), status("dropout", 12), status("ongoing", 3)}}},
			nil, nil, []string{"dropout", "ongoing"}, 2},
		{"off: min_cell 0", 0, reports.Results{
			Flow:     reports.Flow{Status: reports.StatusCounts{status("completed", 5)}},
			Measures: []reports.Measure{share("job", 2, 5)}},
			nil, []string{"job"}, nil, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := &config.Config{Disclosure: config.Disclosure{MinCell: &tc.min}}
			r, err := Disclose(cfg, &tc.in)
			if err != nil {
				t.Fatal(err)
			}
			byID := map[string]reports.Measure{}
			for _, m := range r.Measures {
				byID[m.ID] = m
			}
			for _, id := range tc.hidden {
				m := byID[id]
				if !m.Suppressed || m.Count != nil || m.Estimate != nil || m.Intervals != nil {
					t.Errorf("%s not suppressed: %+v", id, m)
				}
			}
			for _, id := range tc.shown {
				if m := byID[id]; m.Suppressed || m.Count == nil {
					t.Errorf("%s suppressed", id)
				}
			}
			for _, s := range r.Flow.Status {
				want := false
				for _, n := range tc.statusNil {
					want = want || n == s.Status
				}
				if (s.Count == nil) != want {
					t.Errorf("status %s hidden = %v, want %v", s.Status, s.Count == nil, want)
				}
			}
			if r.Disclosure.SuppressedCells != tc.cells {
				t.Errorf("suppressed cells %d, want %d", r.Disclosure.SuppressedCells, tc.cells)
			}
		})
	}
}

func TestCoarsenCurve(t *testing.T) {
	pt := func(tm float64, risk, events int) reports.CurvePoint {
		return reports.CurvePoint{T: tm, NRisk: risk, NEvent: events}
	}
	in := []reports.CurvePoint{pt(1, 40, 2), pt(2, 38, 0), pt(3, 38, 2), pt(4, 36, 1), pt(5, 35, 6), pt(6, 29, 1), pt(7, 4, 1)}
	got := coarsenCurve(in, 5)
	var times []float64
	for _, p := range got {
		times = append(times, p.T)
	}
	// 2+2+1 exits gather by week 4 (step there); week 5 has 6 on its own;
	// week 6's single exit waits; at week 7 only 4 are at risk: the curve ends.
	want := []float64{2, 4, 5}
	if len(times) != len(want) {
		t.Fatalf("kept %v, want %v", times, want)
	}
	for i := range want {
		if times[i] != want[i] {
			t.Fatalf("kept %v, want %v", times, want)
		}
	}
}
