package pipeline

import (
	"fmt"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// Estimate is one share (or saving) with its intervals and target.
type Estimate struct {
	Count, Den int
	T0         float64 // NaN-free: 0 when Den is 0 (then Defined is false)
	Defined    bool
	Intervals  []models.Interval
	Target     *models.TargetResult
}

// Estimates hold every spec of Counts, pooled and per stratum.
type Estimates struct {
	Pooled    []Estimate   // per spec, in Counts order
	ByStratum [][]Estimate // [stratum][spec]
	Savings   *Estimate    // gross saving in kr., when costs are configured
	Net       *Estimate    // net of deadweight
}

// bootMethods maps config names to the interval methods (R boot's rules).
var bootMethods = map[string]models.BootMethod{
	"bca":        models.BCa{Z0: models.Z0Strict, Rule: models.BootNormInter, Accel: models.AccelUnweighted},
	"percentile": models.Percentile{Rule: models.BootNormInter},
	"basic":      models.Basic{Rule: models.BootNormInter},
	"normal":     models.Normal{},
}

// Bootstrap resamples people (or clusters) within strata once for all
// measures and turns the replicates into intervals and target verdicts.
func Bootstrap(cfg *config.Config, c *Cohort, counts *Counts, workers int) (*Estimates, error) {
	if len(c.People) == 0 {
		return emptyEstimates(cfg, c, counts), nil
	}
	units := make([]models.Unit, len(c.People))
	for i, p := range c.People {
		units[i] = models.Unit{Stratum: max(p.Stratum, 0), Cluster: p.Cluster, Pattern: counts.Patterns[i]}
	}
	cells, err := models.NewCells(units, models.Design{Strata: len(c.Strata) > 0, Clusters: len(c.Clusters) > 0})
	if err != nil && cfg.Cluster != "" && cfg.Strata != "" {
		return nil, fmt.Errorf("cluster %q is not nested in strata %q (a %s occurs in more than one %s): resample clusters without strata, or choose nested fields",
			cfg.Cluster, cfg.Strata, cfg.Cluster, cfg.Strata)
	}
	if err != nil {
		return nil, err
	}
	stats := shareStatistics(cells, len(counts.IDs), -1)
	for s := range c.Strata {
		stats = append(stats, shareStatistics(cells, len(counts.IDs), s)...)
	}
	if counts.CostsBit >= 0 {
		stats = append(stats, savings(cfg.Costs, cells, counts.CostsBit, 0), savings(cfg.Costs, cells, counts.CostsBit, cfg.Costs.Deadweight))
	}
	rep, err := models.BootstrapCells(cells, stats, models.Options{B: cfg.Bootstrap.Replicates, Seed: cfg.Bootstrap.Seed, Workers: workers})
	if err != nil {
		return nil, err
	}
	return collect(cfg, c, counts, cells, rep)
}

// shareStatistics gives one Ratio per spec, over everyone (stratum −1) or
// within one stratum.
func shareStatistics(cells *models.Cells, specs, stratum int) []models.CellStatistic {
	out := make([]models.CellStatistic, specs)
	for j := range specs {
		in := func(s int) bool { return stratum < 0 || s == stratum }
		out[j] = models.Ratio{
			Num: cells.Coefficients(func(s int, p uint32) bool { return in(s) && p&Num(j) != 0 }),
			Den: cells.Coefficients(func(s int, p uint32) bool { return in(s) && p&Den(j) != 0 }),
		}
	}
	return out
}

// savings is count × monthly benefit × months × (1 − deadweight).
func savings(c *config.Costs, cells *models.Cells, bit int, deadweight float64) models.CellStatistic {
	return models.Scaled{
		Count:  cells.Coefficients(func(_ int, p uint32) bool { return p&Num(bit) != 0 }),
		Factor: c.MonthlyBenefitDKK * c.Months * (1 - deadweight),
	}
}

// collect reads intervals and targets off the replicates, statistic by statistic.
func collect(cfg *config.Config, c *Cohort, counts *Counts, cells *models.Cells, rep *models.Replicates) (*Estimates, error) {
	n := len(counts.IDs)
	est := &Estimates{}
	for j := range n {
		e, err := estimate(cfg, cells, rep, j, j, -1)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", counts.IDs[j], err)
		}
		if j < len(cfg.Measures) {
			if e.Target, err = target(cfg.Measures[j].Target, rep, j, cfg.Bootstrap.Level); err != nil {
				return nil, err
			}
		}
		est.Pooled = append(est.Pooled, e)
	}
	for s := range c.Strata {
		var row []Estimate
		for j := range n {
			e, err := estimate(cfg, cells, rep, n*(s+1)+j, j, s)
			if err != nil {
				return nil, fmt.Errorf("%s, stratum %d: %w", counts.IDs[j], s+1, err)
			}
			row = append(row, e)
		}
		est.ByStratum = append(est.ByStratum, row)
	}
	if counts.CostsBit >= 0 {
		k := n * (len(c.Strata) + 1)
		gross, err := scaledEstimate(cfg, rep, k)
		if err != nil {
			return nil, err
		}
		net, err := scaledEstimate(cfg, rep, k+1)
		if err != nil {
			return nil, err
		}
		est.Savings, est.Net = &gross, &net
	}
	return est, nil
}

// estimate builds statistic k's intervals: the configured bootstrap methods,
// then Wilson and Clopper-Pearson on the observed count.
func estimate(cfg *config.Config, cells *models.Cells, rep *models.Replicates, k, spec, stratum int) (Estimate, error) {
	in := func(s int) bool { return stratum < 0 || s == stratum }
	e := Estimate{}
	for i := range cells.Len() {
		s, p := cells.Cell(i)
		if !in(s) {
			continue
		}
		n := int(cells.Count(i))
		if p&Den(spec) != 0 {
			e.Den += n
			if p&Num(spec) != 0 {
				e.Count += n
			}
		}
	}
	level := cfg.Bootstrap.Level
	e.Defined = e.Den > 0
	if e.Defined {
		e.T0 = float64(e.Count) / float64(e.Den)
	}
	for _, name := range cfg.Bootstrap.Methods {
		iv, err := bootMethods[name].Interval(rep, k, level)
		if err != nil {
			return e, err
		}
		e.Intervals = append(e.Intervals, iv)
	}
	for _, exact := range []string{models.MethodWilson, models.MethodClopperPearson} {
		iv, err := models.ExactInterval(exact, e.Count, e.Den, level)
		if err != nil {
			return e, err
		}
		e.Intervals = append(e.Intervals, iv)
	}
	return e, nil
}

func scaledEstimate(cfg *config.Config, rep *models.Replicates, k int) (Estimate, error) {
	e := Estimate{T0: rep.T0[k], Defined: true}
	for _, name := range cfg.Bootstrap.Methods {
		iv, err := bootMethods[name].Interval(rep, k, cfg.Bootstrap.Level)
		if err != nil {
			return e, err
		}
		e.Intervals = append(e.Intervals, iv)
	}
	return e, nil
}

func target(t *config.Target, rep *models.Replicates, j int, level float64) (*models.TargetResult, error) {
	if t == nil {
		return nil, nil
	}
	tg := models.Target{Direction: models.AtLeast}
	if t.AtLeast != nil {
		tg.Value = *t.AtLeast
	} else {
		tg.Value, tg.Direction = *t.AtMost, models.AtMost
	}
	r, err := models.AssessTarget(rep, j, tg, level, models.BootNormInter)
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// emptyEstimates is the result for a cohort with nobody in it: every share
// is 0 of 0, not defined.
func emptyEstimates(cfg *config.Config, c *Cohort, counts *Counts) *Estimates {
	est := &Estimates{Pooled: make([]Estimate, len(counts.IDs))}
	for range c.Strata {
		est.ByStratum = append(est.ByStratum, make([]Estimate, len(counts.IDs)))
	}
	return est
}
