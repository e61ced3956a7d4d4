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

type jepsPerson struct {
	reason    string
	selfSup   bool
	start     time.Time
	end       time.Time // zero when ongoing
	noStart   bool
	centre    string
	age       int
	textEnd   bool
	dupFirst  bool // first of the two rows that share a participant_id
	dupSecond bool // second of them: it gets the first one's id
	// Added later from their own random stream (jepsExtras).
	gender, benefit string
	firstJob        time.Time // zero: none
}

// jepsGroup is one end_reason with its exact size and number self-supporting.
type jepsGroup struct {
	reason string
	n, yes int
}

// end_reason × self_supporting, exact counts:
// completed 240 (90 yes), dropped out 70 (10 yes), ongoing 28 (6 yes).
var jepsGroups = []jepsGroup{{"completed", 240, 90}, {"dropped out", 70, 10}, {"ongoing", 28, 6}}

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
	// The draws below must stay in this order: the committed workbook depends
	// on the exact sequence of random numbers.
	ps := jepsPeople(r)
	for _, p := range ps {
		jepsDates(r, p)
		p.centre = jepsCentre(r, p.start)
		p.age = 18 + int((r.Float64()+r.Float64())/2*47) // 18–64, mostly middle-aged
	}
	jepsMarkTextEnds(r, ps)
	jepsExtras(ps)
	return jepsTable(jepsWithInvalidRows(ps))
}

// jepsPeople lays out the exact end_reason and self_supporting labels,
// shuffling self-support within each group.
func jepsPeople(r *rand.Rand) []*jepsPerson {
	var ps []*jepsPerson
	for _, g := range jepsGroups {
		yes := shuffled(r, concat(rep(true, g.yes), rep(false, g.n-g.yes)))
		for i := range g.n {
			ps = append(ps, &jepsPerson{reason: g.reason, selfSup: yes[i]})
		}
	}
	return ps
}

// jepsDates draws start and end dates. Ended courses end by the follow-up
// date; ongoing ones started late and have no end date.
func jepsDates(r *rand.Rand, p *jepsPerson) {
	first, last := ymd(2018, 1, 15), ymd(2021, 6, 30)
	switch p.reason {
	case "completed", "dropped out":
		// The completed-duration draw happens for dropouts too (and is then
		// replaced): it keeps the random sequence of the committed workbook.
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
}

// jepsMarkTextEnds makes ten valid ended rows carry their end date as
// hand-typed text.
func jepsMarkTextEnds(r *rand.Rand, ps []*jepsPerson) {
	var ended []*jepsPerson
	for _, p := range ps {
		if !p.end.IsZero() {
			ended = append(ended, p)
		}
	}
	for _, p := range shuffled(r, ended)[:10] {
		p.textEnd = true
	}
}

// jepsWithInvalidRows adds the rows a pipeline must exclude — a person
// registered twice (re-referral) and a row whose start date was never filled
// in — and sorts by start date. The blank-start row is put at a fixed place.
func jepsWithInvalidRows(ps []*jepsPerson) []*jepsPerson {
	dupA := &jepsPerson{reason: "completed", start: ymd(2018, 10, 8), end: ymd(2019, 4, 12),
		centre: "AOF Center Sydjylland", age: 37, dupFirst: true, gender: "female", benefit: "cash benefit"}
	dupB := &jepsPerson{reason: "dropped out", selfSup: true, start: ymd(2019, 5, 6), end: ymd(2019, 7, 19),
		centre: "AOF Center Sydjylland", age: 38, dupSecond: true, gender: "female", benefit: "cash benefit",
		firstJob: ymd(2019, 6, 3)}
	noStart := &jepsPerson{reason: "completed", selfSup: true, noStart: true, end: ymd(2020, 3, 27),
		centre: "AOF Center Fyn", age: 29, gender: "male", benefit: "sickness benefit", firstJob: ymd(2019, 11, 4)}
	ps = append(ps, dupA, dupB)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].start.Before(ps[j].start) })
	at := 150
	return append(ps[:at], append([]*jepsPerson{noStart}, ps[at:]...)...)
}

// jepsTable writes one row per person in the given order; the second
// duplicate row repeats the first one's id.
func jepsTable(ps []*jepsPerson) table {
	t := table{
		file:  "jeps.xlsx",
		title: "JEPS – synthetic extract",
		sheet: "Participants",
		headers: []string{"participant_id", "centre", "start_date", "end_date", "end_reason", "self_supporting", "age",
			"gender", "benefit_group", "first_job_date", "followed_until"},
		widths: []float64{15, 26, 12, 12, 14, 16, 8, 10, 18, 15, 15},
	}
	dupID := ""
	for i, p := range ps {
		pid := id("J", i+1)
		if p.dupFirst {
			dupID = pid
		}
		if p.dupSecond {
			pid = dupID // dupA sorts first (earlier start)
		}
		t.rows = append(t.rows, jepsRow(pid, p))
	}
	return t
}

// jepsRow is one sheet row: a blank start when never filled in, and the end
// date blank (ongoing), as text, or as a real date.
func jepsRow(pid string, p *jepsPerson) []cell {
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
	return []cell{txt(pid), txt(p.centre), start, end, txt(p.reason), txt(ss), num(float64(p.age)),
		txt(p.gender), txt(p.benefit), optDay(p.firstJob), optDay(jepsFollowedUntil(p))}
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
