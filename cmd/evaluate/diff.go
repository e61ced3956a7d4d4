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

const diffUsage = `usage: evaluate diff [--format text|csv|md] A B
  A and B: two results.json files, two cohort folders, or two out folders
  (every cohort folder in them, matched by cohort id).
  Lists every figure that differs, largest change first; exit 0 when
  nothing differs, 1 when something does, 2 on trouble.
example: evaluate diff out-before out-after
`

// diffCmd compares two results: every figure that differs, as a table.
func diffCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", diff.FormatText, "output format: text, csv or md")
	fs.Usage = func() { fmt.Fprint(stderr, diffUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 2 {
		fmt.Fprint(stderr, "evaluate diff: name two results (files or folders)\n"+diffUsage)
		return exitUsage
	}
	if f := *format; f != diff.FormatText && f != diff.FormatCSV && f != diff.FormatMD {
		fmt.Fprintf(stderr, "evaluate diff: --format %q: expected text, csv or md\n", f)
		return exitUsage
	}
	var sides [2]diff.Side
	for i := range sides {
		c, err := diff.Load(fs.Arg(i))
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
	if err := diff.Write(stdout, d, *format); err != nil {
		printErr(stderr, err)
		return diffTrouble
	}
	if len(d.Rows) > 0 {
		return diffDiffers
	}
	return diffSame
}
