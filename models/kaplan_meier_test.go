package models

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// Reference: testdata/km_aml.json (copied from shared/reference, made by
// make_reference.R), software "R 4.2.2 survival 3.5-3": survfit and
// summary.survfit on survival::aml. Tolerance: absolute 1e-9 (README).
const kmTol = 1e-9

type kmRefRow struct {
	Time      float64     `json:"time"`
	NRisk     int         `json:"n_risk"`
	NEvent    int         `json:"n_event"`
	NCensor   int         `json:"n_censor"`
	Surv      float64     `json:"surv"`
	StdErr    *float64    `json:"std_err"`
	StdErrLog *float64    `json:"std_err_log"`
	CILog     [2]*float64 `json:"ci_log"`
	CILogLog  [2]*float64 `json:"ci_loglog"`
	CIPlain   [2]*float64 `json:"ci_plain"`
	// summary(times =) only
	NEventInterval   int `json:"n_event_interval"`
	NCensorInterval  int `json:"n_censor_interval"`
	NEventCumulative int `json:"n_event_cumulative"`
}

// ci returns the reference interval of one type.
func (r kmRefRow) ci(c ConfType) [2]*float64 {
	switch c {
	case ConfLog:
		return r.CILog
	case ConfPlain:
		return r.CIPlain
	}
	return r.CILogLog
}

type kmRefMedian struct {
	Median, Lower, Upper *float64
}

type kmRefFile struct {
	Software string `json:"software"`
	Level    float64
	Curves   []struct {
		Group    string
		Software string
		N        int
		Events   int
		Median   map[string]kmRefMedian
		Times    []kmRefRow
	}
	Retention []struct {
		Group    string
		Software string
		Times    []kmRefRow
	}
}

// kmConfKey maps the reference file's keys to interval types.
var kmConfKey = map[string]ConfType{"log": ConfLog, "loglog": ConfLogLog, "plain": ConfPlain}

func kmLoadJSON(t testing.TB, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

func kmReadCSV(t testing.TB, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows[1:]
}

// kmAML returns survival::aml split by group: "all", "x=Maintained",
// "x=Nonmaintained".
func kmAML(t testing.TB) map[string]struct {
	time  []float64
	event []bool
} {
	out := map[string]struct {
		time  []float64
		event []bool
	}{}
	for _, r := range kmReadCSV(t, "aml.csv") {
		tm, err := strconv.ParseFloat(r[0], 64)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range []string{"all", "x=" + r[2]} {
			d := out[g]
			d.time = append(d.time, tm)
			d.event = append(d.event, r[1] == "1")
			out[g] = d
		}
	}
	return out
}

func kmNear(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// kmCheckValue compares a value with a reference that may be null
// (undefined in R): then defined must be false.
func kmCheckValue(t *testing.T, what string, got float64, defined bool, want *float64, tol float64) {
	t.Helper()
	if want == nil {
		if defined {
			t.Errorf("%s = %v, want undefined (R: NA)", what, got)
		}
		return
	}
	if !defined || !kmNear(got, *want, tol) {
		t.Errorf("%s = %.15g (defined %v), want %.15g", what, got, defined, *want)
	}
}

// TestKaplanMeierAML checks every time point of every curve, for all three
// interval types, against km_aml.json (R 4.2.2 survival 3.5-3 survfit),
// tolerance 1e-9.
func TestKaplanMeierAML(t *testing.T) {
	var ref kmRefFile
	kmLoadJSON(t, "km_aml.json", &ref)
	data := kmAML(t)
	if len(ref.Curves) != 3 {
		t.Fatalf("km_aml.json: %d curves, want 3", len(ref.Curves))
	}
	for _, cv := range ref.Curves {
		for key, conf := range kmConfKey {
			t.Run(cv.Group+"/"+key, func(t *testing.T) {
				d := data[cv.Group]
				c, err := KaplanMeier(d.time, d.event, KMOptions{Level: ref.Level, Conf: conf})
				if err != nil {
					t.Fatal(err)
				}
				if c.N != cv.N || c.Events != cv.Events || len(c.Rows) != len(cv.Times) {
					t.Fatalf("n %d events %d rows %d, want %d %d %d", c.N, c.Events, len(c.Rows), cv.N, cv.Events, len(cv.Times))
				}
				for i, w := range cv.Times {
					g := c.Rows[i]
					if g.Time != w.Time || g.NRisk != w.NRisk || g.NEvent != w.NEvent || g.NCensor != w.NCensor {
						t.Errorf("row %d: time %v risk %d event %d censor %d, want %v %d %d %d",
							i, g.Time, g.NRisk, g.NEvent, g.NCensor, w.Time, w.NRisk, w.NEvent, w.NCensor)
					}
					if !kmNear(g.Surv, w.Surv, kmTol) {
						t.Errorf("t=%v surv %.15g, want %.15g", w.Time, g.Surv, w.Surv)
					}
					kmCheckValue(t, "std_err", g.StdErr, g.SEDefined, w.StdErr, kmTol)
					kmCheckValue(t, "std_err_log", g.StdErrLog, g.SEDefined, w.StdErrLog, kmTol)
					ci := w.ci(conf)
					kmCheckValue(t, "lower", g.Lower, g.SEDefined, ci[0], kmTol)
					kmCheckValue(t, "upper", g.Upper, g.SEDefined, ci[1], kmTol)
				}
				m := c.Median()
				wm := cv.Median[key]
				kmCheckValue(t, "median", m.Estimate, m.EstimateReached, wm.Median, kmTol)
				kmCheckValue(t, "median lower", m.Lower, m.LowerReached, wm.Lower, kmTol)
				kmCheckValue(t, "median upper", m.Upper, m.UpperReached, wm.Upper, kmTol)
			})
		}
	}
}

// TestKaplanMeierAMLRetention checks At against the `retention` records of
// km_aml.json (R 4.2.2 survival 3.5-3 summary(fit, times = c(5, 10, 20,
// 30), extend = TRUE)), tolerance 1e-9.
func TestKaplanMeierAMLRetention(t *testing.T) {
	var ref kmRefFile
	kmLoadJSON(t, "km_aml.json", &ref)
	data := kmAML(t)
	for _, rt := range ref.Retention {
		for key, conf := range kmConfKey {
			t.Run(rt.Group+"/"+key, func(t *testing.T) {
				d := data[rt.Group]
				c, err := KaplanMeier(d.time, d.event, KMOptions{Conf: conf})
				if err != nil {
					t.Fatal(err)
				}
				times := make([]float64, len(rt.Times))
				for i, w := range rt.Times {
					times[i] = w.Time
				}
				got := c.At(times)
				for i, w := range rt.Times {
					g := got[i]
					if g.Time != w.Time || g.NRisk != w.NRisk || !g.AtRisk ||
						g.NEventInterval != w.NEventInterval || g.NCensorInterval != w.NCensorInterval ||
						g.NEventCumulative != w.NEventCumulative {
						t.Errorf("t=%v: risk %d events %d censored %d cumulative %d, want %d %d %d %d", w.Time,
							g.NRisk, g.NEventInterval, g.NCensorInterval, g.NEventCumulative,
							w.NRisk, w.NEventInterval, w.NCensorInterval, w.NEventCumulative)
					}
					if !kmNear(g.Surv, w.Surv, kmTol) {
						t.Errorf("t=%v surv %.15g, want %.15g", w.Time, g.Surv, w.Surv)
					}
					kmCheckValue(t, "std_err", g.StdErr, g.SEDefined, w.StdErr, kmTol)
					ci := w.ci(conf)
					kmCheckValue(t, "lower", g.Lower, g.SEDefined, ci[0], kmTol)
					kmCheckValue(t, "upper", g.Upper, g.SEDefined, ci[1], kmTol)
				}
			})
		}
	}
}

// TestKaplanMeierByStratumAML: the by-stratum curves equal the separate
// curves of km_aml.json's groups (R: survfit(Surv(time, status) ~ x)).
func TestKaplanMeierByStratumAML(t *testing.T) {
	var ref kmRefFile
	kmLoadJSON(t, "km_aml.json", &ref)
	var time []float64
	var event []bool
	var stratum []int
	names := []string{"Maintained", "Nonmaintained", "nobody"}
	for _, r := range kmReadCSV(t, "aml.csv") {
		tm, _ := strconv.ParseFloat(r[0], 64)
		time, event = append(time, tm), append(event, r[1] == "1")
		s := 0
		if r[2] == "Nonmaintained" {
			s = 1
		}
		stratum = append(stratum, s)
	}
	got, err := KaplanMeierByStratum(time, event, stratum, names, KMOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, cv := range ref.Curves[1:] {
		s := got[0]
		if cv.Group == "x=Nonmaintained" {
			s = got[1]
		}
		if len(s.Curve.Rows) != len(cv.Times) {
			t.Fatalf("%s: %d rows, want %d", cv.Group, len(s.Curve.Rows), len(cv.Times))
		}
		for i, w := range cv.Times {
			g := s.Curve.Rows[i]
			if g.NRisk != w.NRisk || !kmNear(g.Surv, w.Surv, kmTol) {
				t.Errorf("%s t=%v: risk %d surv %v, want %d %v", cv.Group, w.Time, g.NRisk, g.Surv, w.NRisk, w.Surv)
			}
			kmCheckValue(t, cv.Group+" lower", g.Lower, g.SEDefined, w.CILogLog[0], kmTol)
		}
	}
	if e := got[2]; e.Name != "nobody" || !e.Curve.Empty() || len(e.Curve.Rows) != 0 {
		t.Errorf("empty stratum: %+v, want an empty curve", e)
	}
	if _, err := KaplanMeierByStratum(time, event, stratum, names[:1], KMOptions{}); err == nil {
		t.Error("stratum index outside names: no error")
	}
	if _, err := KaplanMeierByStratum(time, event, stratum[1:], names, KMOptions{}); err == nil {
		t.Error("short stratum slice: no error")
	}
}

// kmWeeks simulates n people followed for up to 4 years, time in weeks
// (whole days / 7), with 30 % events.
func kmWeeks(n int, seed uint64) ([]float64, []bool) {
	rng := rand.New(rand.NewPCG(seed, 1))
	time := make([]float64, n)
	event := make([]bool, n)
	for i := range time {
		time[i] = float64(rng.IntN(4*365+1)) / 7
		event[i] = rng.Float64() < 0.3
	}
	return time, event
}

// BenchmarkKaplanMeier1e6: Kaplan-Meier and a risk table at 4, 13, 26 and
// 52 weeks for 10⁶ people. Target < 0.3 s/op (issue 4; R survival 1.8 s).
func BenchmarkKaplanMeier1e6(b *testing.B) {
	time, event := kmWeeks(1_000_000, 1)
	times := []float64{4, 13, 26, 52}
	b.ReportAllocs()
	for b.Loop() {
		c, err := KaplanMeier(time, event, KMOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if pts := c.At(times); len(pts) != 4 || !pts[3].AtRisk {
			b.Fatal("bad risk table")
		}
	}
}
