package main

import (
	"math/rand/v2"
	"sort"
	"time"
)

// roskildeFollowup is the follow-up date; no one finishes after it.
var roskildeFollowup = ymd(2020, 3, 31)

type roskildePerson struct {
	area     string
	finished bool
	afgang   string
	start    time.Time
	end      time.Time
	sex      string
	age      int
	// Added later from their own random stream (roskildeExtras).
	benefit  string
	firstJob time.Time // zero: none
}

// roskildeSlot is a place in the caseload: housing area and whether the
// citizen finished.
type roskildeSlot struct {
	area     string
	finished bool
}

// roskildePeriod is an intake period.
type roskildePeriod struct{ from, to time.Time }

// Intake: the existing caseload moved in during the first months, then a
// steady trickle.
var roskildePeriods = []roskildePeriod{
	{ymd(2018, 3, 1), ymd(2018, 5, 31)},
	{ymd(2018, 6, 1), ymd(2019, 2, 28)},
	{ymd(2019, 3, 1), ymd(2020, 2, 28)},
}

// buildRoskilde makes the jobcentre offices in the housing areas Æblehaven and
// Rønnebærparken (Roskilde, Mar 2018 – Mar 2020): 133 citizens, 45 finished
// ("afklaret og videre"). Of the 45: 7 ordinary job (16 %), 4 education (9 %),
// 9 ressourceforløb (20 %), 20 other reasons (44 %) and 5 not stated (11 %,
// blank afgang: the published shares add up to 89 %).
func buildRoskilde() table {
	r := newRand(20180301)
	// The draws below must stay in this order: the committed workbook depends
	// on the exact sequence of random numbers.
	slots := roskildeSlots(r)
	afgang := shuffled(r, concat(rep("ordinært job", 7), rep("uddannelse", 4),
		rep("ressourceforløb", 9), rep("andet", 20), rep("", 5)))
	finStart, ongStart := roskildeIntake(r)
	ps := roskildePeople(r, slots, afgang, finStart, ongStart)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].start.Before(ps[j].start) })
	roskildeExtras(ps)
	return roskildeTable(ps)
}

// roskildeSlots shuffles the exact area × finished counts: Æblehaven 72 (25
// finished), Rønnebærparken 61 (20 finished).
func roskildeSlots(r *rand.Rand) []roskildeSlot {
	return shuffled(r, concat(
		rep(roskildeSlot{"Æblehaven", true}, 25), rep(roskildeSlot{"Æblehaven", false}, 72-25),
		rep(roskildeSlot{"Rønnebærparken", true}, 20), rep(roskildeSlot{"Rønnebærparken", false}, 61-20)))
}

// roskildeIntake gives the finished and the ongoing citizens (in order) an
// intake period each. Those who finished mostly started early.
func roskildeIntake(r *rand.Rand) (finStart, ongStart []int) {
	finStart = shuffled(r, concat(rep(0, 30), rep(1, 15)))
	ongStart = shuffled(r, concat(rep(0, 25), rep(1, 30), rep(2, 33)))
	return finStart, ongStart
}

// roskildePeople draws each citizen in slot order; finished citizens take the
// next afgang label and intake period, ongoing ones the next ongoing period.
func roskildePeople(r *rand.Rand, slots []roskildeSlot, afgang []string, finStart, ongStart []int) []*roskildePerson {
	var ps []*roskildePerson
	fi, oi := 0, 0
	for _, sl := range slots {
		p := &roskildePerson{area: sl.area, finished: sl.finished}
		var per roskildePeriod
		if p.finished {
			p.afgang = afgang[fi]
			per = roskildePeriods[finStart[fi]]
			fi++
		} else {
			per = roskildePeriods[ongStart[oi]]
			oi++
		}
		roskildeDraw(r, p, per)
		ps = append(ps, p)
	}
	return ps
}

// roskildeDraw draws one citizen's dates, sex and age, in that order.
func roskildeDraw(r *rand.Rand, p *roskildePerson, per roskildePeriod) {
	p.start = weekdayOnOrAfter(uniformDay(r, per.from, per.to))
	if p.finished {
		p.end = weekdayOnOrBefore(addDays(p.start, between(r, 56, 560)))
		if p.end.After(roskildeFollowup) {
			// Finished before follow-up: pull the end back into the last weeks.
			p.end = weekdayOnOrBefore(addDays(roskildeFollowup, -between(r, 0, 40)))
		}
	}
	p.sex = []string{"k", "m"}[r.IntN(2)]
	p.age = 20 + int((r.Float64()+r.Float64())/2*45) // 20–64
}

// roskildeTable writes one row per citizen, in start order; ongoing citizens
// have a blank slutdato.
func roskildeTable(ps []*roskildePerson) table {
	t := table{
		file:  "roskilde.xlsx",
		title: "Jobcenter i Æblehaven og Rønnebærparken – syntetisk udtræk",
		sheet: "Borgere",
		headers: []string{"borger_id", "boligområde", "startdato", "slutdato", "status",
			"afgang", "køn", "alder", "ydelse", "job_uddannelse_start"},
		widths: []float64{11, 18, 12, 12, 14, 17, 6, 7, 24, 20},
	}
	for i, p := range ps {
		status, end := "igangværende", none()
		if p.finished {
			status, end = "afsluttet", day(p.end)
		}
		t.rows = append(t.rows, []cell{
			txt(id("R", i+1)), txt(p.area), day(p.start), end, txt(status),
			txt(p.afgang), txt(p.sex), num(float64(p.age)), txt(p.benefit), optDay(p.firstJob),
		})
	}
	return t
}
