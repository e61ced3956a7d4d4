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

var updateStory = flag.Bool("update-story", false, "rewrite testdata/story_pva.csv from the bundled pva extract")

// storyRef is testdata/story_pva.json, written by testdata/story_pva.R
// (R 4.2.2, survival 3.5-3) from testdata/story_pva.csv: the pva
// participants' dates and values as read from the extract.
type storyRef struct {
	Source string `json:"source"`
	Age    []struct {
		Stratum   string    `json:"stratum"`
		N         int       `json:"n"`
		Quantiles []float64 `json:"quantiles"` // q1, median, q3
		Bands     []int     `json:"bands"`     // each band, outside, missing
	} `json:"age"`
	Gender  map[string]int `json:"gender"`
	Benefit map[string]int `json:"benefit"`
	Intake  []struct {
		Key   string `json:"key"`
		Count int    `json:"count"`
	} `json:"intake"`
	Horizons []struct {
		T      float64 `json:"t"`
		NRisk  int     `json:"n_risk_after"`
		NEvent int     `json:"n_event"`
		Inc    float64 `json:"incidence"`
		Low    float64 `json:"low"`
		High   float64 `json:"high"`
	} `json:"horizons"`
}

// TestStoryPVAMatchesR: pva's description (age at entry from the birth
// date: median and quartiles by R's quantile type 7, counts in bands
// [18, 30) … [50, 67); gender and benefit counts), intake per quarter and
// the employment measure's cumulative incidence of a first job 13, 26 and
// 52 weeks after exit (1 − Kaplan-Meier, censored at 2021-12-31, log-log
// interval) against R, computed there from the dates themselves.
// Quantiles and shares to 1e-9.
func TestStoryPVAMatchesR(t *testing.T) {
	cfg, err := LoadConfig("../data/cohorts/pva.yaml", Options{Overrides: []config.Override{{Key: "disclosure.min_cell", Value: "0"}}})
	if err != nil {
		t.Fatal(err)
	}
	a, err := analyse(&timer{}, cfg, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if *updateStory {
		writeStoryCSV(t, a.Cohort)
	}
	var ref storyRef
	b, err := os.ReadFile(filepath.Join("testdata", "story_pva.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	r := a.Results
	checkAgeAgainstR(t, r.Describe[0], ref)
	checkCountsAgainstR(t, "gender", r.Describe[1].Overall, ref.Gender)
	checkCountsAgainstR(t, "benefit", r.Describe[2].Overall, ref.Benefit)
	if len(r.Intake.Periods) != len(ref.Intake) {
		t.Fatalf("%d intake periods, R %d", len(r.Intake.Periods), len(ref.Intake))
	}
	for k, p := range r.Intake.Periods {
		if p.Key != ref.Intake[k].Key || *p.Count != ref.Intake[k].Count {
			t.Errorf("intake %d: %s %d, R %s %d", k, p.Key, *p.Count, ref.Intake[k].Key, ref.Intake[k].Count)
		}
	}
	checkHorizonsAgainstR(t, r.Measures[2].Horizons, ref)
}

const storyTol = 1e-9

func checkAgeAgainstR(t *testing.T, d results.Description, ref storyRef) {
	t.Helper()
	groups := append([]results.DescribeGroup{d.Overall}, d.ByStratum...)
	if len(groups) != len(ref.Age) {
		t.Fatalf("%d age groups, R %d", len(groups), len(ref.Age))
	}
	for g, want := range ref.Age {
		got := groups[g]
		if got.Stratum != want.Stratum || *got.Summary.N != want.N {
			t.Errorf("age group %d: %q n %d, R %q n %d", g, got.Stratum, *got.Summary.N, want.Stratum, want.N)
		}
		for k, q := range []*float64{got.Summary.Q1, got.Summary.Median, got.Summary.Q3} {
			if math.Abs(*q-want.Quantiles[k]) > storyTol {
				t.Errorf("age %q quantile %d: %v, R %v", want.Stratum, k, *q, want.Quantiles[k])
			}
		}
		for k, n := range want.Bands { // the bands, then outside, then missing
			if *got.Rows[k].Count != n {
				t.Errorf("age %q row %s: %d, R %d", want.Stratum, got.Rows[k].Key, *got.Rows[k].Count, n)
			}
		}
	}
}

func checkCountsAgainstR(t *testing.T, field string, g results.DescribeGroup, want map[string]int) {
	t.Helper()
	seen := 0
	for _, row := range g.Rows {
		if row.Kind != results.RowValue {
			if *row.Count != 0 {
				t.Errorf("%s %s: %d, want 0", field, row.Key, *row.Count)
			}
			continue
		}
		seen++
		if *row.Count != want[row.Key] {
			t.Errorf("%s %s: %d, R %d", field, row.Key, *row.Count, want[row.Key])
		}
	}
	if seen != len(want) {
		t.Errorf("%s: %d values, R %d", field, seen, len(want))
	}
}

func checkHorizonsAgainstR(t *testing.T, h *results.Horizons, ref storyRef) {
	t.Helper()
	if h == nil || len(h.Points) != len(ref.Horizons) {
		t.Fatalf("horizons %+v, R %d points", h, len(ref.Horizons))
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

// writeStoryCSV writes each pva participant's site, status and the dates
// and values as read from the extract, for the R script.
func writeStoryCSV(t *testing.T, c *Cohort) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{"site", "status", "start", "end", "followup", "birth", "gender", "benefit", "first_job"})
	cols := []string{"start", "end", "followup", "birth_date", "sex", "benefit", "first_job"}
	for _, p := range c.People {
		row := []string{c.table.text("site", int(p.Index)), c.Statuses[p.Status]}
		for _, f := range cols {
			col, kind := c.table.column(f)
			switch {
			case col == nil || col.Missing[p.Index]:
				row = append(row, "")
			case kind == config.TypeDate:
				row = append(row, col.DateAt(int(p.Index)).Format(time.DateOnly))
			default:
				row = append(row, col.TextAt(int(p.Index)))
			}
		}
		_ = w.Write(row)
	}
	w.Flush()
	if err := os.WriteFile(filepath.Join("testdata", "story_pva.csv"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
