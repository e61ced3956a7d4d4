package reports

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
)

// The methods page names the resampled unit, the clusters per stratum and
// each measure's design effect ("..": suppressed), and warns where a
// stratum has fewer than FewClusters clusters — in both languages.
func TestMethodsPageClusters(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	deff := 2.345
	for lang, want := range map[string][]string{
		"da": {"hele klynger (deltagerne med samme værdi af konsulent) trukket med tilbagelægning inden for hver værdi af sted",
			"Antal klynger (konsulent): Nord 12; Syd 4", "Beskæftigelse 2,35; Uddannelse ..",
			"Advarsel: færre end 10 klynger i Syd (4)", "Konfidensintervaller (90 %)"},
		"en": {"whole clusters (the participants sharing a value of konsulent) drawn with replacement within each value of sted",
			"Number of clusters (konsulent): Nord 12; Syd 4", "Beskæftigelse 2.35; Uddannelse ..",
			"Warning: fewer than 10 clusters in Syd (4)", "Confidence intervals (90 %)"},
	} {
		r := &results.Results{Cohort: results.CohortInfo{ID: "x", Title: "X", Language: lang, DataDate: "2021-12-31"},
			Measures: []results.Measure{{ID: "job", Label: "Beskæftigelse"}, {ID: "edu", Label: "Uddannelse", Suppressed: true}},
			Bootstrap: results.BootstrapInfo{Replicates: 999, Seed: 1, Level: 0.9, Strata: "sted", Cluster: "konsulent", Unit: "konsulent",
				Clusters:      []results.ClusterCount{{Stratum: "Nord", Clusters: 12}, {Stratum: "Syd", Clusters: 4}},
				DesignEffects: []results.DesignEffect{{Measure: "job", Deff: &deff}, {Measure: "edu", Deff: &deff}}}}
		r.Bootstrap.HideSuppressed(r.Measures)
		d := newDoc(r, results.Meta{}, nil)
		d.newPage("methods", d.t.Methods)
		d.uncertaintySection()
		b, err := PDF(&d.c)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("pdftotext", "-", "-")
		cmd.Stdin = bytes.NewReader(b)
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(out)), " ")
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: methods text lacks %q:\n%s", lang, w, text)
			}
		}
	}
}
