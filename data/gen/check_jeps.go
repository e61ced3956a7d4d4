package main

import (
	"fmt"
	"slices"
	"time"
)

// The JEPS centres and dates, written out here on purpose rather than shared
// with the builder (see verify).
var (
	jepsCheckAOF      = []string{"AOF Center Fyn", "AOF Center Sydjylland", "AOF Center Sønderjylland"}
	jepsCheckKommuner = []string{"Odense Kommune", "Svendborg Kommune", "Kolding Kommune", "Vejle Kommune"}
	jepsCheckSwitch   = ymd(2019, 8, 1)
	jepsCheckFollowup = ymd(2021, 8, 31)
)

// jepsCounts tallies jeps.xlsx row by row for the totals checked at the end.
type jepsCounts struct {
	dupRows, blankStart, valid, selfSup, textEnds int
	reasons                                       map[string]int // valid rows only
}

func checkJEPS(s *sheet) string {
	seen := checkJEPSColumns(s)
	c := &jepsCounts{reasons: map[string]int{}}
	for i := range s.rows {
		checkJEPSRow(s, i, seen, c)
	}
	saving := checkJEPSTotals(s, c)
	checkJEPSExtras(s)
	return fmt.Sprintf("341 rows = 338 valid + 2 duplicate-id rows + 1 blank start_date; "+
		"%d completed, %d dropped out, %d ongoing; %d self-supporting (saving %.0f kr/year); %d text end dates",
		c.reasons["completed"], c.reasons["dropped out"], c.reasons["ongoing"], c.selfSup, saving, c.textEnds)
}

// checkJEPSColumns checks the row count and allowed values, and that exactly
// one id occurs twice (the planted duplicate). It returns how often each id
// occurs.
func checkJEPSColumns(s *sheet) map[string]int {
	s.expect("data rows", s.n(), 341)
	seen := s.ids("participant_id", "J")
	s.oneOf("centre", append(slices.Clone(jepsCheckAOF), jepsCheckKommuner...)...)
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
	return seen
}

// checkJEPSRow checks one row's age and dates, then counts it as excluded or
// valid.
func checkJEPSRow(s *sheet, i int, seen map[string]int, c *jepsCounts) {
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
		s.between(i, "end_date", end, start, jepsCheckFollowup)
	}
	if sk != blank {
		checkJEPSStart(s, i, start, centre)
	}
	if ek == textDay {
		c.textEnds++
	}
	countJEPSRow(s, i, seen[s.str(i, "participant_id")] > 1, sk, ek, reason, c)
}

// checkJEPSStart checks a start date against the period and the centres
// taking part then: municipalities only from August 2019, AOF Center
// Sønderjylland only before.
func checkJEPSStart(s *sheet, i int, start time.Time, centre string) {
	s.between(i, "start_date", start, ymd(2018, 1, 1), jepsCheckFollowup)
	if slices.Contains(jepsCheckKommuner, centre) && start.Before(jepsCheckSwitch) {
		s.fail("%s municipality %s before August 2019", s.ref(i, "start_date"), centre)
	}
	if centre == "AOF Center Sønderjylland" && !start.Before(jepsCheckSwitch) {
		s.fail("%s AOF Center Sønderjylland after July 2019", s.ref(i, "start_date"))
	}
}

// countJEPSRow counts a row as a duplicate-id row, a blank-start row (both
// excluded, and they must not carry a text end date) or a valid participant.
func countJEPSRow(s *sheet, i int, dup bool, sk, ek kind, reason string, c *jepsCounts) {
	switch {
	case dup:
		c.dupRows++
		if ek == textDay {
			s.fail("%s text end date on an excluded row", s.ref(i, "end_date"))
		}
		return
	case sk == blank:
		c.blankStart++
		if ek == textDay {
			s.fail("%s text end date on an excluded row", s.ref(i, "end_date"))
		}
		return
	}
	c.valid++
	c.reasons[reason]++
	if s.str(i, "self_supporting") == "yes" {
		c.selfSup++
	}
}

// checkJEPSTotals compares the tallies with the published counts, including
// the yearly saving, and returns the saving.
func checkJEPSTotals(s *sheet, c *jepsCounts) float64 {
	s.expect("rows with a duplicated id", c.dupRows, 2)
	s.expect("rows with a blank start_date", c.blankStart, 1)
	s.expect("valid participants", c.valid, 338)
	s.expect("self-supporting among valid", c.selfSup, 106)
	s.expect("completed", c.reasons["completed"], 240)
	s.expect("dropped out", c.reasons["dropped out"], 70)
	s.expect("ongoing", c.reasons["ongoing"], 28)
	s.expect("end dates typed as text", c.textEnds, 10)
	saving := float64(c.selfSup) * 12963.50 * 12
	if saving != 16489572 {
		s.fail("saving %v kr, want 16489572", saving)
	}
	return saving
}
