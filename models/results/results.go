package results

import "github.com/danish-eval/evaluate/models"

// Results is the machine-readable report (schema evaluate/results/v1,
// DESIGN.md §8). Field order is fixed by the struct; numbers are unrounded.
// Suppressed figures are nil (JSON null), never NaN.
type Results struct {
	Schema string     `json:"schema"`
	Cohort CohortInfo `json:"cohort"`
	Flow   Flow       `json:"flow"`
	// Describe is "who took part", one entry per field of config describe.
	Describe []Description `json:"describe,omitempty"`
	// Intake is the number of starts per quarter (or month).
	Intake    *Intake         `json:"intake,omitempty"`
	Measures  []Measure       `json:"measures"`
	ByStratum []StratumResult `json:"by_stratum"`
	// ByStrata are the results by each further strata field (strata:
	// [site, gender]: gender), in config order; the first field's are
	// ByStratum.
	ByStrata    []StrataField  `json:"by_strata,omitempty"`
	Retention   *Retention     `json:"retention"`
	Exits       *Exits         `json:"exits"`
	Costs       *Costs         `json:"costs"`
	Sensitivity []Variant      `json:"sensitivity"`
	Bootstrap   BootstrapInfo  `json:"bootstrap"`
	Disclosure  DisclosureInfo `json:"disclosure"`
	// Comparison is the comparison group, when configured; Effects the
	// effect of each measure against it, Balance each covariate's
	// balance before and after weighting.
	Comparison *Comparison `json:"comparison,omitempty"`
	Effects    []Effect    `json:"effects,omitempty"`
	Balance    []Balance   `json:"balance,omitempty"`
}

// Schema is the results.json schema name.
const Schema = "evaluate/results/v1"

// CohortInfo names the cohort and the report's language.
type CohortInfo struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Language string `json:"language"`
	// FirstEntry is the earliest entry date (yyyy-mm-dd); DataDate the
	// latest date in the included rows, the "date of data".
	FirstEntry string `json:"first_entry"`
	DataDate   string `json:"data_date"`
	// LastEntry is the month (yyyy-mm) of the latest entry: with
	// FirstEntry, the intake period. A month, not a day: it is one
	// person's start.
	LastEntry string `json:"last_entry,omitempty"`
	// Labels are the config's names, in the report's language, for
	// identifiers a reader sees (statuses, exit categories, strata …).
	Labels map[string]string `json:"labels,omitempty"`
}

// Flow accounts for every input row.
type Flow struct {
	RowsRead int          `json:"rows_read"`
	Excluded []Exclusion  `json:"excluded"`
	Included int          `json:"included"`
	Status   StatusCounts `json:"status"`
	// Suppressed marks the status counts hidden by disclosure control.
	Suppressed []string `json:"suppressed,omitempty"`
	// Duplicates is the rule for an id on several rows (cohort.duplicates):
	// exclude, first or last.
	Duplicates string `json:"duplicates"`
	// Notices state what the data did to the counts (never empty of meaning:
	// each is also printed on stderr).
	Notices []Notice `json:"notices"`
}

// Exclusion is one reason rows left the cohort, with its count.
type Exclusion struct {
	Reason Reason `json:"reason"`
	Count  int    `json:"count"`
}

// StatusCount is the number of included people with one status.
type StatusCount struct {
	Status string
	Count  *int
}

// StatusCounts keeps the config's status order and encodes as a JSON object.
type StatusCounts []StatusCount

// Measure is one share with its intervals.
type Measure struct {
	ID          string     `json:"id"`
	Label       string     `json:"label"`
	Count       *int       `json:"count"`
	Among       string     `json:"among"`
	Denominator *int       `json:"denominator"`
	Estimate    *float64   `json:"estimate"`
	Suppressed  bool       `json:"suppressed"`
	Missing     *int       `json:"missing"`
	Intervals   []Interval `json:"intervals"`
	Target      *Target    `json:"target,omitempty"`
	// Horizons is the cumulative incidence by horizon, for a measure
	// that names an event date (config at:); pooled measures only.
	Horizons *Horizons `json:"horizons,omitempty"`
}

// Interval is a confidence interval; Note says why it is absent or replaced.
type Interval struct {
	Method string   `json:"method"`
	Rule   string   `json:"rule,omitempty"`
	Level  float64  `json:"level"`
	Low    *float64 `json:"low"`
	High   *float64 `json:"high"`
	Note   string   `json:"note,omitempty"`
}

// Target is a configured threshold and whether the data meet it.
type Target struct {
	AtLeast *float64 `json:"at_least,omitempty"`
	AtMost  *float64 `json:"at_most,omitempty"`
	// Verdict is "met" (the whole interval meets it), "not met" (none of it
	// does) or "uncertain"; "suppressed" when the measure is hidden.
	Verdict models.Verdict `json:"verdict"`
	Met     *bool          `json:"met"`
	PMet    *float64       `json:"p_met"`
	// Bound is the one-sided bound at the level (lower for at_least).
	Bound *float64 `json:"bound"`
}

// StratumResult holds the measures within one stratum (e.g. one site).
type StratumResult struct {
	Stratum  string    `json:"stratum"`
	N        *int      `json:"n"`
	Measures []Measure `json:"measures"`
}

// StrataField is the measures and retention within each group of one
// further strata field, as ByStratum and Retention.ByStratum are for the
// first: the groups in the same order rules (sorted values or bands, small
// ones merged), their intervals from a bootstrap within this field's groups.
type StrataField struct {
	Field     string             `json:"field"`
	Strata    []StratumResult    `json:"strata"`
	Retention []StratumRetention `json:"retention,omitempty"`
}

// Field returns a view of r split by the further strata field k instead
// of the first: ByStratum, Retention.ByStratum and Bootstrap.Strata are
// field k's, the rest shared. Reports draw a field's section from it.
func (r *Results) Field(k int) *Results {
	f := r.ByStrata[k]
	v := *r
	v.ByStratum, v.Bootstrap.Strata = f.Strata, f.Field
	if r.Retention != nil {
		ret := *r.Retention
		ret.ByStratum = f.Retention
		v.Retention = &ret
	}
	return &v
}

// Retention is the Kaplan-Meier summary at the configured times. With
// competing exits, Points, Median and ByStratum are the Kaplan-Meier of
// time in the programme (the event or any competing exit ends it), and
// States the Aalen-Johansen state occupation, which adds up to 1.
type Retention struct {
	Event     string             `json:"event"`
	Competing []string           `json:"competing,omitempty"`
	Unit      string             `json:"unit"`
	ConfType  string             `json:"conf_type"`
	Points    []RetentionPoint   `json:"points"`
	Median    *Median            `json:"median"`
	ByStratum []StratumRetention `json:"by_stratum,omitempty"`
	Curve     []CurvePoint       `json:"-"`
	Censored  []float64          `json:"-"`
	Incidence []Incidence        `json:"cumulative_incidence,omitempty"`
	States    []StateRow         `json:"states,omitempty"`
	// StateCurve is the state occupation at every step, for the figure.
	StateCurve []StateStep `json:"-"`
}

// InProgramme is the state of people still in the programme in StateRow.
const InProgramme = "in_programme"

// StateRow is the state occupation at one configured time: the share still
// in the programme and the share who had left each way by then.
type StateRow struct {
	T      float64      `json:"t"`
	Shares []StateShare `json:"shares"`
	Note   string       `json:"note,omitempty"`
}

// StateShare is one state's share at a time, with its pointwise interval.
// N is what the share rests on: the number still at risk for in_programme,
// the exits of that kind so far otherwise (nil: suppressed).
type StateShare struct {
	State string   `json:"state"`
	N     *int     `json:"n"`
	Share *float64 `json:"share"`
	Low   *float64 `json:"low"`
	High  *float64 `json:"high"`
}

// StateStep is the state occupation at one step of the curve. Shares are
// in the order of StateRow (in the programme first, then each exit); Low
// and High bound each boundary of the stack: boundary j lies between state
// j and state j+1, at the sum of Shares[0..j].
type StateStep struct {
	T         float64
	NRisk     int
	NEvent    []int // exits of each kind at T
	Shares    []float64
	Low, High []float64
}

// RetentionPoint is the curve at one configured time: the estimate as R's
// summary(fit, times=) reads it, NEvent the exits up to and including t,
// and NRisk those still in the programme after t (time > t; R's n.risk
// counts time ≥ t), so that the table's people add up exactly.
type RetentionPoint struct {
	T      float64  `json:"t"`
	NRisk  *int     `json:"n_risk"`
	NEvent *int     `json:"n_event"`
	Surv   *float64 `json:"surv"`
	Low    *float64 `json:"low"`
	High   *float64 `json:"high"`
	Note   string   `json:"note,omitempty"`
}

// CurvePoint is one step of a curve, for the figure: the estimate S and
// its band at time T, with how many were at risk and left there.
type CurvePoint struct {
	T, S, Low, High float64
	NRisk, NEvent   int
}

// Median is the median retention time; nil fields mean "not reached".
type Median struct {
	Estimate *float64 `json:"estimate"`
	Low      *float64 `json:"low"`
	High     *float64 `json:"high"`
}

// StratumRetention is the retention summary within one stratum.
type StratumRetention struct {
	Stratum  string           `json:"stratum"`
	Points   []RetentionPoint `json:"points"`
	Median   *Median          `json:"median"`
	Curve    []CurvePoint     `json:"-"`
	Censored []float64        `json:"-"`
}

// Incidence is the cumulative incidence of one competing exit.
type Incidence struct {
	Exit   string           `json:"exit"`
	Points []RetentionPoint `json:"points"`
}

// Exits is a categorical distribution of end states.
type Exits struct {
	Among       string    `json:"among"`
	Denominator *int      `json:"denominator"`
	Categories  []Measure `json:"categories"`
}

// Costs is the saving with its interval.
type Costs struct {
	Count             *int       `json:"count"`
	Among             string     `json:"among"`
	MonthlyBenefitDKK float64    `json:"monthly_benefit_dkk"`
	Months            float64    `json:"months"`
	Deadweight        float64    `json:"deadweight"`
	Gross             *float64   `json:"gross_dkk"`
	Net               *float64   `json:"net_dkk"`
	GrossIntervals    []Interval `json:"gross_intervals"`
	NetIntervals      []Interval `json:"net_intervals"`
	Suppressed        bool       `json:"suppressed"`
}

// Variant is one sensitivity analysis.
type Variant struct {
	Name     string    `json:"name"`
	Set      []string  `json:"set"`
	Measures []Measure `json:"measures"`
}

// BootstrapInfo records how intervals were computed.
type BootstrapInfo struct {
	Replicates int      `json:"replicates"`
	Seed       uint64   `json:"seed"`
	Level      float64  `json:"level"`
	Methods    []string `json:"methods"`
	Strata     string   `json:"strata"`
	Cluster    string   `json:"cluster"`
	// Unit is what was resampled: "people", or the cluster field's name.
	Unit string `json:"unit"`
	// Clusters counts the clusters in each stratum (stratum "" without
	// strata); DesignEffects gives each headline measure's design effect
	// (variance under cluster over person resampling). Empty without
	// clusters.
	Clusters      []ClusterCount `json:"clusters"`
	DesignEffects []DesignEffect `json:"design_effects"`
}

// FewClusters: a stratum with fewer clusters gets a warning (stderr and
// the methods page): the cluster bootstrap's intervals are then too narrow.
const FewClusters = 10

// ClusterCount is the number of clusters resampled in one stratum.
type ClusterCount struct {
	Stratum  string `json:"stratum"`
	Clusters int    `json:"clusters"`
}

// DesignEffect is a measure's design effect; nil when undefined or when
// the measure is suppressed.
type DesignEffect struct {
	Measure string   `json:"measure"`
	Deff    *float64 `json:"deff"`
}

// HideSuppressed nulls the design effect of every suppressed measure: it
// rests on the same few people as the measure.
func (b *BootstrapInfo) HideSuppressed(measures []Measure) {
	for i, d := range b.DesignEffects {
		for _, m := range measures {
			if m.ID == d.Measure && m.Suppressed {
				b.DesignEffects[i].Deff = nil
			}
		}
	}
}

// DisclosureInfo records the small-cell rule applied.
type DisclosureInfo struct {
	MinCell         int `json:"min_cell"`
	SuppressedCells int `json:"suppressed_cells"`
	// Zeros is "publish" or "suppress" (disclosure.zeros).
	Zeros string `json:"zeros,omitempty"`
	// Primary and Secondary count the distinct counts hidden because they
	// are small, and because a small one could be derived from them.
	Primary   int `json:"primary"`
	Secondary int `json:"secondary"`
	// Added counts what was hidden in the tables of who took part, the
	// intake and the measures' horizons: they are protected after the
	// others, each table on its own with the margins it shares (the
	// included, stratum sizes, a measure's denominator) as the others
	// left them, so the counts above are those of the other tables.
	Added *HiddenCounts `json:"added,omitempty"`
	// Comparison counts what was hidden of the comparison group's counts
	// (config comparison), protected last, against every count above as
	// it was left.
	Comparison *HiddenCounts `json:"comparison,omitempty"`
}

// HiddenCounts counts the places a hidden figure would be printed, and
// the distinct counts hidden because they are small (primary) or because a
// small one could be derived from them (secondary).
type HiddenCounts struct {
	SuppressedCells int `json:"suppressed_cells"`
	Primary         int `json:"primary"`
	Secondary       int `json:"secondary"`
}

// Times lists the configured times of the retention points.
func (r *Retention) Times() []float64 {
	out := make([]float64, len(r.Points))
	for i, p := range r.Points {
		out[i] = p.T
	}
	return out
}
