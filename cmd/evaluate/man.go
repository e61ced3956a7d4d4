package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/danish-eval/evaluate/pipeline"
)

func manFlags(fs *flag.FlagSet) action {
	return func(args []string, stdout, stderr io.Writer) int {
		if len(args) > 0 {
			fmt.Fprintln(stderr, "evaluate man: takes no arguments")
			return exitUsage
		}
		manPage(stdout)
		return exitOK
	}
}

// manPage writes evaluate(1) in roff (man macros) from the command table,
// so it lists exactly the flags the commands parse. It carries no date, so
// that the same program gives the same page.
func manPage(w io.Writer) {
	fmt.Fprintf(w, ".TH EVALUATE 1 \"\" \"evaluate %s\" \"User Commands\"\n", roff(pipeline.Version))
	fmt.Fprintf(w, ".SH NAME\nevaluate \\- evaluation reports for employment programmes\n.SH SYNOPSIS\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "\\fBevaluate %s\\fR %s\n.br\n", roff(c.name), roff(c.args))
	}
	fmt.Fprintf(w, ".SH DESCRIPTION\n%s\n", roff("evaluate turns an employment programme's Excel or CSV extract and a "+
		"cohort config (YAML) into a report with bootstrap confidence intervals and Danish disclosure control: "+
		"report.pdf, figures, results.json, results.xlsx and manifest.json under out/<id>/. "+
		"Flags may stand before or after the arguments; -- ends the flags."))
	fmt.Fprintf(w, ".SH COMMANDS\n")
	for _, c := range commands() {
		manCommand(w, c)
	}
	fmt.Fprintf(w, ".SH EXIT STATUS\n.TP\n0\nsuccess\n.TP\n1\n%s\n.TP\n2\n%s\n",
		roff("bad data or config: one sentence naming the file, sheet, cell or key; nothing half-written"),
		roff("usage: an unknown command or flag, or a missing argument"))
	fmt.Fprintf(w, ".SH SEE ALSO\n%s\n", roff("README.md and data/cohorts/README.md (every config key) in the source."))
}

func manCommand(w io.Writer, c command) {
	fmt.Fprintf(w, ".SS \"%s\"\n%s\n", roff(synopsis(c)), roff(c.summary+"."))
	for _, f := range flagsOf(c) {
		fmt.Fprintf(w, ".TP\n\\fB%s\\fR", roff(dashed(f.name)))
		if f.value != "" {
			fmt.Fprintf(w, " \\fI%s\\fR", roff(f.value))
		}
		fmt.Fprintf(w, "\n%s\n", roff(f.usage+defaultNote(f)))
	}
	fmt.Fprintf(w, ".PP\nExample:\n.PP\n.RS\n.nf\n%s\n.fi\n.RE\n", roff(c.example))
}

// roff escapes text for a roff line: backslashes, hyphens (so that
// flags copy as ASCII), and a leading dot or quote that would read as a
// request.
func roff(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}
