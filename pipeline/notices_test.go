package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/reports"
	"github.com/xuri/excelize/v2"
)

// selectCSV runs the stages up to the cohort on flowCSV-style data, with
// the fixture's config edited; it returns the stage's error.
func selectCSV(t *testing.T, csv string, edit func(*config.Config)) (*Cohort, error) {
	t.Helper()
	cfg, _, _ := cohortFixture(t, "id;sted;start;slut;årsag;timer\n1;A;01-02-2020;;gennemført;1\n", nil)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg.Dir = dir
	if edit != nil {
		edit(cfg)
	}
	return selectCohort(t, cfg)
}

func noticeOf(c *Cohort, kind string) *results.Notice {
	for i := range c.Notices {
		if c.Notices[i].Kind == kind {
			return &c.Notices[i]
		}
	}
	return nil
}

const unmatchedCSV = `id;sted;start;slut;årsag;timer
1;A;01-02-2020;01-06-2020;gennemført;10
2;A;01-02-2020;01-06-2020;død;
3;A;01-02-2020;01-06-2020;død;
4;A;01-02-2020;01-06-2020;flyttet;
5;A;01-02-2020;01-06-2020;død;
6;A;01-02-2020;01-06-2020;død;
7;A;01-02-2020;01-06-2020;død;
`

// Rows matching no status are counted and stated with the most frequent
// texts the status rules read; a count under min_cell is "..". With
// cohort.unmatched: error the run stops with that sentence.
func TestUnmatchedRows(t *testing.T) {
	c, err := selectCSV(t, unmatchedCSV, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := noticeOf(c, results.NoticeUnmatched)
	if n == nil || n.Count != 6 || len(n.Values) != 2 {
		t.Fatalf("notice %+v", n)
	}
	if v := n.Values[0]; v.Field != "reason" || v.Value != "død" || v.Count == nil || *v.Count != 5 {
		t.Errorf("first value %+v, want reason død (5)", v)
	}
	if v := n.Values[1]; v.Value != "flyttet" || v.Count != nil {
		t.Errorf("second value %+v, want flyttet with its count hidden", v)
	}
	if got := reports.TextFor("da", 0.95).NoticeText(*n); got != "6 rækker passede ikke på nogen statusregel og er udeladt; hyppigste værdier: reason »død« (5), reason »flyttet« (..)." {
		t.Errorf("Danish text %q", got)
	}
	_, err = selectCSV(t, unmatchedCSV, func(cfg *config.Config) { cfg.Cohort.Unmatched = "error" })
	if err == nil || !strings.Contains(err.Error(), `6 rows match no status rule (the first is line 3 of x.csv); most frequent values: reason "død" (5), reason "flyttet" (1)`) {
		t.Errorf("err = %v", err)
	}
}

// A status rule undecided for a missing value is its own reason, and stated.
func TestStatusUndecided(t *testing.T) {
	c, err := selectCSV(t, "id;sted;start;slut;årsag;timer\n1;A;01-02-2020;01-06-2020;x;\n2;A;01-02-2020;01-06-2020;x;3\n",
		func(cfg *config.Config) {
			cfg.Cohort.Status = config.Ordered{{Name: "completed", Expr: "hours > 0"}}
		})
	if err != nil {
		t.Fatal(err)
	}
	if c.Excluded[ReasonStatusMiss] != 1 || len(c.People) != 1 {
		t.Errorf("excluded %v, included %d", c.Excluded, len(c.People))
	}
	if n := noticeOf(c, results.NoticeUndecided); n == nil || n.Rule != "cohort.status" || n.Count != 1 {
		t.Errorf("notice %+v", n)
	}
}

const episodesCSV = `id;sted;start;slut;årsag;timer
1;A;01-06-2020;01-09-2020;afbrudt;
1;A;01-02-2020;01-05-2020;gennemført;10
1;A;01-10-2020;01-12-2020;gennemført;
2;B;01-02-2020;01-06-2020;gennemført;5
`

// cohort.duplicates: exclude drops every row of a repeated id; first and
// last keep one episode by entry date, whatever the row order.
func TestDuplicates(t *testing.T) {
	tests := []struct {
		rule      string
		included  int
		keptEntry string
		reason    results.Reason
	}{
		{"exclude", 1, "", ReasonDuplicate},
		{"first", 2, "2020-02-01", ReasonEpisode},
		{"last", 2, "2020-10-01", ReasonEpisode},
	}
	for _, tc := range tests {
		c, err := selectCSV(t, episodesCSV, func(cfg *config.Config) { cfg.Cohort.Duplicates = tc.rule })
		if err != nil {
			t.Fatal(err)
		}
		if len(c.People) != tc.included || c.Excluded[tc.reason] != 4-tc.included {
			t.Errorf("%s: included %d, excluded %v", tc.rule, len(c.People), c.Excluded)
			continue
		}
		if tc.keptEntry != "" && c.People[0].Entry.Time().Format(time.DateOnly) != tc.keptEntry {
			t.Errorf("%s: kept the episode from %v, want %s", tc.rule, c.People[0].Entry, tc.keptEntry)
		}
	}
}

// A row dated after the day the workbook was saved (an end date of 2199)
// is excluded and stated, and does not become the date of data; times of
// day and merged sites are stated too.
func TestAfterSavedAndReaderNotes(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	rows := [][]any{
		{"id", "sted", "start", "slut", "årsag", "timer"},
		{"1", "A", "01-02-2020", "01-06-2020 10:00", "gennemført", 1},
		{"2", nil, "01-02-2020", "31-12-2199", "gennemført", 1},
		{"3", "B", "01-03-2020", "01-07-2020", "afbrudt", nil},
	}
	for r, row := range rows {
		for col, v := range row {
			if v != nil {
				cell, _ := excelize.CoordinatesToCellName(col+1, r+1)
				must(t, f.SetCellValue("Sheet1", cell, v))
			}
		}
	}
	must(t, f.MergeCell("Sheet1", "B2", "B3"))
	must(t, f.SetDocProps(&excelize.DocProperties{Modified: "2021-06-30T00:00:00Z"}))
	must(t, f.SaveAs(filepath.Join(dir, "x.xlsx")))
	c, err := selectCSV(t, "", func(cfg *config.Config) {
		cfg.Dir, cfg.Source.File = dir, "x.xlsx"
	})
	if err != nil {
		t.Fatal(err)
	}
	if c.Excluded[ReasonAfterSaved] != 1 || len(c.People) != 2 {
		t.Fatalf("excluded %v, included %d", c.Excluded, len(c.People))
	}
	if got := c.DataDate.Format(time.DateOnly); got != "2020-07-01" {
		t.Errorf("date of data %s, want 2020-07-01", got)
	}
	if n := noticeOf(c, results.NoticeAfterSaved); n == nil || n.Date != "2021-06-30" {
		t.Errorf("after-saved notice %+v", n)
	}
	for _, kind := range []string{results.NoticeTimeOfDay, results.NoticeMerged} {
		if noticeOf(c, kind) == nil {
			t.Errorf("no %s notice in %+v", kind, c.Notices)
		}
	}
}

// Every notice is one line on stderr, in English, whatever the report's
// language.
func TestWarnPrintsEveryNotice(t *testing.T) {
	var buf bytes.Buffer
	warn(&buf, "pva", []results.Notice{{Kind: results.NoticeAbsent, Field: "end", Header: "slutdato"},
		{Kind: results.NoticeBlank, Field: "hours", Header: "timer", Count: 3}})
	want := "evaluate: pva: warning: The optional column slutdato (end) is not in the sheet; all its values are missing.\n" +
		"evaluate: pva: warning: Column timer (hours) is blank in all 3 rows.\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// People a measure could not decide are stated on the console too.
func TestWarnMissing(t *testing.T) {
	var buf bytes.Buffer
	warnMissing(&buf, "pva", &Counts{IDs: []string{"completion", "employment"}, Missing: []int{0, 3}})
	want := "evaluate: pva: warning: employment: 3 people in the population could not be decided (a value the rule reads is missing) and are not counted.\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

// The values listed for unmatched rows never include text that looks like
// a person's name.
func TestUnmatchedValuesHideNames(t *testing.T) {
	c, err := selectCSV(t, "id;sted;start;slut;årsag;timer\n1;A;01-02-2020;01-06-2020;Hans Jensen;\n2;A;01-02-2020;01-06-2020;flyttet;\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	n := noticeOf(c, results.NoticeUnmatched)
	if n == nil || n.Count != 2 || len(n.Values) != 1 || n.Values[0].Value != "flyttet" {
		t.Errorf("notice %+v", n)
	}
}

// A CSV has no save date: source.extracted bounds its dates, so an end
// date of 2199 excludes its row instead of becoming the date of data.
func TestExtractedBoundsCSV(t *testing.T) {
	csv := "id;sted;start;slut;årsag;timer\n1;A;01-02-2020;01-06-2020;gennemført;1\n2;A;01-02-2020;01-06-2199;gennemført;1\n3;A;01-03-2020;01-07-2020;afbrudt;0\n"
	for _, extracted := range []string{"", "2021-12-31"} {
		c, err := selectCSV(t, csv, func(cfg *config.Config) { cfg.Source.Extracted = extracted })
		if err != nil {
			t.Fatal(err)
		}
		if extracted == "" {
			if len(c.People) != 3 || c.DataDate.Year() != 2199 {
				t.Errorf("no bound: %d included, data date %v", len(c.People), c.DataDate)
			}
			continue
		}
		if len(c.People) != 2 || c.Excluded[ReasonAfterSaved] != 1 || c.DataDate.Year() != 2020 {
			t.Errorf("bound %s: %d included, %d after, data date %v", extracted, len(c.People), c.Excluded[ReasonAfterSaved], c.DataDate)
		}
	}
}

// Ids are compared by their hashes as read: spaces around an id do not
// make it another person, a different case does, and a blank id is a
// missing one, not a duplicate of another blank.
func TestDuplicateIDsHashed(t *testing.T) {
	c, err := selectCSV(t, `id;sted;start;slut;årsag;timer
P1;A;01-02-2020;01-06-2020;gennemført;1
 P1 ;A;01-03-2020;01-06-2020;gennemført;1
p1;A;01-02-2020;01-06-2020;gennemført;1
P10;A;01-02-2020;01-06-2020;gennemført;1
;A;01-02-2020;01-06-2020;gennemført;1
;A;01-02-2020;01-06-2020;gennemført;1
`, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []results.Reason{ReasonDuplicate, ReasonDuplicate, "", "", ReasonMissingID, ReasonMissingID}
	if got := reasonList(c.Reasons); !slices.Equal(got, want) {
		t.Errorf("reasons %q, want %q", got, want)
	}
}
