package pipeline

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

var updateFollowup = flag.Bool("update-followup", false, "rewrite testdata/followup_jeps.csv from the bundled jeps extract")

// followupCohort analyses a small CSV with a job date and a per-person
// follow-up end (fu), with or without cohort.followup_end.
func followupCohort(t *testing.T, csvText string, own bool) *results.Horizons {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.csv"), []byte(csvText), 0o644); err != nil {
		t.Fatal(err)
	}
	yaml := `id: x
source: {file: x.csv}
columns:
  id: {header: id, type: id}
  start: {header: start, type: date}
  end: {header: end, type: date, optional: true}
  job: {header: job, type: date}
  fu: {header: fu, type: date}
cohort:
  exit: "end ?? date('2020-12-31')"
  status: {completed: "end != nil", ongoing: "true"}
measures:
  - {id: job, count: "job != nil", at: job, horizons: [1, 13, 30, 60]}
bootstrap: {replicates: 19}
disclosure: {min_cell: 0}
`
	path := filepath.Join(dir, "x.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	var set []config.Override
	if own {
		set = append(set, config.Override{Key: "cohort.followup_end", Value: "fu"})
	}
	return analyseFile(t, path, set...).Measures[0].Horizons
}

// Each person censored at their own follow-up end, by hand. Date of data
// 2020-12-31. Without followup_end, person 5's job (1 April, after their
// follow-up ended on 1 March) counts and 4 and 5 are followed to the date
// of data. With it: events at weeks 0 (6 at risk) and 2 (5); censored at 4
// (row 3), 60/7 (row 5: the job came after follow-up ended), 26 (row 4)
// and 52.29 (row 6). So 1 − S is 1/6 by week 1 and 1 − 5/6·4/5 = 1/3 by
// weeks 13 and 30.
func TestFollowupEndByHand(t *testing.T) {
	csvText := "id;start;end;job;fu\n" +
		"1;01-01-2020;;15-01-2020;\n" +
		"2;01-01-2020;;01-12-2019;\n" +
		"3;03-12-2020;;;\n" +
		"4;01-01-2020;;;01-07-2020\n" +
		"5;01-01-2020;;01-04-2020;01-03-2020\n" +
		"6;01-01-2020;;;31-12-2020\n"
	type point struct {
		after, events int
		inc           float64 // −1: none
	}
	for _, tc := range []struct {
		own  bool
		want []point
	}{
		// Without: events at 0, 2, 13; censored at 4 and (three) at 52.29.
		{false, []point{{5, 1, 1.0 / 6}, {2, 3, 1 - 5.0/6*4/5*2/3}, {2, 3, 1 - 5.0/6*4/5*2/3}, {0, 3, -1}}},
		{true, []point{{5, 1, 1.0 / 6}, {2, 2, 1.0 / 3}, {1, 2, 1.0 / 3}, {0, 2, -1}}},
	} {
		h := followupCohort(t, csvText, tc.own)
		if h == nil || *h.N != 6 || h.FollowupEnd != "2020-12-31" || (h.FollowupField == "fu") != tc.own {
			t.Fatalf("own %v: horizons %+v", tc.own, h)
		}
		for k, w := range tc.want {
			p := h.Points[k]
			if *p.NRisk != w.after || *p.NEvent != w.events {
				t.Errorf("own %v week %v: after %d reached %d, want %d, %d", tc.own, p.Weeks, *p.NRisk, *p.NEvent, w.after, w.events)
			}
			switch {
			case w.inc < 0 && p.Incidence != nil:
				t.Errorf("own %v week %v: incidence %v, want none", tc.own, p.Weeks, *p.Incidence)
			case w.inc >= 0 && (p.Incidence == nil || math.Abs(*p.Incidence-w.inc) > 1e-12):
				t.Errorf("own %v week %v: incidence %v, want %v", tc.own, p.Weeks, p.Incidence, w.inc)
			}
		}
	}
}

// followupRef is testdata/followup_jeps.json, written by
// testdata/followup_jeps.R (R 4.2.2, survival 3.5-3) from
// testdata/followup_jeps.csv: each included jeps participant's start,
// first job and followed_until as read from data/extracts/jeps.xlsx.
type followupRef struct {
	Source   string `json:"source"`
	N        int    `json:"n"`
	Dropped  int    `json:"jobs_after_followup"`
	Horizons []struct {
		T      float64 `json:"t"`
		NRisk  int     `json:"n_risk_after"`
		NEvent int     `json:"n_event"`
		Inc    float64 `json:"incidence"`
		Low    float64 `json:"low"`
		High   float64 `json:"high"`
	} `json:"horizons"`
}

// TestFollowupEndJEPSMatchesR: jeps's self-supporting measure by horizon,
// each participant censored at followed_until (blank: the date of data,
// 2021-08-31) and a first job after it not counted, against R survival's
// survfit(conf.type = "log-log"), computed there from the dates. To 1e-9.
func TestFollowupEndJEPSMatchesR(t *testing.T) {
	cfg, err := LoadConfig("../data/cohorts/jeps.yaml", Options{Overrides: []config.Override{{Key: "disclosure.min_cell", Value: "0"}}})
	if err != nil {
		t.Fatal(err)
	}
	a, err := analyse(&timer{}, cfg, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if *updateFollowup {
		writeFollowupCSV(t, a.Cohort)
	}
	var ref followupRef
	b, err := os.ReadFile(filepath.Join("testdata", "followup_jeps.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	h := a.Results.Measures[0].Horizons
	if h == nil || h.FollowupField != "followed_until" || h.FollowupEnd != "2021-08-31" || *h.N != ref.N || len(h.Points) != len(ref.Horizons) {
		t.Fatalf("horizons missing, not censored at followed_until, or not R's n %d with %d points", ref.N, len(ref.Horizons))
	}
	if ref.Dropped == 0 {
		t.Error("no first job falls after its follow-up end: the reference does not test that such a job is not counted")
	}
	for k, want := range ref.Horizons {
		p := h.Points[k]
		if p.Weeks != want.T || *p.NRisk != want.NRisk || *p.NEvent != want.NEvent {
			t.Errorf("week %v: after %d, reached %d; R week %v: %d, %d", p.Weeks, *p.NRisk, *p.NEvent, want.T, want.NRisk, want.NEvent)
		}
		for what, pair := range map[string][2]float64{"incidence": {*p.Incidence, want.Inc}, "low": {*p.Low, want.Low}, "high": {*p.High, want.High}} {
			if math.Abs(pair[0]-pair[1]) > storyTol {
				t.Errorf("week %v %s: %v, R %v", p.Weeks, what, pair[0], pair[1])
			}
		}
	}
}

// writeFollowupCSV writes each jeps participant's start, first job and
// followed_until as read from the extract, for the R script.
func writeFollowupCSV(t *testing.T, c *Cohort) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{"start", "first_job", "followed_until"})
	for _, p := range c.People {
		row := []string{}
		for _, f := range []string{"start", "first_job", "followed_until"} {
			col, _ := c.table.column(f)
			if col.Missing[p.Index] {
				row = append(row, "")
			} else {
				row = append(row, col.DateAt(int(p.Index)).Format(time.DateOnly))
			}
		}
		_ = w.Write(row)
	}
	w.Flush()
	if err := os.WriteFile(filepath.Join("testdata", "followup_jeps.csv"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
