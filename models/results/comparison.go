package results

// Comparison is the comparison group (config comparison): who was
// compared and how alike they are after weighting. The effect of each
// measure and the balance of each covariate are Results.Effects and
// Results.Balance. Counts hidden by disclosure control are nil.
type Comparison struct {
	Method string `json:"method"`
	// Participants and People count both groups as selected; Dropped*
	// those left out by trimming (ipw), an unmatched stratum (cem) or no
	// match (nearest).
	Participants        *int `json:"participants"`
	People              *int `json:"comparison"`
	DroppedParticipants *int `json:"dropped_participants"`
	DroppedComparison   *int `json:"dropped_comparison"`
	// RowsRead and Excluded are the comparison group's flow: the rows of
	// its extract (comparison.source) or of the participants' extract
	// outside comparison.group, and why rows were left out.
	RowsRead int         `json:"rows_read"`
	Excluded []Exclusion `json:"excluded"`
	// Missing counts the people of each group left out of the comparison
	// for want of a covariate (nil: nobody).
	Missing *MissingCovariates `json:"missing_covariates,omitempty"`
	// EffectiveN is the weighted comparison's effective sample size
	// (Σw)²/Σw² (nil when the comparison count is hidden).
	EffectiveN *float64 `json:"effective_n"`
	// Imbalanced is true when some |SMD| after weighting exceeds 0.1.
	Imbalanced bool `json:"imbalanced"`
	// Overlap summarises the propensity scores of both groups (ipw,
	// nearest; nil for cem or a group below min_cell).
	Overlap *Overlap `json:"overlap,omitempty"`
}

// MissingCovariates counts the people left out of the comparison because
// a covariate has no value for them: in all, and per covariate (a person
// may lack several).
type MissingCovariates struct {
	Participants int                `json:"participants"`
	Comparison   int                `json:"comparison"`
	ByCovariate  []MissingCovariate `json:"by_covariate"`
}

// MissingCovariate is how many of each group lack one covariate.
type MissingCovariate struct {
	Covariate    string `json:"covariate"`
	Participants int    `json:"participants"`
	Comparison   int    `json:"comparison"`
}

// Effect is one measure's effect on the participants (ATT): the
// participants' share minus the weighted comparison share.
type Effect struct {
	Measure string `json:"measure"`
	// Method is the comparison's method (ipw, cem, nearest).
	Method       string           `json:"method"`
	Participants EffectGroup      `json:"participants"`
	Comparison   EffectComparison `json:"comparison"`
	Difference   *float64         `json:"difference"`
	Intervals    []Interval       `json:"intervals"`
	// Note is why there is no effect: a measure among a programme status
	// (NoteStatus), too few people (NoteSuppressed), or the model's reason.
	Note string `json:"note,omitempty"`
	// OverTime is the effect at each horizon, for a measure with an
	// event date (config at:).
	OverTime *EffectOverTime `json:"over_time,omitempty"`
}

// EffectGroup is the participants' side of an effect: those in the
// measure's population who are kept (not trimmed or unmatched), how many
// of them have the outcome, and the share.
type EffectGroup struct {
	Count       *int     `json:"count"`
	Denominator *int     `json:"denominator"`
	Estimate    *float64 `json:"estimate"`
}

// EffectComparison is the comparison's side: the people in the measure's
// population with a positive weight, their effective sample size
// (Σw)²/Σw² and the weighted share.
type EffectComparison struct {
	N          *int     `json:"n"`
	EffectiveN *float64 `json:"effective_n"`
	Estimate   *float64 `json:"estimate"`
}

// EffectOverTime is the effect at each horizon: the cumulative incidence
// of the measure's event (1 − Kaplan-Meier of the weeks from From to the
// date At, censored at the end of follow-up) among the participants minus
// the weighted comparison's (weighted Kaplan-Meier).
type EffectOverTime struct {
	At     string        `json:"at"`
	From   string        `json:"from"`
	Unit   string        `json:"unit"`
	Points []EffectPoint `json:"points"`
}

// EffectPoint is the effect at one horizon; NRisk* count those followed
// to the horizon without the event before it (time ≥ horizon). Nil when
// not estimated (Note) or hidden.
type EffectPoint struct {
	Weeks             float64    `json:"weeks"`
	Participants      *float64   `json:"participants"`
	Comparison        *float64   `json:"comparison"`
	Difference        *float64   `json:"difference"`
	NRiskParticipants *int       `json:"n_risk_participants"`
	NRiskComparison   *int       `json:"n_risk_comparison"`
	Intervals         []Interval `json:"intervals"`
	Note              string     `json:"note,omitempty"`
}

// Hide blanks every figure of the effect (its over-time points too).
func (e *Effect) Hide(note string) {
	e.Participants, e.Comparison = EffectGroup{}, EffectComparison{}
	e.Difference, e.Intervals, e.Note = nil, nil, note
	if e.OverTime != nil {
		for k := range e.OverTime.Points {
			e.OverTime.Points[k].Hide(note)
		}
	}
}

// Hide blanks every figure of the point.
func (p *EffectPoint) Hide(note string) {
	*p = EffectPoint{Weeks: p.Weeks, Note: note}
}

// Notes of an effect without numbers.
const (
	NoteStatus      = "among a programme status: no meaning for non-participants"
	NoteSuppressed  = "suppressed: a group, or its people with or without the outcome, are fewer than min_cell"
	NoteNotFollowed = "not estimated: no one of a group was followed this long"
)

// Balance is one covariate (or level) before and after weighting; SMDs
// signed participants − comparison, in the participants' SD.
type Balance struct {
	Covariate string `json:"covariate"`
	// Age marks a date covariate read as the age at entry in years.
	Age           bool     `json:"age,omitempty"`
	SMDBefore     *float64 `json:"smd_before"`
	SMDAfter      *float64 `json:"smd_after"`
	VarianceRatio *float64 `json:"variance_ratio"`
}

// Overlap holds each group's propensity-score quantiles at
// OverlapProbs: never a single person's score (no minimum or maximum).
type Overlap struct {
	Participants []float64 `json:"participants"`
	Comparison   []float64 `json:"comparison"`
}

// OverlapProbs are the quantiles Overlap holds: 5, 25, 50, 75 and 95 %.
var OverlapProbs = []float64{0.05, 0.25, 0.5, 0.75, 0.95}
