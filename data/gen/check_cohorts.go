package main

import (
	"fmt"
	"strconv"
	"strings"
)

func checkRoskilde(s *sheet) string {
	s.expect("rows (citizens)", s.n(), 133)
	s.unique(s.ids("borger_id", "R"))
	s.oneOf("boligområde", "Æblehaven", "Rønnebærparken")
	s.oneOf("status", "afsluttet", "igangværende")
	s.oneOf("afgang", "ordinært job", "uddannelse", "ressourceforløb", "andet", "")
	s.oneOf("køn", "k", "m")
	checkRoskildeExtras(s)
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
