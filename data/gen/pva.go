package main

import (
	"math"
	"math/rand/v2"
	"sort"
	"time"
)

// pvaSite holds one site's exact outcome counts.
type pvaSite struct {
	name                 string
	completers, dropouts int
	hoursOnly, eduOnly   int // among completers
	both                 int // among completers: hours and education
	dropHours, dropEdu   int // among dropouts
}

// Outcome shares differ a little between the sites:
// Jobcenter 31/83 = 37,3 % (hours 23, education 12),
// Psykiatrien 21/65 = 32,3 % (hours 11, education 12).
var pvaSites = []pvaSite{
	{"Jobcenter Næstved", 83, 27, 19, 8, 4, 2, 1},
	{"Psykiatrien Næstved", 65, 20, 9, 10, 2, 1, 1},
}

// PVA outcomes at follow-up.
const (
	pvaHoursOnly = iota
	pvaEduOnly
	pvaBoth
	pvaNeither
)

type pvaPerson struct {
	site      string
	completed bool
	outcome   int
	start     time.Time
	end       time.Time
	hours     float64
	edu       bool
	konsulent string
	// Added later from their own random stream (pvaExtras), so the
	// columns above are unchanged.
	birth, firstJob time.Time // firstJob zero: no job
	gender, benefit string
}

// pvaPeriod is an intake period with its exact number of starts.
type pvaPeriod struct {
	from, to time.Time
	n        int
}

// Intake: a ramp-up in the autumn of 2017, steady in 2018–2019, fewer
// starts in 2020.
var pvaPeriods = []pvaPeriod{
	{ymd(2017, 9, 1), ymd(2017, 12, 22), 30},
	{ymd(2018, 1, 2), ymd(2018, 12, 21), 65},
	{ymd(2019, 1, 2), ymd(2019, 12, 20), 60},
	{ymd(2020, 1, 2), ymd(2020, 12, 31), 40},
}

// pvaBand is a band of dropout durations in days with its exact count.
type pvaBand struct{ lo, hi, n int }

// Dropout durations by band, so that Kaplan-Meier retention (event =
// dropout) falls gently: 10 leave within 4 weeks, 15 in weeks 4–13, 14 in
// weeks 13–26, 8 in weeks 26–40.
var pvaBands = []pvaBand{{9, 27, 10}, {31, 88, 15}, {94, 180, 14}, {186, 280, 8}}

// pvaFollowup is the follow-up date and the day the project closed.
var pvaFollowup = ymd(2021, 12, 31)

// buildPVA makes "På vej til arbejde" (Næstved Kommune + Psykiatrien Region
// Sjælland, 2017–2021, VIVE evaluation): 195 started, 148 completed, 47 ended
// early; 52 of the 148 completers (35,1 %) had paid hours and/or were in
// ordinary education at follow-up (31-12-2021).
//
// The evaluation does not split the 52 into work and education. Chosen here:
// 34 with paid hours (23,0 %), 24 in education (16,2 %), 6 of them both.
func buildPVA() table {
	return pvaTable(pvaBuilt())
}

// pvaBuilt draws the pva participants (the comparison extract's true
// effect is computed over them).
func pvaBuilt() []*pvaPerson {
	r := newRand(20170901)
	ps := pvaPeople()
	// The draws below must stay in this order: the committed workbook depends
	// on the exact sequence of random numbers.
	which := pvaIntake(r)
	konsulenter := pvaKonsulenter(r)
	dropBand := pvaDropBands(r)
	pvaDraw(r, ps, which, konsulenter, dropBand)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].start.Before(ps[j].start) })
	pvaExtras(ps)
	return ps
}

// pvaPeople lays out the exact outcome labels per site, completers first,
// then dropouts. No randomness: the shuffled intake periods and consultants
// spread them over time later.
func pvaPeople() []*pvaPerson {
	var ps []*pvaPerson
	for _, s := range pvaSites {
		out := concat(rep(pvaHoursOnly, s.hoursOnly), rep(pvaEduOnly, s.eduOnly),
			rep(pvaBoth, s.both), rep(pvaNeither, s.completers-s.hoursOnly-s.eduOnly-s.both))
		for _, o := range out {
			ps = append(ps, &pvaPerson{site: s.name, completed: true, outcome: o})
		}
		out = concat(rep(pvaHoursOnly, s.dropHours), rep(pvaEduOnly, s.dropEdu),
			rep(pvaNeither, s.dropouts-s.dropHours-s.dropEdu))
		for _, o := range out {
			ps = append(ps, &pvaPerson{site: s.name, outcome: o})
		}
	}
	return ps
}

// pvaIntake gives each person (by index) an intake period: exact counts per
// period, spread at random over people.
func pvaIntake(r *rand.Rand) []int {
	var which []int
	for i, p := range pvaPeriods {
		which = append(which, rep(i, p.n)...)
	}
	return shuffled(r, which)
}

// pvaKonsulenter spreads the four consultants evenly at random over people.
func pvaKonsulenter(r *rand.Rand) []string {
	return shuffled(r, concat(rep("Konsulent A", 49), rep("Konsulent B", 49),
		rep("Konsulent C", 49), rep("Konsulent D", 48)))
}

// pvaDropBands gives each dropout (in order) a duration band, exact counts
// per band.
func pvaDropBands(r *rand.Rand) []int {
	var dropBand []int
	for i, b := range pvaBands {
		dropBand = append(dropBand, rep(i, b.n)...)
	}
	return shuffled(r, dropBand)
}

// pvaDraw draws each person's dates and paid hours, person by person, so the
// random draws interleave exactly as in one loop.
func pvaDraw(r *rand.Rand, ps []*pvaPerson, which []int, konsulenter []string, dropBand []int) {
	di := 0
	for i, p := range ps {
		per := pvaPeriods[which[i]]
		p.start = weekdayOnOrBefore(uniformDay(r, per.from, per.to))
		p.konsulent = konsulenter[i]
		if p.completed {
			p.end = pvaCompleterEnd(r, p.start)
		} else {
			b := pvaBands[dropBand[di]]
			di++
			p.end = weekdayOnOrBefore(addDays(p.start, between(r, b.lo, b.hi)))
		}
		if p.outcome == pvaHoursOnly || p.outcome == pvaBoth {
			p.hours = pvaHours(r)
		}
		p.edu = p.outcome == pvaEduOnly || p.outcome == pvaBoth
	}
}

// pvaCompleterEnd lasts 26–60 weeks; it ends at the latest when the project
// closed.
func pvaCompleterEnd(r *rand.Rand, start time.Time) time.Time {
	end := weekdayOnOrBefore(addDays(start, between(r, 184, 420)))
	if end.After(pvaFollowup) {
		end = pvaFollowup
	}
	return end
}

// pvaHours is mostly small part-time jobs, a few near full time (5–37 h).
func pvaHours(r *rand.Rand) float64 {
	u := r.Float64()
	return 5 + math.Round(32*u*u)
}

// pvaTable writes one row per person, in start order.
func pvaTable(ps []*pvaPerson) table {
	t := table{
		file:  "pva.xlsx",
		title: "På vej til arbejde – syntetisk udtræk",
		sheet: "Deltagere",
		headers: []string{"deltager_id", "sted", "konsulent", "startdato", "slutdato",
			"afslutningsårsag", "lønnede_timer", "uddannelse", "opfølgningsdato",
			"fødselsdato", "køn", "ydelse", "første_job"},
		widths: []float64{12, 22, 14, 12, 12, 17, 14, 12, 16, 12, 8, 24, 12},
	}
	for i, p := range ps {
		reason, edu := "afbrudt", "nej"
		if p.completed {
			reason = "gennemført"
		}
		if p.edu {
			edu = "ja"
		}
		t.rows = append(t.rows, []cell{
			txt(id("P", i+1)), txt(p.site), txt(p.konsulent), day(p.start), day(p.end),
			txt(reason), num(p.hours), txt(edu), day(pvaFollowup),
			day(p.birth), txt(p.gender), txt(p.benefit), optDay(p.firstJob),
		})
	}
	return t
}
