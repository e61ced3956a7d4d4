package results

// Description is one field of "who took part" (config describe:), over the
// included participants: overall and within each stratum (in the order of
// by_stratum). Rows always add up to the group's N: every value (or band),
// then "outside" (a number outside every band) and "missing".
type Description struct {
	// Field is the config's field name; a report shows its label.
	Field string `json:"field"`
	// Kind is "category" (a text or bool field: a row per value), "number"
	// (median and IQR, rows per band when bands are configured) or "age"
	// (a date field read as a birth date: age at entry in whole years,
	// summarised like a number).
	Kind string `json:"kind"`
	// Bands are the configured cut points (number and age only): band k is
	// [Bands[k], Bands[k+1]), shown as 18–29 for [18, 30) in whole years.
	Bands     []float64       `json:"bands,omitempty"`
	Overall   DescribeGroup   `json:"overall"`
	ByStratum []DescribeGroup `json:"by_stratum,omitempty"`
}

// Kinds of Description.
const (
	DescribeCategory = "category"
	DescribeNumber   = "number"
	DescribeAge      = "age"
)

// DescribeGroup is a field's distribution in one group: everyone included
// (Stratum "") or one stratum. N is the group's size (nil when hidden).
type DescribeGroup struct {
	Stratum string        `json:"stratum,omitempty"`
	N       *int          `json:"n"`
	Rows    []DescribeRow `json:"rows"`
	// Summary is the median and IQR of a number or age (nil for a
	// category field).
	Summary *NumberSummary `json:"summary,omitempty"`
}

// DescribeRow is one line of a description table: a count and its share
// of the group's N (nil when disclosure control hides it).
type DescribeRow struct {
	// Key is what the row counts: a text value as written in the extract
	// ("" is never a key: blank is "missing"), "true"/"false" for a bool
	// field, a band (Low and High set),
	// "outside" (a value outside every band), "other" (the text values
	// held by fewer than min_cell people in all, merged so that their text
	// is never printed, like small strata) or "missing" (no value, or for
	// an age no birth date or one after entry). A number without bands
	// has one row "present" (those with a value; their median and IQR are
	// in the summary) before "missing". Band keys are "[18,30)":
	// a report formats and labels every key.
	Key   string   `json:"key"`
	Kind  string   `json:"kind"`
	Low   *float64 `json:"low,omitempty"`
	High  *float64 `json:"high,omitempty"`
	Count *int     `json:"count"`
	Share *float64 `json:"share"`
}

// Kinds of DescribeRow.
const (
	RowValue   = "value"
	RowBand    = "band"
	RowOutside = "outside"
	RowOther   = "other"
	RowPresent = "present"
	RowMissing = "missing"
)

// NumberSummary is the median and interquartile range of the group's
// values (the people with a value: N). Quantiles are R's type 7 (the
// default of R's quantile() and numpy's "linear"): with the n values
// sorted, quantile p lies at position (n−1)p counted from 0, linearly
// interpolated between its neighbours. Nil fields are hidden: the values
// rest on fewer than min_cell people, or the group's size is hidden.
type NumberSummary struct {
	N      *int     `json:"n"`
	Median *float64 `json:"median"`
	Q1     *float64 `json:"q1"`
	Q3     *float64 `json:"q3"`
	// Quantile names the rule: "type7".
	Quantile string `json:"quantile"`
}

// Intake is the number of starts per period, overall and by stratum: per
// quarter, or per month when the intake (first to last entry) spans less
// than two years. Every period from the first entry's to the last entry's
// is listed, empty ones included, so the periods add up to the included.
type Intake struct {
	// Unit is "quarter" or "month".
	Unit    string         `json:"unit"`
	Periods []IntakePeriod `json:"periods"`
}

// Intake units.
const (
	IntakeQuarter = "quarter"
	IntakeMonth   = "month"
)

// IntakePeriod is one period's starts. Key is neutral for a report to
// format: "2017-Q3" (a quarter) or "2017-09" (a month). ByStratum is in
// the order of the results' by_stratum (empty without strata); a nil
// count is hidden by disclosure control.
type IntakePeriod struct {
	Key       string `json:"key"`
	Start     string `json:"start"` // first day, yyyy-mm-dd
	Count     *int   `json:"count"`
	ByStratum []*int `json:"by_stratum,omitempty"`
}

// Horizons is a measure's cumulative incidence of its event (config at:)
// by each horizon: the share of the measure's population who had reached
// the event within that many weeks of entry (or exit), estimated as one
// minus the Kaplan-Meier of the time to the event, with people who had not
// reached it censored at the date of data (their follow-up end). So a
// person followed for only 10 weeks counts towards the 13-week figure only
// as long as they were followed — never as "not reached". An event dated
// before the origin counts as reached at week 0.
type Horizons struct {
	At   string `json:"at"`
	From string `json:"from"` // entry or exit
	Unit string `json:"unit"` // weeks
	// FollowupEnd is the date everyone without the event is censored at
	// (yyyy-mm-dd, the date of data).
	FollowupEnd string `json:"followup_end"`
	// FollowupField is the date field holding each person's own end of
	// follow-up (cohort.followup_end), when one is configured: a person
	// is then censored at that date when it is before FollowupEnd.
	FollowupField string `json:"followup_field,omitempty"`
	// N is the measure's population (those its among selects).
	N *int `json:"n"`
	// ConfType is the pointwise interval: "log-log" (R survival's
	// conf.type = "log-log" on S, read as 1 − S).
	ConfType string         `json:"conf_type"`
	Points   []HorizonPoint `json:"points"`
	// Curve is 1 − S at every step, for the figure (S holds the
	// incidence, Low and High its band), coarsened by disclosure control
	// like the retention curve.
	Curve []CurvePoint `json:"-"`
}

// HorizonPoint is the cumulative incidence at one horizon. NEvent counts
// those who reached the event by the horizon (time ≤ h); NRisk those still
// followed without it after the horizon (time > h), so with the censored
// they add up to N. Incidence is nil with a Note when no one was followed
// that long, or when disclosure control hides it.
type HorizonPoint struct {
	Weeks     float64  `json:"weeks"`
	NRisk     *int     `json:"n_risk"`
	NEvent    *int     `json:"n_event"`
	Incidence *float64 `json:"incidence"`
	Low       *float64 `json:"low"`
	High      *float64 `json:"high"`
	Note      string   `json:"note,omitempty"`
}
