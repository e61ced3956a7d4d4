package main

import "fmt"

// checkPVAComparison checks the comparison group's size and values, and
// that it is older and more often male than the participants (so
// weighting matters).
func checkPVAComparison(s *sheet) string {
	s.expect("rows (comparison group)", s.n(), 600)
	s.unique(s.ids("deltager_id", "K"))
	s.oneOf("sted", "Jobcenter Næstved", "Psykiatrien Næstved")
	s.oneOf("afslutningsårsag", "")
	s.oneOf("uddannelse", "ja", "nej")
	men, ageSum, any := 0, 0, 0
	for i := range s.rows {
		age := ageOn(s.realDate(i, "fødselsdato"), s.realDate(i, "startdato"))
		if age < 18 || age > 64 {
			s.fail("%s: age %d at the reference date, want 18..64", s.ref(i, "fødselsdato"), age)
		}
		ageSum += age
		if s.str(i, "køn") == "mand" {
			men++
		}
		if s.number(i, "lønnede_timer") > 0 || s.str(i, "uddannelse") == "ja" {
			any++
		}
	}
	if men < 300 || ageSum < 45*s.n() {
		s.fail("comparison group: %d men, mean age %.1f; want it older and more often male than the participants", men, float64(ageSum)/float64(s.n()))
	}
	return fmt.Sprintf("600 non-participants, %d men, mean age %.1f, %d with paid hours and/or education (%.1f %%)",
		men, float64(ageSum)/float64(s.n()), any, 100*float64(any)/float64(s.n()))
}
