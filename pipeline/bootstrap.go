package pipeline

import (
	"fmt"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// Estimate is one share (or saving) with its intervals and target.
type Estimate = models.ShareResult

// Estimates hold every spec of Counts, pooled and per stratum.
type Estimates struct {
	Pooled    []Estimate   // per spec, in Counts order
	ByStratum [][]Estimate // [stratum][spec]
	Savings   *Estimate    // gross saving in kr., when costs are configured
	Net       *Estimate    // net of deadweight
	// Clusters counts the clusters per stratum (nil without clusters);
	// Warnings says where they are few.
	Clusters []results.ClusterCount
	Warnings []string
}

// Bootstrap resamples people (or clusters) within strata
// (models.BootstrapShares, with R boot's rules and common random numbers:
// each stratum's streams are keyed by its value) and returns each share's
// intervals and target verdict, pooled and per stratum. Too few clusters in
// a stratum is an error (see ClusterCounts).
func Bootstrap(cfg *config.Config, c *Cohort, counts *Counts, workers int) (*Estimates, error) {
	if len(c.People) == 0 {
		return emptyEstimates(c, counts), nil
	}
	clusters, warnings, err := ClusterCounts(cfg, c)
	if err != nil {
		return nil, err
	}
	units := make([]models.Unit, len(c.People))
	for i, p := range c.People {
		units[i] = models.Unit{Stratum: max(p.Stratum, 0), Cluster: p.Cluster, Pattern: counts.Patterns[i]}
	}
	design := models.Design{Strata: len(c.Strata) > 0, Clusters: len(c.Clusters) > 0}
	specs, err := bootSpecs(cfg, c, counts)
	if err != nil {
		return nil, err
	}
	res, _, err := models.BootstrapShares(units, specs, models.BootOptions{
		B: cfg.Bootstrap.Replicates, Seed: cfg.Bootstrap.Seed, Level: cfg.Bootstrap.Level, Workers: workers,
		Methods: append(append([]string(nil), cfg.Bootstrap.Methods...), models.MethodWilson, models.MethodClopperPearson),
		Rule:    models.BootNormInter, Z0: models.Z0Strict, Accel: models.AccelUnweighted, Design: design,
		StratumKeys: stratumKeys(c.Strata),
	})
	if err != nil && design.Strata && design.Clusters {
		return nil, fmt.Errorf("cluster %q is not nested in strata %q (a %s occurs in more than one %s): resample clusters without strata, or choose nested fields",
			cfg.Cluster, cfg.Strata, cfg.Cluster, cfg.Strata)
	}
	if err != nil {
		return nil, err
	}
	est := splitEstimates(res, len(counts.IDs), len(c.Strata), counts.CostsBit >= 0)
	est.Clusters, est.Warnings = clusters, warnings
	return est, nil
}

// bootSpecs lists the statistics in the order splitEstimates reads them:
// every spec pooled, then every spec within each stratum, then the gross
// and net saving.
func bootSpecs(cfg *config.Config, c *Cohort, counts *Counts) ([]models.Spec, error) {
	var specs []models.Spec
	for s := -1; s < len(c.Strata); s++ {
		for j, id := range counts.IDs {
			// The index keeps a measure and an exit category of the same
			// name (education) apart.
			sp := models.ShareSpec{ID: fmt.Sprintf("%d:%s/%d", j, id, s), Num: hasBit(Num(j)), Den: hasBit(Den(j))}
			if s >= 0 {
				sp.Strata = []int{s}
			} else if j < len(cfg.Measures) {
				sp.Target = target(cfg.Measures[j].Target)
			}
			specs = append(specs, sp)
		}
	}
	if k := cfg.Costs; k != nil && counts.CostsBit >= 0 {
		for i, dw := range []float64{0, k.Deadweight} {
			f, err := models.SavingFactor(k.MonthlyBenefitDKK, k.Months, dw)
			if err != nil {
				return nil, fmt.Errorf("costs: %w", err)
			}
			specs = append(specs, models.ScaledSpec{ID: []string{"gross", "net"}[i], Count: hasBit(Num(counts.CostsBit)), Factor: f})
		}
	}
	return specs, nil
}

func hasBit(mask uint32) func(uint32) bool { return func(p uint32) bool { return p&mask != 0 } }

func splitEstimates(res []models.ShareResult, specs, strata int, costs bool) *Estimates {
	est := &Estimates{Pooled: res[:specs]}
	for s := range strata {
		est.ByStratum = append(est.ByStratum, res[specs*(s+1):specs*(s+2)])
	}
	if costs {
		k := specs * (strata + 1)
		est.Savings, est.Net = &res[k], &res[k+1]
	}
	return est
}

func target(t *config.Target) *models.Target {
	if t == nil {
		return nil
	}
	if t.AtLeast != nil {
		return &models.Target{Value: *t.AtLeast, Direction: models.AtLeast}
	}
	return &models.Target{Value: *t.AtMost, Direction: models.AtMost}
}

// emptyEstimates is the result for a cohort with nobody in it (a
// sensitivity variant can select nobody): every share is 0 of 0, undefined.
func emptyEstimates(c *Cohort, counts *Counts) *Estimates {
	est := &Estimates{Pooled: make([]Estimate, len(counts.IDs))}
	for range c.Strata {
		est.ByStratum = append(est.ByStratum, make([]Estimate, len(counts.IDs)))
	}
	return est
}
