package main

import (
	"math"
	"sort"
	"time"
)

// buildPVA makes "På vej til arbejde" (Næstved Kommune + Psykiatrien Region
// Sjælland, 2017–2021, VIVE evaluation): 195 started, 148 completed, 47 ended
// early; 52 of the 148 completers (35,1 %) had paid hours and/or were in
// ordinary education at follow-up (31-12-2021).
//
// The evaluation does not split the 52 into work and education. Chosen here:
// 34 with paid hours (23,0 %), 24 in education (16,2 %), 6 of them both.
func buildPVA() table {
	r := newRand(20170901)

	type site struct {
		name                 string
		completers, dropouts int
		hoursOnly, eduOnly   int // among completers
		both                 int // among completers: hours and education
		dropHours, dropEdu   int // among dropouts
	}
	// Outcome shares differ a little between the sites:
	// Jobcenter 31/83 = 37,3 % (hours 23, education 12),
	// Psykiatrien 21/65 = 32,3 % (hours 11, education 12).
	sites := []site{
		{"Jobcenter Næstved", 83, 27, 19, 8, 4, 2, 1},
		{"Psykiatrien Næstved", 65, 20, 9, 10, 2, 1, 1},
	}
	const (
		hoursOnly = iota
		eduOnly
		both
		neither
	)
	type person struct {
		site      string
		completed bool
		outcome   int
		start     time.Time
		end       time.Time
		hours     float64
		edu       bool
		konsulent string
	}
	var ps []*person
	for _, s := range sites {
		out := concat(rep(hoursOnly, s.hoursOnly), rep(eduOnly, s.eduOnly),
			rep(both, s.both), rep(neither, s.completers-s.hoursOnly-s.eduOnly-s.both))
		for _, o := range out {
			ps = append(ps, &person{site: s.name, completed: true, outcome: o})
		}
		out = concat(rep(hoursOnly, s.dropHours), rep(eduOnly, s.dropEdu),
			rep(neither, s.dropouts-s.dropHours-s.dropEdu))
		for _, o := range out {
			ps = append(ps, &person{site: s.name, outcome: o})
		}
	}

	// Intake: a ramp-up in the autumn of 2017, steady in 2018–2019, fewer
	// starts in 2020. Exact counts per period, spread at random over people.
	type period struct {
		from, to time.Time
		n        int
	}
	periods := []period{
		{ymd(2017, 9, 1), ymd(2017, 12, 22), 30},
		{ymd(2018, 1, 2), ymd(2018, 12, 21), 65},
		{ymd(2019, 1, 2), ymd(2019, 12, 20), 60},
		{ymd(2020, 1, 2), ymd(2020, 12, 31), 40},
	}
	var which []int
	for i, p := range periods {
		which = append(which, rep(i, p.n)...)
	}
	shuffled(r, which)

	konsulenter := shuffled(r, concat(rep("Konsulent A", 49), rep("Konsulent B", 49),
		rep("Konsulent C", 49), rep("Konsulent D", 48)))

	// Dropout durations in days, by band, so that Kaplan-Meier retention
	// (event = dropout) falls gently: 10 leave within 4 weeks, 15 in weeks
	// 4–13, 14 in weeks 13–26, 8 in weeks 26–40.
	type band struct{ lo, hi, n int }
	bands := []band{{9, 27, 10}, {31, 88, 15}, {94, 180, 14}, {186, 280, 8}}
	var dropBand []int
	for i, b := range bands {
		dropBand = append(dropBand, rep(i, b.n)...)
	}
	shuffled(r, dropBand)

	last := ymd(2021, 12, 31)
	di := 0
	for i, p := range ps {
		per := periods[which[i]]
		p.start = weekdayOnOrBefore(uniformDay(r, per.from, per.to))
		p.konsulent = konsulenter[i]
		if p.completed {
			// 26–60 weeks; ends at the latest when the project closed.
			p.end = weekdayOnOrBefore(addDays(p.start, between(r, 184, 420)))
			if p.end.After(last) {
				p.end = last
			}
		} else {
			b := bands[dropBand[di]]
			di++
			p.end = weekdayOnOrBefore(addDays(p.start, between(r, b.lo, b.hi)))
		}
		if p.outcome == hoursOnly || p.outcome == both {
			// Mostly small part-time jobs, a few near full time (5–37 h).
			u := r.Float64()
			p.hours = 5 + math.Round(32*u*u)
		}
		p.edu = p.outcome == eduOnly || p.outcome == both
	}

	sort.SliceStable(ps, func(i, j int) bool { return ps[i].start.Before(ps[j].start) })

	t := table{
		file:  "pva.xlsx",
		title: "På vej til arbejde – syntetisk udtræk",
		sheet: "Deltagere",
		headers: []string{"deltager_id", "sted", "konsulent", "startdato", "slutdato",
			"afslutningsårsag", "lønnede_timer", "uddannelse", "opfølgningsdato"},
		widths: []float64{12, 22, 14, 12, 12, 17, 14, 12, 16},
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
			txt(reason), num(p.hours), txt(edu), day(last),
		})
	}
	return t
}
