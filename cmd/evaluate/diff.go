package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/danish-eval/evaluate/pipeline/privacy"
	"github.com/danish-eval/evaluate/reports/diff"
)

// Exit codes of diff follow diff(1), so that a script can tell "differs"
// from "could not compare": 0 nothing differs, 1 something differs,
// 2 usage or an unreadable side.
const (
	diffSame    = 0
	diffDiffers = 1
	diffTrouble = 2
)

// diffFlags defines diff's flags and returns what compares two results:
// every figure that differs, as a table.
func diffFlags(fs *flag.FlagSet) action {
	format := fs.String("format", diff.FormatText, "output format `text|csv|md`")
	return func(args []string, stdout, stderr io.Writer) int {
		if len(args) != 2 {
			fmt.Fprintln(stderr, "evaluate diff: name two results (files or folders) (evaluate diff --help)")
			return exitUsage
		}
		if f := *format; f != diff.FormatText && f != diff.FormatCSV && f != diff.FormatMD {
			fmt.Fprintf(stderr, "evaluate diff: --format %q: expected text, csv or md\n", f)
			return exitUsage
		}
		return diffCmd(args, *format, stdout, stderr)
	}
}

// diffCmd compares two results: every figure that differs, as a table.
func diffCmd(args []string, format string, stdout, stderr io.Writer) int {
	var sides [2]diff.Side
	for i := range sides {
		c, err := diff.Load(args[i])
		if err != nil {
			printErr(stderr, err)
			return diffTrouble
		}
		// The paths are printed: a CPR-shaped folder name is masked, as in
		// every other output.
		for j := range c.Cohorts {
			c.Cohorts[j].Path = privacy.Mask(c.Cohorts[j].Path)
		}
		sides[i] = c
	}
	d := diff.Compare(sides[0], sides[1])
	if err := diff.Write(stdout, d, format); err != nil {
		printErr(stderr, err)
		return diffTrouble
	}
	if len(d.Rows) > 0 {
		return diffDiffers
	}
	return diffSame
}
