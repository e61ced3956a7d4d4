package diff

import (
	"bytes"
	"strings"
	"testing"
)

// formatted is a diff with a changed count, a figure suppressed on one
// side, a change within Monte-Carlo error and a variant's changed measure.
func formatted(t *testing.T) Diff {
	a := fixture()
	b := clone(t, a)
	b.Measures[0].Count = ip(33)
	b.Flow.Status[1].Count = nil
	*b.Measures[0].Intervals[0].High = 0.3001
	b.Sensitivity[0].Measures[0].Count = ip(18)
	return Compare(single(a), single(b))
}

func TestWrite(t *testing.T) {
	for _, c := range []struct {
		format string
		want   string
	}{
		{FormatText, `A: pva/results.json
B: pva/results.json

section                 item            figure    A    B       change              note
flow                    status dropout  count     47   ..                          suppressed in B
sensitivity "10 hours"  employment      count     19   18      −1 (−5 %)
measures                employment      count     34   33      −1 (−3 %)
measures                employment      bca high  0.3  0.3001  +0.0001 (+0.033 %)  within Monte-Carlo error

Sensitivity variants:
  "10 hours": employment: count = hours >= 10

4 figures differ (1 of them within Monte-Carlo error).
`},
		{FormatMD, `- A: pva/results.json
- B: pva/results.json

| section | item | figure | A | B | change | note |
| --- | --- | --- | --- | --- | --- | --- |
| flow | status dropout | count | 47 | .. |  | suppressed in B |
| sensitivity "10 hours" | employment | count | 19 | 18 | −1 (−5 %) |  |
| measures | employment | count | 34 | 33 | −1 (−3 %) |  |
| measures | employment | bca high | 0.3 | 0.3001 | +0.0001 (+0.033 %) | within Monte-Carlo error |

Sensitivity variants:

- "10 hours": employment: count = hours &gt;= 10

4 figures differ (1 of them within Monte-Carlo error).
`},
		{FormatCSV, `cohort,section,item,figure,a,b,change,relative_change,mc_se,within_mc_error,note,definition
pva,flow,status dropout,count,47,..,,,0,false,suppressed in B,
pva,"sensitivity ""10 hours""",employment,count,19,18,-1,0.052631578947,0,false,,employment: count = hours >= 10
pva,measures,employment,count,34,33,-1,0.029411764706,0,false,,
pva,measures,employment,bca high,0.3,0.3001,9.999999999998899e-05,0.000333222259,0.0012967814502853356,true,within Monte-Carlo error,
`},
	} {
		t.Run(c.format, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, formatted(t), c.format); err != nil {
				t.Fatal(err)
			}
			if b.String() != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", b.String(), c.want)
			}
		})
	}
}

func TestWriteIdentical(t *testing.T) {
	a := fixture()
	d := Compare(single(a), single(clone(t, a)))
	for format, want := range map[string]string{
		FormatText: "A: pva/results.json\nB: pva/results.json\n\nNo figure differs.\n",
		FormatCSV:  "cohort,section,item,figure,a,b,change,relative_change,mc_se,within_mc_error,note,definition\n",
	} {
		var b bytes.Buffer
		if err := Write(&b, d, format); err != nil || b.String() != want {
			t.Errorf("%s: %q (%v), want %q", format, b.String(), err, want)
		}
	}
	if err := Write(&bytes.Buffer{}, d, "html"); err == nil || !strings.Contains(err.Error(), "expected text, csv or md") {
		t.Errorf("unknown format: %v", err)
	}
}

// A text that a spreadsheet would run is kept as text in the CSV.
func TestWriteCSVFormula(t *testing.T) {
	a := fixture()
	b := clone(t, a)
	b.Cohort.Title = "=HYPERLINK(1)"
	var out bytes.Buffer
	if err := Write(&out, Compare(single(a), single(b)), FormatCSV); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), ",'=HYPERLINK(1),") {
		t.Errorf("formula not escaped:\n%s", out.String())
	}
}
