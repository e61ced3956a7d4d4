package pipeline

import (
	"fmt"
	"io"

	"github.com/danish-eval/evaluate/pipeline/privacy"
	"github.com/danish-eval/evaluate/reports"
)

// warn prints each notice as one line, in English (the console's
// language whatever the report's), so that no run changes what is
// counted without saying so.
func warn(w io.Writer, id string, notices []reports.Notice) {
	if w == nil {
		return
	}
	t := reports.TextFor("en")
	for _, n := range notices {
		fmt.Fprintf(w, "evaluate: %s: warning: %s\n", id, privacy.Mask(t.NoticeText(n)))
	}
}
