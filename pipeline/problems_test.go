package pipeline

import (
	"testing"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// Every unusable cell and row is listed once by its line, a total row as a
// total row (not as a missing start date), and the definition's own
// exclusions (outside the include rule) are not problems.
func TestProblemsList(t *testing.T) {
	csv := "id;sted;start;slut;årsag;timer\n" +
		"1;A;01-02-2020;01-06-2020;gennemført;1\n" + // line 2: fine
		"2;A;;01-06-2020;gennemført;1\n" + // line 3: no start
		"3;A;31-02-2020;01-06-2020;afbrudt;0\n" + // line 4: unreadable date
		"4;B;01-03-2020;01-07-2020;ukendt;0\n" + // line 5: no status
		";I alt;;;;2\n" // line 6: the supplier's sum
	c, err := selectCSV(t, csv, func(*config.Config) {})
	if err != nil {
		t.Fatal(err)
	}
	probs := Problems(c, c.table.ex)
	want := []struct {
		row    int
		reason results.Reason
	}{{3, results.ReasonNoEntry}, {4, results.ReasonDate}, {5, results.ReasonNoStatus}, {6, results.ReasonTotalRow}}
	if len(probs) != len(want) {
		t.Fatalf("problems %+v", probs)
	}
	for i, w := range want {
		if probs[i].Row != w.row || probs[i].Reason != w.reason {
			t.Errorf("problem %d: row %d %q, want row %d %q", i, probs[i].Row, probs[i].Reason, w.row, w.reason)
		}
	}
	if c.Excluded[results.ReasonTotalRow] != 1 || c.Excluded[results.ReasonNoEntry] != 1 {
		t.Errorf("flow %v", c.Excluded)
	}
}
