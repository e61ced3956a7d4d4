package pipeline

import (
	"strings"
	"testing"
)

// labels: names what a reader sees — a status, a stratum value — in the
// PDF, results.xlsx and results.json, instead of the config's or the
// data's own word.
func TestLabelsNameWhatReadersSee(t *testing.T) {
	ac := attackCohorts()[1] // sites A and B
	ac.extra = "labels: {dropout: {da: \"Stoppet før tid\", en: \"Left early\"}, A: {da: \"Jobcenter Alfa\"}}\n"
	dir := t.TempDir()
	files := renderFile(t, ac.write(t, dir), Options{})
	for _, want := range []string{"Stoppet før tid", "Jobcenter Alfa"} {
		found := false
		for name, data := range files {
			for part, text := range outputText(t, dir, name, data) {
				if strings.Contains(text, want) && (name == "results.xlsx" || strings.HasSuffix(part, "(text)")) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%q appears in neither results.xlsx nor the PDF text", want)
		}
	}
	if !strings.Contains(string(files["results.json"]), `"Stoppet før tid"`) {
		t.Error("results.json does not record the labels")
	}
}
