package pipeline

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

var updateRetention = flag.Bool("update-retention", false, "rewrite testdata/retention_pva.csv from the bundled pva extract")

// bundledCohort loads a bundled config (with --set overrides) and selects
// its cohort.
func bundledCohort(t *testing.T, name string, sets ...string) (*config.Config, *Cohort) {
	t.Helper()
	var ov []config.Override
	for _, s := range sets {
		o, err := config.ParseOverride(s)
		if err != nil {
			t.Fatal(err)
		}
		ov = append(ov, o)
	}
	cfg, err := config.Load(filepath.Join("..", "data", "cohorts", name+".yaml"), ov)
	if err != nil {
		t.Fatal(err)
	}
	c, err := selectCohort(t, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return cfg, c
}

func bundledRetention(t *testing.T, name string, sets ...string) *results.Retention {
	t.Helper()
	cfg, c := bundledCohort(t, name, sets...)
	ret, err := Retention(cfg, c)
	if err != nil {
		t.Fatal(err)
	}
	return ret
}

// TestRetentionPVAMatchesR checks pva's state occupation at the configured
// times against R: testdata/retention_pva.json is R 4.2.2 survival 3.5-3
// (Debian r-cran-survival), survfit(Surv(time, factor(status)) ~ 1,
// conf.type = "log-log") and summary(times =) on testdata/retention_pva.csv
// (weeks and status of each pva participant; no identifiers), made by
// testdata/retention_pva.R. Shares and log-log intervals to 1e-9 (the
// counts differ by design: the risk table counts those still in after
// week t, R's n.risk time ≥ t); the share still in the programme is pipeline's Kaplan-Meier of
// any exit, R's state "(s0)".
func TestRetentionPVAMatchesR(t *testing.T) {
	cfg, c := bundledCohort(t, "pva")
	if *updateRetention {
		writeRetentionCSV(t, c)
	}
	var ref struct {
		Source string
		Rows   []struct {
			T      float64             `json:"t"`
			PState map[string]float64  `json:"pstate"`
			Lower  map[string]*float64 `json:"lower"`
			Upper  map[string]*float64 `json:"upper"`
		}
	}
	b, err := os.ReadFile(filepath.Join("testdata", "retention_pva.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	ret, err := Retention(cfg, c)
	if err != nil {
		t.Fatal(err)
	}
	if len(ret.States) != len(ref.Rows) {
		t.Fatalf("%d state rows, R has %d", len(ret.States), len(ref.Rows))
	}
	const tol = 1e-9
	for i, want := range ref.Rows {
		row := ret.States[i]
		if row.T != want.T {
			t.Errorf("row %d: t %v, R t %v", i, row.T, want.T)
		}
		for _, s := range row.Shares {
			key := s.State
			if key == results.InProgramme {
				key = "(s0)"
			}
			lo, hi := want.Lower[key], want.Upper[key]
			if lo == nil || hi == nil { // R: no interval at a share of 0
				z := 0.0
				lo, hi = &z, &z
			}
			for what, pair := range map[string][2]float64{
				"share": {*s.Share, want.PState[key]}, "low": {*s.Low, *lo}, "high": {*s.High, *hi}} {
				if math.Abs(pair[0]-pair[1]) > tol {
					t.Errorf("t = %v %s %s: %v, R %v", row.T, s.State, what, pair[0], pair[1])
				}
			}
		}
	}
}

// writeRetentionCSV writes each participant's weeks in the programme and
// how they left ("censor" when still in it) for the R script.
func writeRetentionCSV(t *testing.T, c *Cohort) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{"time", "status"})
	for _, p := range c.People {
		st := c.Statuses[p.Status]
		if !config.Ends(st) {
			st = "censor"
		}
		_ = w.Write([]string{strconv.FormatFloat(p.Weeks(), 'g', 17, 64), st})
	}
	w.Flush()
	if err := os.WriteFile(filepath.Join("testdata", "retention_pva.csv"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRetentionStatesAddUp: at every configured time and every step, the
// share still in the programme and the exits' shares add up to 1, for
// each bundled cohort with competing exits.
func TestRetentionStatesAddUp(t *testing.T) {
	for _, name := range []string{"pva", "jeps"} {
		ret := bundledRetention(t, name)
		if len(ret.States) == 0 || len(ret.StateCurve) == 0 {
			t.Fatalf("%s: no state occupation", name)
		}
		for _, row := range ret.States {
			sum := 0.0
			for _, s := range row.Shares {
				sum += *s.Share
			}
			if math.Abs(sum-1) > 1e-12 {
				t.Errorf("%s t = %v: shares add up to %v", name, row.T, sum)
			}
		}
		for _, st := range ret.StateCurve {
			sum := 0.0
			for _, x := range st.Shares {
				sum += x
			}
			if math.Abs(sum-1) > 1e-12 {
				t.Errorf("%s step %v: shares add up to %v", name, st.T, sum)
			}
		}
	}
}

// TestRetentionOneValuePerQuantity: the retention page (states, and the
// Kaplan-Meier of time in the programme) and the exits page (cumulative
// incidence) quote the same number for each share, before and after
// disclosure control; e.g. pva's dropout by week 26.
func TestRetentionOneValuePerQuantity(t *testing.T) {
	for _, name := range []string{"pva", "jeps"} {
		check := func(when string, ret *results.Retention) {
			if len(ret.States) == 0 {
				t.Fatalf("%s %s: no states", name, when)
			}
			for i, row := range ret.States {
				same(t, name+" "+when+" in programme", row.Shares[0].Share, ret.Points[i].Surv)
				sameInt(t, name+" "+when+" still in", row.Shares[0].N, ret.Points[i].NRisk)
				for k, inc := range ret.Incidence {
					if row.Shares[k+1].State != inc.Exit {
						t.Fatalf("%s: state %q against incidence %q", name, row.Shares[k+1].State, inc.Exit)
					}
					same(t, name+" "+when+" "+inc.Exit, row.Shares[k+1].Share, inc.Points[i].Surv)
					same(t, name+" "+when+" "+inc.Exit+" low", row.Shares[k+1].Low, inc.Points[i].Low)
					sameInt(t, name+" "+when+" "+inc.Exit+" n", row.Shares[k+1].N, inc.Points[i].NEvent)
				}
			}
		}
		check("before disclosure", bundledRetention(t, name))
		check("after disclosure", analyseFile(t, filepath.Join("..", "data", "cohorts", name+".yaml")).Retention)
	}
}

func sameInt(t *testing.T, what string, a, b *int) {
	t.Helper()
	if (a == nil) != (b == nil) || (a != nil && *a != *b) {
		t.Errorf("%s: %v and %v", what, a, b)
	}
}

func same(t *testing.T, what string, a, b *float64) {
	t.Helper()
	if (a == nil) != (b == nil) || (a != nil && *a != *b) {
		t.Errorf("%s: %v and %v", what, show(a), show(b))
	}
}

func show(p *float64) any {
	if p == nil {
		return ".."
	}
	return *p
}

// TestRetentionCompetingEmptyIsKaplanMeier: retention.competing: [] gives
// exactly the Kaplan-Meier of the event with every other status censored:
// pva's retention block is byte-identical (after json.Compact) to
// testdata/retention_pva_km.json, the block of pva's results.json from
// commit cf1e16e, before competing exits became the default.
func TestRetentionCompetingEmptyIsKaplanMeier(t *testing.T) {
	o, err := config.ParseOverride("retention.competing=[]")
	if err != nil {
		t.Fatal(err)
	}
	ret := analyseFile(t, filepath.Join("..", "data", "cohorts", "pva.yaml"), o).Retention
	if ret.States != nil || ret.Incidence != nil || ret.Competing == nil || len(ret.Competing) != 0 {
		t.Fatalf("states %v, incidence %v, competing %v", ret.States, ret.Incidence, ret.Competing)
	}
	got, err := results.EncodeJSON(ret)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "retention_pva_km.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g, w bytes.Buffer
	if err := json.Compact(&g, got); err != nil {
		t.Fatal(err)
	}
	if err := json.Compact(&w, want); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(g.Bytes(), w.Bytes()) {
		t.Errorf("retention block changed:\n got %s\nwant %s", g.Bytes(), w.Bytes())
	}
}

// TestRetentionDefaultCompeting: without retention.competing every other
// status that ends the programme competes, and the Kaplan-Meier is of time
// in the programme (pva: 47 dropped out and 124 completed by week 52).
func TestRetentionDefaultCompeting(t *testing.T) {
	ret := bundledRetention(t, "pva")
	if fmt.Sprint(ret.Competing) != "[completed]" {
		t.Errorf("competing %v, want [completed]", ret.Competing)
	}
	last := ret.Points[len(ret.Points)-1]
	if *last.NEvent != 47+124 {
		t.Errorf("exits by week 52: %d, want 171", *last.NEvent)
	}
	if ret.States[0].Shares[0].State != results.InProgramme {
		t.Errorf("first state %q", ret.States[0].Shares[0].State)
	}
	// Roskilde's only ending status is the event: plain Kaplan-Meier.
	if r := bundledRetention(t, "roskilde"); len(r.Competing) != 0 || r.States != nil {
		t.Errorf("roskilde: competing %v, %d state rows", r.Competing, len(r.States))
	}
}
