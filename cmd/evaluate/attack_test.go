package main

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// The attacker's CPR number (7 March 1985); its day has one digit, so it
// also has a 9-digit spelling (leading zero lost).
const (
	attackCPR  = "0703852913"
	attackCPR9 = "703852913"
	attackName = "Kirsten Bjerregaard"
)

// attackSpellings writes attackCPR the ways issue 11 found published: the
// three the first guard knew and the fifteen it let through (and more).
func attackSpellings() []string {
	d, s := "070385", "2913"
	return []string{
		d + "-" + s, d + s, d + " " + s,
		d + "\u2013" + s, d + "\u2011" + s, d + "\u2212" + s, d + "\u00a0" + s, d + " - " + s, d + "\t" + s,
		d + "_" + s, d + "/" + s, "07.03.85-" + s, "07 03 85 " + s, "０７０３８５－２９１３",
		"70385 " + s, attackCPR9, d + "\u2014" + s, d + "\u202f" + s, d + "\u200b" + s,
	}
}

// attackBook writes a 60-row extract. The id column holds the CPR in every
// spelling (an id is read, never shown); unmapped columns hold names and
// CPR numbers; one end date is a name. name, sheet and siteHeader are
// where the attacker puts the number; siteCell, when set, is written
// into the (mapped, non-id) site column.
func attackBook(t *testing.T, dir, name, sheet, siteHeader, siteCell string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	sp := attackSpellings()
	rows := [][]any{{"deltager_id", siteHeader, "startdato", "slutdato", "afslutningsårsag", "navn", "cpr", "ekstra " + sp[3]}}
	start := time.Date(2020, 1, 6, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 60; i++ {
		reason, end := []string{"gennemført", "afbrudt", "igangværende"}[i%3], start.AddDate(0, 0, 20+7*i)
		var endCell any = end.Format("02-01-2006")
		if reason == "igangværende" {
			endCell = nil
		}
		if i == 4 {
			endCell = attackName // a name typed into a date column
		}
		site := []string{"Næstved", "Slagelse"}[i%2]
		if i == 7 && siteCell != "" {
			site = siteCell
		}
		rows = append(rows, []any{sp[i%len(sp)] + fmt.Sprint(i/len(sp)), site, start.AddDate(0, 0, i).Format("02-01-2006"),
			endCell, reason, attackName, sp[i%len(sp)], sp[i%len(sp)]})
	}
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// attackConfig is a cohort config over the extract; edit changes it.
func attackConfig(t *testing.T, dir, book, sheet, siteHeader string, edit func(string) string) string {
	t.Helper()
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	cfg := `id: attack
title: "Angreb"
source: {file: ` + q(book) + `, sheet: ` + q(sheet) + `}
columns:
  id:     {header: deltager_id, type: id}
  site:   {header: ` + q(siteHeader) + `, type: text}
  start:  {header: startdato, type: date}
  end:    {header: slutdato, type: date, optional: true}
  reason: {header: afslutningsårsag, type: text}
cohort:
  include: "true"
  exit: "end ?? date('2021-12-31')"
  status:
    completed: "reason == 'gennemført'"
    dropout: "reason == 'afbrudt'"
    ongoing: "reason == 'igangværende'"
measures:
  - id: completion
    label: {da: "Gennemførte", en: "Completed"}
    count: "status == 'completed'"
retention: {event: dropout, times: [4, 13]}
strata: site
bootstrap: {replicates: 99, seed: 1}
sensitivity:
  - {name: "Afsluttede", set: {measures.completion.among: ended}}
`
	if edit != nil {
		cfg = edit(cfg)
	}
	path := filepath.Join(dir, "attack.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestAttackNamesPrinted puts the CPR number, in every spelling, into the
// extract's file name, its sheet name and the header of a mapped column
// (and into the id column, and a name into unmapped columns, a date cell
// and a site cell): report and validate succeed, and nothing they print
// or write holds the number or the name.
func TestAttackNamesPrinted(t *testing.T) {
	for i, s := range attackSpellings() {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			dir := t.TempDir()
			file := strings.ReplaceAll(s, "/", "") + ".xlsx"       // a file name cannot hold '/'
			sheet := strings.ReplaceAll(s, "/", "-")               // nor can a sheet name
			book := attackBook(t, dir, file, sheet, s, attackName) // a one-person site, merged into Øvrige
			cfg := attackConfig(t, dir, book, sheet, s, nil)
			out := filepath.Join(dir, "out")
			// --set records the file's name in the manifest and on the methods page.
			code, stdout, stderr := runCLI(t, "report", "--workers", "1", "--out", out, "--set", "source.file="+book, cfg)
			if code != 0 {
				t.Fatalf("report: exit %d: %s", code, stderr)
			}
			texts := map[string]string{"report stdout": stdout, "report stderr": stderr}
			code, stdout, stderr = runCLI(t, "validate", cfg)
			if code != 0 || !strings.Contains(stdout, "problem:") {
				t.Fatalf("validate: exit %d: %s%s", code, stdout, stderr)
			}
			texts["validate stdout"], texts["validate stderr"] = stdout, stderr
			for name, text := range outputTexts(t, filepath.Join(out, "attack")) {
				texts[name] = text
			}
			for name, text := range texts {
				if leak := attackLeak(strings.ReplaceAll(text, dir, "DIR")); leak != "" {
					t.Errorf("%s holds %s:\n%s", name, leak, text)
				}
			}
			if !strings.Contains(texts["manifest.json"], `"input": "[CPR masked].xlsx"`) {
				t.Errorf("manifest.json does not name the masked file:\n%s", texts["manifest.json"])
			}
		})
	}
}

// TestAttackConfigText puts the CPR number, in every spelling, into each
// kind of text of the config, and into a site cell: report and validate
// refuse with one sentence naming the key (or the column) and print
// neither the number nor the name.
func TestAttackConfigText(t *testing.T) {
	type attack struct {
		name, want string
		edit       func(cfg, s string) string
		siteCell   bool
		args       func(s string) []string
	}
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	attacks := []attack{
		{name: "title", want: "title contains a CPR-shaped value; remove it",
			edit: func(c, s string) string { return strings.Replace(c, `"Angreb"`, q("Angreb "+s), 1) }},
		{name: "label", want: "measures.completion.label.da contains a CPR-shaped value",
			edit: func(c, s string) string { return strings.Replace(c, `"Gennemførte"`, q(s), 1) }},
		{name: "rule", want: "cohort.include contains a CPR-shaped value",
			edit: func(c, s string) string {
				return strings.Replace(c, `include: "true"`, "include: "+q("reason != '"+s+"'"), 1)
			}},
		{name: "status name", want: "the key cohort.status.[CPR masked] contains a CPR-shaped value",
			edit: func(c, s string) string { return strings.Replace(c, "    ongoing:", "    "+q(s)+":", 1) }},
		{name: "sensitivity name", want: "sensitivity[0].name contains a CPR-shaped value",
			edit: func(c, s string) string { return strings.Replace(c, `"Afsluttede"`, q(s), 1) }},
		{name: "--set", want: "title contains a CPR-shaped value",
			args: func(s string) []string { return []string{"--set", "title=" + s} }},
		{name: "site cell", want: "(sted, field site) holds 1 CPR-shaped value(s), first in cell B9", siteCell: true},
	}
	dir := t.TempDir()
	for _, a := range attacks {
		for i, s := range attackSpellings() {
			cell := ""
			if a.siteCell {
				cell = "Jobcenter " + s
			}
			book := attackBook(t, dir, "udtræk.xlsx", "Deltagere", "sted", cell)
			cfg := attackConfig(t, dir, book, "Deltagere", "sted", func(c string) string {
				if a.edit == nil {
					return c
				}
				return a.edit(c, s)
			})
			for _, cmd := range []string{"report", "validate"} {
				args := []string{cmd}
				if a.args != nil {
					args = append(args, a.args(s)...)
				}
				if cmd == "report" {
					args = append(args, "--out", filepath.Join(dir, "out"))
				}
				code, stdout, stderr := runCLI(t, append(args, cfg)...)
				if code != 1 || !strings.Contains(stderr, a.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
					t.Errorf("%s, spelling %d, %s: exit %d, stderr %q; want 1 and one line with %q", a.name, i, cmd, code, stderr, a.want)
				}
				if leak := attackLeak(strings.ReplaceAll(stdout+stderr, dir, "DIR")); leak != "" {
					t.Errorf("%s, spelling %d, %s: output holds %s: %s%s", a.name, i, cmd, leak, stdout, stderr)
				}
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "attack")); !os.IsNotExist(err) {
		t.Error("a refused run wrote a report")
	}
}

// TestAttackNameInRule: a rule comparing a column of names with a text
// (here the one-person exclusion "navn != '…'") is refused without
// quoting the name.
func TestAttackNameInRule(t *testing.T) {
	dir := t.TempDir()
	book := attackBook(t, dir, "udtræk.xlsx", "Deltagere", "sted", "")
	cfg := attackConfig(t, dir, book, "Deltagere", "sted", func(c string) string {
		c = strings.Replace(c, "  reason:", "  navn:   {header: navn, type: text}\n  reason:", 1)
		return strings.Replace(c, `include: "true"`, `include: "navn != '`+attackName+`'"`, 1)
	})
	for _, cmd := range []string{"report", "validate"} {
		code, stdout, stderr := runCLI(t, cmd, cfg)
		if code != 1 || !strings.Contains(stderr, "cohort.include compares the field navn") || attackLeak(stdout+stderr) != "" {
			t.Errorf("%s: exit %d: %s%s", cmd, code, stdout, stderr)
		}
	}
}

// outputTexts reads every file of a report as text: PDF through pdftotext
// (and pdfinfo for its metadata) plus its raw bytes, each part of an
// .xlsx (docProps included), JSON as is. PNG figures cannot be searched.
func outputTexts(t *testing.T, dir string) map[string]string {
	t.Helper()
	texts := map[string]string{}
	err := filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		switch filepath.Ext(path) {
		case ".png":
		case ".xlsx":
			for name, text := range unzipTexts(t, path) {
				texts[rel+"/"+name] = text
			}
		case ".pdf":
			texts[rel+" (raw)"] = string(raw)
			for _, tool := range []string{"pdftotext", "pdfinfo"} {
				if _, err := exec.LookPath(tool); err != nil {
					t.Logf("%s not installed: the PDF's %s is not searched", tool, tool)
					continue
				}
				args := []string{path}
				if tool == "pdftotext" {
					args = append(args, "-")
				}
				txt, err := exec.Command(tool, args...).Output()
				if err != nil {
					t.Fatalf("%s: %v", tool, err)
				}
				texts[rel+" ("+tool+")"] = string(txt)
			}
		default:
			texts[rel] = string(raw)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

func unzipTexts(t *testing.T, path string) map[string]string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	texts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		texts[f.Name] = string(b)
	}
	return texts
}

// separators are dropped before the normalised search, so that any
// spelling of the number is found as its bare digits.
var separators = regexp.MustCompile(`[ \-_/.]+`)

// attackLeak returns what of the attacker's CPR number or name text
// holds: a spelling as written, or the digits once the text is normalised
// with the guard's own Normalize and stripped of separators.
func attackLeak(text string) string {
	for _, s := range attackSpellings() {
		if strings.Contains(text, s) {
			return fmt.Sprintf("the CPR spelling %q", s)
		}
	}
	for _, line := range strings.Split(privacy.Normalize(text), "\n") {
		if d := separators.ReplaceAllString(line, ""); strings.Contains(d, attackCPR9) {
			return fmt.Sprintf("the CPR digits in %q", line)
		}
	}
	for _, part := range strings.Fields(attackName) {
		if strings.Contains(text, part) {
			return "the name " + attackName
		}
	}
	return ""
}
