package main

import (
	"archive/zip"
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
)

// jobcentreBook writes a workbook laid out as jobcentres send them (issue
// 15): a "Forside" cover sheet first, a title and a period above the
// header in row 4 of "Deltagere", Danish headers ("CPR-nr", "Navn",
// "Årsag til afslutning", "Beskæftigelse efter 3 mdr", "Jobcenter"),
// start dates as date cells, Danish text (15-03-2022, 15.03.2022) and
// ISO text, an "I alt" row under the data, and three kinds of bad rows:
// an unreadable start date (row 10), an end before the start (row 15)
// and a CPR number used twice (rows 20 and 21). Deterministic: the rows
// follow from their number. The CPR numbers are made up (day 41 does
// not exist) and the names are placeholders.
func jobcentreBook(t *testing.T, path string) (cprs, names []string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "Forside"))
	must(f.SetCellValue("Forside", "A1", "Udtræk fra Jobcenter Eksempel"))
	must(f.SetCellValue("Forside", "A3", "Dannet 15-01-2024 af fagsystemet"))
	must(f.SetCellValue("Forside", "A5", "Indhold"))
	must(f.SetCellValue("Forside", "B5", "Deltagere i virksomhedsrettet forløb"))
	_, err := f.NewSheet("Deltagere")
	must(err)
	const sh = "Deltagere"
	must(f.SetCellValue(sh, "A1", "Deltagere i virksomhedsrettet forløb"))
	must(f.SetCellValue(sh, "A2", "Periode: 2022-2023"))
	headers := []any{"CPR-nr", "Navn", "Jobcenter", "Startdato", "Slutdato", "Årsag til afslutning",
		"Beskæftigelse efter 3 mdr", "Uddannelse", "Køn", "Alder", "Beskæftigelse efter 6 mdr"}
	must(f.SetSheetRow(sh, "A4", &headers))
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	last := 5
	for i := 0; i < 90; i++ {
		row := 5 + i
		cpr := fmt.Sprintf("41%02d%02d-%04d", 1+i%12, 60+i%40, 1000+i)
		if row == 21 {
			cpr = cprs[len(cprs)-1] // the duplicate
		}
		cprs, names = append(cprs, cpr), append(names, fmt.Sprintf("Deltagernavn%03d", i))
		cells := jobcentreRow(i, cpr, names[i])
		must(f.SetSheetRow(sh, fmt.Sprintf("A%d", row), &cells))
		for _, col := range []string{"D", "E"} {
			must(f.SetCellStyle(sh, fmt.Sprintf("%s%d", col, row), fmt.Sprintf("%s%d", col, row), dateStyle))
		}
		last = row
	}
	total := []any{nil, nil, "I alt", nil, nil, nil, 60, 22}
	must(f.SetSheetRow(sh, fmt.Sprintf("A%d", last+2), &total))
	must(f.SaveAs(path))
	return cprs, names
}

// jobcentreRow is data row i (sheet row 5+i), bad in rows 10 and 15.
func jobcentreRow(i int, cpr, name string) []any {
	centres := []string{"Jobcenter Nord", "Jobcenter Syd", "Jobcenter Vest"}
	reasons := []string{"Gennemført", "Ordinært job", "Påbegyndt uddannelse", "Afbrudt", "Udeblevet", "Sygdom", ""}
	start := time.Date(2022, time.Month(1+i%12), 1+i%27, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(0, 0, 30+7*(i%20))
	reason := reasons[i%len(reasons)]
	cells := []any{cpr, name, centres[i%3], start, end, reason, yesNo(i%3 != 0), yesNo(i%4 == 0),
		[]string{"K", "M"}[i%2], 20 + i%40, yesNo(i%3 != 1)}
	switch {
	case reason == "":
		cells[4], cells[6], cells[10] = nil, nil, nil // ongoing: no end, no outcome yet
	case i%5 == 1:
		cells[3] = start.Format("02-01-2006") // Danish text date
	case i%5 == 2:
		cells[3] = start.Format("02.01.2006")
	case i%5 == 3:
		cells[3] = start.Format("2006-01-02")
	}
	switch 5 + i {
	case 10:
		cells[3] = "ukendt"
	case 15:
		cells[4] = start.AddDate(0, 0, -10)
	}
	return cells
}

func yesNo(b bool) string {
	if b {
		return "Ja"
	}
	return "Nej"
}

// TestInitJobcentreBook is issue 15's "done when": init -o drafts a
// config for a realistic workbook that validate accepts and report runs
// without edits, and no CPR number or name reaches any output.
func TestInitJobcentreBook(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "udtraek", "jobcenter.xlsx")
	if err := os.MkdirAll(filepath.Dir(book), 0o755); err != nil {
		t.Fatal(err)
	}
	cprs, names := jobcentreBook(t, book)
	cfg := filepath.Join(dir, "mine", "cohort.yaml")
	code, out, stderr := runCLI(t, "init", book, "-o", cfg)
	if code != 0 || out != "" {
		t.Fatalf("init: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	raw, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	draft := string(raw)
	for _, want := range []string{
		`file: "../udtraek/jobcenter.xlsx"`, "sheet: Deltagere", "header_row: 4",
		`id:  `, `{header: CPR-nr, type: id}  # CPR number: used only to find duplicate rows; never read into any output`,
		`reason:`, `{header: Årsag til afslutning, type: text}`,
		`employment:`, `{header: Beskæftigelse efter 3 mdr, type: bool}`,
		`site:`, `{header: Jobcenter, type: text}`,
		`start:`, `end:`, `education:`, `sex:`, `age:`,
		"Navn: personal (names or contact details), not mapped (never read)",
		`completed: "reason == 'Gennemført' || reason == 'Ordinært job' || reason == 'Påbegyndt uddannelse'"`,
		`dropout: "reason == 'Afbrudt' || reason == 'Udeblevet'"`,
		`count: "employment || education"`,
		`beskaeftigelse_efter_6_mdr: {header: Beskæftigelse efter 6 mdr, type: bool}`,
		`- id: beskaeftigelse_efter_6_mdr  # another outcome column; TODO: the English label`,
		`count: "beskaeftigelse_efter_6_mdr"`,
	} {
		if !strings.Contains(draft, want) {
			t.Errorf("the draft lacks %q:\n%s", want, draft)
		}
	}
	if !strings.Contains(draft, "(90 data rows; 1 total row(s) such as \"I alt\" left out)") || strings.Contains(draft, "TODO: no participant id") {
		t.Errorf("the draft counts the total row or asks for an id:\n%s", draft)
	}
	code, vout, stderr := runCLI(t, "validate", cfg)
	if code != 0 {
		t.Fatalf("validate: exit %d: %s\n%s\n%s", code, stderr, vout, draft)
	}
	flow := strings.Join(strings.Fields(vout), " ")
	for _, want := range []string{"rows read 91", "excluded: total row (I alt, Total …) 1",
		"excluded: unreadable date 1", "excluded: duplicate id 2", "excluded: exit before entry 1",
		"included 86", "completed 37", "dropout 25", "ongoing 12"} {
		if !strings.Contains(flow, want) {
			t.Errorf("validate does not say %q:\n%s", want, vout)
		}
	}
	// validate --problems lists every bad row by its Excel row, the total row as skipped.
	list := filepath.Join(dir, "problems.csv")
	if code, _, stderr := runCLI(t, "validate", "--problems", list, cfg); code != 0 {
		t.Fatalf("validate --problems: exit %d: %s", code, stderr)
	}
	plist, err := os.ReadFile(list)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(plist)), "\n")
	for _, want := range []string{"is not a date", "Slutdato før startdato", "Samme id to gange", "Samme id to gange", "Sumrække (I alt, Total …), sprunget over"} {
		found := -1
		for i, l := range lines {
			if strings.Contains(l, want) {
				found = i
				break
			}
		}
		if found < 1 || !regexp.MustCompile(`^Deltagere;[0-9]+;`).MatchString(lines[found]) {
			t.Errorf("problems.csv lacks a row with %q:\n%s", want, plist)
			continue
		}
		lines = append(lines[:found], lines[found+1:]...)
	}
	if len(lines) != 1 { // the header is left
		t.Errorf("problems.csv has more rows than the bad ones: %q", lines)
	}
	// The total row's number cells are not problems: the row is skipped.
	for _, line := range strings.Split(vout, "\n") {
		if strings.Contains(line, "problem:") && strings.Contains(line, "96") {
			t.Errorf("validate lists a cell of the total row as a problem: %s", line)
		}
	}
	outDir := filepath.Join(dir, "out")
	if code, _, stderr := runCLI(t, "report", "--quiet", "--out", outDir, "--replicates", "99", cfg); code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	texts := readAll(t, outDir)
	// The check below must see inside problems.xlsx: its unreadable cell is quoted there.
	if !strings.Contains(strings.Join(texts, "\n"), "ukendt") {
		t.Error("problems.xlsx was not read, or does not list the unreadable start date")
	}
	noPersonal(t, append([]string{draft, vout, stderr}, texts...), cprs, names)
}

// noPersonal fails when any text holds a CPR number or a name.
func noPersonal(t *testing.T, texts []string, cprs, names []string) {
	t.Helper()
	for _, text := range texts {
		for _, v := range append(append([]string{}, cprs...), names...) {
			if strings.Contains(text, v) || strings.Contains(text, strings.ReplaceAll(v, "-", "")) {
				t.Fatalf("an output holds %q", v)
			}
		}
	}
}

// readAll returns the text of every file under dir: a workbook's parts
// unzipped, a PDF's text by pdftotext when installed, the rest as is.
func readAll(t *testing.T, dir string) []string {
	t.Helper()
	var texts []string
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".xlsx":
			texts = append(texts, zipText(t, p)...)
		case ".pdf":
			if txt, err := exec.Command("pdftotext", p, "-").Output(); err == nil {
				texts = append(texts, string(txt))
			}
		}
		b, err := os.ReadFile(p)
		texts = append(texts, string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

func zipText(t *testing.T, path string) []string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var texts []string
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}
