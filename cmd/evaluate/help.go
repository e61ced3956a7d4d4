package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// flagInfo is what help, completion and the man page show of one flag,
// read from the command's own flag definitions.
type flagInfo struct {
	name  string
	value string // the placeholder (DIR, N, da|en); "" for a switch
	usage string
	def   string // the default worth showing; "" when none
	many  bool   // may be given more than once
}

// repeatable marks a flag.Value that collects every occurrence (--set).
type repeatable interface{ repeatable() }

func flagsOf(c command) []flagInfo {
	fs := newFlagSet(c)
	c.flags(fs)
	var out []flagInfo
	fs.VisitAll(func(f *flag.Flag) {
		value, usage := flag.UnquoteUsage(f)
		if isSwitch(f) {
			value = ""
		}
		_, many := f.Value.(repeatable)
		def := f.DefValue
		if def == "" || def == "0" || def == "-1" || def == "false" || def == "[]" || strings.Contains(usage, "default") {
			def = ""
		}
		out = append(out, flagInfo{name: f.Name, value: value, usage: usage, def: def, many: many})
	})
	return out
}

func isSwitch(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// synopsis is a command's usage line.
func synopsis(c command) string {
	return strings.TrimSpace("evaluate " + c.name + " " + c.args)
}

// printHelp prints one command's help: what it does, its usage line, every
// flag and an example.
func printHelp(w io.Writer, c command) {
	fmt.Fprintf(w, "evaluate %s: %s\n\nusage:\n  %s\n", c.name, c.summary, synopsis(c))
	printFlags(w, "flags (before or after the arguments)", c)
	fmt.Fprintf(w, "\nexample:\n  %s\n", c.example)
}

func printFlags(w io.Writer, title string, c command) {
	flags := flagsOf(c)
	if len(flags) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s:\n", title)
	width := 0
	for _, f := range flags {
		width = max(width, len(flagSpelling(f)))
	}
	for _, f := range flags {
		fmt.Fprintf(w, "  %-*s  %s%s\n", width, flagSpelling(f), f.usage, defaultNote(f))
	}
}

func flagSpelling(f flagInfo) string {
	if f.value == "" {
		return dashed(f.name)
	}
	return dashed(f.name) + " " + f.value
}

// dashed spells a flag as users type it: -o for a one-letter flag,
// --name otherwise (the flag package takes either).
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

func defaultNote(f flagInfo) string {
	if f.def == "" {
		return ""
	}
	return fmt.Sprintf(" (default %s)", f.def)
}

// printUsage prints the overview: every command with its flags, and the
// exit codes.
func printUsage(w io.Writer) {
	fmt.Fprintf(w, "evaluate: evaluation reports for employment programmes\n\nusage:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-36s %s\n", synopsis(c), c.summary)
	}
	for _, c := range commands() {
		printFlags(w, "flags for "+c.name, c)
	}
	fmt.Fprintf(w, "\nexamples:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %s\n", c.example)
	}
	fmt.Fprintf(w, "\n`evaluate COMMAND --help` shows one command. Exit codes: 0 success, 1 bad data or config, 2 usage.\n")
}

// help is `evaluate help [COMMAND]` and `evaluate --help`.
func help(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printUsage(stdout)
		return exitOK
	}
	c, ok := lookup(args[0])
	if !ok {
		return unknownCommand(args[0], stderr)
	}
	printHelp(stdout, c)
	return exitOK
}
