// Package models holds the statistics of the evaluation pipeline: exact and
// bootstrap intervals for shares, P(target met), and (in the kaplan_meier
// and aalen_johansen files) retention curves. It is pure: no files, no
// configuration, no printing. Every routine is tested against the reference
// values of R boot 1.3-28.1, R stats 4.2.2 and scipy 1.10.1 copied into
// testdata (see testdata/README.md), with the source and tolerance named in
// each test.
//
// # Exact intervals for a share
//
// Wilson, WilsonCC, ClopperPearson and Jeffreys (or ExactInterval by name)
// return an Interval for k of n at any level, as R's prop.test and
// binom.test. A share 0/0 gives Interval{Defined: false} with a Note — never
// NaN.
//
// # Bootstrap
//
// BootstrapCells and BootstrapIndex draw one joint resample for all their
// statistics. BootstrapShares, the pipeline's entry point, uses common
// random numbers instead: a statistic's replicates depend only on its own
// classes (outside its population, in it, counted), the design and the
// seed, so changing or adding another measure never moves it; within a
// statistic (and among statistics of equal classes) the resample is joint,
// so P(target met) is the share of its replicates at or above the target.
// Two paths produce a Replicates record (like R boot's t0, t, R, seed,
// strata):
//
//   - the cell path (NewCells, BootstrapCells): a share depends only on how
//     many people fall in each (stratum, indicator pattern) cell, so people
//     are collapsed into cells once (O(n)) and each replicate draws
//     multinomial cell counts within each stratum, keeping its size (O(cells),
//     independent of n). Whole clusters (e.g. consultants) can be resampled
//     instead of people (Design.Clusters); a cluster is then a unit whose
//     cell-count vector is added. Statistics are CellStatistic values: Ratio
//     (a share), Scaled (a count × constant, e.g. a saving) or CellFunc
//     (anything smooth). The BCa acceleration comes from exact influence
//     values (the statistic's gradient with respect to the cell counts), not
//     a jackknife;
//   - the index path (BootstrapIndex): statistic(data, idx) as in R boot, for
//     statistics that are not functions of cell counts (e.g. mean hours),
//     memory O(n + B); acceleration from supplied influence values
//     (MeanStatistic) or a jackknife.
//
// Replicates come in blocks of ReplicateBlock, block k drawn from a PCG
// stream seeded by hash(seed, k) — in BootstrapShares, each stratum of
// replicate b from a stream seeded by hash(seed, stratum key, b) — so
// results are bit-identical for any number of workers and any GOMAXPROCS.
//
// # Intervals from the replicates
//
// Each method is a small value implementing BootMethod: Percentile{Rule},
// Basic{Rule}, Normal{}, BCa{Z0, Rule, Accel}. Rules are named: quantiles by
// BootNormInter ("boot", R's norm.inter) or Linear ("linear", numpy); BCa's
// z0 by Z0Strict (R) or Z0Mid (scipy). Degenerate replicates (all equal, an
// infinite z0) give Interval{Defined: false} with the reason.
// AssessTarget gives P(target met) and a one-sided bound.
//
// # Entry point for the pipeline
//
// BootstrapShares takes units (stratum, cluster, indicator pattern) and specs
// (ShareSpec: count among a denominator; ScaledSpec: count × constant, see
// SavingFactor) and returns, per spec, the estimate, the intervals of the
// requested methods (Method, Rule, Level named; a degenerate bootstrap
// interval of a share falls back to Clopper-Pearson with a Note), the target
// assessment, the design effect under cluster resampling, and the
// Replicates to recompute anything.
//
// # Comparison group: the effect on the participants
//
// EstimateComparison takes a Comparison (who took part, the Covariates
// known at entry, optional resampling strata), ComparisonOptions (method
// ipw, cem or nearest; trim; caliper) and Outcomes (a value per person
// among a population), and returns the Weighting, one EffectResult per
// outcome (participants' mean − weighted comparison mean, with intervals),
// the Balance rows and the effective sample size. Its parts can be called
// alone: FitLogistic (IRLS as R's glm.fit) on DesignMatrix, IPWWeights,
// CEMWeights, NearestWeights, ATT, Balance, BootstrapATT (both groups
// resampled, within strata, the weights re-estimated in every replicate;
// BCa acceleration from exact influence values) and AbadieImbens (the
// variance of matching with replacement, where the bootstrap is invalid).
// Reference values: R glm, MatchIt 4.5.1 and Matching 4.10-8 on MatchIt's
// lalonde (testdata/comparison_reference.R).
package models
