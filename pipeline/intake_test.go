package pipeline

import (
	"slices"
	"strings"
	"testing"
)

// Intake is per month under two years of intake, per quarter from two
// years; every period from the first start to the last is listed, empty
// ones as 0, and the periods add up to the included.
func TestIntakePeriods(t *testing.T) {
	cases := []struct {
		name   string
		starts []string
		unit   string
		want   []string
	}{
		{"months, with a gap", []string{"15-01-2019", "31-01-2019", "01-04-2019"}, "month",
			[]string{"2019-01=2", "2019-02=0", "2019-03=0", "2019-04=1"}},
		{"one day", []string{"01-06-2020", "01-06-2020"}, "month", []string{"2020-06=2"}},
		{"just under two years", []string{"01-01-2018", "31-12-2019"}, "month", nil},
		{"two years: quarters", []string{"30-09-2017", "01-10-2017", "30-09-2019"}, "quarter",
			[]string{"2017-Q3=1", "2017-Q4=1", "2018-Q1=0", "2018-Q2=0", "2018-Q3=0", "2018-Q4=0",
				"2019-Q1=0", "2019-Q2=0", "2019-Q3=1"}},
	}
	for _, c := range cases {
		var csv strings.Builder
		csv.WriteString("id;start;end\n")
		for i, s := range c.starts {
			csv.WriteString(itoa(i+1) + ";" + s + ";\n")
		}
		r := storyCohort(t, csv.String(), "", "disclosure: {min_cell: 0}\n")
		var got []string
		total := 0
		for _, p := range r.Intake.Periods {
			got = append(got, p.Key+"="+itoa(*p.Count))
			total += *p.Count
		}
		if r.Intake.Unit != c.unit || (c.want != nil && !slices.Equal(got, c.want)) || total != len(c.starts) {
			t.Errorf("%s: %s %v (total %d), want %s %v", c.name, r.Intake.Unit, got, total, c.unit, c.want)
		}
	}
}

// With strata, each period's counts by stratum add up to the period.
func TestIntakeByStratum(t *testing.T) {
	csv := "id;start;end;site\n1;01-01-2019;;A\n2;02-01-2019;;B\n3;03-03-2019;;A\n"
	r := storyCohort(t, csv, "  site: {header: site, type: text}\n", "strata: site\ndisclosure: {min_cell: 0}\n")
	var got []string
	for _, p := range r.Intake.Periods {
		row := p.Key
		for _, n := range p.ByStratum {
			row += " " + itoa(*n)
		}
		got = append(got, row)
	}
	if want := []string{"2019-01 1 1", "2019-02 0 0", "2019-03 1 0"}; !slices.Equal(got, want) {
		t.Errorf("%v, want %v", got, want)
	}
}
