package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

func checkPVA(s *sheet) string {
	s.expect("rows (started)", s.n(), 195)
	s.unique(s.ids("deltager_id", "P"))
	s.oneOf("sted", "Jobcenter Næstved", "Psykiatrien Næstved")
	s.oneOf("konsulent", "Konsulent A", "Konsulent B", "Konsulent C", "Konsulent D")
	s.oneOf("afslutningsårsag", "gennemført", "afbrudt")
	s.oneOf("uddannelse", "ja", "nej")
	s.expect("sted Jobcenter Næstved", s.count("sted", "Jobcenter Næstved"), 110)
	s.expect("sted Psykiatrien Næstved", s.count("sted", "Psykiatrien Næstved"), 85)
	s.expect("gennemført", s.count("afslutningsårsag", "gennemført"), 148)
	s.expect("afbrudt", s.count("afslutningsårsag", "afbrudt"), 47)

	var hours, edu, both, any, dropHours, dropEdu int
	var dropBands [4]int
	perSite := map[string][2]int{} // completers, with hours or education
	follow := ymd(2021, 12, 31)
	for i := range s.rows {
		start := s.realDate(i, "startdato")
		end := s.realDate(i, "slutdato")
		fu := s.realDate(i, "opfølgningsdato")
		h := s.number(i, "lønnede_timer")
		e := s.str(i, "uddannelse") == "ja"
		s.between(i, "startdato", start, ymd(2017, 9, 1), ymd(2020, 12, 31))
		s.between(i, "slutdato", end, start, follow)
		if !fu.Equal(follow) {
			s.fail("%s opfølgningsdato %s, want 2021-12-31", s.ref(i, "opfølgningsdato"), fu.Format(time.DateOnly))
		}
		if h != 0 && (h < 5 || h > 37) {
			s.fail("%s lønnede_timer %v outside 5..37", s.ref(i, "lønnede_timer"), h)
		}
		d := days(start, end)
		if s.str(i, "afslutningsårsag") == "gennemført" {
			if d < 26*7 || d > 60*7 {
				s.fail("%s completer lasted %d days, want 26–60 weeks", s.ref(i, "slutdato"), d)
			}
			c := perSite[s.str(i, "sted")]
			c[0]++
			if h > 0 {
				hours++
			}
			if e {
				edu++
			}
			if h > 0 && e {
				both++
			}
			if h > 0 || e {
				any++
				c[1]++
			}
			perSite[s.str(i, "sted")] = c
			continue
		}
		if d < 7 || d > 40*7 {
			s.fail("%s dropout lasted %d days, want 1–40 weeks", s.ref(i, "slutdato"), d)
		}
		switch {
		case d <= 28:
			dropBands[0]++
		case d <= 91:
			dropBands[1]++
		case d <= 182:
			dropBands[2]++
		default:
			dropBands[3]++
		}
		if h > 0 {
			dropHours++
		}
		if e {
			dropEdu++
		}
	}
	s.expect("completers with paid hours", hours, 34)
	s.expect("completers in education", edu, 24)
	s.expect("completers with both", both, 6)
	s.expect("completers with paid hours and/or education", any, 52)
	s.expect("Jobcenter Næstved completers", perSite["Jobcenter Næstved"][0], 83)
	s.expect("Jobcenter Næstved completers with hours/education", perSite["Jobcenter Næstved"][1], 31)
	s.expect("Psykiatrien Næstved completers", perSite["Psykiatrien Næstved"][0], 65)
	s.expect("Psykiatrien Næstved completers with hours/education", perSite["Psykiatrien Næstved"][1], 21)
	s.expect("dropouts with paid hours", dropHours, 3)
	s.expect("dropouts in education", dropEdu, 2)
	s.expect("dropouts within 4 weeks", dropBands[0], 10)
	s.expect("dropouts in weeks 4–13", dropBands[1], 15)
	s.expect("dropouts in weeks 13–26", dropBands[2], 14)
	s.expect("dropouts after 26 weeks", dropBands[3], 8)
	return fmt.Sprintf("195 started (110 Jobcenter, 85 Psykiatrien), 148 completed, 47 dropped out; "+
		"completers: %d hours, %d education, %d both, %d hours and/or education (%.1f %%)",
		hours, edu, both, any, 100*float64(any)/148)
}

func checkJEPS(s *sheet) string {
	aof := []string{"AOF Center Fyn", "AOF Center Sydjylland", "AOF Center Sønderjylland"}
	kommuner := []string{"Odense Kommune", "Svendborg Kommune", "Kolding Kommune", "Vejle Kommune"}
	switchDate, follow := ymd(2019, 8, 1), ymd(2021, 8, 31)
	s.expect("data rows", s.n(), 341)
	seen := s.ids("participant_id", "J")
	s.oneOf("centre", append(slices.Clone(aof), kommuner...)...)
	s.oneOf("end_reason", "completed", "dropped out", "ongoing")
	s.oneOf("self_supporting", "yes", "no")

	dupIDs := 0
	for _, n := range seen {
		if n == 2 {
			dupIDs++
		} else if n > 2 {
			s.fail("an id occurs %d times", n)
		}
	}
	s.expect("ids occurring twice", dupIDs, 1)

	var dupRows, blankStart, valid, selfSup, textEnds int
	reasons := map[string]int{}
	for i := range s.rows {
		start, sk := s.date(i, "start_date")
		end, ek := s.date(i, "end_date")
		reason := s.str(i, "end_reason")
		centre := s.str(i, "centre")
		s.age(i, "age", 18, 64)
		if sk == textDay {
			s.fail("%s start_date is text", s.ref(i, "start_date"))
		}
		if (reason == "ongoing") != (ek == blank) {
			s.fail("%s end_date must be blank exactly when ongoing", s.ref(i, "end_date"))
		}
		if ek != blank && sk != blank {
			s.between(i, "end_date", end, start, follow)
		}
		if sk != blank {
			s.between(i, "start_date", start, ymd(2018, 1, 1), follow)
			if slices.Contains(kommuner, centre) && start.Before(switchDate) {
				s.fail("%s municipality %s before August 2019", s.ref(i, "start_date"), centre)
			}
			if centre == "AOF Center Sønderjylland" && !start.Before(switchDate) {
				s.fail("%s AOF Center Sønderjylland after July 2019", s.ref(i, "start_date"))
			}
		}
		if ek == textDay {
			textEnds++
		}
		switch {
		case seen[s.str(i, "participant_id")] > 1:
			dupRows++
			if ek == textDay {
				s.fail("%s text end date on an excluded row", s.ref(i, "end_date"))
			}
			continue
		case sk == blank:
			blankStart++
			if ek == textDay {
				s.fail("%s text end date on an excluded row", s.ref(i, "end_date"))
			}
			continue
		}
		valid++
		reasons[reason]++
		if s.str(i, "self_supporting") == "yes" {
			selfSup++
		}
	}
	s.expect("rows with a duplicated id", dupRows, 2)
	s.expect("rows with a blank start_date", blankStart, 1)
	s.expect("valid participants", valid, 338)
	s.expect("self-supporting among valid", selfSup, 106)
	s.expect("completed", reasons["completed"], 240)
	s.expect("dropped out", reasons["dropped out"], 70)
	s.expect("ongoing", reasons["ongoing"], 28)
	s.expect("end dates typed as text", textEnds, 10)
	saving := float64(selfSup) * 12963.50 * 12
	if saving != 16489572 {
		s.fail("saving %v kr, want 16489572", saving)
	}
	return fmt.Sprintf("341 rows = 338 valid + 2 duplicate-id rows + 1 blank start_date; "+
		"%d completed, %d dropped out, %d ongoing; %d self-supporting (saving %.0f kr/year); %d text end dates",
		reasons["completed"], reasons["dropped out"], reasons["ongoing"], selfSup, saving, textEnds)
}

func checkRoskilde(s *sheet) string {
	s.expect("rows (citizens)", s.n(), 133)
	s.unique(s.ids("borger_id", "R"))
	s.oneOf("boligområde", "Æblehaven", "Rønnebærparken")
	s.oneOf("status", "afsluttet", "igangværende")
	s.oneOf("afgang", "ordinært job", "uddannelse", "ressourceforløb", "andet", "")
	s.oneOf("køn", "k", "m")
	s.expect("Æblehaven", s.count("boligområde", "Æblehaven"), 72)
	s.expect("Rønnebærparken", s.count("boligområde", "Rønnebærparken"), 61)
	s.expect("afsluttet", s.count("status", "afsluttet"), 45)
	s.expect("igangværende", s.count("status", "igangværende"), 88)
	afgang := map[string]int{}
	follow := ymd(2020, 3, 31)
	for i := range s.rows {
		start := s.realDate(i, "startdato")
		s.between(i, "startdato", start, ymd(2018, 3, 1), ymd(2020, 2, 29))
		s.age(i, "alder", 18, 64)
		end, ek := s.date(i, "slutdato")
		if s.str(i, "status") == "igangværende" {
			if ek != blank || s.str(i, "afgang") != "" {
				s.fail("row %d: igangværende with slutdato or afgang", i+2)
			}
			continue
		}
		afgang[s.str(i, "afgang")]++
		if ek != date {
			s.fail("%s afsluttet needs a real slutdato", s.ref(i, "slutdato"))
			continue
		}
		s.between(i, "slutdato", end, start, follow)
	}
	s.expect("afgang ordinært job", afgang["ordinært job"], 7)
	s.expect("afgang uddannelse", afgang["uddannelse"], 4)
	s.expect("afgang ressourceforløb", afgang["ressourceforløb"], 9)
	s.expect("afgang andet", afgang["andet"], 20)
	s.expect("afgang blank (ikke oplyst)", afgang[""], 5)
	return fmt.Sprintf("133 citizens (72 Æblehaven, 61 Rønnebærparken), 45 afsluttet, 88 igangværende; "+
		"afgang: %d ordinært job, %d uddannelse, %d ressourceforløb, %d andet, %d ikke oplyst",
		afgang["ordinært job"], afgang["uddannelse"], afgang["ressourceforløb"], afgang["andet"], afgang[""])
}

func checkCamp100(s *sheet) string {
	s.expect("rows (participants)", s.n(), 334)
	s.unique(s.ids("deltager_id", "C"))
	s.oneOf("hold", "Hold 1", "Hold 2", "Hold 3", "Hold 4", "Hold 5", "Hold 6")
	s.oneOf("kategori_start", "aktivitetsparat")
	s.oneOf("kategori_opfølgning", "aktivitetsparat", "jobparat", "uddannelsesparat")
	s.expect("kategori_start aktivitetsparat", s.count("kategori_start", "aktivitetsparat"), 334)
	job := s.count("kategori_opfølgning", "jobparat")
	udd := s.count("kategori_opfølgning", "uddannelsesparat")
	s.expect("jobparat at follow-up", job, 62)
	s.expect("uddannelsesparat at follow-up", udd, 38)
	s.expect("no longer aktivitetsparat", job+udd, 100)
	s.expect("still aktivitetsparat", s.count("kategori_opfølgning", "aktivitetsparat"), 234)
	full := 0
	for i := range s.rows {
		start := s.realDate(i, "startdato")
		end := s.realDate(i, "slutdato")
		s.between(i, "startdato", start, ymd(2016, 1, 1), ymd(2017, 4, 30))
		d := days(start, end)
		if d < 14 || d > 91 {
			s.fail("%s course lasted %d days, want 2–13 weeks", s.ref(i, "slutdato"), d)
		}
		if d == 91 {
			full++
		}
		a := s.age(i, "alder", 18, 64)
		if s.str(i, "kategori_opfølgning") == "uddannelsesparat" && a >= 30 {
			s.fail("%s uddannelsesparat aged %d (must be under 30)", s.ref(i, "alder"), a)
		}
	}
	if full < 334*3/4 {
		s.fail("only %d of 334 ran the full 13 weeks", full)
	}
	return fmt.Sprintf("334 participants, all aktivitetsparat at start; at follow-up %d jobparat + %d uddannelsesparat = %d (%.1f %%), %d aktivitetsparat; %d ran 13 weeks",
		job, udd, job+udd, 100*float64(job+udd)/334, s.count("kategori_opfølgning", "aktivitetsparat"), full)
}

func checkHjemme(s *sheet) string {
	s.expect("rows (participants)", s.n(), 5)
	s.unique(s.ids("deltager_id", "H"))
	s.oneOf("resultat", "job", "midlertidigt job", "uddannelse")
	s.expect("job", s.count("resultat", "job"), 2)
	s.expect("midlertidigt job", s.count("resultat", "midlertidigt job"), 1)
	s.expect("uddannelse", s.count("resultat", "uddannelse"), 2)
	for i := range s.rows {
		start := s.realDate(i, "startdato")
		end := s.realDate(i, "slutdato")
		s.between(i, "startdato", start, ymd(2009, 1, 1), ymd(2009, 12, 31))
		s.between(i, "slutdato", end, start, ymd(2009, 12, 31))
	}
	return "5 participants: " + strings.Join([]string{
		strconv.Itoa(s.count("resultat", "job")) + " job",
		strconv.Itoa(s.count("resultat", "midlertidigt job")) + " midlertidigt job",
		strconv.Itoa(s.count("resultat", "uddannelse")) + " uddannelse"}, ", ")
}
