package config

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/danish-eval/evaluate/pipeline/privacy"
	"github.com/danish-eval/evaluate/reports"
)

var idPattern = regexp.MustCompile(`^[a-z0-9_-]+$`)

// fieldName is the rule for field names, the same in README.md and
// data/cohorts/README.md: a letter (a–z, æ, ø, å, either case), then
// letters, digits and _. expr-lang reads æ, ø and å in identifiers
// (TestDanishFieldNames compiles and runs a rule that uses them).
var fieldName = regexp.MustCompile(`^[A-Za-zÆØÅæøå][A-Za-z0-9ÆØÅæøå_]*$`)

// Populations are the built-in names a measure's among can use.
var Populations = []string{"started", "ended", "completed", "dropout", "ongoing"}

var knownMethods = map[string]bool{"bca": true, "percentile": true, "basic": true, "normal": true}

var knownTypes = map[string]bool{TypeID: true, TypeText: true, TypeDate: true, TypeNumber: true, TypeBool: true}

func (c *Config) validateSource(add func(string, ...any)) {
	if c.Source.File == "" {
		add("source.file is missing")
	}
	if e := c.Source.Extracted; e != "" && c.Source.ExtractedDate().IsZero() {
		add("source.extracted %q: expected a date as yyyy-mm-dd (when the extract was made)", e)
	}
	if c.Source.MaxRows < 0 {
		add("source.max_rows %d: expected a whole number of rows ≥ 1 (0 or absent: the default, 50000000)", c.Source.MaxRows)
	}
	if c.Source.HeaderRow < 1 {
		add("source.header_row %d: expected 1 or more", c.Source.HeaderRow)
	}
}

func (c *Config) validateDisclosure(add func(string, ...any)) {
	if m := c.Disclosure.Min(); m < 0 || m == 1 || m == 2 {
		add("disclosure.min_cell %d: expected 0 (off, every page stamped not for publication) or at least 3, Danmarks Statistik's floor", m)
	}
	if z := c.Disclosure.Zeros; z != "" && z != "publish" && z != "suppress" {
		add("disclosure.zeros %q: expected publish (zeros are shown) or suppress (zeros are hidden like small counts)", z)
	}
}

// Validate checks what can be checked without the data. Expressions are
// compiled later, against the typed columns, before any row is read.
func (c *Config) Validate() error {
	var errs []string
	add := func(format string, a ...any) { errs = append(errs, fmt.Sprintf(format, a...)) }
	if !idPattern.MatchString(c.ID) {
		add("id %q must be lower-case letters, digits, _ or - (it names the output folder)", short(c.ID))
	} else if len(c.ID) > MaxIDLength {
		add("id is %d characters long; at most %d (it names the output folder)", len(c.ID), MaxIDLength)
	}
	if !slices.Contains(reports.Languages(), c.Language) {
		add("language %q: expected %s", c.Language, languageList())
	}
	c.validateSource(add)
	c.validateTextLimits(add)
	c.validateColumns(add)
	if len(c.Cohort.Status) == 0 {
		add("cohort.status: at least one status rule is needed (e.g. completed: \"reason == 'gennemført'\")")
	}
	c.validateCohort(add)
	c.validateMeasures(add)
	c.validateAmongNamed(add)
	c.validateDescribe(add)
	c.validateHorizons(add)
	c.validateShares(add)
	c.validateBootstrap(add)
	c.validateDisclosure(add)
	c.validateComparison(add)
	if r := c.Retention; r != nil {
		for i, t := range r.Times {
			if !finite(t) || t <= 0 || t > maxWeeks || (i > 0 && t <= r.Times[i-1]) {
				add("retention.times: expected increasing positive weeks, got %v", r.Times)
				break
			}
		}
	}
	if k := c.Costs; k != nil {
		c.validateCosts(k, add)
	}
	c.validateVariants(add)
	if c.Headline != "" && c.measureIndex(c.Headline) < 0 {
		add("headline %q is not a measure id", c.Headline)
	}
	for name := range c.Populations {
		for _, p := range append([]string{"started", "ended"}, c.StatusNames()...) {
			if name == p {
				add("populations.%s: %q is a built-in population", name, name)
			}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
}

func (c *Config) validateColumns(add func(string, ...any)) {
	if len(c.Columns) == 0 {
		add("columns: no columns are mapped")
	}
	for _, name := range c.ColumnNames() {
		col := c.Columns[name]
		if !knownTypes[col.Type] {
			add("columns.%s.type %q: expected one of id, text, date, number, bool", name, col.Type)
		}
		if col.Header == "" {
			add("columns.%s.header is missing", name)
		}
		if !fieldName.MatchString(name) {
			add("columns.%s: a field name is letters (a–z, æ, ø, å), digits and _ and starts with a letter, so expressions can use it", name)
		}
		if name == "status" || name == "exit" || name == "entry" {
			add("columns.%s: %q is a reserved name (computed by the pipeline)", name, name)
		}
	}
	c.validateStrataFields(add)
	fields := []struct{ key, name string }{{"cluster", c.Cluster}}
	for _, f := range c.StrataFields {
		fields = append(fields, struct{ key, name string }{"strata", f})
	}
	for _, f := range fields {
		if f.name == "" {
			continue
		}
		if col, ok := c.Columns[f.name]; !ok {
			add("%s %q is not a mapped column", f.key, f.name)
		} else if _, banded := c.Bands[f.name]; col.Type != TypeText && !(f.key == "strata" && col.Type == TypeNumber && banded) {
			add("%s %q is a %s column; it must be a text column (e.g. the site), or for strata a number column with bands (bands: {%s: [18, 30, 40, 50, 67]})",
				f.key, f.name, col.Type, f.name)
		} else if f.key == "strata" && (privacy.NameLikeHeader(f.name) || privacy.NameLikeHeader(col.Header)) {
			// A stratum's values are printed as labels: never names or numbers of people.
			add("strata %q holds names or personal numbers (header %s); a stratum's values are printed, so choose a column such as the site",
				f.name, privacy.QuoteName(col.Header))
		} else if f.key == "strata" && !c.named(f.name) {
			add("strata %q: the report is titled by the field (\"Resultater fordelt på …\"): give it a label (labels: {%s: {da: \"kontaktperson\", en: \"contact person\"}})",
				f.name, f.name)
		}
	}
}

func (c *Config) validateMeasures(add func(string, ...any)) {
	seen := map[string]bool{}
	for i, m := range c.Measures {
		if m.ID == "" {
			add("measures[%d]: id is missing", i)
			continue
		}
		if len(m.ID) > MaxIDLength {
			add("measures[%d]: id is %d characters long; at most %d", i, len(m.ID), MaxIDLength)
			continue
		}
		if seen[m.ID] {
			add("measures: id %q is used twice", m.ID)
		}
		seen[m.ID] = true
		if m.Count == "" {
			add("measures.%s.count is missing", m.ID)
		}
		if t := m.Target; t != nil {
			if (t.AtLeast == nil) == (t.AtMost == nil) {
				add("measures.%s.target: give exactly one of at_least, at_most", m.ID)
			}
			for _, v := range []*float64{t.AtLeast, t.AtMost} {
				if v != nil && (!finite(*v) || *v < 0 || *v > 1) {
					add("measures.%s.target %v: a share between 0 and 1 (20 %% is 0.20)", m.ID, *v)
				}
			}
		}
	}
}

func (c *Config) validateBootstrap(add func(string, ...any)) {
	b := c.Bootstrap
	if b.Replicates < 1 || b.Replicates > MaxReplicates {
		add("bootstrap.replicates %d: expected 1 to 1000000 (9999 is the default)", b.Replicates)
	}
	if !finite(b.Level) || b.Level < MinLevel || b.Level > MaxLevel {
		add("bootstrap.level %v: expected a confidence level from 0.5 to 0.999, e.g. 0.95", b.Level)
	}
	for _, m := range b.Methods {
		if !knownMethods[m] {
			add("bootstrap.methods: unknown method %q (expected bca, percentile, basic or normal)", m)
		}
	}
}

// ColumnNames lists the mapped field names in sorted order.
func (c *Config) ColumnNames() []string {
	out := make([]string, 0, len(c.Columns))
	for k := range c.Columns {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// StatusNames lists the cohort status names in rule order.
func (c *Config) StatusNames() []string { return c.Cohort.Status.Names() }

// SourcePath is the extract's path, relative to the config's folder.
func (c *Config) SourcePath() string {
	if c.Source.File == "" || strings.HasPrefix(c.Source.File, "/") {
		return c.Source.File
	}
	return filepath.Join(c.Dir, c.Source.File)
}

func (c *Config) validateVariants(add func(string, ...any)) {
	seen := map[string]bool{}
	for i, v := range c.Sensitivity {
		if v.Name == "" {
			add("sensitivity[%d]: name is missing", i)
		}
		if seen[v.Name] {
			add("sensitivity: name %q is used twice", v.Name)
		}
		seen[v.Name] = true
		if len(v.Set) == 0 {
			add("sensitivity %q: set names no key to change", v.Name)
		}
	}
}

func (c *Config) measureIndex(id string) int {
	for i, m := range c.Measures {
		if m.ID == id {
			return i
		}
	}
	return -1
}

// HeadlineMeasure is the index of the measure the portfolio compares.
func (c *Config) HeadlineMeasure() int {
	if i := c.measureIndex(c.Headline); i >= 0 {
		return i
	}
	return 0
}
