package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/danish-eval/evaluate/pipeline"
)

// commit is set by `make build` (-ldflags -X main.commit=…, with
// "-modified" when the work tree had uncommitted changes) for builds
// the Go toolchain cannot stamp itself: it records vcs.revision only in a
// checkout whose .git is a folder, not in a git worktree (golang/go#58218),
// and not with -buildvcs=false.
var commit string

func versionFlags(fs *flag.FlagSet) action {
	return func(args []string, stdout, stderr io.Writer) int {
		if len(args) > 0 {
			fmt.Fprintln(stderr, "evaluate version: takes no arguments")
			return exitUsage
		}
		info, _ := debug.ReadBuildInfo()
		fmt.Fprint(stdout, versionText(info, commit))
		return exitOK
	}
}

// versionText says which program this is: its version, the Go release it
// was built with and the commit: the build's VCS stamp, else the one make
// passed, else "unknown" (as under `go test` or `go run`).
func versionText(info *debug.BuildInfo, fallback string) string {
	goVersion, commit, modified := runtime.Version(), fallback, false
	if commit == "" {
		commit = "unknown"
	}
	commit, modified = strings.CutSuffix(commit, "-modified") // git describe --dirty=-modified
	if info != nil {
		if info.GoVersion != "" {
			goVersion = info.GoVersion
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if modified {
		commit += " (with uncommitted changes)"
	}
	return fmt.Sprintf("evaluate %s\nbuilt with %s\ncommit %s\n", pipeline.Version, goVersion, commit)
}
