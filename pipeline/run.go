// Package pipeline connects the stages that turn a cohort config and its
// extract into a report (DESIGN.md §2). Each stage is a function with typed
// input and output; Report lists them in order.
package pipeline

import (
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"time"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/extract"
)

// Version is the program version recorded in every manifest.
var Version = "0.1.0"

// Options are the command-line settings that apply to every cohort.
type Options struct {
	OutDir     string
	Seed       *uint64
	Replicates *int
	Lang       string
	Workers    int
	Overrides  []config.Override
	Quiet      bool
	Log        io.Writer // stage timings; nil for none
	// Warn receives every notice about the data, one line each (stderr,
	// even with --quiet); nil for none.
	Warn io.Writer
	Wait io.Writer // told when another run holds --out's lock; may be nil
	lock *outLock  // set by ReportAll; nil: Report writes without locking
	Done func()    // called as each cohort finishes (progress); may be nil
	// ProblemsFile (validate --problems) receives the list of unusable
	// cells and rows; ProblemsPerCohort puts each cohort's id in its name.
	ProblemsFile      string
	ProblemsPerCohort bool
}

// Summary is what the command line prints after a cohort's report.
type Summary struct {
	ID                 string
	Dir                string
	RowsRead, Included int
	Results            *results.Results
	Headline           int // index of the measure the portfolio compares
}

// Report runs every stage for one cohort config and writes its report.
func Report(path string, o Options) (Summary, error) {
	t := &timer{log: o.Log}
	cfg, in, err := prepare(t, path, o)
	if err != nil {
		return Summary{}, err
	}
	dir := filepath.Join(o.OutDir, cfg.ID)
	sum := Summary{ID: cfg.ID, Dir: dir, RowsRead: in.Cohort.Rows, Included: len(in.Cohort.People), Results: in.Results,
		Headline: cfg.HeadlineMeasure()}
	// The people and the extract are not drawn: let the collector have
	// them (10⁷ rows are gigabytes) while the outputs are drawn.
	in.Cohort = &Cohort{Rows: in.Cohort.Rows, DataDate: in.Cohort.DataDate}
	// 9. Draw and encode every output in memory.
	files, err := step(t, "render", func() (Files, error) { return Render(cfg, in, t.timings, o.Workers) })
	if err != nil {
		return Summary{}, fmt.Errorf("%s: %w", cfg.ID, err)
	}
	// 10. Write to a temporary folder and move it into place (holding
	// --out's lock in a multi-cohort run).
	if _, err := step(t, "write", func() (struct{}, error) {
		if err := o.lock.take(); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, Write(dir, files)
	}); err != nil {
		return Summary{}, fmt.Errorf("%s: %w", cfg.ID, err)
	}
	return sum, nil
}

// prepare runs every stage that can fail on the config or the data, all
// but render and write, for both report and validate: what validate
// passes, report passes, and both fail with the same sentence. The
// Analysis is returned as far as it got (validate prints the flow of a
// cohort that failed later).
func prepare(t *timer, path string, o Options) (*config.Config, *Analysis, error) {
	// 1. Read and check the config; apply command-line settings.
	cfg, err := step(t, "load config", func() (*config.Config, error) { return LoadConfig(path, o) })
	if err != nil {
		return nil, nil, err
	}
	t.prefix = cfg.ID
	in, err := analyse(t, cfg, o)
	if err != nil {
		return cfg, in, fmt.Errorf("%s: %w", cfg.ID, err)
	}
	return cfg, in, nil
}

// Analysis is everything the render stage needs.
type Analysis struct {
	Cohort      *Cohort
	Counts      *Counts
	Results     *results.Results
	InputSHA256 string
	// InputEncoding is the character set a CSV was read in ("" for .xlsx).
	InputEncoding string
	// Problems are the cells and rows to send back to the data supplier.
	Problems []results.Problem
}

// analyse runs the stages from the compiled rules to the disclosed results.
func analyse(t *timer, cfg *config.Config, o Options) (*Analysis, error) {
	// 2. Type-check every expression before any data is read.
	r, err := step(t, "compile rules", func() (*Rules, error) { return CompileRules(cfg) })
	if err != nil {
		return nil, err
	}
	// 3. Read the extract's mapped columns, typed.
	in, err := step(t, "ingest", func() (*Input, error) { return Ingest(cfg) })
	if err != nil {
		return nil, err
	}
	// 4-6. The flow of every row, the measures as 0/1 indicators, and the
	// bootstrap of every measure within strata (common random numbers).
	a := &Analysis{InputSHA256: in.SHA256, InputEncoding: in.Extract.Encoding}
	c, counts, est, err := estimate(t, cfg, r, in.Extract, o.Workers, func(c *Cohort) error {
		a.Cohort = c
		a.Problems = Problems(c, in.Extract)
		warn(o.Warn, cfg.ID, c.Notices)
		if len(c.People) == 0 {
			return fmt.Errorf("no row is included, so there is nothing to report (%d rows read; `evaluate validate` shows why each was excluded)", c.Rows)
		}
		return nil
	})
	if err != nil {
		return a, err
	}
	a.Counts = counts
	warnMissing(o.Warn, cfg.ID, counts)
	warnLines(o.Warn, cfg.ID, est.Warnings)
	// 6a. Each further strata field: the measures and retention by its groups.
	var fields []FieldResult
	if len(cfg.MoreStrata()) > 0 {
		if fields, err = step(t, "strata fields", func() ([]FieldResult, error) { return StrataFields(cfg, c, counts, o.Workers) }); err != nil {
			return a, err
		}
	}
	// 6b. Re-run the measures for every sensitivity variant, same seed.
	var runs []variantRun
	variants, err := step(t, "sensitivity", func() (v []results.Variant, err error) {
		v, runs, err = Sensitivity(t, cfg, in, c, counts, o.Workers)
		return v, err
	})
	if err != nil {
		return a, err
	}
	// 6c. The comparison group, weighted, and the effect of each measure.
	cmp, err := step(t, "comparison", func() (*Compared, error) {
		return Compare(cfg, r, in.Extract, c, counts, o.Workers)
	})
	if err != nil {
		return a, err
	}
	// 7. Retention; who took part, intake per period, outcomes by horizon.
	ret, part, err := overTime(t, cfg, c, counts)
	if err != nil {
		return a, err
	}
	// 8. Assemble the results and suppress small cells before anything is drawn.
	a.Results, err = step(t, "disclose", func() (*results.Results, error) {
		res := Assemble(cfg, c, counts, est, ret)
		attachFields(cfg, res, counts, fields)
		res.Sensitivity = variants
		cmp.Attach(res)
		part.Attach(res)
		res, err := Disclose(cfg, res, c, counts, runs, part, t.log)
		if err == nil {
			res.Bootstrap.HideSuppressed(res.Measures)
			err = DiscloseComparison(cfg, res, c, counts, part, cmp, t.log)
		}
		return res, err
	})
	return a, err
}

// collectLarge collects garbage in a large cohort's analysis: once it is
// selected, and once it is measured and bootstrapped (the main analysis
// and each sensitivity variant). The working lists before (rule results,
// rows, reasons) are garbage by then, but the collector, which lets the
// heap grow to twice the live data, would not reclaim them before the
// stages that follow had taken as much fresh memory again from the
// system, and fresh memory is what costs here (page faults). A collection
// is a few milliseconds of marking: the columns and people hold no
// pointers. At 10⁷ rows the one after the estimates cut the peak from 2.0
// to 1.5 GB and the run by about 2 s; at 10⁶ the one after selection
// halves the measures' time.
func collectLarge(c *Cohort) {
	if c.Rows >= 100_000 {
		runtime.GC()
	}
}

// overTime runs the stages that follow people over time: Kaplan-Meier
// retention (and competing exits), then the description of who took
// part, the intake per period and each measure's event by horizon.
func overTime(t *timer, cfg *config.Config, c *Cohort, counts *Counts) (*results.Retention, *Participants, error) {
	ret, err := step(t, "retention", func() (*results.Retention, error) { return Retention(cfg, c) })
	if err != nil {
		return nil, nil, err
	}
	part, err := step(t, "describe", func() (*Participants, error) { return Describe(cfg, c, counts) })
	return ret, part, err
}

// estimate runs the stages every analysis shares, the main one and each
// sensitivity variant: select the cohort (then call selected, which may
// stop the run), evaluate the measures, bootstrap them.
func estimate(t *timer, cfg *config.Config, r *Rules, ex *extract.Extract, workers int,
	selected func(*Cohort) error) (*Cohort, *Counts, *Estimates, error) {
	// 4. Apply the cohort definition: the flow of every row.
	c, err := step(t, "select cohort", func() (*Cohort, error) {
		c, err := SelectCohort(cfg, r, ex)
		if err == nil {
			collectLarge(c) // selection's working lists, before measures takes memory
		}
		return c, err
	})
	if err != nil {
		return nil, nil, nil, err
	}
	return estimateFor(t, cfg, r, c, workers, selected, nil)
}

// estimateFor runs the stages after selection on a selected cohort; base,
// when not nil, is the cohort's indicators under the main config, whose
// unchanged measures a variant copies (measureReusing).
func estimateFor(t *timer, cfg *config.Config, r *Rules, c *Cohort, workers int,
	selected func(*Cohort) error, base *Counts) (*Cohort, *Counts, *Estimates, error) {
	if err := selected(c); err != nil {
		return c, nil, nil, err
	}
	// 5. Evaluate each measure per person as 0/1 indicators.
	counts, err := step(t, "measures", func() (*Counts, error) { return measureReusing(cfg, r, c, base) })
	if err != nil {
		return c, nil, nil, err
	}
	// 6. Bootstrap every measure within strata, common random numbers.
	est, err := step(t, "bootstrap", func() (*Estimates, error) { return Bootstrap(cfg, c, counts, workers) })
	collectLarge(c)
	return c, counts, est, err
}

// timer logs and records how long each stage took (manifest.json only).
type timer struct {
	log     io.Writer
	prefix  string
	timings []StageTiming
}

// StageTiming is one stage's wall time.
type StageTiming struct {
	Stage   string  `json:"stage"`
	Seconds float64 `json:"seconds"`
}

func step[T any](t *timer, name string, f func() (T, error)) (T, error) {
	start := time.Now()
	v, err := f()
	d := time.Since(start)
	t.timings = append(t.timings, StageTiming{Stage: name, Seconds: d.Seconds()})
	if t.log != nil && err == nil {
		fmt.Fprintf(t.log, "%-8s %-14s %8.1f ms\n", t.prefix, name, float64(d.Microseconds())/1000)
	}
	if err != nil {
		var zero T
		return zero, fmt.Errorf("%s: %w", name, err)
	}
	return v, nil
}
