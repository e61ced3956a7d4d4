package diff

import (
	"testing"

	"github.com/danish-eval/evaluate/models/results"
)

func ip(n int) *int { return &n }

func fp(x float64) *float64 { return &x }

// share is a shown measure with a bootstrap (BCa) and an exact (Wilson)
// interval.
func share(id string, count, among int, bca, wilson [2]float64) results.Measure {
	return results.Measure{ID: id, Label: id, Count: ip(count), Among: "completed", Denominator: ip(among),
		Estimate: fp(float64(count) / float64(among)), Missing: ip(0),
		Intervals: []results.Interval{
			{Method: "bca", Rule: "boot/z0-strict", Level: 0.95, Low: fp(bca[0]), High: fp(bca[1])},
			{Method: "wilson", Level: 0.95, Low: fp(wilson[0]), High: fp(wilson[1])}}}
}

// fixture is a small results.json shaped like pva's.
func fixture() *results.Results {
	emp := share("employment", 34, 148, [2]float64{0.1655, 0.3}, [2]float64{0.1693, 0.3038})
	emp.Target = &results.Target{AtLeast: fp(0.2), Verdict: "uncertain", Met: new(bool), PMet: fp(0.81), Bound: fp(0.1739)}
	edu := share("education", 24, 148, [2]float64{0.1, 0.23}, [2]float64{0.11, 0.23})
	return &results.Results{
		Schema: results.Schema,
		Cohort: results.CohortInfo{ID: "pva", Title: "På vej til arbejde", Language: "da", FirstEntry: "2017-09-01", DataDate: "2021-12-31"},
		Flow: results.Flow{RowsRead: 195, Included: 195, Duplicates: "exclude",
			Excluded: []results.Exclusion{{Reason: results.ReasonDuplicate, Count: 0}},
			Status:   results.StatusCounts{{Status: "completed", Count: ip(148)}, {Status: "dropout", Count: ip(47)}}},
		Measures:  []results.Measure{emp, edu},
		ByStratum: []results.StratumResult{{Stratum: "Næstved", N: ip(110), Measures: []results.Measure{share("employment", 23, 83, [2]float64{0.19, 0.38}, [2]float64{0.19, 0.38})}}},
		Retention: &results.Retention{Event: "dropout", Unit: "weeks", ConfType: "log-log",
			Points: []results.RetentionPoint{{T: 4, NRisk: ip(185), NEvent: nil}, {T: 13, NRisk: ip(170), NEvent: ip(20), Surv: fp(0.9), Low: fp(0.85), High: fp(0.94)}},
			Median: &results.Median{Estimate: fp(37), Low: fp(34.9), High: fp(39)}},
		Sensitivity: []results.Variant{{Name: "10 hours", Set: []string{"measures.employment.count = hours >= 10"},
			Measures: []results.Measure{share("employment", 19, 148, [2]float64{0.08, 0.19}, [2]float64{0.08, 0.19})}}},
		Bootstrap:  results.BootstrapInfo{Replicates: 9999, Seed: 1, Level: 0.95, Methods: []string{"bca"}, Unit: "people"},
		Disclosure: results.DisclosureInfo{MinCell: 5, Zeros: "publish"},
	}
}

// clone copies r through its JSON, as a second run would write it.
func clone(t *testing.T, r *results.Results) *results.Results {
	t.Helper()
	b, err := results.EncodeJSON(r)
	if err != nil {
		t.Fatal(err)
	}
	c, err := results.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func single(r *results.Results) Side {
	return Side{Cohorts: []Cohort{{ID: r.Cohort.ID, Path: r.Cohort.ID + "/results.json", Results: r}}}
}
