package main

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"context"
	"encoding/csv"
	"fmt"
	"github.com/danish-eval/evaluate/pipeline/privacy"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// pvaRows reads the bundled pva extract as text rows (header first).
func pvaRows(t *testing.T) [][]string {
	t.Helper()
	f, err := excelize.OpenFile("../../data/extracts/pva.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Deltagere")
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// writeCSV writes rows with separator sep, in Windows-1252 when cp1252.
func writeCSV(t *testing.T, path string, rows [][]string, sep rune, cp1252 bool) {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = sep
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	if cp1252 {
		var err error
		if data, err = charmap.Windows1252.NewEncoder().Bytes(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// pvaConfigFor writes a copy of the pva config reading source (a path),
// with id and any further replacements (old, new pairs) applied.
func pvaConfigFor(t *testing.T, dir, name, id, source string, repl ...string) string {
	t.Helper()
	raw, err := os.ReadFile(pvaConfig)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(raw), "file: ../extracts/pva.xlsx", "file: "+source, 1)
	if strings.HasSuffix(source, ".csv") || strings.HasSuffix(source, ".txt") {
		s = strings.Replace(s, "  sheet: Deltagere\n", "", 1)
	}
	s = strings.Replace(s, "id: pva\n", "id: "+id+"\n", 1)
	s = strings.NewReplacer(repl...).Replace(s)
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func absExtract(t *testing.T, name string) string {
	p, err := filepath.Abs("../../data/extracts/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// fast are the flags of a quick run: the checks here are not about intervals.
var fast = []string{"report", "--quiet", "--replicates", "199"}

func TestIDsUniqueAndPortfolioReserved(t *testing.T) {
	dir := t.TempDir()
	src := absExtract(t, "pva.xlsx")
	a := pvaConfigFor(t, dir, "pva.yaml", "pva", src)
	b := pvaConfigFor(t, dir, "pva-kopi.yaml", "pva", src)
	p := pvaConfigFor(t, dir, "portfolio.yaml", "portfolio", src)
	tests := []struct {
		name    string
		configs []string
		want    []string
	}{
		// Paths as printed: a temporary folder's random digits may look like
		// a CPR number and be masked, as every message is.
		{"two configs, one id", []string{a, b}, []string{privacy.Mask(a), privacy.Mask(b), `both have id "pva"`}},
		{"id portfolio", []string{p}, []string{"portfolio.yaml", `id "portfolio" is reserved`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			code, _, stderr := runCLI(t, append(append(fast, "--out", out), tt.configs...)...)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q lacks %q", stderr, w)
				}
			}
			code, _, stderr = runCLI(t, append([]string{"validate"}, tt.configs...)...)
			if code != 1 || !strings.Contains(stderr, tt.want[len(tt.want)-1]) {
				t.Errorf("validate: exit %d, stderr %q", code, stderr)
			}
			for _, id := range []string{"pva", "portfolio"} {
				if _, err := os.Stat(filepath.Join(out, id)); !os.IsNotExist(err) {
					t.Errorf("out/%s was written", id)
				}
			}
		})
	}
}

// When one cohort fails, out/portfolio keeps the comparison of the last
// run in which every cohort succeeded.
func TestPortfolioOnlyWhenEveryCohortSucceeds(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	raw, _ := os.ReadFile("../../data/cohorts/jeps.yaml")
	jeps := filepath.Join(dir, "jeps.yaml")
	good := strings.Replace(string(raw), "../extracts/jeps.xlsx", absExtract(t, "jeps.xlsx"), 1)
	if err := os.WriteFile(jeps, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, append(fast, "--out", out, pvaConfig, jeps)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	before, err := os.ReadFile(filepath.Join(out, "portfolio", "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	broken := regexp.MustCompile(`header: [^,}]+`).ReplaceAllString(good, "header: findes_ikke")
	if err := os.WriteFile(jeps, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, append(fast, "--out", out, "--seed", "7", pvaConfig, jeps)...)
	// The temporary folder's random digits may look like a CPR number and
	// be masked in the message, so only the folder's last part is compared.
	if code != 1 || !strings.Contains(stderr, "portfolio was not updated, because 1 of 2 cohorts failed") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	after, _ := os.ReadFile(filepath.Join(out, "portfolio", "results.json"))
	if !bytes.Equal(before, after) {
		t.Error("the portfolio was rewritten from the cohorts that succeeded")
	}
}

// Two runs into one --out at the same time both succeed: the second waits
// for the first's lock instead of failing with "directory not empty".
func TestConcurrentRunsToOneOut(t *testing.T) {
	out := t.TempDir()
	var wg sync.WaitGroup
	codes, errs := make([]int, 2), make([]string, 2)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], _, errs[i] = runCLI(t, append(fast, "--out", out, pvaConfig)...)
		}()
	}
	wg.Wait()
	for i := range codes {
		if codes[i] != 0 || strings.Contains(errs[i], "directory not empty") {
			t.Errorf("run %d: exit %d, stderr %q", i, codes[i], errs[i])
		}
	}
	if _, err := os.Stat(filepath.Join(out, "pva", "report.pdf")); err != nil {
		t.Error(err)
	}
}

// runWithin runs the command line and fails the test if it does not
// return within d (a FIFO as input used to hang forever).
func runWithin(t *testing.T, d time.Duration, args ...string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	type result struct {
		code   int
		stderr string
	}
	done := make(chan result, 1)
	go func() {
		var out, errb bytes.Buffer
		code := run(args, &out, &errb)
		done <- result{code, errb.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.stderr
	case <-ctx.Done():
		t.Fatalf("evaluate %v did not finish within %v", args, d)
	}
	return 0, ""
}

func TestSourceMustBeARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pva.csv")
	if err := mkfifo(fifo); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder.xlsx")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, source, want string }{
		{"fifo", fifo, "pva.csv is a named pipe (FIFO), not a file"},
		{"symlink to a fifo", link, "link.csv is a named pipe (FIFO), not a file"},
		{"/dev/zero", "/dev/zero", "zero is a character device"},
		{"folder", folder, "folder.xlsx is a folder, not a file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(tt.source); err != nil {
				t.Skip(err)
			}
			cfg := pvaConfigFor(t, t.TempDir(), "c.yaml", "pva", tt.source)
			for _, cmd := range []string{"report", "validate"} {
				code, stderr := runWithin(t, 10*time.Second, cmd, "--out", t.TempDir(), cfg)
				if cmd == "validate" {
					code, stderr = runWithin(t, 10*time.Second, cmd, cfg)
				}
				if code != 1 || !strings.Contains(stderr, tt.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
					t.Errorf("%s: exit %d, stderr %q; want one line with %q", cmd, code, stderr, tt.want)
				}
			}
		})
	}
}

// pdfHasNaN inflates every stream of a PDF and looks for "NaN", which
// gonum writes for coordinates of a plot squeezed below zero height.
func pdfHasNaN(t *testing.T, pdf []byte) bool {
	t.Helper()
	streams := 0
	for rest := pdf; ; {
		i := bytes.Index(rest, []byte(">>\nstream\n"))
		if i < 0 {
			break
		}
		rest = rest[i+len(">>\nstream\n"):]
		end := bytes.Index(rest, []byte("\nendstream"))
		if end < 0 {
			break
		}
		data := rest[:end]
		if zr, err := zlib.NewReader(bytes.NewReader(data)); err == nil {
			data, _ = io.ReadAll(zr)
			streams++
		}
		if bytes.Contains(data, []byte("NaN")) {
			return true
		}
	}
	if streams == 0 {
		t.Fatal("no compressed stream found: the PDF layout changed, fix pdfHasNaN")
	}
	return false
}

// The crashes and broken pages of issue 12, each now a sentence (exit 1)
// or a readable report.
func TestLimitsInsteadOfCrashes(t *testing.T) {
	dir := t.TempDir()
	rows := pvaRows(t)
	variant := func(name string, site func(i int) string) string {
		r := [][]string{rows[0]}
		for i, row := range rows[1:] {
			row = append([]string(nil), row...)
			if s := site(i); s != "" {
				row[1] = s
			}
			r = append(r, row)
		}
		p := filepath.Join(dir, name+".csv")
		writeCSV(t, p, r, ';', false)
		return pvaConfigFor(t, dir, name+".yaml", "pva", p)
	}
	src := absExtract(t, "pva.xlsx")
	tests := []struct {
		name, config string
		code         int
		want         string
	}{
		{"2,000 strata", strata2000(t, dir, rows), 1,
			`strata: column site (header "sted") has 2000 different values among the included rows; at most 50`},
		{"30 strata", variant("strata30", func(i int) string { return "Sted " + string(rune('A'+i%30)) }), 0, ""},
		{"300 KB site name", variant("longsite", func(i int) string {
			if i < 6 {
				return strings.Repeat("X", 300<<10)
			}
			return ""
		}), 1, "holds more than 32.767 characters"},
		{"32k site name", variant("label32k", func(i int) string {
			if i < 40 {
				return strings.Repeat("Y", 32000)
			}
			return ""
		}), 0, ""},
		{"20 MB title", pvaConfigFor(t, dir, "title.yaml", "pva", src, `title: "På vej til arbejde"`, `title: "`+strings.Repeat("T", 20<<20)+`"`), 1,
			"title is 20971520 characters long; at most 200"},
		{"32k measure label", pvaConfigFor(t, dir, "label.yaml", "pva", src, `"Gennemførte forløbet"`, `"`+strings.Repeat("L", 32000)+`"`), 1,
			"measures.completion.label.da is 32000 characters long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			code, stderr := runWithin(t, 2*time.Minute, append(fast, "--out", out, tt.config)...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Fatalf("exit %d, stderr %.300q; want exit %d and %q", code, stderr, tt.code, tt.want)
			}
			if code != 0 {
				return
			}
			pdf, err := os.ReadFile(filepath.Join(out, "pva", "report.pdf"))
			if err != nil || pdfHasNaN(t, pdf) {
				t.Errorf("report.pdf has NaN (%v)", err)
			}
			figs, _ := filepath.Glob(filepath.Join(out, "pva", "figures", "*.png"))
			for _, f := range figs {
				if st, _ := os.Stat(f); st.Size() > 4<<20 {
					t.Errorf("%s is %d bytes", f, st.Size())
				}
			}
		})
	}
}

// strata2000 is pva's extract grown to 2,000 rows, each at its own site.
func strata2000(t *testing.T, dir string, rows [][]string) string {
	r := [][]string{rows[0]}
	for i := 0; i < 2000; i++ {
		row := append([]string(nil), rows[1+i%(len(rows)-1)]...)
		row[0], row[1] = fmt.Sprintf("Q%05d", i), fmt.Sprintf("Sted %d", i)
		r = append(r, row)
	}
	p := filepath.Join(dir, "strata2000.csv")
	writeCSV(t, p, r, ';', false)
	return pvaConfigFor(t, dir, "strata2000.yaml", "pva", p)
}

// pva's extract as Danish Excel saves it: "CSV (semikolonsepareret)" in
// Windows-1252, and tab-separated text. The same people come out, the
// site names keep their æ ø å, and the manifest names the encoding.
func TestDanishOfficeCSV(t *testing.T) {
	dir := t.TempDir()
	rows := pvaRows(t)
	tests := []struct {
		name     string
		sep      rune
		cp1252   bool
		encoding string
	}{
		{"semikolon.csv", ';', true, "windows-1252"},
		{"tabulator.txt", '\t', false, "utf-8"},
		{"tabulator-1252.csv", '\t', true, "windows-1252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := filepath.Join(dir, tt.name)
			writeCSV(t, src, rows, tt.sep, tt.cp1252)
			cfg := pvaConfigFor(t, dir, tt.name+".yaml", "pva", src)
			out := t.TempDir()
			if code, _, stderr := runCLI(t, append(fast, "--out", out, cfg)...); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var man struct {
				Encoding string `json:"input_encoding"`
			}
			readJSON(t, filepath.Join(out, "pva", "manifest.json"), &man)
			if man.Encoding != tt.encoding {
				t.Errorf("manifest input_encoding %q, want %q", man.Encoding, tt.encoding)
			}
			var res struct {
				results
				ByStratum []struct {
					Stratum string `json:"stratum"`
				} `json:"by_stratum"`
			}
			readJSON(t, filepath.Join(out, "pva", "results.json"), &res)
			if res.Flow.RowsRead != 195 || res.Flow.Included != 195 || res.Flow.Status["completed"] != 148 {
				t.Errorf("flow %+v", res.Flow)
			}
			var sites []string
			for _, s := range res.ByStratum {
				sites = append(sites, s.Stratum)
			}
			if !strings.Contains(strings.Join(sites, ","), "Næstved") {
				t.Errorf("sites %q lack Næstved", sites)
			}
			if _, err := exec.LookPath("pdftotext"); err != nil {
				return
			}
			txt, err := exec.Command("pdftotext", filepath.Join(out, "pva", "report.pdf"), "-").Output()
			stated := strings.Contains(string(txt), "læst som Windows-1252")
			if err != nil || stated != (tt.encoding == "windows-1252") {
				t.Errorf("methods page states Windows-1252: %v (%v)", stated, err)
			}
		})
	}
}

// A Word document renamed .xlsx says what it is.
func TestWordDocumentRenamed(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "pva.xlsx")
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		w, _ := zw.Create(name)
		_, _ = w.Write([]byte("<x/>"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(doc, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := pvaConfigFor(t, dir, "c.yaml", "pva", doc)
	code, _, stderr := runCLI(t, append(fast, "--out", t.TempDir(), cfg)...)
	if code != 1 || !strings.Contains(stderr, "pva.xlsx: this is a Word document (.docx), not an Excel workbook") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// A named pipe given as the config is refused too, not waited on.
func TestConfigMustBeARegularFile(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pva.yaml")
	if err := mkfifo(fifo); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, cmd := range [][]string{{"report", "--out", t.TempDir()}, {"validate"}} {
		code, stderr := runWithin(t, 10*time.Second, append(cmd, fifo)...)
		if code != 1 || !strings.Contains(stderr, "pva.yaml: not a file") {
			t.Errorf("%s: exit %d, stderr %q", cmd[0], code, stderr)
		}
	}
}

// A run in which every cohort fails writes nothing, not even the folder
// and its lock file.
func TestFailedRunLeavesNoTrace(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	code, _, _ := runCLI(t, append(fast, "--out", out, "--set", "columns.hours.header=timer", pvaConfig)...)
	if _, err := os.Stat(out); code != 1 || !os.IsNotExist(err) {
		t.Errorf("exit %d; %s: %v", code, out, err)
	}
}
