package pipeline

import (
	"math"
	"testing"

	"github.com/danish-eval/evaluate/pipeline/config"
)

// A measure's horizons by hand: weeks from entry to the job; a job before
// entry is reached at week 0; no job: censored at the date of data
// (2020-12-31). Kaplan-Meier: events at 0 (6 at risk), 2 (5), 13 (3); one
// censored at 4, two at 52.3. So 1 − S is 1/6 by week 1, 5/9 by week 13,
// and nothing at week 60, after the last person followed.
func TestHorizonsByHand(t *testing.T) {
	csv := "id;start;end;job\n" +
		"1;01-01-2020;;15-01-2020\n" +
		"2;01-01-2020;;01-12-2019\n" +
		"3;03-12-2020;;\n" +
		"4;01-01-2020;;\n" +
		"5;01-01-2020;;01-04-2020\n" +
		"6;01-01-2020;;\n"
	col := "  job: {header: job, type: date}\n"
	if r := storyCohort(t, csv, col, "disclosure: {min_cell: 0}\n"); r.Measures[0].Horizons != nil {
		t.Fatal("a measure without at has horizons")
	}
	r := storyCohort(t, csv, col, "disclosure: {min_cell: 0}\n",
		`{id: job, count: "job != nil", at: job, horizons: [1, 13, 60]}`)
	h := r.Measures[0].Horizons
	if h == nil || *h.N != 6 || h.FollowupEnd != "2020-12-31" || h.From != "entry" {
		t.Fatalf("horizons %+v", h)
	}
	want := []struct {
		weeks         float64
		after, events int
		inc           float64 // −1: none
	}{{1, 5, 1, 1.0 / 6}, {13, 2, 3, 5.0 / 9}, {60, 0, 3, -1}}
	for k, w := range want {
		p := h.Points[k]
		if p.Weeks != w.weeks || *p.NRisk != w.after || *p.NEvent != w.events {
			t.Errorf("week %v: after %d reached %d, want week %v: %d, %d", p.Weeks, *p.NRisk, *p.NEvent, w.weeks, w.after, w.events)
		}
		switch {
		case w.inc < 0 && (p.Incidence != nil || p.Note == ""):
			t.Errorf("week %v: incidence %v note %q, want none and a note", p.Weeks, p.Incidence, p.Note)
		case w.inc >= 0 && (p.Incidence == nil || math.Abs(*p.Incidence-w.inc) > 1e-12 || *p.Low > *p.Incidence || *p.High < *p.Incidence):
			t.Errorf("week %v: incidence %v (%v–%v), want %v inside its interval", p.Weeks, p.Incidence, p.Low, p.High, w.inc)
		}
	}
}

// jeps's horizons after disclosure, everyone followed to the date of data
// (cohort.followup_end unset): only week 13 rests on a small count (3
// censored by then), so weeks 26 and 52 are shown. A regression test: the
// horizon table's ledger once took stratum sizes as margins over row
// groups that do not tell strata apart, and hid every horizon.
func TestHorizonsDisclosedJEPS(t *testing.T) {
	h := analyseFile(t, "../data/cohorts/jeps.yaml", config.Override{Key: "cohort.followup_end", Value: ""}).Measures[0].Horizons
	if h == nil || len(h.Points) != 3 || h.FollowupField != "" {
		t.Fatalf("horizons %+v", h)
	}
	if p := h.Points[0]; p.NRisk != nil && p.NEvent != nil {
		t.Errorf("week 13 shows after %d and reached %d: 3 censored by then could be derived", *p.NRisk, *p.NEvent)
	}
	for _, p := range h.Points[1:] {
		if p.Incidence == nil || p.NRisk == nil || p.NEvent == nil {
			t.Errorf("week %v hidden", p.Weeks)
		}
	}
}

// jeps as bundled, each censored at followed_until: four first jobs fall
// after their follow-up ended, so the 106 self-supporting less the 102
// reached by week 52 would reveal them; week 52 is hidden, 13 and 26 shown.
func TestHorizonsFollowedUntilJEPS(t *testing.T) {
	r := analyseFile(t, "../data/cohorts/jeps.yaml")
	h := r.Measures[0].Horizons
	if h == nil || len(h.Points) != 3 || h.FollowupField != "followed_until" {
		t.Fatalf("horizons %+v", h)
	}
	for k, shown := range []bool{true, true, false} {
		if p := h.Points[k]; (p.Incidence != nil && p.NEvent != nil) != shown {
			t.Errorf("week %v: shown %v, want %v", p.Weeks, p.Incidence != nil, shown)
		}
	}
}
