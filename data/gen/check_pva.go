package main

import (
	"fmt"
	"time"
)

// pvaCounts tallies pva.xlsx row by row for the totals checked at the end.
type pvaCounts struct {
	hours, edu, both, any int // completers: paid hours, education, both, either
	dropHours, dropEdu    int // dropouts
	dropBands             [4]int
	perSite               map[string][2]int // completers, with hours or education
}

// pvaCheckFollowup is the follow-up date written on every row.
var pvaCheckFollowup = ymd(2021, 12, 31)

func checkPVA(s *sheet) string {
	checkPVAColumns(s)
	c := &pvaCounts{perSite: map[string][2]int{}}
	for i := range s.rows {
		checkPVARow(s, i, c)
	}
	checkPVATotals(s, c)
	checkPVAExtras(s)
	return fmt.Sprintf("195 started (110 Jobcenter, 85 Psykiatrien), 148 completed, 47 dropped out; "+
		"completers: %d hours, %d education, %d both, %d hours and/or education (%.1f %%)",
		c.hours, c.edu, c.both, c.any, 100*float64(c.any)/148)
}

// checkPVAColumns checks the row count, the ids, the allowed values and the
// per-column counts that need no row logic.
func checkPVAColumns(s *sheet) {
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
}

// checkPVARow checks one row's dates and hours, then counts it as a
// completer or a dropout.
func checkPVARow(s *sheet, i int, c *pvaCounts) {
	start := s.realDate(i, "startdato")
	end := s.realDate(i, "slutdato")
	fu := s.realDate(i, "opfølgningsdato")
	h := s.number(i, "lønnede_timer")
	e := s.str(i, "uddannelse") == "ja"
	s.between(i, "startdato", start, ymd(2017, 9, 1), ymd(2020, 12, 31))
	s.between(i, "slutdato", end, start, pvaCheckFollowup)
	if !fu.Equal(pvaCheckFollowup) {
		s.fail("%s opfølgningsdato %s, want 2021-12-31", s.ref(i, "opfølgningsdato"), fu.Format(time.DateOnly))
	}
	if h != 0 && (h < 5 || h > 37) {
		s.fail("%s lønnede_timer %v outside 5..37", s.ref(i, "lønnede_timer"), h)
	}
	d := days(start, end)
	if s.str(i, "afslutningsårsag") == "gennemført" {
		countPVACompleter(s, i, d, h > 0, e, c)
		return
	}
	countPVADropout(s, i, d, h > 0, e, c)
}

// countPVACompleter checks a completer's duration (26–60 weeks) and counts
// the outcome overall and per site.
func countPVACompleter(s *sheet, i, d int, hours, edu bool, c *pvaCounts) {
	if d < 26*7 || d > 60*7 {
		s.fail("%s completer lasted %d days, want 26–60 weeks", s.ref(i, "slutdato"), d)
	}
	site := c.perSite[s.str(i, "sted")]
	site[0]++
	if hours {
		c.hours++
	}
	if edu {
		c.edu++
	}
	if hours && edu {
		c.both++
	}
	if hours || edu {
		c.any++
		site[1]++
	}
	c.perSite[s.str(i, "sted")] = site
}

// countPVADropout checks a dropout's duration (1–40 weeks) and counts its
// duration band and outcome.
func countPVADropout(s *sheet, i, d int, hours, edu bool, c *pvaCounts) {
	if d < 7 || d > 40*7 {
		s.fail("%s dropout lasted %d days, want 1–40 weeks", s.ref(i, "slutdato"), d)
	}
	switch {
	case d <= 28:
		c.dropBands[0]++
	case d <= 91:
		c.dropBands[1]++
	case d <= 182:
		c.dropBands[2]++
	default:
		c.dropBands[3]++
	}
	if hours {
		c.dropHours++
	}
	if edu {
		c.dropEdu++
	}
}

// checkPVATotals compares the tallies with the published and chosen counts.
func checkPVATotals(s *sheet, c *pvaCounts) {
	s.expect("completers with paid hours", c.hours, 34)
	s.expect("completers in education", c.edu, 24)
	s.expect("completers with both", c.both, 6)
	s.expect("completers with paid hours and/or education", c.any, 52)
	s.expect("Jobcenter Næstved completers", c.perSite["Jobcenter Næstved"][0], 83)
	s.expect("Jobcenter Næstved completers with hours/education", c.perSite["Jobcenter Næstved"][1], 31)
	s.expect("Psykiatrien Næstved completers", c.perSite["Psykiatrien Næstved"][0], 65)
	s.expect("Psykiatrien Næstved completers with hours/education", c.perSite["Psykiatrien Næstved"][1], 21)
	s.expect("dropouts with paid hours", c.dropHours, 3)
	s.expect("dropouts in education", c.dropEdu, 2)
	s.expect("dropouts within 4 weeks", c.dropBands[0], 10)
	s.expect("dropouts in weeks 4–13", c.dropBands[1], 15)
	s.expect("dropouts in weeks 13–26", c.dropBands[2], 14)
	s.expect("dropouts after 26 weeks", c.dropBands[3], 8)
}
