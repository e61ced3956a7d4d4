package pipeline

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// A further strata field's results are those it would get as the only
// strata (its own bootstrap, within its own groups, same seed), and the
// first field's results are unchanged by it: jeps with strata [centre,
// gender] against strata gender and strata centre, without disclosure
// control (which ties the tables together).
func TestStrataFieldAsIfAlone(t *testing.T) {
	off := config.Override{Key: "disclosure.min_cell", Value: "0"}
	both := analyseFile(t, "../data/cohorts/jeps.yaml", off, config.Override{Key: "strata", Value: "[centre, gender]"})
	gender := analyseFile(t, "../data/cohorts/jeps.yaml", off, config.Override{Key: "strata", Value: "gender"})
	centre := analyseFile(t, "../data/cohorts/jeps.yaml", off, config.Override{Key: "strata", Value: "centre"})
	if len(both.ByStrata) != 1 || both.ByStrata[0].Field != "gender" {
		t.Fatalf("by_strata %+v", both.ByStrata)
	}
	f := both.ByStrata[0]
	if !reflect.DeepEqual(f.Strata, gender.ByStratum) {
		t.Errorf("by gender: %+v\nalone: %+v", f.Strata, gender.ByStratum)
	}
	if !reflect.DeepEqual(f.Retention, gender.Retention.ByStratum) {
		t.Error("retention by gender differs from strata: gender alone")
	}
	if !reflect.DeepEqual(both.ByStratum, centre.ByStratum) || !reflect.DeepEqual(both.Measures, centre.Measures) ||
		!reflect.DeepEqual(both.Retention, centre.Retention) || both.Bootstrap.Strata != "centre" {
		t.Error("the first field's results changed when a second field was added")
	}
	n := 0
	for _, s := range f.Strata {
		n += *s.N
	}
	if n != both.Flow.Included || len(f.Strata) != 2 {
		t.Errorf("%d groups holding %d people, want 2 holding %d", len(f.Strata), n, both.Flow.Included)
	}
}

// A number field as a further strata field is banded like the first
// (bands in band order, small ones merged).
func TestStrataFieldBanded(t *testing.T) {
	r := analyseFile(t, "../data/cohorts/jeps.yaml", config.Override{Key: "strata", Value: "[centre, age]"})
	var names []string
	for _, s := range r.ByStrata[0].Strata {
		names = append(names, s.Stratum)
	}
	if !reflect.DeepEqual(names, []string{"18–29", "30–39", "40–49", "50–66"}) {
		t.Errorf("age groups %q", names)
	}
}

// With clusters that are not nested in a further field's groups (six
// clusters of ten, each with people of both groups), whole clusters are
// resampled over the cohort: every group still gets a bootstrap interval,
// and a different one than when people are resampled one by one.
func TestStrataFieldClustersNotNested(t *testing.T) {
	v := &Cohort{Strata: []string{"a", "b"}, Clusters: []string{"1", "2", "3", "4", "5", "6"}}
	counts := &Counts{}
	for i := range 60 {
		v.People = append(v.People, Person{Stratum: int32(i % 2), Cluster: int32(i / 10)})
		p := Den(0)
		if i/10 < 2 || i%7 == 0 { // the outcome clusters
			p |= Num(0)
		}
		counts.Patterns = append(counts.Patterns, p)
	}
	if clustersNested(v) {
		t.Fatal("clusters in both groups are nested")
	}
	cfg := &config.Config{Measures: []config.Measure{{ID: "m"}}, Cluster: "team",
		Bootstrap: config.Bootstrap{Replicates: 999, Seed: 1, Level: 0.95, Methods: []string{"percentile"}}}
	clustered, err := bootstrapField(cfg, v, counts, 1)
	if err != nil {
		t.Fatal(err)
	}
	people := *v
	people.Clusters = nil
	single, err := bootstrapField(cfg, &people, counts, 1)
	if err != nil {
		t.Fatal(err)
	}
	for s := range 2 {
		c, p := clustered.ByStratum[s][0], single.ByStratum[s][0]
		if !c.Defined || len(c.Intervals) == 0 || c.Intervals[0].High-c.Intervals[0].Low <= p.Intervals[0].High-p.Intervals[0].Low {
			t.Errorf("group %d: clustered %+v not wider than %+v", s, c.Intervals, p.Intervals)
		}
	}
}

// One strata field writes results.json as before: no by_strata key.
func TestOneStrataFieldNoByStrata(t *testing.T) {
	r := analyseFile(t, "../data/cohorts/pva.yaml")
	js, err := results.EncodeJSON(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.ByStrata) != 0 || bytes.Contains(js, []byte(`"by_strata"`)) {
		t.Error("one strata field wrote by_strata")
	}
}
