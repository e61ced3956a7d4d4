package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"

	"github.com/danish-eval/evaluate/pipeline"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/draft"
	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// Exit codes (DESIGN.md §3).
const (
	exitOK    = 0
	exitData  = 1
	exitUsage = 2
)

const usage = `usage:
  evaluate report   [flags] CONFIG...   one or more cohort configs, or a directory of them
  evaluate validate CONFIG...            read and check; print the flow and every problem; write nothing
  evaluate init     [--sheet S] WORKBOOK  print a draft cohort config from the workbook's headers
  evaluate diff     [--format text|csv|md] A B   every figure that differs between two results
  evaluate version

flags for report:
`

// run is the whole command line, testable in-process.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "report":
		return report(args[1:], stdout, stderr)
	case "validate":
		return validate(args[1:], stdout, stderr)
	case "init":
		return initConfig(args[1:], stdout, stderr)
	case "diff":
		return diffCmd(args[1:], stdout, stderr)
	case "version":
		fmt.Fprintf(stdout, "evaluate %s\n", pipeline.Version)
		return exitOK
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "evaluate: unknown command %s\n%s", privacy.QuoteName(args[0]), usage)
	return exitUsage
}

type setFlags []config.Override

func (s *setFlags) String() string { return fmt.Sprint(*s) }

func (s *setFlags) Set(v string) error {
	o, err := config.ParseOverride(v)
	if err != nil {
		return err
	}
	*s = append(*s, o)
	return nil
}

func report(args []string, stdout, stderr io.Writer) int {
	o, paths, code := reportOptions(args, stderr)
	if code != exitOK {
		return code
	}
	outcomes, err := pipeline.ReportAll(paths, o)
	for _, oc := range outcomes {
		if oc.Err != nil {
			printErr(stderr, oc.Err)
			code = exitData
			continue
		}
		if !o.Quiet {
			s := oc.Summary
			fmt.Fprintf(stdout, "%s: %d rows read, %d included → %s\n", s.ID, s.RowsRead, s.Included, s.Dir)
		}
	}
	if err != nil {
		printErr(stderr, err)
		code = exitData
	} else if ok := countOK(outcomes); ok > 1 && !o.Quiet {
		fmt.Fprintf(stdout, "portfolio: %d programmes compared → %s\n", ok, filepath.Join(o.OutDir, "portfolio"))
	}
	return code
}

// reportOptions parses the report flags and expands the config paths.
func reportOptions(args []string, stderr io.Writer) (pipeline.Options, []string, int) {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o pipeline.Options
	var sets setFlags
	seed := fs.Int64("seed", -1, "bootstrap seed (default: the config's)")
	reps := fs.Int("replicates", 0, "bootstrap replicates (default: the config's)")
	fs.StringVar(&o.OutDir, "out", "out", "output folder")
	fs.StringVar(&o.Lang, "lang", "", "report language da|en (default: the config's)")
	fs.IntVar(&o.Workers, "workers", runtime.GOMAXPROCS(0), "worker goroutines (never changes a result)")
	fs.BoolVar(&o.Quiet, "quiet", false, "print nothing but errors")
	verbose := fs.Bool("verbose", false, "log each stage with its time on stderr")
	fs.Var(&sets, "set", "override a config key, key=value (repeatable)")
	fs.Usage = func() { fmt.Fprint(stderr, usage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return o, nil, exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "evaluate report: name at least one cohort config or a folder of them")
		return o, nil, exitUsage
	}
	if *reps < 0 || o.Workers < 1 || (o.Lang != "" && o.Lang != "da" && o.Lang != "en") {
		fmt.Fprintln(stderr, "evaluate report: --replicates must be ≥ 1, --workers ≥ 1, --lang da or en")
		return o, nil, exitUsage
	}
	if *seed >= 0 {
		s := uint64(*seed)
		o.Seed = &s
	}
	if *reps > 0 {
		o.Replicates = reps
	}
	o.Overrides = sets
	o.Warn = stderr // notices about the data are never silenced
	o.Wait = stderr // even with --quiet: a run that waits must say why
	if *verbose && !o.Quiet {
		o.Log = stderr
	}
	paths, err := configPaths(fs.Args())
	if err != nil {
		printErr(stderr, err)
		return o, nil, exitData
	}
	o.Done = progress(stderr, len(paths), o.Quiet || *verbose)
	return o, paths, exitOK
}

// printErr prints an error for people. Every message is built to name no
// identifier; masking CPR-shaped parts here as well catches what a
// library's message may carry (a path inside an operating-system error).
func printErr(stderr io.Writer, err error) {
	fmt.Fprintf(stderr, "evaluate: %s\n", privacy.Mask(err.Error()))
}

// configPaths expands folders into the *.yaml files they hold, sorted.
func configPaths(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("config %s: file not found", privacy.Mask(a))
		}
		if err != nil {
			return nil, fmt.Errorf("config %s: %w", privacy.Mask(a), errors.Unwrap(err))
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		found, _ := filepath.Glob(filepath.Join(a, "*.yaml"))
		more, _ := filepath.Glob(filepath.Join(a, "*.yml"))
		found = append(found, more...)
		if len(found) == 0 {
			return nil, fmt.Errorf("folder %s holds no cohort configs (*.yaml)", privacy.Mask(a))
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

func validate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var sets setFlags
	fs.Var(&sets, "set", "override a config key, key=value (repeatable)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "evaluate validate: name at least one cohort config or a folder of them")
		return exitUsage
	}
	paths, err := configPaths(fs.Args())
	if err != nil {
		printErr(stderr, err)
		return exitData
	}
	code := exitOK
	if err := pipeline.CheckIDs(paths, pipeline.Options{Overrides: sets, OutDir: "out"}); err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n", err)
		code = exitData
	}
	for _, p := range paths {
		if err := pipeline.Validate(p, pipeline.Options{Overrides: sets, Warn: stderr}, stdout); err != nil {
			printErr(stderr, err)
			code = exitData
		}
	}
	return code
}

func countOK(outcomes []pipeline.Outcome) int {
	n := 0
	for _, oc := range outcomes {
		if oc.Err == nil {
			n++
		}
	}
	return n
}

func initConfig(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sheet := fs.String("sheet", "", "sheet to read (default: the first with data)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "evaluate init: name one workbook (.xlsx or .csv)")
		return exitUsage
	}
	out, err := draft.Draft(fs.Arg(0), *sheet)
	if err != nil {
		printErr(stderr, err)
		return exitData
	}
	fmt.Fprint(stdout, out)
	return exitOK
}
