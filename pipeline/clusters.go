package pipeline

import (
	"fmt"
	"hash/fnv"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// Cluster bootstrap limits: with few clusters the resampled variance is
// too small (a stratum of k clusters gives a variance (k − 1)/k of the
// truth at best, and percentile intervals under-cover: see the coverage
// simulation in models/coverage_cluster_test.go).
const (
	minClusters = 3                   // fewer in a stratum: an error
	fewClusters = results.FewClusters // fewer: a warning on stderr and the methods page
)

// ClusterCounts counts the clusters in each stratum (one entry, stratum
// "", without strata) and checks them: a cluster in two strata is an error
// (it cannot be resampled within one), and so is fewer than minClusters in
// a stratum, naming it; fewer than fewClusters is a warning. Without a
// cluster field there is nothing to count.
func ClusterCounts(cfg *config.Config, c *Cohort) ([]results.ClusterCount, []string, error) {
	if cfg.Cluster == "" || len(c.Clusters) == 0 {
		return nil, nil, nil
	}
	names := []string{""}
	if len(c.Strata) > 0 {
		names = c.Strata
	}
	seen := make([]map[int]bool, len(names))
	for i := range seen {
		seen[i] = map[int]bool{}
	}
	home := map[int32]int32{} // cluster → its stratum
	for _, p := range c.People {
		s := max(p.Stratum, 0)
		if h, ok := home[p.Cluster]; ok && h != s {
			return nil, nil, fmt.Errorf("cluster %q is not nested in strata %q (a %s occurs in more than one %s): resample clusters without strata, or choose nested fields",
				cfg.Cluster, cfg.Strata, cfg.Cluster, cfg.Strata)
		}
		home[p.Cluster] = s
		seen[s][int(p.Cluster)] = true
	}
	var out []results.ClusterCount
	var warnings []string
	for s, name := range names {
		k := len(seen[s])
		out = append(out, results.ClusterCount{Stratum: name, Clusters: k})
		where := fmt.Sprintf("%s %q", cfg.Strata, name)
		if len(c.Strata) == 0 {
			where = "the cohort"
		}
		switch {
		case k < minClusters:
			return nil, nil, fmt.Errorf("cluster: %s has %d value(s) of %q; resampling whole clusters needs at least %d in every stratum (remove cluster:, or choose coarser strata)",
				where, k, cfg.Cluster, minClusters)
		case k < fewClusters:
			warnings = append(warnings, fmt.Sprintf("%s has only %d values of cluster field %q; with fewer than %d clusters the cluster bootstrap's intervals are too narrow",
				where, k, cfg.Cluster, fewClusters))
		}
	}
	return out, warnings, nil
}

// stratumKeys names each stratum's random streams by a hash of its value,
// so a stratum keeps its draws when a variant adds or drops other strata.
func stratumKeys(strata []string) []uint64 {
	if len(strata) == 0 {
		return nil
	}
	keys := make([]uint64, len(strata))
	for s, name := range strata {
		h := fnv.New64a()
		h.Write([]byte(name))
		keys[s] = h.Sum64()
	}
	return keys
}
