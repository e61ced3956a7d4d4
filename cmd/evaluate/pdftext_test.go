package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// pdfPages runs the CLI and returns the text of each page of a report.
func pdfPages(t *testing.T, cohort string, args ...string) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	out := t.TempDir()
	argv := append([]string{"report", "--quiet", "--out", out}, args...)
	argv = append(argv, "../../data/cohorts/"+cohort+".yaml")
	if code, _, stderr := runCLI(t, argv...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	txt, err := exec.Command("pdftotext", filepath.Join(out, cohort, "report.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimRight(string(txt), "\f\n"), "\f")
	return pages
}

// The text of every page of the pva report, one golden file per page
// (section): go test ./cmd/evaluate -run PDFGolden -update rewrites them.
func TestPDFGoldenText(t *testing.T) {
	pages := pdfPages(t, "pva")
	if len(pages) < 8 {
		t.Fatalf("%d pages, want the summary, flow, retention, outcomes, sites, sensitivity and methods pages", len(pages))
	}
	for i, page := range pages {
		name := filepath.Join("testdata", fmt.Sprintf("pva_page%02d.golden", i+1))
		if *update {
			if err := os.WriteFile(name, []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if !bytes.Equal([]byte(page), want) {
			t.Errorf("page %d text differs from %s:\n%s", i+1, name, page)
		}
	}
}

func TestPDFEnglish(t *testing.T) {
	pages := pdfPages(t, "jeps", "--lang", "en")
	all := strings.Join(pages, "\n")
	for _, want := range []string{"Summary", "Participant flow", "Retention over time", "Self-supporting",
		"31.4 %", "DKK 16,489,572", "31 August 2021", "Appendix: methods and data quality", "Page 1 of",
		"Exits from the programme", "Aalen-Johansen", "Costs and savings", "Net saving", "Deadweight"} {
		if !strings.Contains(all, want) {
			t.Errorf("English report lacks %q", want)
		}
	}
	for _, danish := range []string{"Sammenfatning", "Side 1 af", "blandt"} {
		if strings.Contains(all, danish) {
			t.Errorf("English report contains Danish %q", danish)
		}
	}
}

// With disclosure off every page carries the warning, and small cells show.
func TestPDFNotForPublication(t *testing.T) {
	pages := pdfPages(t, "hjemme", "--set", "disclosure.min_cell=0")
	for i, p := range pages {
		if !strings.Contains(p, "IKKE TIL OFFENTLIGGØRELSE") {
			t.Errorf("page %d lacks the warning", i+1)
		}
	}
	if !strings.Contains(strings.Join(pages, "\n"), "40,0 %") {
		t.Error("with min_cell 0 the 2 of 5 in a job should show as 40,0 %")
	}
}

// A cohort under the limit still gets a report that says why.
func TestPDFSmallCohort(t *testing.T) {
	all := strings.Join(pdfPages(t, "hjemme"), "\n")
	if !strings.Contains(all, "Kohorten er for lille") || strings.Contains(all, "40,0 %") {
		t.Errorf("small cohort report:\n%s", all)
	}
}
