// Command scale writes a register-sized cohort for `make bench-scale`: a
// CSV (or, with -xlsx, a workbook) of N invented participants shaped like
// the pva extract (4 sites, start and end dates, end reason, paid hours,
// education, follow-up) and its cohort config, so the whole pipeline can
// be timed at 10³ … 10⁷ rows.
//
//	go run ./data/scale -rows 1000000 -out /tmp/scale
//
// The same N gives the same rows in either format.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("scale", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rows := fs.Int("rows", 1000, "participants to write")
	out := fs.String("out", "scale", "folder for scale.csv and scale.yaml")
	variants := fs.Bool("variants", false, "add pva's three sensitivity variants to the config")
	xlsx := fs.Bool("xlsx", false, "write scale.xlsx (dates as Excel date cells) instead of scale.csv")
	if err := fs.Parse(args); err != nil || *rows < 1 {
		return 2
	}
	if *xlsx && *rows >= 1<<20 {
		fmt.Fprintln(stderr, "scale: a sheet holds at most 1048575 data rows")
		return 2
	}
	if err := write(*out, *rows, *variants, *xlsx); err != nil {
		fmt.Fprintln(stderr, "scale:", err)
		return 1
	}
	return 0
}

func write(dir string, n int, variants, xlsx bool) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	write, source := writeCSV, "{file: scale.csv, max_rows: 20000000}"
	if xlsx {
		write, source = writeXLSX, "{file: scale.xlsx, sheet: Deltagere}"
	}
	if err := write(dir, n); err != nil {
		return err
	}
	cfg := strings.Replace(config, "{source}", source, 1)
	if variants {
		cfg += sensitivity
	}
	return os.WriteFile(filepath.Join(dir, "scale.yaml"), []byte(cfg), 0o644)
}

func writeCSV(dir string, n int) error {
	f, err := os.Create(filepath.Join(dir, "scale.csv"))
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, strings.Join(headers, ";"))
	eachRow(n, func(p person) {
		end := ""
		if !p.end.IsZero() {
			end = p.end.Format("02-01-2006")
		}
		fmt.Fprintf(w, "%s;%s;%s;%s;%s;%d;%s;%s\n", p.id, p.site, p.start.Format("02-01-2006"),
			end, p.reason, p.hours, p.education, followup.Format("02-01-2006"))
	})
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

var (
	headers  = []string{"deltager_id", "sted", "startdato", "slutdato", "afslutningsårsag", "lønnede_timer", "uddannelse", "opfølgningsdato"}
	followup = time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC)
)

// person is one generated participant; end is zero while ongoing.
type person struct {
	id, site, reason, education string
	start, end                  time.Time
	hours                       int
}

// eachRow generates n participants, the same ones for the same n.
func eachRow(n int, emit func(person)) {
	r := rand.New(rand.NewPCG(17, uint64(n)))
	sites := []string{"Jobcenter Nord", "Jobcenter Syd", "Jobcenter Øst", "Jobcenter Vest"}
	first := time.Date(2017, 9, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		p := person{id: fmt.Sprintf("D%08d", i+1), start: first.AddDate(0, 0, r.IntN(1400))}
		p.reason, p.end = "gennemført", p.start.AddDate(0, 0, 60+r.IntN(300))
		switch k := r.IntN(100); {
		case k < 24:
			p.reason, p.end = "afbrudt", p.start.AddDate(0, 0, 5+r.IntN(200))
		case k < 28:
			p.reason, p.end = "igangværende", time.Time{}
		}
		if r.IntN(4) == 0 {
			p.hours = 1 + r.IntN(30)
		}
		p.education = "nej"
		if r.IntN(6) == 0 {
			p.education = "ja"
		}
		p.site = sites[r.IntN(len(sites))]
		emit(p)
	}
}

const config = `id: scale
title: "Skala"
language: da
source: {source}
columns:
  id:        {header: deltager_id, type: id}
  site:      {header: sted, type: text}
  start:     {header: startdato, type: date}
  end:       {header: slutdato, type: date, optional: true}
  reason:    {header: afslutningsårsag, type: text}
  hours:     {header: lønnede_timer, type: number}
  education: {header: uddannelse, type: bool}
  followup:  {header: opfølgningsdato, type: date}
cohort:
  exit: "end ?? followup"
  status:
    completed: "reason == 'gennemført'"
    dropout:   "reason == 'afbrudt'"
    ongoing:   "reason == 'igangværende' || reason == ''"
measures:
  - {id: completion, count: "status == 'completed'", among: started}
  - {id: job_or_education, count: "hours > 0 || education", among: completed}
  - {id: employment, count: "hours > 0", among: completed, target: {at_least: 0.20}}
  - {id: education, count: "education", among: completed, target: {at_least: 0.15}}
retention: {event: dropout, times: [4, 13, 26, 52]}
strata: site
bootstrap: {replicates: 9999, seed: 1}
`

const sensitivity = `sensitivity:
  - name: "Alle, der startede (ITT)"
    set: {measures.job_or_education.among: started, measures.employment.among: started, measures.education.among: started}
  - name: "Mindst 4 uger i forløb"
    set: {cohort.include: "weeks(start, end ?? followup) >= 4"}
  - name: "Mindst 10 lønnede timer"
    set: {measures.employment.count: "hours >= 10", measures.job_or_education.count: "hours >= 10 || education"}
`
