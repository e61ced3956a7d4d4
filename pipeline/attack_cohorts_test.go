package pipeline

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// attackPerson is one row of a generated extract.
type attackPerson struct {
	site, reason string
	days         int // from start to end (or to follow-up when ongoing)
	hours        int
	education    bool
	excluded     bool // outside the main include rule (a variant takes them in)
}

// attackCohort is a generated cohort built to break disclosure control.
type attackCohort struct {
	name   string
	people []attackPerson
	extra  string // config lines appended (sensitivity, zeros …)
}

// attackCohorts are the cases of issue 11, each built around one weakness.
func attackCohorts() []attackCohort {
	rng := rand.New(rand.NewPCG(11, 11))
	person := func(site, reason string) attackPerson {
		return attackPerson{site: site, reason: reason, days: 20 + rng.IntN(400), hours: rng.IntN(3) * 10, education: rng.IntN(5) == 0}
	}
	crowd := func(n int, sites ...string) []attackPerson {
		var out []attackPerson
		for i := range n {
			reason := []string{"gennemført", "gennemført", "gennemført", "afbrudt"}[rng.IntN(4)]
			out = append(out, person(sites[i%len(sites)], reason))
		}
		return out
	}
	var cases []attackCohort
	// A 3-person site among two large ones; one ongoing person.
	c := crowd(117, "A", "B")
	c = append(c, person("Kirsten Bjerregaard", "afbrudt"), person("Kirsten Bjerregaard", "gennemført"),
		person("Kirsten Bjerregaard", "gennemført"), person("A", ""))
	cases = append(cases, attackCohort{name: "three-person site and a status of 1", people: c})
	// An outcome of n−2 of n among completers.
	c = crowd(80, "A", "B")
	for i := range c {
		c[i].hours = 10
	}
	c[0].hours, c[5].hours = 0, 0
	for i := range c {
		if c[i].reason != "gennemført" {
			c[i].hours = 0
		}
	}
	cases = append(cases, attackCohort{name: "outcome n-2 of n", people: c})
	// 60 started: 58 completed, 1 dropout, 1 ongoing, 0 other.
	c = nil
	for i := range 60 {
		reason := "gennemført"
		switch i {
		case 7:
			reason = "afbrudt"
		case 30:
			reason = ""
		}
		c = append(c, person([]string{"A", "B"}[i%2], reason))
	}
	cases = append(cases, attackCohort{name: "two hidden cells and printed zeros", people: c})
	// Dropouts spread so that 1–4 fall in each risk-table window.
	c = crowd(90, "A", "B", "C")
	for i := range c {
		c[i].days = 5 + (i*397)%420
	}
	cases = append(cases, attackCohort{name: "1-4 events in a risk-table window", people: c})
	// A variant that widens the population by 3.
	c = crowd(100, "A", "B")
	for i := range 3 {
		p := person("A", "afbrudt")
		p.excluded, p.hours = true, 10+i
		c = append(c, p)
	}
	cases = append(cases, attackCohort{name: "a variant widening the population by 3", people: c,
		extra: "sensitivity:\n  - {name: alle, set: {cohort.include: \"true\"}}\n  - {name: alle igen, set: {measures.employment.among: started}}\n"})
	// Competing exits: 1–4 dropouts among many completions by each time, so
	// the Kaplan-Meier's count of all exits minus the completions would give
	// the dropouts.
	c = crowd(100, "A", "B")
	for i := range c {
		c[i].reason, c[i].days = "gennemført", 10+(i*37)%380
		switch {
		case i%25 == 3:
			c[i].reason = "afbrudt"
		case i%7 == 5:
			c[i].reason = "" // still in at follow-up (after week 52)
		}
	}
	cases = append(cases, attackCohort{name: "few dropouts among many completions", people: c})
	cases = append(cases, attackCohort{name: "zeros suppressed", people: crowd(40, "A", "B"),
		extra: "disclosure: {min_cell: 5, zeros: suppress}\n"})
	// Who took part: a bool and a banded number by site, a few in some
	// cells, and the intake (every cohort has one).
	cases = append(cases, attackCohort{name: "description tables", people: crowd(61, "A", "B", "C"),
		extra: "describe: [education, hours]\nbands: {hours: [0, 10, 20, 30]}\nlabels: {hours: {da: lønnede timer}}\n"})
	// A described yes/no that a measure counts among completers: the
	// description's "yes" minus the measure's count is the non-completers
	// in education, here 2.
	c = crowd(70, "A", "B")
	others := 0
	for i := range c {
		c[i].education = i%3 == 0
		if c[i].reason != "gennemført" {
			c[i].education = others < 2
			others++
		}
	}
	cases = append(cases, attackCohort{name: "a described field a measure counts", people: c, extra: "describe: [education]\n"})
	return cases
}

// write puts the cohort's extract and config in dir and returns the config path.
func (ac attackCohort) write(t *testing.T, dir string) string {
	t.Helper()
	var csv strings.Builder
	csv.WriteString("id;sted;start;slut;årsag;timer;uddannelse;med\n")
	for i, p := range ac.people {
		start := 1 + i%28
		end := ""
		if p.reason != "" {
			end = fmt.Sprintf("%d", p.days)
		}
		med := "ja"
		if p.excluded {
			med = "nej"
		}
		fmt.Fprintf(&csv, "%d;%s;%02d-01-2019;%s;%s;%d;%v;%s\n", i+1, p.site, start, end, p.reason, p.hours, p.education, med)
	}
	if err := os.WriteFile(filepath.Join(dir, "x.csv"), []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	yaml := `id: x
source: {file: x.csv}
columns:
  id: {header: id, type: id}
  site: {header: sted, type: text}
  start: {header: start, type: date}
  days: {header: slut, type: number, optional: true}
  reason: {header: årsag, type: text}
  hours: {header: timer, type: number}
  education: {header: uddannelse, type: bool}
  med: {header: med, type: bool}
cohort:
  include: "med"
  exit: "days == nil ? date('2020-06-30') : start + duration(string(int(days) * 24) + 'h')"
  status:
    completed: "reason == 'gennemført'"
    dropout: "reason == 'afbrudt'"
    ongoing: "reason == ''"
measures:
  - {id: completion, count: "status == 'completed'"}
  - {id: employment, count: "hours > 0", among: completed}
  - {id: education, count: "education", among: completed}
  - {id: dropout_share, count: "status == 'dropout'", among: ended}
retention: {event: dropout, times: [4, 13, 26, 52]}
strata: site
bootstrap: {replicates: 99}
` + ac.extra
	path := filepath.Join(dir, "x.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// analyseFile runs every stage up to the disclosed results.
func analyseFile(t *testing.T, path string, overrides ...config.Override) *results.Results {
	t.Helper()
	cfg, err := LoadConfig(path, Options{Overrides: overrides})
	if err != nil {
		t.Fatal(err)
	}
	a, err := analyse(&timer{}, cfg, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	return a.Results
}

func attackResults(t *testing.T, r *results.Results) []string {
	t.Helper()
	js, err := results.EncodeJSON(r)
	if err != nil {
		t.Fatal(err)
	}
	found, err := attack(js)
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// The attacker finds nothing in any bundled or generated cohort.
func TestAttackerFindsNothing(t *testing.T) {
	paths, _ := filepath.Glob("../data/cohorts/*.yaml")
	for _, ac := range attackCohorts() {
		paths = append(paths, ac.write(t, t.TempDir()))
	}
	names := map[string]string{}
	for i, ac := range attackCohorts() {
		names[paths[len(paths)-len(attackCohorts())+i]] = ac.name
	}
	for _, path := range paths {
		name := cmp.Or(names[path], filepath.Base(path))
		t.Run(name, func(t *testing.T) {
			found := attackResults(t, analyseFile(t, path))
			for _, f := range found {
				t.Error(f)
			}
		})
	}
}

// Without protection, the attacker recovers people from issue 14's tables
// alone (everything else removed): the generated cohort's description,
// pva's intake and horizons.
func TestAttackerFindsUnprotectedStory(t *testing.T) {
	described := attackCohorts()[len(attackCohorts())-2].write(t, t.TempDir())
	for _, keep := range []string{"describe", "intake", "horizons"} {
		t.Run(keep, func(t *testing.T) {
			path := "../data/cohorts/pva.yaml"
			if keep == "describe" {
				path = described
			}
			r := analyseFile(t, path, config.Override{Key: "disclosure.min_cell", Value: "0"})
			r.Disclosure.MinCell = 5
			r.ByStratum, r.Retention, r.Exits, r.Sensitivity = nil, nil, nil, nil
			for k := range r.Flow.Status {
				r.Flow.Status[k].Count = nil
			}
			if keep != "describe" {
				r.Describe = nil
			}
			if keep != "intake" {
				r.Intake = nil
			}
			if keep != "horizons" {
				for j := range r.Measures {
					r.Measures[j].Horizons = nil
				}
			}
			if found := attackResults(t, r); len(found) == 0 {
				t.Errorf("the attacker found nothing in pva's unprotected %s", keep)
			}
		})
	}
}

// Without protection, the attacker does recover people: the test can fail.
func TestAttackerFindsUnprotected(t *testing.T) {
	for _, ac := range attackCohorts()[:5] {
		t.Run(ac.name, func(t *testing.T) {
			path := ac.write(t, t.TempDir())
			r := analyseFile(t, path, config.Override{Key: "disclosure.min_cell", Value: "0"})
			r.Disclosure.MinCell = 5
			if found := attackResults(t, r); len(found) == 0 {
				t.Error("the attacker found nothing in an unprotected report")
			}
		})
	}
}
