package pipeline

import (
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/pipeline/config"
)

// clusterCohort puts people in strata with the given numbers of clusters
// (two people per cluster).
func clusterCohort(perStratum ...int) *Cohort {
	c := &Cohort{}
	cl := 0
	for s, k := range perStratum {
		c.Strata = append(c.Strata, string(rune('A'+s)))
		for range k {
			c.Clusters = append(c.Clusters, "x")
			c.People = append(c.People, Person{Stratum: int32(s), Cluster: int32(cl)}, Person{Stratum: int32(s), Cluster: int32(cl)})
			cl++
		}
	}
	return c
}

// TestClusterCounts: clusters are counted per stratum; fewer than 10 warns
// naming the stratum, fewer than 3 is an error naming it; without a
// cluster field nothing is counted.
func TestClusterCounts(t *testing.T) {
	cfg := &config.Config{Strata: "site", Cluster: "consultant"}
	counts, warnings, err := ClusterCounts(cfg, clusterCohort(12, 4, 10))
	if err != nil || len(counts) != 3 || counts[1].Stratum != "B" || counts[1].Clusters != 4 {
		t.Fatalf("counts %+v, %v", counts, err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], `site "B" has only 4 values of cluster field "consultant"`) {
		t.Errorf("warnings %q", warnings)
	}
	_, _, err = ClusterCounts(cfg, clusterCohort(12, 2, 10))
	if err == nil || !strings.Contains(err.Error(), `site "B" has 2 value(s) of "consultant"; resampling whole clusters needs at least 3 in every stratum`) {
		t.Errorf("2 clusters: %v", err)
	}
	split := clusterCohort(5, 5)
	split.People[0].Cluster = 7 // a cluster of stratum B
	if _, _, err := ClusterCounts(cfg, split); err == nil || !strings.Contains(err.Error(), `cluster "consultant" is not nested in strata "site"`) {
		t.Errorf("cluster in two strata: %v", err)
	}
	if counts, warnings, err := ClusterCounts(&config.Config{Strata: "site"}, clusterCohort(1)); counts != nil || warnings != nil || err != nil {
		t.Errorf("no cluster field: %v %v %v", counts, warnings, err)
	}
	c := clusterCohort(30)
	c.Strata = nil
	for i := range c.People {
		c.People[i].Stratum = -1
	}
	counts, warnings, err = ClusterCounts(&config.Config{Cluster: "consultant"}, c)
	if err != nil || len(warnings) != 0 || len(counts) != 1 || counts[0].Clusters != 30 || counts[0].Stratum != "" {
		t.Errorf("unstratified: %+v %q %v", counts, warnings, err)
	}
}
