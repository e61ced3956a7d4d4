package main

import (
	"sort"
	"time"
)

// buildRoskilde makes the jobcentre offices in the housing areas Æblehaven and
// Rønnebærparken (Roskilde, Mar 2018 – Mar 2020): 133 citizens, 45 finished
// ("afklaret og videre"). Of the 45: 7 ordinary job (16 %), 4 education (9 %),
// 9 ressourceforløb (20 %), 20 other reasons (44 %) and 5 not stated (11 %,
// blank afgang: the published shares add up to 89 %).
func buildRoskilde() table {
	r := newRand(20180301)
	followup := ymd(2020, 3, 31)

	type person struct {
		area     string
		finished bool
		afgang   string
		start    time.Time
		end      time.Time
		sex      string
		age      int
	}
	// Areas: Æblehaven 72 (25 finished), Rønnebærparken 61 (20 finished).
	type slot struct {
		area     string
		finished bool
	}
	slots := shuffled(r, concat(
		rep(slot{"Æblehaven", true}, 25), rep(slot{"Æblehaven", false}, 72-25),
		rep(slot{"Rønnebærparken", true}, 20), rep(slot{"Rønnebærparken", false}, 61-20)))
	afgang := shuffled(r, concat(rep("ordinært job", 7), rep("uddannelse", 4),
		rep("ressourceforløb", 9), rep("andet", 20), rep("", 5)))

	// Intake: the existing caseload moved in during the first months, then a
	// steady trickle. Those who finished mostly started early.
	type period struct{ from, to time.Time }
	periods := []period{
		{ymd(2018, 3, 1), ymd(2018, 5, 31)},
		{ymd(2018, 6, 1), ymd(2019, 2, 28)},
		{ymd(2019, 3, 1), ymd(2020, 2, 28)},
	}
	finStart := shuffled(r, concat(rep(0, 30), rep(1, 15)))
	ongStart := shuffled(r, concat(rep(0, 25), rep(1, 30), rep(2, 33)))

	var ps []*person
	fi, oi := 0, 0
	for _, sl := range slots {
		p := &person{area: sl.area, finished: sl.finished}
		var per period
		if p.finished {
			p.afgang = afgang[fi]
			per = periods[finStart[fi]]
			fi++
		} else {
			per = periods[ongStart[oi]]
			oi++
		}
		p.start = weekdayOnOrAfter(uniformDay(r, per.from, per.to))
		if p.finished {
			p.end = weekdayOnOrBefore(addDays(p.start, between(r, 56, 560)))
			if p.end.After(followup) {
				p.end = weekdayOnOrBefore(addDays(followup, -between(r, 0, 40)))
			}
		}
		p.sex = []string{"k", "m"}[r.IntN(2)]
		p.age = 20 + int((r.Float64()+r.Float64())/2*45) // 20–64
		ps = append(ps, p)
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].start.Before(ps[j].start) })

	t := table{
		file:  "roskilde.xlsx",
		title: "Jobcenter i Æblehaven og Rønnebærparken – syntetisk udtræk",
		sheet: "Borgere",
		headers: []string{"borger_id", "boligområde", "startdato", "slutdato", "status",
			"afgang", "køn", "alder"},
		widths: []float64{11, 18, 12, 12, 14, 17, 6, 7},
	}
	for i, p := range ps {
		status, end := "igangværende", none()
		if p.finished {
			status, end = "afsluttet", day(p.end)
		}
		t.rows = append(t.rows, []cell{
			txt(id("R", i+1)), txt(p.area), day(p.start), end, txt(status),
			txt(p.afgang), txt(p.sex), num(float64(p.age)),
		})
	}
	return t
}
