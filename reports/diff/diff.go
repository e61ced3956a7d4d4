// Package diff compares two sets of results (results.json, schema
// evaluate/results/v1): every published figure that differs, sorted by
// the size of the change, with changes no larger than the bootstrap's
// Monte-Carlo error marked as such. It presents; it computes no statistic
// beyond the difference.
package diff

import (
	"math"
	"sort"

	"github.com/danish-eval/evaluate/models/results"
)

// Cohort is one cohort's results and where they were read.
type Cohort struct {
	ID      string
	Path    string
	Results *results.Results
}

// Row is one figure that differs between A and B.
type Row struct {
	Cohort, Section, Item, Name string
	A, B                        Value
	// InA and InB say whether the figure exists on each side (a stratum,
	// a retention time or a whole cohort may be on one side only).
	InA, InB bool
	// Change is B − A when both are numbers.
	Change *float64
	// Size orders the rows: |B − A| / max(|A|, |B|), so counts, shares and
	// kroner rank on one scale; +Inf when the figure appears, disappears,
	// is suppressed on one side only, or is a text.
	Size float64
	// SE is the Monte-Carlo standard error of the change (0: exact), and
	// WithinMC marks a change smaller than MCFactor of them.
	SE       float64
	WithinMC bool
	// Context says in words what a sensitivity variant changed.
	Context string
}

// Side is what one argument of a diff holds: one cohort's results, or
// the cohorts of an out folder.
type Side struct {
	Cohorts []Cohort
	// Folder is true for an out folder: its cohorts are matched by id.
	Folder bool
}

// Diff is the comparison of two sides.
type Diff struct {
	A, B  Side
	Rows  []Row
	Multi bool // out folders: rows name their cohort
}

// Within counts the rows whose change is within Monte-Carlo error.
func (d Diff) Within() int {
	n := 0
	for _, r := range d.Rows {
		if r.WithinMC {
			n++
		}
	}
	return n
}

// Compare lists every figure that differs, largest change first; ties
// keep the cohorts' and results.json's order. Two single results are
// compared whatever their ids (a changed id is a difference); out folders
// are matched by cohort id, and a cohort on one side only is a difference.
func Compare(a, b Side) Diff {
	d := Diff{A: a, B: b, Multi: a.Folder || b.Folder}
	if !d.Multi && len(a.Cohorts) == 1 && len(b.Cohorts) == 1 {
		d.Rows = compareCohort(a.Cohorts[0].ID, Flatten(a.Cohorts[0].Results), Flatten(b.Cohorts[0].Results))
	} else {
		d.Rows = matchByID(a.Cohorts, b.Cohorts)
	}
	sort.SliceStable(d.Rows, func(i, j int) bool { return d.Rows[i].Size > d.Rows[j].Size })
	return d
}

func matchByID(a, b []Cohort) []Row {
	var rows []Row
	byID := map[string]*Cohort{}
	for i := range b {
		byID[b[i].ID] = &b[i]
	}
	seen := map[string]bool{}
	for i := range a {
		seen[a[i].ID] = true
		if o := byID[a[i].ID]; o != nil {
			rows = append(rows, compareCohort(a[i].ID, Flatten(a[i].Results), Flatten(o.Results))...)
			continue
		}
		rows = append(rows, missing(a[i].ID, true))
	}
	for _, c := range b {
		if !seen[c.ID] {
			rows = append(rows, missing(c.ID, false))
		}
	}
	return rows
}

// missing is the row of a cohort that has results on one side only.
func missing(id string, inA bool) Row {
	r := Row{Cohort: id, Section: "cohort", Name: "results", A: text("absent"), B: text("absent"), Size: math.Inf(1)}
	r.InA, r.InB = inA, !inA
	if inA {
		r.A = text("present")
	} else {
		r.B = text("present")
	}
	return r
}

// key addresses a figure; n counts earlier figures with the same address.
type key struct {
	sec, item, name string
	n               int
}
