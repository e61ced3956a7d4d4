package results

// Comparison is the effect against a comparison group (config
// comparison): who was compared, how alike they are after weighting, and
// the effect on the participants (ATT) of each measure. Counts hidden by
// disclosure control are nil.
type Comparison struct {
	Method string `json:"method"`
	// Participants and People count both groups as selected; Dropped*
	// those left out by trimming (ipw), an unmatched stratum (cem) or no
	// match (nearest).
	Participants        *int `json:"participants"`
	People              *int `json:"comparison"`
	DroppedParticipants *int `json:"dropped_participants"`
	DroppedComparison   *int `json:"dropped_comparison"`
	// EffectiveN is the weighted comparison's effective sample size
	// (Σw)²/Σw² (nil when the comparison count is hidden).
	EffectiveN *float64  `json:"effective_n"`
	Effects    []Effect  `json:"effects"`
	Balance    []Balance `json:"balance"`
	// Imbalanced is true when some |SMD| after weighting exceeds 0.1.
	Imbalanced bool `json:"imbalanced"`
	// Overlap summarises the propensity scores of both groups (ipw,
	// nearest; nil for cem or a group below min_cell).
	Overlap *Overlap `json:"overlap,omitempty"`
}

// Effect is one measure's effect on the participants.
type Effect struct {
	Measure string `json:"measure"`
	// Participants is the participants' share, Comparison the weighted
	// comparison share, Difference their difference; nil when not
	// estimated (Note says why) or hidden.
	Participants *float64   `json:"participants"`
	Comparison   *float64   `json:"comparison"`
	Difference   *float64   `json:"difference"`
	NParticipant *int       `json:"n_participants"`
	NComparison  *int       `json:"n_comparison"`
	EffectiveN   *float64   `json:"effective_n"`
	Intervals    []Interval `json:"intervals"`
	// Note is why there is no effect: a measure among a programme status
	// (NoteStatus), too few people (NoteSuppressed), or the model's reason.
	Note string `json:"note,omitempty"`
}

// Notes of an effect without numbers.
const (
	NoteStatus     = "among a programme status: no meaning for non-participants"
	NoteSuppressed = "suppressed: a group, or its people with or without the outcome, are fewer than min_cell"
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
