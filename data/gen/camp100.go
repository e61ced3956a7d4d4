package main

import (
	"fmt"
	"sort"
	"time"
)

// buildCamp100 makes Camp 100 (Odense): 334 participants, all "aktivitetsparat"
// at the start; exactly 100 (29,9 %, "about 30 %") are "jobparat" (62) or
// "uddannelsesparat" (38) at follow-up, 234 still "aktivitetsparat".
//
// The seed article (Fyens Stiftstidende, May 2017) gives the figure for those
// taking part at the time, so the six teams ("hold") run from January 2016 to
// April 2017: a 13-week course, a few late entrants, some who leave early.
func buildCamp100() table {
	r := newRand(20160111)

	holdStart := []time.Time{
		ymd(2016, 1, 11), ymd(2016, 3, 28), ymd(2016, 6, 13),
		ymd(2016, 8, 29), ymd(2016, 11, 7), ymd(2017, 1, 23),
	}
	holdSize := []int{56, 56, 56, 56, 55, 55}
	kategori := shuffled(r, concat(
		rep("jobparat", 62), rep("uddannelsesparat", 38), rep("aktivitetsparat", 234)))

	t := table{
		file:  "camp100.xlsx",
		title: "Camp 100 – syntetisk udtræk",
		sheet: "Deltagere",
		headers: []string{"deltager_id", "hold", "startdato", "slutdato", "kategori_start",
			"kategori_opfølgning", "alder"},
		widths: []float64{12, 9, 12, 12, 16, 20, 7},
	}
	type person struct {
		hold       int
		start, end time.Time
		kategori   string
		age        int
	}
	var ps []person
	for h, size := range holdSize {
		for range size {
			p := person{hold: h + 1, start: holdStart[h], kategori: kategori[len(ps)]}
			if r.IntN(100) < 15 { // late entrant, one or two weeks in
				p.start = addDays(p.start, 7*between(r, 1, 2))
			}
			p.end = addDays(p.start, 91) // 13 weeks
			if r.IntN(100) < 12 {        // left early, after 2–12 weeks
				p.end = weekdayOnOrBefore(addDays(p.start, between(r, 14, 84)))
			}
			p.age = 18 + int((r.Float64()+r.Float64())/2*47) // 18–64
			if p.kategori == "uddannelsesparat" {
				p.age = between(r, 18, 29) // uddannelseshjælp: under 30
			}
			ps = append(ps, p)
		}
	}
	// Teams do not overlap, so sorting by start keeps each team together.
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].start.Before(ps[j].start) })
	for i, p := range ps {
		t.rows = append(t.rows, []cell{
			txt(id("C", i+1)), txt(fmt.Sprintf("Hold %d", p.hold)), day(p.start), day(p.end),
			txt("aktivitetsparat"), txt(p.kategori), num(float64(p.age)),
		})
	}
	return t
}
