package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// pvaWith writes a copy of pva.yaml into dir with the extract's path made
// absolute and extra appended to the measures list and the sensitivity
// list, and returns its path.
func pvaWith(t *testing.T, dir, measures, variants string) string {
	t.Helper()
	raw, err := os.ReadFile(pvaConfig)
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs("../../data/extracts/pva.xlsx")
	s := strings.Replace(string(raw), "../extracts/pva.xlsx", abs, 1)
	s = strings.Replace(s, "retention:\n", measures+"retention:\n", 1)
	s += variants
	path := filepath.Join(dir, "pva.yaml")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// measuresJSON runs a report and returns results.json's measures (pooled,
// by stratum, and per variant) by key, compacted.
func measuresJSON(t *testing.T, args ...string) map[string]string {
	t.Helper()
	out := t.TempDir()
	argv := append([]string{"report", "--quiet", "--out", out}, args...)
	if code, _, stderr := runCLI(t, argv...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r struct {
		Measures  []json.RawMessage `json:"measures"`
		ByStratum []struct {
			Stratum  string            `json:"stratum"`
			Measures []json.RawMessage `json:"measures"`
		} `json:"by_stratum"`
		Sensitivity []struct {
			Name     string            `json:"name"`
			Measures []json.RawMessage `json:"measures"`
		} `json:"sensitivity"`
	}
	readJSON(t, filepath.Join(out, "pva", "results.json"), &r)
	got := map[string]string{}
	add := func(prefix string, ms []json.RawMessage) {
		for _, m := range ms {
			var id struct{ ID string }
			json.Unmarshal(m, &id)
			got[prefix+id.ID] = string(compactMeasure(m))
		}
	}
	add("", r.Measures)
	for _, s := range r.ByStratum {
		add(s.Stratum+"/", s.Measures)
	}
	for _, v := range r.Sensitivity {
		add("variant "+v.Name+"/", v.Measures)
	}
	return got
}

// Common random numbers (issue 12): changing one measure, adding a measure
// or adding a sensitivity variant leaves every other measure's results
// byte-identical, pooled and by site; a variant that changes nothing
// equals the main analysis, and a variant that changes two measures leaves
// the others as in the main analysis.
func TestMeasuresIndependent(t *testing.T) {
	base := measuresJSON(t, pvaConfig)
	changed := measuresJSON(t, "--set", "measures.employment.count=hours >= 10", pvaConfig)
	extra := "  - id: long_stay\n    count: \"weeks(start, end ?? followup) >= 26\"\n    among: started\n"
	unchanged := "  - {name: \"unchanged\", set: {measures.completion.among: started}}\n"
	added := measuresJSON(t, pvaWith(t, t.TempDir(), extra, unchanged))
	same := 0
	for key, want := range base {
		id := key[strings.LastIndex(key, "/")+1:]
		switch {
		case strings.HasPrefix(key, "variant "):
			continue
		case id == "employment":
			if changed[key] == want {
				t.Errorf("%s: unchanged by its own new definition", key)
			}
		case changed[key] != want:
			t.Errorf("%s changed with employment:\n%s\n%s", key, want, changed[key])
		}
		if added[key] != want {
			t.Errorf("%s changed by an added measure or variant:\n%s\n%s", key, want, added[key])
		}
		if v := added["variant unchanged/"+key]; !strings.Contains(key, "/") && v != want {
			t.Errorf("%s: variant that changes nothing differs:\n%s\n%s", key, want, v)
		}
		same++
	}
	for _, id := range []string{"completion", "education"} {
		if v := base["variant Mindst 10 lønnede timer/"+id]; v != base[id] {
			t.Errorf("%s in a variant that changes other measures:\n%s\n%s", id, base[id], v)
		}
	}
	if same < 12 || added["long_stay"] == "" {
		t.Errorf("compared %d measures; long_stay %q", same, added["long_stay"])
	}
}

// Resampling whole clusters says so: stderr warns about fewer than 10
// clusters, results.json names the unit, the clusters and each measure's
// design effect, and the methods page repeats them with the warning.
func TestClusterBootstrapReported(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := runCLI(t, "report", "--quiet", "--out", out, "--set", "cluster=consultant", "--set", "strata=", pvaConfig)
	if code != 0 || !strings.Contains(stderr, `warning: the cohort has only 4 values of cluster field "consultant"`) {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var r struct {
		Bootstrap struct {
			Unit     string `json:"unit"`
			Clusters []struct {
				Stratum  string `json:"stratum"`
				Clusters int    `json:"clusters"`
			} `json:"clusters"`
			DesignEffects []struct {
				Measure string   `json:"measure"`
				Deff    *float64 `json:"deff"`
			} `json:"design_effects"`
		} `json:"bootstrap"`
	}
	readJSON(t, filepath.Join(out, "pva", "results.json"), &r)
	b := r.Bootstrap
	if b.Unit != "consultant" || len(b.Clusters) != 1 || b.Clusters[0].Clusters != 4 || len(b.DesignEffects) != 4 {
		t.Fatalf("bootstrap block %+v", b)
	}
	for _, d := range b.DesignEffects {
		if d.Deff == nil || !(*d.Deff > 0) {
			t.Errorf("%s: design effect %v", d.Measure, d.Deff)
		}
	}
	all := strings.Join(pdfPages(t, "pva", "--set", "cluster=consultant", "--set", "strata="), "\n")
	all = strings.Join(strings.Fields(all), " ")
	for _, want := range []string{"hele klynger (deltagerne med samme værdi af consultant)", "Antal klynger (consultant): i alt 4",
		"Designeffekt", "Gennemførte forløbet 0,", "Advarsel: kun 4 klynger (færre end 10)"} {
		if !strings.Contains(all, want) {
			t.Errorf("methods page lacks %q", want)
		}
	}
	if code, _, _ := runCLI(t, "report", "--quiet", "--out", out, pvaConfig); code != 0 {
		t.Fatal("people resampled: failed")
	}
	var people struct {
		Bootstrap struct {
			Unit string `json:"unit"`
		} `json:"bootstrap"`
	}
	readJSON(t, filepath.Join(out, "pva", "results.json"), &people)
	if people.Bootstrap.Unit != "people" {
		t.Errorf("unit %q without clusters", people.Bootstrap.Unit)
	}
}

// Fewer than 3 clusters, or clusters not nested in the strata, is a config
// error with a sentence, in report and validate alike.
func TestTooFewClusters(t *testing.T) {
	for _, c := range []struct{ strata, cluster, want string }{
		{"", "reason", `the cohort has 2 value(s) of "reason"; resampling whole clusters needs at least 3`},
		{"site", "consultant", `cluster "consultant" is not nested in strata "site"`},
	} {
		for _, cmd := range []string{"report", "validate"} {
			args := []string{cmd, "--set", "cluster=" + c.cluster, "--set", "strata=" + c.strata, pvaConfig}
			if cmd == "report" {
				args = append([]string{cmd, "--quiet", "--out", t.TempDir()}, args[1:]...)
			}
			code, _, stderr := runCLI(t, args...)
			if code != 1 || !strings.Contains(stderr, c.want) {
				t.Errorf("%s cluster=%s: exit %d, stderr %q", cmd, c.cluster, code, stderr)
			}
		}
	}
}

// With bootstrap.level 0.9 every label, sentence, legend and header of the
// PDF says 90 %, in Danish and English (golden text of every page), and
// so do results.xlsx's headers; nothing says 95 %.
func TestLevel90(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		args := []string{"--set", "bootstrap.level=0.9", "--lang", lang}
		all := strings.Join(pdfPages(t, "pva", args...), "\f")
		golden := filepath.Join("testdata", "pva_level90_"+lang+".golden")
		if *update {
			if err := os.WriteFile(golden, []byte(all), 0o644); err != nil {
				t.Fatal(err)
			}
		} else if want, err := os.ReadFile(golden); err != nil || string(want) != all {
			t.Errorf("%s: PDF text differs from %s (%v):\n%s", lang, golden, err, all)
		}
		flat := strings.Join(strings.Fields(all), " ")
		for _, bad := range []string{"95 %-KI", "95 % CI", "95 %-konfidens", "95 % confidence", "95 %)"} {
			if strings.Contains(flat, bad) {
				t.Errorf("%s: PDF says %q at level 0.9", lang, bad)
			}
		}
		want := map[string]string{"da": "90 %-KI", "en": "90 % CI"}[lang]
		if !strings.Contains(flat, want) {
			t.Errorf("%s: PDF never says %q", lang, want)
		}
		out := t.TempDir()
		if code, _, stderr := runCLI(t, append(append([]string{"report", "--quiet", "--out", out}, args...), pvaConfig)...); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		checkXLSXLevel(t, filepath.Join(out, "pva", "results.xlsx"), want)
	}
}

// checkXLSXLevel: some header names the level, none says 95.
func checkXLSXLevel(t *testing.T, path, want string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := false
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for _, row := range rows {
			for _, cell := range row {
				found = found || strings.Contains(cell, want)
				if strings.Contains(cell, "95 %") {
					t.Errorf("%s sheet %s: %q at level 0.9", path, sh, cell)
				}
			}
		}
	}
	if !found {
		t.Errorf("%s: no header says %q", path, want)
	}
}
