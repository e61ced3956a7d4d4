package main

import (
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
)

// progress returns a function to call as each cohort finishes: a bar on
// stderr when it is a terminal (never in logs, CI or tests), else nothing.
func progress(stderr io.Writer, total int, quiet bool) func() {
	f, ok := stderr.(*os.File)
	if quiet || !ok || !isTerminal(f) {
		return func() {}
	}
	bar := progressbar.NewOptions(total, progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("cohorts"), progressbar.OptionClearOnFinish())
	return func() { bar.Add(1) }
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
