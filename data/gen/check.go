package main

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
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
			"afslutningsårsag", "lønnede_timer", "uddannelse", "opfølgningsdato", "fødselsdato", "køn", "ydelse", "første_job"}, checkPVA},
		{"jeps.xlsx", "Participants", []string{"participant_id", "centre", "start_date", "end_date",
			"end_reason", "self_supporting", "age", "gender", "benefit_group", "first_job_date", "followed_until"}, checkJEPS},
		{"roskilde.xlsx", "Borgere", []string{"borger_id", "boligområde", "startdato", "slutdato", "status",
			"afgang", "køn", "alder", "ydelse", "job_uddannelse_start"}, checkRoskilde},
		{"camp100.xlsx", "Deltagere", []string{"deltager_id", "hold", "startdato", "slutdato",
			"kategori_start", "kategori_opfølgning", "alder"}, checkCamp100},
		{"hjemme.xlsx", "Deltagere", []string{"deltager_id", "startdato", "slutdato", "resultat"}, checkHjemme},
		{"pva_comparison.xlsx", "Sammenligning", []string{"deltager_id", "sted", "konsulent", "startdato", "slutdato",
			"afslutningsårsag", "lønnede_timer", "uddannelse", "opfølgningsdato", "fødselsdato", "køn", "ydelse", "første_job"}, checkPVAComparison},
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
