package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// runCommand parses a command's flags, wherever they stand among its
// arguments, and runs it. --help prints the command's help on stdout.
func runCommand(name string, args []string, stdout, stderr io.Writer) int {
	c, ok := lookup(name)
	if !ok { // a case in run's switch without its entry in commands()
		return unknownCommand(name, stderr)
	}
	fs := newFlagSet(c)
	act := c.flags(fs)
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		printHelp(stdout, c)
		return exitOK
	}
	if err != nil {
		// Masked: a value typed on the command line may be anything.
		fmt.Fprintf(stderr, "evaluate %s: %s\n", c.name, privacy.Mask(flagError(fs, err)))
		return exitUsage
	}
	return act(pos, stdout, stderr)
}

// newFlagSet returns a silent FlagSet: runCommand words the errors itself.
func newFlagSet(c command) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseInterleaved parses flags before, between and after the positional
// arguments (`init book.xlsx --sheet X`), which the flag package alone
// stops at. After "--" everything is positional.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// flagError words the flag package's errors with the double dash the help
// shows, and names the closest known flag for an unknown one.
func flagError(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		name = strings.TrimLeft(name, "-")
		var known []string
		fs.VisitAll(func(f *flag.Flag) { known = append(known, f.Name) })
		if len(known) == 0 {
			return fmt.Sprintf("unknown flag %s; evaluate %s takes no flags", dashed(name), fs.Name())
		}
		return fmt.Sprintf("unknown flag %s; did you mean %s? (evaluate %s --help lists every flag)",
			dashed(name), dashed(closest(name, known)), fs.Name())
	}
	for _, lead := range []string{"for flag -", "needs an argument: -"} {
		if i := strings.Index(msg, lead); i >= 0 {
			name, rest, _ := strings.Cut(msg[i+len(lead):], ":")
			if rest != "" {
				rest = ":" + rest
			}
			msg = msg[:i+len(lead)-1] + dashed(strings.TrimLeft(name, "-")) + rest
		}
	}
	return msg
}

// closest returns the candidate with the smallest edit distance to s
// (the first of equals, in the order given).
func closest(s string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		if d := editDistance(s, c); bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, by runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}
