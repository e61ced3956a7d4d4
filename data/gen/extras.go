package main

import (
	"math/rand/v2"
	"time"
)

// The columns that describe who took part (gender, age or birth date,
// benefit group) and the date of a first job were added after the
// workbooks were first published. Each cohort draws them from its own
// second random stream, after everything else, so every earlier column —
// and so every seed figure — is unchanged.

// pvaGenders and pvaBenefits are exact counts over the 195 participants.
var (
	pvaGenders  = []count{{"kvinde", 104}, {"mand", 91}}
	pvaBenefits = []count{{"kontanthjælp", 88}, {"sygedagpenge", 41}, {"uddannelseshjælp", 38}, {"ressourceforløbsydelse", 28}}
)

// count is a value with its exact number of rows.
type count struct {
	value string
	n     int
}

// spread lays out exact counts and shuffles them over rows.
func spread(r *rand.Rand, cs []count) []string {
	var out []string
	for _, c := range cs {
		out = append(out, rep(c.value, c.n)...)
	}
	return shuffled(r, out)
}

// pvaExtras gives each participant (in row order) a birth date (18–64 at
// start), a gender and a benefit group, and everyone with paid hours a
// first job after their end date, at the latest on the follow-up date.
func pvaExtras(ps []*pvaPerson) {
	r := newRand(20170902)
	genders, benefits := spread(r, pvaGenders), spread(r, pvaBenefits)
	for i, p := range ps {
		p.gender, p.benefit = genders[i], benefits[i]
		p.birth = birthFor(r, p.start)
		if p.hours > 0 {
			p.firstJob = jobBetween(r, p.end, pvaFollowup)
		}
	}
}

// birthFor draws an age at start (18–64, mostly middle-aged) and a birth
// date that gives exactly that age on the start date.
func birthFor(r *rand.Rand, start time.Time) time.Time {
	age := 18 + int((r.Float64()+r.Float64())/2*47)
	return addDays(start.AddDate(-age, 0, 0), -between(r, 0, 364))
}

// jobBetween is a weekday from lo to hi (at most 60 weeks after lo).
func jobBetween(r *rand.Rand, lo, hi time.Time) time.Time {
	d := between(r, 0, min(420, daysBetween(lo, hi)))
	t := weekdayOnOrAfter(addDays(lo, d))
	if t.After(hi) {
		return hi
	}
	return t
}

// optDay is a date cell, or a blank one for the zero time.
func optDay(t time.Time) cell {
	if t.IsZero() {
		return none()
	}
	return day(t)
}

var (
	jepsGenders  = []count{{"female", 181}, {"male", 157}}
	jepsBenefits = []count{{"cash benefit", 172}, {"sickness benefit", 96}, {"education benefit", 70}}
)

// jepsExtras gives each valid participant a gender and a benefit group
// (exact counts over the 338) and each self-supporting one the date of a
// first job while in the programme (from start to end, or to follow-up
// while still in it).
func jepsExtras(ps []*jepsPerson) {
	r := newRand(20180116)
	genders, benefits := spread(r, jepsGenders), spread(r, jepsBenefits)
	for i, p := range ps {
		p.gender, p.benefit = genders[i], benefits[i]
		if !p.selfSup {
			continue
		}
		stop := p.end
		if stop.IsZero() {
			stop = jepsFollowup
		}
		p.firstJob = jobBetween(r, p.start, stop)
	}
}

// jepsFollowedUntil is the participant's last follow-up contact (zero:
// blank, followed to the date of data). It is derived from the other
// columns without a random draw, so nothing else changes: completers were
// followed for 26 weeks after their end date, those who dropped out not
// after it, and AOF Center Sønderjylland, which left the project in
// August 2019, reported on no one after 31-07-2019 — so some of its first
// jobs fall after the participant's follow-up ended.
func jepsFollowedUntil(p *jepsPerson) time.Time {
	var until time.Time
	switch {
	case p.end.IsZero():
	case p.reason == "completed":
		until = addDays(p.end, 182)
		if until.After(jepsFollowup) {
			until = jepsFollowup
		}
	default:
		until = p.end
	}
	if left := addDays(jepsSwitch, -1); p.centre == jepsAOF[2] && (until.IsZero() || until.After(left)) {
		until = left
	}
	return until
}

var roskildeBenefits = []count{{"kontanthjælp", 61}, {"uddannelseshjælp", 30}, {"sygedagpenge", 24}, {"ressourceforløbsydelse", 18}}

// roskildeExtras gives each citizen a benefit group and each who left for
// an ordinary job or education the date it began: in the two weeks before
// their end date, never before their start.
func roskildeExtras(ps []*roskildePerson) {
	r := newRand(20180302)
	benefits := spread(r, roskildeBenefits)
	for i, p := range ps {
		p.benefit = benefits[i]
		if p.afgang != "ordinært job" && p.afgang != "uddannelse" {
			continue
		}
		p.firstJob = weekdayOnOrBefore(addDays(p.end, -between(r, 0, 14)))
		if p.firstJob.Before(p.start) {
			p.firstJob = p.start
		}
	}
}
