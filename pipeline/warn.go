package pipeline

import (
	"fmt"
	"io"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/privacy"
	"github.com/danish-eval/evaluate/reports"
)

// warn prints each notice as one line, in English (the console's
// language whatever the report's), so that no run changes what is
// counted without saying so.
func warn(w io.Writer, id string, notices []results.Notice) {
	if w == nil {
		return
	}
	t := reports.TextFor("en", 0.95) // notices name no confidence level
	for _, n := range notices {
		fmt.Fprintf(w, "evaluate: %s: warning: %s\n", id, privacy.Mask(t.NoticeText(n)))
	}
}

// warnMissing states, on the console only, how many people in each
// share's population were not counted because its rule met a missing
// value; the report shows these numbers after disclosure control.
func warnMissing(w io.Writer, id string, counts *Counts) {
	if w == nil {
		return
	}
	for j, n := range counts.Missing {
		if n > 0 {
			fmt.Fprintf(w, "evaluate: %s: warning: %s: %d people in the population could not be decided (a value the rule reads is missing) and are not counted.\n",
				id, counts.IDs[j], n)
		}
	}
}

// warnLines prints warnings that are sentences already (e.g. too few
// clusters for the cluster bootstrap), masked like notices.
func warnLines(w io.Writer, id string, lines []string) {
	if w == nil {
		return
	}
	for _, l := range lines {
		fmt.Fprintf(w, "evaluate: %s: warning: %s\n", id, privacy.Mask(l))
	}
}
