package main

import (
	"math/rand/v2"
	"sort"
	"time"
)

// JEPS centres. The project started in 2018 at three AOF centres; from August
// 2019 it ran at two AOF centres and four municipalities (seed article). The
// article names only AOF Center Fyn; the other names are plausible inventions.
var (
	jepsAOF      = []string{"AOF Center Fyn", "AOF Center Sydjylland", "AOF Center Sønderjylland"}
	jepsKommuner = []string{"Odense Kommune", "Svendborg Kommune", "Kolding Kommune", "Vejle Kommune"}
	jepsSwitch   = ymd(2019, 8, 1) // municipalities take part from here; AOF Center Sønderjylland stops
	jepsFollowup = ymd(2021, 8, 31)
)

// buildJEPS makes JEPS (AOF, Region Syddanmark, 2018 – Aug 2021): 338 valid
// participants, 106 self-supporting (saving 106 × 12.963,50 kr × 12 =
// 16.489.572 kr a year). English headers, to exercise header mapping.
//
// Data-quality rows that a pipeline must exclude: two rows sharing one
// participant_id (both excluded) and one row with a blank start_date, so the
// sheet has 341 data rows. Ten valid end dates are typed as text
// "dd-mm-yyyy"; every other date is a real date cell.
func buildJEPS() table {
	r := newRand(20180115)

	type person struct {
		reason   string
		selfSup  bool
		start    time.Time
		end      time.Time // zero when ongoing
		noStart  bool
		centre   string
		age      int
		textEnd  bool
		dupFirst bool // first of the two rows that share a participant_id
	}
	// end_reason × self_supporting, exact counts:
	// completed 240 (90 yes), dropped out 70 (10 yes), ongoing 28 (6 yes).
	type group struct {
		reason string
		n, yes int
	}
	groups := []group{{"completed", 240, 90}, {"dropped out", 70, 10}, {"ongoing", 28, 6}}

	var ps []*person
	for _, g := range groups {
		yes := shuffled(r, concat(rep(true, g.yes), rep(false, g.n-g.yes)))
		for i := range g.n {
			ps = append(ps, &person{reason: g.reason, selfSup: yes[i]})
		}
	}

	first, last := ymd(2018, 1, 15), ymd(2021, 6, 30)
	for _, p := range ps {
		switch p.reason {
		case "completed", "dropped out":
			dur := between(r, 91, 364) // 13–52 weeks
			if p.reason == "dropped out" {
				dur = between(r, 14, 210) // 2–30 weeks
			}
			hi := addDays(jepsFollowup, -dur)
			if hi.After(last) {
				hi = last
			}
			p.start = weekdayOnOrBefore(uniformDay(r, first, hi))
			p.end = weekdayOnOrBefore(addDays(p.start, dur))
		case "ongoing":
			p.start = weekdayOnOrBefore(uniformDay(r, ymd(2020, 12, 1), ymd(2021, 8, 16)))
		}
		p.centre = jepsCentre(r, p.start)
		p.age = 18 + int((r.Float64()+r.Float64())/2*47) // 18–64, mostly middle-aged
	}

	// Ten valid ended rows carry their end date as hand-typed text.
	var ended []*person
	for _, p := range ps {
		if !p.end.IsZero() {
			ended = append(ended, p)
		}
	}
	for _, p := range shuffled(r, ended)[:10] {
		p.textEnd = true
	}

	// Invalid rows: a person registered twice (re-referral) and a row whose
	// start date was never filled in.
	dupA := &person{reason: "completed", start: ymd(2018, 10, 8), end: ymd(2019, 4, 12),
		centre: "AOF Center Sydjylland", age: 37, dupFirst: true}
	dupB := &person{reason: "dropped out", selfSup: true, start: ymd(2019, 5, 6), end: ymd(2019, 7, 19),
		centre: "AOF Center Sydjylland", age: 38}
	noStart := &person{reason: "completed", selfSup: true, noStart: true, end: ymd(2020, 3, 27),
		centre: "AOF Center Fyn", age: 29}
	ps = append(ps, dupA, dupB)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].start.Before(ps[j].start) })
	at := 150
	ps = append(ps[:at], append([]*person{noStart}, ps[at:]...)...)

	t := table{
		file:    "jeps.xlsx",
		title:   "JEPS – synthetic extract",
		sheet:   "Participants",
		headers: []string{"participant_id", "centre", "start_date", "end_date", "end_reason", "self_supporting", "age"},
		widths:  []float64{15, 26, 12, 12, 14, 16, 8},
	}
	dupID := ""
	for i, p := range ps {
		pid := id("J", i+1)
		if p.dupFirst {
			dupID = pid
		}
		if p == dupB {
			pid = dupID // dupA sorts first (earlier start)
		}
		start := day(p.start)
		if p.noStart {
			start = none()
		}
		end := none()
		switch {
		case p.end.IsZero():
		case p.textEnd:
			end = textDate(p.end)
		default:
			end = day(p.end)
		}
		ss := "no"
		if p.selfSup {
			ss = "yes"
		}
		t.rows = append(t.rows, []cell{
			txt(pid), txt(p.centre), start, end, txt(p.reason), txt(ss), num(float64(p.age)),
		})
	}
	return t
}

// jepsCentre picks a plausible centre for a start date: before August 2019 one
// of the three AOF centres; from then on two AOF centres or four municipalities.
func jepsCentre(r *rand.Rand, start time.Time) string {
	u := r.Float64()
	if start.Before(jepsSwitch) {
		switch {
		case u < 0.45:
			return jepsAOF[0]
		case u < 0.75:
			return jepsAOF[1]
		default:
			return jepsAOF[2]
		}
	}
	switch {
	case u < 0.25:
		return jepsAOF[0]
	case u < 0.45:
		return jepsAOF[1]
	default:
		return jepsKommuner[int((u-0.45)/0.55*4)]
	}
}
