package main

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// verify reads every generated workbook back with excelize, independently of
// the builders, and checks the seed counts and the plausibility rules. The
// expected numbers are written out here on purpose rather than shared with
// the builders. It returns one summary line per extract and every problem.
func verify(files map[string][]byte) (summary, problems []string) {
	checks := []struct {
		file    string
		sheet   string
		headers []string
		fn      func(*sheet) string
	}{
		{"pva.xlsx", "Deltagere", []string{"deltager_id", "sted", "konsulent", "startdato", "slutdato",
			"afslutningsårsag", "lønnede_timer", "uddannelse", "opfølgningsdato"}, checkPVA},
		{"jeps.xlsx", "Participants", []string{"participant_id", "centre", "start_date", "end_date",
			"end_reason", "self_supporting", "age"}, checkJEPS},
		{"roskilde.xlsx", "Borgere", []string{"borger_id", "boligområde", "startdato", "slutdato", "status",
			"afgang", "køn", "alder"}, checkRoskilde},
		{"camp100.xlsx", "Deltagere", []string{"deltager_id", "hold", "startdato", "slutdato",
			"kategori_start", "kategori_opfølgning", "alder"}, checkCamp100},
		{"hjemme.xlsx", "Deltagere", []string{"deltager_id", "startdato", "slutdato", "resultat"}, checkHjemme},
	}
	if len(files) != len(checks) {
		problems = append(problems, fmt.Sprintf("%d files, want %d", len(files), len(checks)))
	}
	for _, c := range checks {
		b, ok := files[c.file]
		if !ok {
			problems = append(problems, c.file+": missing")
			continue
		}
		s, err := openSheet(c.file, b, c.sheet, c.headers)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		line := c.fn(s)
		s.noCPR()
		s.f.Close()
		summary = append(summary, c.file+": "+line)
		problems = append(problems, s.problems...)
	}
	return summary, problems
}

// sheet is one workbook's only sheet, read back with raw cell values.
type sheet struct {
	name     string
	f        *excelize.File
	sheet    string
	col      map[string]int
	rows     [][]string // data rows, without the header
	problems []string
}

func openSheet(name string, b []byte, sheetName string, headers []string) (*sheet, error) {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if got := f.GetSheetList(); !slices.Equal(got, []string{sheetName}) {
		f.Close()
		return nil, fmt.Errorf("%s: sheets %q, want [%q]", name, got, sheetName)
	}
	rows, err := f.GetRows(sheetName, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) == 0 {
		f.Close()
		return nil, fmt.Errorf("%s: cannot read rows: %v", name, err)
	}
	if !slices.Equal(rows[0], headers) {
		f.Close()
		return nil, fmt.Errorf("%s: headers %q, want %q", name, rows[0], headers)
	}
	s := &sheet{name: name, f: f, sheet: sheetName, col: map[string]int{}, rows: rows[1:]}
	for i, h := range headers {
		s.col[h] = i
	}
	return s, nil
}

func (s *sheet) fail(format string, args ...any) {
	s.problems = append(s.problems, s.name+": "+fmt.Sprintf(format, args...))
}

// expect records a problem when a count is not exactly as published.
func (s *sheet) expect(what string, got, want int) {
	if got != want {
		s.fail("%s = %d, want %d", what, got, want)
	}
}

func (s *sheet) n() int { return len(s.rows) }

func (s *sheet) str(i int, header string) string {
	c := s.col[header]
	if c >= len(s.rows[i]) {
		return ""
	}
	return s.rows[i][c]
}

func (s *sheet) ref(i int, header string) string {
	ref, _ := excelize.CoordinatesToCellName(s.col[header]+1, i+2)
	return ref
}

// oneOf checks that a column only holds the allowed values.
func (s *sheet) oneOf(header string, allowed ...string) {
	for i := range s.rows {
		if v := s.str(i, header); !slices.Contains(allowed, v) {
			s.fail("%s %s = %q, want one of %q", s.ref(i, header), header, v, allowed)
		}
	}
}

func (s *sheet) count(header, value string) int {
	n := 0
	for i := range s.rows {
		if s.str(i, header) == value {
			n++
		}
	}
	return n
}

// ids checks the id column: invented ids of the form <prefix>NNNN, and
// returns how many rows each id has.
func (s *sheet) ids(header, prefix string) map[string]int {
	re := regexp.MustCompile(`^` + prefix + `\d{4}$`)
	seen := map[string]int{}
	for i := range s.rows {
		v := s.str(i, header)
		if !re.MatchString(v) {
			s.fail("%s id %q is not %sNNNN", s.ref(i, header), v, prefix)
		}
		seen[v]++
	}
	return seen
}

// unique checks that no id occurs twice.
func (s *sheet) unique(seen map[string]int) {
	for k, n := range seen {
		if n > 1 {
			s.fail("id %s occurs %d times", k, n)
		}
	}
}

// cellKind reports how a date cell was written: blank, a real date (numeric
// serial with a date number format) or a hand-typed text date "dd-mm-yyyy".
func (s *sheet) date(i int, header string) (time.Time, kind) {
	raw, ref := s.str(i, header), s.ref(i, header)
	if raw == "" {
		return time.Time{}, blank
	}
	typ, err := s.f.GetCellType(s.sheet, ref)
	if err != nil {
		s.fail("%s: %v", ref, err)
		return time.Time{}, blank
	}
	if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t, err := time.Parse("02-01-2006", raw)
		if err != nil {
			s.fail("%s %s: text %q is not a date dd-mm-yyyy", ref, header, raw)
		}
		return t, textDay
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || v != math.Trunc(v) {
		s.fail("%s %s: %q is not a whole Excel date serial", ref, header, raw)
		return time.Time{}, blank
	}
	if !s.isDateStyle(ref) {
		s.fail("%s %s: numeric cell without a date number format", ref, header)
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(v)), date
}

func (s *sheet) isDateStyle(ref string) bool {
	idx, err := s.f.GetCellStyle(s.sheet, ref)
	if err != nil {
		return false
	}
	st, err := s.f.GetStyle(idx)
	if err != nil || st == nil {
		return false
	}
	if st.CustomNumFmt != nil {
		return *st.CustomNumFmt == dateFormat
	}
	return st.NumFmt >= 14 && st.NumFmt <= 17
}

// realDate returns a date that must be a real date cell.
func (s *sheet) realDate(i int, header string) time.Time {
	t, k := s.date(i, header)
	if k != date {
		s.fail("%s %s: want a real date cell", s.ref(i, header), header)
	}
	return t
}

func (s *sheet) number(i int, header string) float64 {
	ref := s.ref(i, header)
	typ, err := s.f.GetCellType(s.sheet, ref)
	if err != nil || (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) {
		s.fail("%s %s: want a numeric cell", ref, header)
	}
	v, err := strconv.ParseFloat(s.str(i, header), 64)
	if err != nil {
		s.fail("%s %s: %q is not a number", ref, header, s.str(i, header))
	}
	return v
}

func (s *sheet) between(i int, header string, t, lo, hi time.Time) {
	if t.Before(lo) || t.After(hi) {
		s.fail("%s %s %s outside %s .. %s", s.ref(i, header), header,
			t.Format(time.DateOnly), lo.Format(time.DateOnly), hi.Format(time.DateOnly))
	}
}

func (s *sheet) age(i int, header string, lo, hi int) int {
	a := s.number(i, header)
	if a != math.Trunc(a) || a < float64(lo) || a > float64(hi) {
		s.fail("%s %s = %v, want a whole number in %d..%d", s.ref(i, header), header, a, lo, hi)
	}
	return int(a)
}

// noCPR makes sure no cell looks like a Danish personal number.
func (s *sheet) noCPR() {
	re := regexp.MustCompile(`\d{6}-?\d{4}`)
	for i, row := range s.rows {
		for c, v := range row {
			if re.MatchString(v) {
				ref, _ := excelize.CoordinatesToCellName(c+1, i+2)
				s.fail("%s looks like a CPR number", ref)
			}
		}
	}
}

func days(a, b time.Time) int { return int(b.Sub(a).Hours() / 24) }

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
