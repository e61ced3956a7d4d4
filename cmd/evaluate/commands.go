package main

import (
	"flag"
	"io"
)

// action runs a command with its positional arguments, after its flags
// have been parsed into the variables its flags function bound.
type action func(args []string, stdout, stderr io.Writer) int

// command is one subcommand. Its flags function is the one definition of
// its flags: parsing, --help, shell completion and the man page all call
// it (the last three on a throwaway FlagSet), so they cannot drift apart.
// A flag's usage text names its value in backquotes (`DIR`, `N`, `da|en`);
// completion reads that name: DIR completes folders, FILE files, a|b the
// words.
type command struct {
	name    string
	args    string // the positional arguments, as the synopsis shows them
	summary string
	example string
	flags   func(fs *flag.FlagSet) action
	// complete says what a positional argument completes to in a shell:
	// "files", or a space-separated list of words.
	complete string
}

// commands is the table every listing of the commands is built from (usage,
// help, completion, man page). A new command is one entry here and one case
// in run's switch.
func commands() []command {
	return []command{
		{name: "report", args: "[flags] CONFIG...", complete: "files",
			summary: "write the report of each cohort config (or of every *.yaml in a folder) into --out",
			example: "evaluate report --out out data/cohorts/pva.yaml --set measures.employment.count='hours >= 10'",
			flags:   reportFlags},
		{name: "validate", args: "[flags] CONFIG...", complete: "files",
			summary: "read and check; print the flow and every problem; write nothing",
			example: "evaluate validate data/cohorts/",
			flags:   validateFlags},
		{name: "init", args: "[flags] WORKBOOK", complete: "files",
			summary: "draft a cohort config from the workbook's sheet with the most data rows, its header row and values",
			example: "evaluate init data/extracts/pva.xlsx -o mine/cohort.yaml",
			flags:   initFlags},
		{name: "diff", args: "[flags] A B", complete: "files",
			summary: "list every figure that differs between two results (two results.json files, cohort folders or out folders, " +
				"cohorts matched by id), largest change first; exit 0 when none differs, 1 when one does, 2 on trouble",
			example: "evaluate diff out-before out-after",
			flags:   diffFlags},
		{name: "completion", args: "bash|zsh|fish", complete: "bash zsh fish",
			summary: "print a shell completion script",
			example: "source <(evaluate completion bash)",
			flags:   completionFlags},
		{name: "man", args: "",
			summary: "print the manual page (roff)",
			example: "evaluate man > evaluate.1 && man -l evaluate.1",
			flags:   manFlags},
		{name: "version", args: "",
			summary: "print the version, the Go version and the commit it was built from",
			example: "evaluate version",
			flags:   versionFlags},
	}
}

// lookup finds a command of the table by name.
func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func commandNames() []string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return names
}
