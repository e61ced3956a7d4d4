package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"

	"github.com/danish-eval/evaluate/pipeline"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/draft"
	"github.com/danish-eval/evaluate/pipeline/privacy"
	"github.com/danish-eval/evaluate/reports"
)

// Exit codes (DESIGN.md §3).
const (
	exitOK    = 0
	exitData  = 1
	exitUsage = 2
)

// run is the whole command line, testable in-process. Each command's flags
// are defined once, in its flags function (commands.go).
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printUsage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "report":
		return runCommand("report", args[1:], stdout, stderr)
	case "validate":
		return runCommand("validate", args[1:], stdout, stderr)
	case "init":
		return runCommand("init", args[1:], stdout, stderr)
	case "completion":
		return runCommand("completion", args[1:], stdout, stderr)
	case "man":
		return runCommand("man", args[1:], stdout, stderr)
	case "diff":
		return runCommand("diff", args[1:], stdout, stderr)
	case "version":
		return runCommand("version", args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		return help(args[1:], stdout, stderr)
	}
	return unknownCommand(args[0], stderr)
}

// unknownCommand names the closest command; the name typed is quoted
// masked, as it may be anything (a file name, a CPR number pasted by
// mistake).
func unknownCommand(name string, stderr io.Writer) int {
	fmt.Fprintf(stderr, "evaluate: unknown command %s; did you mean %s? (evaluate --help lists every command)\n",
		privacy.QuoteName(name), closest(name, commandNames()))
	return exitUsage
}

type setFlags []config.Override

func (s *setFlags) String() string { return fmt.Sprint(*s) }

// repeatable tells completion that --set may be given again.
func (s *setFlags) repeatable() {}

func (s *setFlags) Set(v string) error {
	o, err := config.ParseOverride(v)
	if err != nil {
		return err
	}
	*s = append(*s, o)
	return nil
}

// reportFlags defines report's flags and returns what runs it.
func reportFlags(fs *flag.FlagSet) action {
	var o pipeline.Options
	var sets setFlags
	seed := fs.Int64("seed", -1, "use bootstrap seed `N` instead of the config's")
	reps := fs.Int("replicates", 0, "draw `N` bootstrap replicates instead of the config's number")
	fs.StringVar(&o.OutDir, "out", "out", "write the reports into folder `DIR`")
	fs.StringVar(&o.Lang, "lang", "", "write the reports in `da|en` instead of the config's language")
	fs.IntVar(&o.Workers, "workers", runtime.GOMAXPROCS(0), "run `N` workers (default: all cores; never changes a result)")
	fs.BoolVar(&o.Quiet, "quiet", false, "print nothing but errors")
	verbose := fs.Bool("verbose", false, "log each stage with its time on stderr")
	fs.Var(&sets, "set", "override a config key: `key=value`, e.g. measures.employment.count='hours >= 10' (repeatable; recorded in the manifest)")
	return func(args []string, stdout, stderr io.Writer) int {
		if len(args) == 0 {
			fmt.Fprintln(stderr, "evaluate report: name at least one cohort config or a folder of them (evaluate report --help)")
			return exitUsage
		}
		if *reps < 0 || o.Workers < 1 || (o.Lang != "" && !slices.Contains(reports.Languages(), o.Lang)) {
			fmt.Fprintln(stderr, "evaluate report: --replicates must be ≥ 1, --workers ≥ 1, --lang one of "+strings.Join(reports.Languages(), ", "))
			return exitUsage
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
		paths, err := configPaths(args)
		if err != nil {
			printErr(stderr, err)
			return exitData
		}
		o.Done = progress(stderr, len(paths), o.Quiet || *verbose)
		return report(o, paths, stdout, stderr)
	}
}

func report(o pipeline.Options, paths []string, stdout, stderr io.Writer) int {
	code := exitOK
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

// validateFlags defines validate's flags and returns what runs it.
func validateFlags(fs *flag.FlagSet) action {
	var sets setFlags
	fs.Var(&sets, "set", "override a config key: `key=value`, as for report (repeatable)")
	problems := fs.String("problems", "", "write every unusable cell and row, by sheet row, to `FILE` (.xlsx or .csv) for the data supplier")
	return func(args []string, stdout, stderr io.Writer) int {
		if len(args) == 0 {
			fmt.Fprintln(stderr, "evaluate validate: name at least one cohort config or a folder of them (evaluate validate --help)")
			return exitUsage
		}
		paths, err := configPaths(args)
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
			o := pipeline.Options{Overrides: sets, Warn: stderr, ProblemsFile: *problems, ProblemsPerCohort: len(paths) > 1}
			if err := pipeline.Validate(p, o, stdout); err != nil {
				printErr(stderr, err)
				code = exitData
			}
		}
		return code
	}
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

// initFlags defines init's flags and returns what runs it.
func initFlags(fs *flag.FlagSet) action {
	sheet := fs.String("sheet", "", "read sheet `SHEET` (default: the sheet with the most data rows)")
	out := fs.String("o", "", "write the draft to `FILE` (source.file is then relative to it) instead of stdout")
	header := fs.Int("header-row", 0, "the headers are in row `N` (default: found by init)")
	return func(args []string, stdout, stderr io.Writer) int {
		if len(args) != 1 {
			fmt.Fprintln(stderr, "evaluate init: name one workbook (.xlsx or .csv) (evaluate init --help)")
			return exitUsage
		}
		if *header < 0 {
			fmt.Fprintf(stderr, "evaluate init: --header-row %d: expected a row number of 1 or more\n", *header)
			return exitUsage
		}
		text, err := draft.Draft(args[0], draft.Options{Sheet: *sheet, HeaderRow: *header, Out: *out})
		if err == nil && *out != "" {
			err = draft.Save(*out, text)
		}
		if err != nil {
			printErr(stderr, err)
			return exitData
		}
		if *out == "" {
			fmt.Fprint(stdout, text)
		} else {
			fmt.Fprintf(stderr, "evaluate init: wrote %s; check the lines marked TODO or unsure, then: evaluate validate %s\n", *out, *out)
		}
		return exitOK
	}
}
