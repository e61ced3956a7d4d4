package pipeline

import (
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/danish-eval/evaluate/models/results"
)

// storyCohort runs the pipeline on a small CSV (id;start;end;…) with a
// config whose columns and extra keys are given; its one measure counts
// completion, or is the measure given.
func storyCohort(t *testing.T, csv, columns, extra string, measure ...string) *results.Results {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	yaml := `id: x
source: {file: x.csv}
columns:
  id: {header: id, type: id}
  start: {header: start, type: date}
  end: {header: end, type: date, optional: true}
` + columns + `cohort:
  exit: "end ?? date('2020-12-31')"
  status:
    completed: "end != nil"
    ongoing: "true"
measures:
  - ` + cmp.Or(strings.Join(measure, ""), `{id: completion, count: "status == 'completed'"}`) + `
bootstrap: {replicates: 19}
` + extra
	path := filepath.Join(dir, "x.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return analyseFile(t, path)
}

// rows gives a group's rows as key=count ("key=.." when hidden).
func rows(g results.DescribeGroup) []string {
	var out []string
	for _, r := range g.Rows {
		n := ".."
		if r.Count != nil {
			n = itoa(*r.Count)
		}
		out = append(out, r.Key+"="+n)
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

// Bands are [lo, next): 18 and 29 are 18–29, 30 is 30–39, 67 is past the
// last band and 17 before the first (outside); a blank is missing.
func TestDescribeBands(t *testing.T) {
	var csv strings.Builder
	csv.WriteString("id;start;end;age\n")
	for i, a := range []string{"17", "18", "29", "30", "66", "67", "", "45.5"} {
		csv.WriteString(itoa(i+1) + ";01-02-2019;;" + a + "\n")
	}
	r := storyCohort(t, csv.String(), "  age: {header: age, type: number}\n",
		"describe: [age]\nbands: {age: [18, 30, 40, 50, 67]}\ndisclosure: {min_cell: 0}\n")
	d := r.Describe[0]
	want := []string{"[18,30)=2", "[30,40)=1", "[40,50)=1", "[50,67)=1", "outside=2", "missing=1"}
	if got := rows(d.Overall); !slices.Equal(got, want) {
		t.Errorf("rows %v, want %v", got, want)
	}
	s := d.Overall.Summary // 17 18 29 30 45.5 66 67: R type 7
	if *s.N != 7 || *s.Median != 30 || *s.Q1 != 23.5 || *s.Q3 != 55.75 {
		t.Errorf("summary n %d median %v IQR %v–%v, want 7, 30, 23.5–55.75", *s.N, *s.Median, *s.Q1, *s.Q3)
	}
	if d.Kind != results.DescribeNumber || *d.Overall.Rows[0].Low != 18 || *d.Overall.Rows[0].High != 30 {
		t.Errorf("kind %s, first band %v–%v", d.Kind, *d.Overall.Rows[0].Low, *d.Overall.Rows[0].High)
	}
}

// Text values come in Danish order (æ after z); a value held by fewer than
// min_cell people is "other", never printed; blanks are missing. Bool
// fields are true, false, missing.
func TestDescribeCategories(t *testing.T) {
	var csv strings.Builder
	csv.WriteString("id;start;end;g;b\n")
	values := []string{"æ", "æ", "æ", "z", "z", "z", "a", "a", "a", "Hansen", "", ""}
	for i, v := range values {
		b := []string{"ja", "nej", ""}[i%3]
		csv.WriteString(itoa(i+1) + ";01-02-2019;;" + v + ";" + b + "\n")
	}
	r := storyCohort(t, csv.String(), "  g: {header: g, type: text}\n  b: {header: b, type: bool}\n",
		"describe: [g, b]\nlabels: {g: {da: køn}, b: {da: ja/nej}}\ndisclosure: {min_cell: 3}\n")
	if got, want := rows(r.Describe[0].Overall), []string{"a=3", "z=3", "æ=3", "other=..", "missing=.."}; !slices.Equal(got, want) {
		t.Errorf("text rows %v, want %v", got, want)
	}
	if got, want := rows(r.Describe[1].Overall), []string{"true=4", "false=4", "missing=4"}; !slices.Equal(got, want) {
		t.Errorf("bool rows %v, want %v", got, want)
	}
	if *r.Describe[0].Overall.Rows[0].Share != 0.25 {
		t.Errorf("share of a: %v, want 0.25", *r.Describe[0].Overall.Rows[0].Share)
	}
}

// A birth date is the age at entry in whole years; 29 February is passed
// on 1 March in other years; a birth date after entry is missing.
func TestAgeYears(t *testing.T) {
	d := func(s string) time.Time { v, _ := time.Parse(time.DateOnly, s); return v }
	for _, c := range []struct {
		birth, at string
		want      float64
	}{
		{"2000-02-29", "2018-02-28", 17}, {"2000-02-29", "2018-03-01", 18}, {"2000-02-29", "2020-02-29", 20},
		{"1980-06-15", "2019-06-14", 38}, {"1980-06-15", "2019-06-15", 39}, {"1980-06-15", "1980-06-15", 0},
	} {
		if got := ageYears(d(c.birth), d(c.at)); got != c.want {
			t.Errorf("born %s, on %s: %v, want %v", c.birth, c.at, got, c.want)
		}
	}
	if got := ageYears(d("2020-01-02"), d("2020-01-01")); got == got {
		t.Errorf("born after entry: %v, want missing (NaN)", got)
	}
}

// A median and IQR resting on fewer than min_cell values are hidden, with
// the count of values; a larger group's stay.
func TestDescribeHidesSmallSummaries(t *testing.T) {
	var csv strings.Builder
	csv.WriteString("id;start;end;site;age\n")
	for i := range 12 {
		site, age := "A", itoa(20+i)
		if i >= 6 {
			site = "B"
			if i >= 8 {
				age = "" // B: 2 of 6 with an age
			}
		}
		csv.WriteString(itoa(i+1) + ";01-02-2019;;" + site + ";" + age + "\n")
	}
	r := storyCohort(t, csv.String(), "  site: {header: site, type: text}\n  age: {header: age, type: number}\n",
		"strata: site\ndescribe: [age]\ndisclosure: {min_cell: 3}\n")
	a, b := r.Describe[0].ByStratum[0].Summary, r.Describe[0].ByStratum[1].Summary
	if a.Median == nil || *a.Median != 22.5 || *a.N != 6 {
		t.Errorf("site A: median %v of %v, want 22.5 of 6", a.Median, a.N)
	}
	if b.Median != nil || b.Q1 != nil || b.Q3 != nil || b.N != nil {
		t.Errorf("site B: median %v IQR %v–%v of %v, want all hidden (2 values)", b.Median, b.Q1, b.Q3, b.N)
	}
}
