package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/pipeline"
)

// flagNames lists a command's flags from its own definition.
func flagNames(c command) []string {
	var names []string
	for _, f := range flagsOf(c) {
		names = append(names, f.name)
	}
	return names
}

// Every --help is on stdout with exit 0 and lists every flag and an
// example; nothing goes to stderr.
func TestHelp(t *testing.T) {
	type helpCase struct {
		args  []string
		flags []string
		words []string
	}
	var tests []helpCase
	var all []string
	for _, c := range commands() {
		all = append(all, flagNames(c)...)
	}
	for _, a := range []string{"--help", "-h", "-help", "help"} {
		tests = append(tests, helpCase{[]string{a}, all, append(commandNames(), "examples:", "Exit codes")})
	}
	for _, c := range commands() {
		words := []string{"usage:", "example:", synopsis(c), c.example}
		for _, args := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}} {
			tests = append(tests, helpCase{args, flagNames(c), words})
		}
	}
	// --help wins wherever it stands, also after arguments.
	tests = append(tests, helpCase{[]string{"report", pvaConfig, "--quiet", "--help"}, flagNames(mustLookup(t, "report")), []string{"usage:"}})
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, stderr := runCLI(t, tc.args...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			for _, f := range tc.flags {
				if !strings.Contains(out, dashed(f)) {
					t.Errorf("help lacks %s:\n%s", dashed(f), out)
				}
			}
			for _, w := range tc.words {
				if !strings.Contains(out, w) {
					t.Errorf("help lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

func mustLookup(t *testing.T, name string) command {
	t.Helper()
	c, ok := lookup(name)
	if !ok {
		t.Fatalf("no command %s", name)
	}
	return c
}

// Flags may stand after the positional arguments, and "--" ends them.
func TestFlagsAfterArguments(t *testing.T) {
	out := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		want string // in stderr
	}{
		{"report", []string{"report", pvaConfig, "--quiet", "--out", out, "--replicates", "20"}, 0, ""},
		{"validate", []string{"validate", pvaConfig, "--set", "bootstrap.level=high"}, 1, "--set bootstrap.level"},
		{"init", []string{"init", "../../data/extracts/jeps.xlsx", "--sheet", "Nope"}, 1, `"Nope"`},
		{"init, = form", []string{"init", "../../data/extracts/jeps.xlsx", "--sheet=Nope"}, 1, `"Nope"`},
		{"after --, a flag is a file", []string{"validate", "--", "--set"}, 1, "config --set: file not found"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d (want %d), stderr %q, want %q", code, tc.code, stderr, tc.want)
			}
			if tc.name == "report" && stdout != "" {
				t.Errorf("--quiet after the config was ignored: %q", stdout)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(out, "pva", "results.json")); err != nil {
		t.Errorf("--out after the config was ignored: %v", err)
	}
}

// An unknown flag names the closest known one of that command; an unknown
// command the closest command. Both are usage errors (exit 2).
func TestUnknownFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"report", "--sed", "3", pvaConfig}, "unknown flag --sed; did you mean --seed?"},
		{[]string{"report", pvaConfig, "--verbos"}, "unknown flag --verbos; did you mean --verbose?"},
		{[]string{"report", "-replicate=9", pvaConfig}, "did you mean --replicates?"},
		{[]string{"validate", pvaConfig, "--sett", "x=1"}, "unknown flag --sett; did you mean --set?"},
		{[]string{"init", "book.xlsx", "--shet", "X"}, "unknown flag --shet; did you mean --sheet?"},
		{[]string{"version", "--long"}, "unknown flag --long; evaluate version takes no flags"},
		{[]string{"repot", pvaConfig}, `unknown command "repot"; did you mean report?`},
		{[]string{"help", "valdate"}, `unknown command "valdate"; did you mean validate?`},
		{[]string{"report", "--seed", "abc", pvaConfig}, `invalid value "abc" for flag --seed`},
		{[]string{"init", "book.xlsx", "--sheet"}, "flag needs an argument: --sheet"},
		{[]string{"completion", "powershell"}, "name one shell: bash, zsh or fish"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tc.args...)
			if code != 2 || !strings.Contains(stderr, tc.want) || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want 2 and %q", code, stdout, stderr, tc.want)
			}
		})
	}
}

// A CPR number typed by mistake as a command, flag or value is not
// echoed.
func TestUsageErrorsMaskCPR(t *testing.T) {
	for _, args := range [][]string{
		{"010190-1234"},
		{"report", "--0101901234", pvaConfig},
		{"report", "--seed", "010190-1234", pvaConfig},
		{"report", "--workers=0101901234x", pvaConfig},
	} {
		code, stdout, stderr := runCLI(t, args...)
		if code != 2 || strings.Contains(stdout+stderr, "1234") {
			t.Errorf("%v: exit %d, %q", args, code, stdout+stderr)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"seed", "seed", 0}, {"sed", "seed", 1}, {"shet", "sheet", 1},
		{"kitten", "sitting", 3}, {"årsag", "arsag", 1}, {"", "out", 3},
	}
	for _, tc := range tests {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// version names the program version, the Go version and the commit, or
// says "unknown" when the build has no VCS stamp (as under go test).
func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, "version")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 3 || lines[0] != "evaluate "+pipeline.Version ||
		!strings.HasPrefix(lines[1], "built with go") || !strings.HasPrefix(lines[2], "commit ") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	stamp := func(kv ...string) *debug.BuildInfo {
		info := &debug.BuildInfo{GoVersion: "go1.26.8"}
		for i := 0; i+1 < len(kv); i += 2 {
			info.Settings = append(info.Settings, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return info
	}
	tests := []struct {
		info     *debug.BuildInfo
		fallback string
		want     string
	}{
		{stamp("vcs.revision", "9dabdea1", "vcs.modified", "false"), "", "built with go1.26.8\ncommit 9dabdea1\n"},
		{stamp("vcs.revision", "9dabdea1", "vcs.modified", "true"), "", "commit 9dabdea1 (with uncommitted changes)\n"},
		{stamp(), "", "commit unknown\n"},
		{stamp(), "abc123", "commit abc123\n"},
		{stamp(), "abc123-modified", "commit abc123 (with uncommitted changes)\n"},
		{stamp("vcs.revision", "9dabdea1"), "abc123", "commit 9dabdea1\n"},
		{nil, "", "commit unknown\n"},
	}
	for _, tc := range tests {
		if got := versionText(tc.info, tc.fallback); !strings.HasSuffix(got, tc.want) {
			t.Errorf("got %q, want it to end %q", got, tc.want)
		}
	}
}

// The completion scripts name every command and every flag; the bash
// script is valid bash (and zsh, fish scripts are checked when the shell
// is installed).
func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		t.Run(shell, func(t *testing.T) {
			code, out, stderr := runCLI(t, "completion", shell)
			if code != 0 || stderr != "" || out == "" {
				t.Fatalf("exit %d, stderr %q, %d bytes", code, stderr, len(out))
			}
			for _, c := range commands() {
				if !strings.Contains(out, c.name) {
					t.Errorf("%s completion lacks the command %s", shell, c.name)
				}
				for _, f := range flagNames(c) {
					spelled := dashed(f)
					if shell == "fish" {
						spelled = fishName(f)
					}
					if !strings.Contains(out, spelled) {
						t.Errorf("%s completion lacks %s of %s", shell, spelled, c.name)
					}
				}
			}
			if shell == "zsh" && !strings.Contains(out, "'*--set=[") {
				t.Error("zsh completion does not offer --set again after one")
			}
			checkSyntax(t, shell, out)
		})
	}
}

func checkSyntax(t *testing.T, shell, script string) {
	t.Helper()
	path, err := exec.LookPath(shell)
	if err != nil {
		if shell == "bash" {
			t.Fatal("bash is needed to check the bash completion script")
		}
		t.Logf("%s not installed: syntax not checked", shell)
		return
	}
	f := filepath.Join(t.TempDir(), "completion."+shell)
	if err := os.WriteFile(f, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(path, "-n", f).CombinedOutput(); err != nil {
		t.Errorf("%s -n: %v\n%s", shell, err, out)
	}
}

// The bash completion completes commands, flags and flag values.
func TestBashCompletionCompletes(t *testing.T) {
	_, script, _ := runCLI(t, "completion", "bash")
	tests := []struct {
		words []string
		want  string
	}{
		{[]string{"evaluate", "rep"}, "report"},
		{[]string{"evaluate", "report", "--ou"}, "--out"},
		{[]string{"evaluate", "report", "x.yaml", "--la"}, "--lang"},
		{[]string{"evaluate", "report", "--lang", ""}, "da en"},
		{[]string{"evaluate", "init", "--sh"}, "--sheet"},
		{[]string{"evaluate", "completion", "z"}, "zsh"},
	}
	for _, tc := range tests {
		var words []string
		for _, w := range tc.words {
			words = append(words, strconv.Quote(w))
		}
		prog := script + "\nCOMP_WORDS=(" + strings.Join(words, " ") + "); COMP_CWORD=" +
			strconv.Itoa(len(tc.words)-1) + "; _evaluate; echo \"${COMPREPLY[*]}\"\n"
		out, err := exec.Command("bash", "-c", prog).CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != tc.want {
			t.Errorf("%v: got %q (%v), want %q", tc.words, out, err, tc.want)
		}
	}
}

// The man page is roff built from the same table: every command and
// flag; groff, when installed, reads it without a warning.
func TestManPage(t *testing.T) {
	code, out, stderr := runCLI(t, "man")
	if code != 0 || stderr != "" || !strings.HasPrefix(out, ".TH EVALUATE 1") {
		t.Fatalf("exit %d, stderr %q:\n%s", code, stderr, out)
	}
	for _, c := range commands() {
		if !strings.Contains(out, `\fBevaluate `+roff(c.name)+`\fR`) {
			t.Errorf("man page lacks the command %s", c.name)
		}
		for _, f := range flagNames(c) {
			if !strings.Contains(out, `\fB`+roff(dashed(f))+`\fR`) {
				t.Errorf("man page lacks %s of %s", dashed(f), c.name)
			}
		}
	}
	groff, err := exec.LookPath("groff")
	if err != nil {
		t.Log("groff not installed: roff not checked")
		return
	}
	cmd := exec.Command(groff, "-man", "-Tutf8", "-ww", "-z")
	cmd.Stdin = strings.NewReader(out)
	if msg, err := cmd.CombinedOutput(); err != nil || len(msg) > 0 {
		t.Errorf("groff: %v\n%s", err, msg)
	}
}

func TestRoffEscapes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"--out", `\-\-out`},
		{`a\b`, `a\eb`},
		{".hidden", `\&.hidden`},
		{"'quoted'", `\&'quoted'`},
		{"æ ø å", "æ ø å"},
	}
	for _, tc := range tests {
		if got := roff(tc.in); got != tc.want {
			t.Errorf("roff(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// An error in a --set value names the --set key, not a line of a document
// the user never saw.
func TestSetErrorNamesKey(t *testing.T) {
	tests := []struct{ set, want string }{
		{"measures.employment.target.at_least=abc", `--set measures.employment.target.at_least: at_least: "abc" is text, expected a number`},
		{"bootstrap.replicates=many", `--set bootstrap.replicates: replicates: "many" is text, expected a whole number`},
		{"bootstrap.levle=0.9", `--set bootstrap.levle: unknown key "levle" in Bootstrap`},
	}
	for _, tc := range tests {
		code, _, stderr := runCLI(t, "validate", pvaConfig, "--set", tc.set)
		if code != 1 || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "line ") {
			t.Errorf("--set %s: exit %d, %q; want %q", tc.set, code, stderr, tc.want)
		}
	}
}

// Field names may use æ, ø and å, in the config and in its rules, as
// README.md and data/cohorts/README.md say.
func TestDanishFieldNames(t *testing.T) {
	raw, err := os.ReadFile(pvaConfig)
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs("../../data/extracts/pva.xlsx")
	cfg := strings.NewReplacer("file: ../extracts/pva.xlsx", "file: "+abs,
		"  reason:    {header", "  årsag:     {header", "reason ==", "årsag ==").Replace(string(raw))
	if !strings.Contains(cfg, "årsag == 'gennemført'") {
		t.Fatal("the pva config changed: the rename found nothing to rename")
	}
	path := filepath.Join(t.TempDir(), "pva.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "validate", path)
	if code != 0 || !strings.Contains(out, "completed          148") || !strings.Contains(out, "dropout             47") {
		t.Fatalf("exit %d, stderr %q:\n%s", code, stderr, out)
	}
}

// README.md names every command and every flag, so that a new one is
// documented where users look first.
func TestReadmeNamesEveryCommandAndFlag(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	for _, c := range commands() {
		if !strings.Contains(readme, "evaluate "+c.name) {
			t.Errorf("README.md does not mention `evaluate %s`", c.name)
		}
		for _, f := range flagNames(c) {
			if !strings.Contains(readme, dashed(f)+" ") && !strings.Contains(readme, dashed(f)+"`") {
				t.Errorf("README.md does not mention --%s of %s", f, c.name)
			}
		}
	}
}

// Every example in the help runs as shown (from the repository's root;
// a report's --out is sent to a temporary folder, which diff's example
// then compares with itself; the shell's redirections are left to the
// shell). The report example comes first in the table.
func TestExamplesRun(t *testing.T) {
	out := t.TempDir()
	t.Chdir("../..")
	for _, c := range commands() {
		args := shellWords(c.example)
		if c.name == "completion" { // source <(evaluate completion bash)
			args = shellWords(strings.TrimSuffix(strings.TrimPrefix(c.example, "source <("), ")"))
		}
		if i := slices.Index(args, ">"); i >= 0 {
			args = args[:i]
		}
		if args[0] != "evaluate" || args[1] != c.name {
			t.Errorf("%s: the example does not run evaluate %s: %q", c.name, c.name, c.example)
			continue
		}
		switch c.name {
		case "report":
			args = append(args, "--out", out, "--replicates", "20")
		case "init": // the draft goes to a temporary folder, not into the repository
			if i := slices.Index(args, "-o"); i >= 0 {
				args[i+1] = filepath.Join(t.TempDir(), "mine", "cohort.yaml")
			}
		case "diff": // the report example's output, against itself
			args = append(args[:len(args)-2], out, out)
		}
		if code, _, stderr := runCLI(t, args[1:]...); code != 0 {
			t.Errorf("%s: exit %d: %s", c.example, code, stderr)
		}
	}
}

// shellWords splits a command line at spaces, keeping 'quoted text' whole.
func shellWords(s string) []string {
	var words []string
	var w strings.Builder
	quoted, started := false, false
	for _, r := range s {
		switch {
		case r == '\'':
			quoted, started = !quoted, true
		case r == ' ' && !quoted:
			if started {
				words = append(words, w.String())
			}
			w.Reset()
			started = false
		default:
			w.WriteRune(r)
			started = true
		}
	}
	if started {
		words = append(words, w.String())
	}
	return words
}

// validate --problems writes the list for the data supplier, by row.
func TestValidateProblemsFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "problems.csv")
	code, _, stderr := runCLI(t, "validate", "../../data/cohorts/jeps.yaml", "--problems", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	want := "Ark;Række;Celle;Kolonne;Problem\nParticipants;73;;;Samme id to gange (begge rækker)\n" +
		"Participants;144;;;Samme id to gange (begge rækker)\nParticipants;152;;;Mangler startdato\n"
	if string(b) != want {
		t.Errorf("problems.csv:\n%s\nwant:\n%s", b, want)
	}
	if code, _, stderr := runCLI(t, "validate", "--problems", "x.txt", "../../data/cohorts/jeps.yaml"); code != 1 || !strings.Contains(stderr, ".xlsx or .csv") {
		t.Errorf("a .txt list: exit %d, %s", code, stderr)
	}
}
