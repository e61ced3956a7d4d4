// Package config reads a cohort definition (DESIGN.md §4): a YAML file that
// names the extract, maps its columns, defines the cohort, the measures, the
// retention analysis, the bootstrap and the disclosure rule.
//
// Unknown keys are errors, so a typo never silently changes a cohort.
// Ordered mappings (cohort.status, exits.categories) keep the file's order.
package config

import "time"

// Config is one cohort definition with defaults applied.
type Config struct {
	ID        string            `yaml:"id"`
	Title     string            `yaml:"title"`
	Language  string            `yaml:"language"`
	Source    Source            `yaml:"source"`
	Columns   map[string]Column `yaml:"columns"`
	Cohort    Cohort            `yaml:"cohort"`
	Measures  []Measure         `yaml:"measures"`
	Exits     *Exits            `yaml:"exits"`
	Retention *Retention        `yaml:"retention"`
	// StrataFields are the strata fields as written (strata: site, or
	// strata: [site, gender]); Strata is the first, by which the
	// bootstrap resamples and results.json's by_stratum is split.
	StrataFields Fields `yaml:"strata"`
	Strata       string `yaml:"-"`
	// Headline is the measure the portfolio compares (default: the first).
	Headline    string     `yaml:"headline"`
	Cluster     string     `yaml:"cluster"`
	Costs       *Costs     `yaml:"costs"`
	Bootstrap   Bootstrap  `yaml:"bootstrap"`
	Disclosure  Disclosure `yaml:"disclosure"`
	Sensitivity []Variant  `yaml:"sensitivity"`
	// Populations are named expressions a measure's among can use.
	Populations map[string]string `yaml:"populations"`
	// Labels name, in each language, any identifier a reader could see: a
	// status, an exit category, a population, a stratum value.
	Labels map[string]Label `yaml:"labels"`
	// Describe lists the fields that describe who took part ("Deltagerne"):
	// text and bool fields as counts per value, number fields as median,
	// IQR and (with Bands) counts per band, a date field as age at entry.
	Describe []string `yaml:"describe"`
	// Bands cuts a number field (or a date field's age at entry) into bands
	// [cut[k], cut[k+1]); values outside every band are counted apart.
	Bands map[string][]float64 `yaml:"bands"`
	// Comparison, when set, estimates effects against a comparison group.
	Comparison *Comparison `yaml:"comparison"`

	// Path is the config file as given; Dir the folder relative paths start from.
	Path string `yaml:"-"`
	Dir  string `yaml:"-"`
	// Overrides are the --set assignments applied, in order.
	Overrides []Override `yaml:"-"`
	// SHA256 is the hex digest of the config file's bytes.
	SHA256 string `yaml:"-"`
	// raw is the file as read, so sensitivity variants can be re-parsed.
	raw []byte
}

// Source names the extract.
type Source struct {
	File      string `yaml:"file"`
	Sheet     string `yaml:"sheet"`
	HeaderRow int    `yaml:"header_row"`
	// Extracted (yyyy-mm-dd) is when the extract was made: rows dated
	// after it are excluded. Default: the workbook's save date; none for CSV.
	Extracted string `yaml:"extracted"`
	// MaxRows bounds a CSV's rows (default 50,000,000); a workbook is
	// bounded by Excel's limit.
	MaxRows int `yaml:"max_rows"`
}

// ExtractedDate is source.extracted as a date (zero when not set or invalid;
// validate reports an invalid one).
func (s Source) ExtractedDate() time.Time {
	t, err := time.Parse("2006-01-02", s.Extracted)
	if err != nil {
		return time.Time{}
	}
	return t
}

// Column maps a field name used in expressions to a header in the workbook.
type Column struct {
	Header   string `yaml:"header"`
	Type     string `yaml:"type"`
	Optional bool   `yaml:"optional"`
}

// Column types.
const (
	TypeID     = "id"
	TypeText   = "text"
	TypeDate   = "date"
	TypeNumber = "number"
	TypeBool   = "bool"
)

// Cohort defines who is included, when they entered and left, and their status.
type Cohort struct {
	Include string  `yaml:"include"`
	Entry   string  `yaml:"entry"`
	Exit    string  `yaml:"exit"`
	Status  Ordered `yaml:"status"`
	// Unmatched is what a row matching no status rule does: warn (excluded,
	// counted and stated) or error (the run stops).
	Unmatched string `yaml:"unmatched"`
	// Duplicates is what an id on several rows does: exclude every row,
	// or keep the first (or last) episode by entry date.
	Duplicates string `yaml:"duplicates"`
	// FollowupEnd names a date field: each person's own end of follow-up.
	// Outcomes by horizon censor a person there (or at the date of data,
	// whichever is earlier) and do not count an event after it.
	FollowupEnd string `yaml:"followup_end"`
}

// Measure is a share: count among a population.
type Measure struct {
	ID     string  `yaml:"id"`
	Label  Label   `yaml:"label"`
	Count  string  `yaml:"count"`
	Among  string  `yaml:"among"`
	Target *Target `yaml:"target"`
	// At names an event date field (e.g. first_job_date): the measure then
	// also gets the cumulative incidence of the event by each horizon,
	// counted from entry or exit (From), censored at the date of data.
	At       string    `yaml:"at"`
	From     string    `yaml:"from"`
	Horizons []float64 `yaml:"horizons"`
}

// Label is a text in the report languages, by language code ("da", "en",
// or any other language of the report catalogue); "" is the text for
// every language (a label written as one string).
type Label map[string]string

// LabelsIn resolves the labels to language lang (sorted keys never matter:
// the result is looked up, not listed).
func (c *Config) LabelsIn(lang string) map[string]string {
	if len(c.Labels) == 0 {
		return nil
	}
	out := make(map[string]string, len(c.Labels))
	for k, l := range c.Labels {
		out[k] = l.In(lang)
	}
	return out
}

// In returns the label in language lang, falling back to the text for
// every language, then Danish, then English, then any.
func (l Label) In(lang string) string {
	for _, k := range []string{lang, "", "da", "en"} {
		if s := l[k]; s != "" {
			return s
		}
	}
	for _, k := range sortedKeys(l) {
		if l[k] != "" {
			return l[k]
		}
	}
	return ""
}

// Target is a threshold a share should reach (at_least) or stay under (at_most).
type Target struct {
	AtLeast *float64 `yaml:"at_least"`
	AtMost  *float64 `yaml:"at_most"`
}

// Exits are categorical end states, first match wins.
type Exits struct {
	Among      string  `yaml:"among"`
	Categories Ordered `yaml:"categories"`
}

// Retention configures the Kaplan-Meier analysis.
type Retention struct {
	Event     string    `yaml:"event"`
	Competing []string  `yaml:"competing"`
	Times     []float64 `yaml:"times"`
}

// Costs configures the saving: count × monthly benefit × months × (1 − deadweight).
type Costs struct {
	Count             string  `yaml:"count"`
	Among             string  `yaml:"among"`
	MonthlyBenefitDKK float64 `yaml:"monthly_benefit_dkk"`
	Months            float64 `yaml:"months"`
	Deadweight        float64 `yaml:"deadweight"`
}

// Bootstrap configures the resampling.
type Bootstrap struct {
	Replicates int      `yaml:"replicates"`
	Seed       uint64   `yaml:"seed"`
	Level      float64  `yaml:"level"`
	Methods    []string `yaml:"methods"`
}

// Disclosure configures small-cell suppression; MinCell 0 turns it off.
type Disclosure struct {
	MinCell *int `yaml:"min_cell"`
	// Zeros is "publish" (default: a zero reveals no person) or "suppress"
	// (a zero is hidden like a small count: group disclosure).
	Zeros string `yaml:"zeros"`
}

// ZerosSuppressed reports whether zero counts are hidden.
func (d Disclosure) ZerosSuppressed() bool { return d.Zeros == "suppress" }

// Min returns the minimum cell size (default 5).
func (d Disclosure) Min() int {
	if d.MinCell == nil {
		return DefaultMinCell
	}
	return *d.MinCell
}

// Variant is a sensitivity analysis: the config with some keys overridden.
type Variant struct {
	Name string         `yaml:"name"`
	Set  map[string]any `yaml:"set"`
}

// Override is one key=value assignment from --set.
type Override struct {
	Key, Value string
}

// Defaults (DESIGN.md §4).
const (
	DefaultLanguage   = "da"
	DefaultHeaderRow  = 1
	DefaultInclude    = "true"
	DefaultEntry      = "start"
	DefaultExit       = "end"
	DefaultReplicates = 9999
	DefaultSeed       = 1
	DefaultLevel      = 0.95
	DefaultMinCell    = 5
	DefaultUnmatched  = "warn"
	DefaultDuplicates = "exclude"
)

// DefaultMethods are the bootstrap interval methods when none are named.
var DefaultMethods = []string{"bca", "percentile"}

// DefaultHorizons are a measure's horizons in weeks (3, 6 and 12 months)
// when it names an event date (at) but no horizons.
var DefaultHorizons = []float64{13, 26, 52}

// Origins of a measure's horizons (from).
const (
	FromEntry = "entry"
	FromExit  = "exit"
)

// DefaultTimes are the retention times in weeks when none are named.
var DefaultTimes = []float64{4, 13, 26, 52}
