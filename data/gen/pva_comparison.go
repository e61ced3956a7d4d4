package main

import (
	"math"
	"math/rand/v2"
	"sort"
	"time"
)

// The pva comparison group: 600 citizens of the same jobcentre's records
// who did not take part, older and more often men than the participants.
// Their outcome (paid hours and/or ordinary education at follow-up) is
// drawn with probability pvaP0(age, gender), the same model that gives
// every participant's outcome without the programme, so the true effect
// on the participants is known: their share minus the mean of pvaP0 over
// them (pvaTrueEffect).
const pvaComparisonN = 600

// pvaP0 is the chance of paid hours and/or education without the
// programme: falling with age, lower for men.
func pvaP0(age int, gender string) float64 {
	p := 0.20 - 0.008*float64(age-40)
	if gender == "mand" {
		p -= 0.06
	}
	return math.Max(0.01, math.Min(0.6, p))
}

// pvaTrueEffect is the participants' share with paid hours and/or
// education among all who started minus the mean of pvaP0 over them.
func pvaTrueEffect(ps []*pvaPerson) float64 {
	var yes, p0 float64
	for _, p := range ps {
		if p.hours > 0 || p.edu {
			yes++
		}
		p0 += pvaP0(ageOn(p.birth, p.start), p.gender)
	}
	return (yes - p0) / float64(len(ps))
}

// ageOn is the age in whole years on day t.
func ageOn(birth, t time.Time) int {
	y := t.Year() - birth.Year()
	if t.YearDay() < birth.YearDay() {
		y--
	}
	return y
}

// buildPVAComparison draws the comparison group.
func buildPVAComparison() table {
	r := newRand(20170903)
	var ps []*pvaPerson
	for i := range pvaComparisonN {
		p := &pvaPerson{site: "Jobcenter Næstved", gender: "kvinde", benefit: pvaBenefits[i%len(pvaBenefits)].value}
		if r.Float64() < 0.3 {
			p.site = "Psykiatrien Næstved"
		}
		if r.Float64() < 0.6 {
			p.gender = "mand"
		}
		p.start = weekdayOnOrBefore(uniformDay(r, ymd(2017, 9, 1), ymd(2020, 12, 31)))
		age := 18 + int(47*math.Sqrt(r.Float64())) // 18–64, most over 40
		p.birth = addDays(p.start.AddDate(-age, 0, 0), -between(r, 0, 364))
		if r.Float64() < pvaP0(age, p.gender) {
			pvaComparisonOutcome(r, p)
		}
		ps = append(ps, p)
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].start.Before(ps[j].start) })
	return pvaComparisonTable(ps)
}

// pvaComparisonOutcome gives paid hours (60 %) or education, and a first
// job date to those with hours.
func pvaComparisonOutcome(r *rand.Rand, p *pvaPerson) {
	if r.Float64() < pvaJobShare {
		p.hours = pvaHours(r)
		p.firstJob = jobBetween(r, p.start, pvaFollowup)
		return
	}
	p.edu = true
}

// pvaComparisonTable writes the comparison group with pva.xlsx's columns:
// no end date and no end reason (they never started), the reference date
// as start.
func pvaComparisonTable(ps []*pvaPerson) table {
	t := pvaTable(nil)
	t.file, t.title, t.sheet = "pva_comparison.xlsx", "På vej til arbejde – syntetisk sammenligningsgruppe", "Sammenligning"
	for i, p := range ps {
		edu := "nej"
		if p.edu {
			edu = "ja"
		}
		t.rows = append(t.rows, []cell{
			txt(id("K", i+1)), txt(p.site), none(), day(p.start), none(),
			none(), num(p.hours), txt(edu), day(pvaFollowup),
			day(p.birth), txt(p.gender), txt(p.benefit), optDay(p.firstJob),
		})
	}
	return t
}

// pvaJobShare is the share of the comparison group's outcomes that are
// paid hours (and so a first job); the rest are education.
const pvaJobShare = 0.6

// pvaTrueEffectOverTime is, at each horizon (weeks from start), the share
// of participants with a first job by then minus their mean chance of one
// without the programme: pvaJobShare × pvaP0 times the chance that a job
// drawn as the comparison group's (jobBetween from the start to the
// follow-up date) comes by then, counted exactly over the uniform day.
func pvaTrueEffectOverTime(ps []*pvaPerson, weeks []float64) []float64 {
	out := make([]float64, len(weeks))
	for k, h := range weeks {
		days := int(7 * h)
		var got, want float64
		for _, p := range ps {
			if !p.firstJob.IsZero() && daysBetween(p.start, p.firstJob) <= days {
				got++
			}
			n := min(420, daysBetween(p.start, pvaFollowup))
			by := 0
			for d := 0; d <= n; d++ {
				t := weekdayOnOrAfter(addDays(p.start, d))
				if t.After(pvaFollowup) {
					t = pvaFollowup
				}
				if daysBetween(p.start, t) <= days {
					by++
				}
			}
			want += pvaJobShare * pvaP0(ageOn(p.birth, p.start), p.gender) * float64(by) / float64(n+1)
		}
		out[k] = (got - want) / float64(len(ps))
	}
	return out
}
