package pipeline

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/pipeline/config"
)

// A person's name typed into the site column of a 3-person group is
// merged into "Øvrige" and appears in no output: results.json, every part
// of results.xlsx, manifest.json, or the PDF's text.
// With disclosure control off the name is found (in results.json, the
// xlsx and the PDF text), so the search itself works.
func TestSmallGroupLabelNeverPublished(t *testing.T) {
	const name = "Bjerregaard"
	for _, off := range []bool{false, true} {
		dir := t.TempDir()
		path := attackCohorts()[0].write(t, dir)
		o := Options{}
		if off {
			o.Overrides = []config.Override{{Key: "disclosure.min_cell", Value: "0"}}
		}
		found := map[string]bool{}
		for fname, data := range renderFile(t, path, o) {
			for part, text := range outputText(t, dir, fname, data) {
				if strings.Contains(text, name) {
					found[fname+part] = true
				}
			}
		}
		if !off && len(found) > 0 {
			t.Errorf("the small group's label is published in %v", found)
		}
		if off && (!found["results.json"] || !found["results.xlsx:xl/sharedStrings.xml"]) {
			t.Errorf("with disclosure off the label should be found; found in %v", found)
		}
	}
}

func renderFile(t *testing.T, path string, o Options) Files {
	t.Helper()
	cfg, err := LoadConfig(path, o)
	if err != nil {
		t.Fatal(err)
	}
	a, err := analyse(&timer{}, cfg, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	files, err := Render(cfg, a, nil, 2)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// outputText returns the searchable text of an output file: each part of a
// zip (xlsx), the text of a PDF (when pdftotext is installed), else the bytes.
func outputText(t *testing.T, dir, name string, data []byte) map[string]string {
	t.Helper()
	switch filepath.Ext(name) {
	case ".xlsx":
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			out[":"+f.Name] = string(b)
		}
		return out
	case ".pdf":
		if _, err := exec.LookPath("pdftotext"); err != nil {
			return map[string]string{"": string(data)}
		}
		p := filepath.Join(dir, "report.pdf")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		txt, err := exec.Command("pdftotext", p, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return map[string]string{" (text)": string(txt), "": string(data)}
	}
	return map[string]string{"": string(data)}
}
