package main

import "time"

// The checks of the columns added for "who took part" and outcomes by
// horizon: exact counts per value, and every first-job date present exactly
// for those the builder gives one, inside its window. Written out here,
// independently of extras.go.

// checkPVAExtras: gender 104/91, benefit groups 88/41/38/28, an age at
// start of 18–64 from the birth date, and a first job (after the end date,
// by the follow-up date) for exactly the 37 with paid hours.
func checkPVAExtras(s *sheet) {
	s.expect("køn kvinde", s.count("køn", "kvinde"), 104)
	s.expect("køn mand", s.count("køn", "mand"), 91)
	s.oneOf("køn", "kvinde", "mand")
	for v, n := range map[string]int{"kontanthjælp": 88, "sygedagpenge": 41, "uddannelseshjælp": 38, "ressourceforløbsydelse": 28} {
		s.expect("ydelse "+v, s.count("ydelse", v), n)
	}
	jobs := 0
	for i := range s.rows {
		start := s.realDate(i, "startdato")
		if a := wholeYears(s.realDate(i, "fødselsdato"), start); a < 18 || a > 64 {
			s.fail("%s age at start %d, want 18–64", s.ref(i, "fødselsdato"), a)
		}
		job, k := s.date(i, "første_job")
		if (k != blank) != (s.number(i, "lønnede_timer") > 0) {
			s.fail("%s første_job given %v, want it exactly with paid hours", s.ref(i, "første_job"), k != blank)
		}
		if k != blank {
			jobs++
			s.between(i, "første_job", job, s.realDate(i, "slutdato"), pvaCheckFollowup)
		}
	}
	s.expect("første_job dates", jobs, 37)
}

// checkJEPSExtras: gender and benefit group over all 341 rows (the 338
// valid ones and the three to exclude), and a first job for exactly the
// self-supporting (106 valid + 2), from start to end (or follow-up).
func checkJEPSExtras(s *sheet) {
	s.expect("gender female", s.count("gender", "female"), 183)
	s.expect("gender male", s.count("gender", "male"), 158)
	s.oneOf("gender", "female", "male")
	for v, n := range map[string]int{"cash benefit": 174, "sickness benefit": 97, "education benefit": 70} {
		s.expect("benefit_group "+v, s.count("benefit_group", v), n)
	}
	jobs := 0
	for i := range s.rows {
		job, k := s.date(i, "first_job_date")
		if (k != blank) != (s.str(i, "self_supporting") == "yes") {
			s.fail("%s first_job_date given %v, want it exactly when self-supporting", s.ref(i, "first_job_date"), k != blank)
		}
		if k == blank {
			continue
		}
		jobs++
		start, sk := s.date(i, "start_date")
		end, ek := s.date(i, "end_date")
		if ek == blank {
			end = ymd(2021, 8, 31)
		}
		if sk != blank {
			s.between(i, "first_job_date", job, start, end)
		}
	}
	s.expect("first_job_date dates", jobs, 108)
	checkJEPSFollowed(s)
}

// checkJEPSFollowed: followed_until is blank exactly for the ongoing
// outside AOF Center Sønderjylland; it is the end date for those who
// dropped out, 26 weeks after it (at most 31-08-2021) for completers, and
// never after 31-07-2019 at AOF Center Sønderjylland; and it falls before
// the first job of exactly jepsJobsAfterFollowup rows.
func checkJEPSFollowed(s *sheet) {
	after, blanks := 0, 0
	for i := range s.rows {
		until, k := s.date(i, "followed_until")
		end, ek := s.date(i, "end_date")
		want := time.Time{}
		switch {
		case ek == blank:
		case s.str(i, "end_reason") == "completed":
			want = end.AddDate(0, 0, 182)
			if want.After(ymd(2021, 8, 31)) {
				want = ymd(2021, 8, 31)
			}
		default:
			want = end
		}
		if s.str(i, "centre") == "AOF Center Sønderjylland" && (want.IsZero() || want.After(ymd(2019, 7, 31))) {
			want = ymd(2019, 7, 31)
		}
		if (k == blank) != want.IsZero() || (k != blank && !until.Equal(want)) {
			s.fail("%s followed_until %v, want %v", s.ref(i, "followed_until"), until, want)
		}
		if k == blank {
			blanks++
			continue
		}
		if job, jk := s.date(i, "first_job_date"); jk != blank && job.After(until) {
			after++
		}
	}
	s.expect("followed_until blank", blanks, jepsCheckFollowedBlank)
	s.expect("first jobs after followed_until", after, jepsCheckJobsAfter)
}

// Exact counts in jeps.xlsx's followed_until column.
const (
	jepsCheckFollowedBlank = 28
	jepsCheckJobsAfter     = 4
)

// checkRoskildeExtras: benefit groups 61/30/24/18 and a start date of the
// job or education for exactly the 11 who left for one, from start to end.
func checkRoskildeExtras(s *sheet) {
	for v, n := range map[string]int{"kontanthjælp": 61, "uddannelseshjælp": 30, "sygedagpenge": 24, "ressourceforløbsydelse": 18} {
		s.expect("ydelse "+v, s.count("ydelse", v), n)
	}
	jobs := 0
	for i := range s.rows {
		job, k := s.date(i, "job_uddannelse_start")
		if a := s.str(i, "afgang"); (k != blank) != (a == "ordinært job" || a == "uddannelse") {
			s.fail("%s job_uddannelse_start given %v, want it exactly for afgang ordinært job or uddannelse", s.ref(i, "job_uddannelse_start"), k != blank)
		}
		if k != blank {
			jobs++
			s.between(i, "job_uddannelse_start", job, s.realDate(i, "startdato"), s.realDate(i, "slutdato"))
		}
	}
	s.expect("job_uddannelse_start dates", jobs, 11)
}

// wholeYears is the age on day at of someone born on birth.
func wholeYears(birth, at time.Time) int {
	y := at.Year() - birth.Year()
	if at.Month() < birth.Month() || (at.Month() == birth.Month() && at.Day() < birth.Day()) {
		y--
	}
	return y
}
