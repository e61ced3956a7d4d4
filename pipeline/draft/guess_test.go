package draft

import (
	"fmt"
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/pipeline/extract"
	"go.yaml.in/yaml/v3"
)

func TestKnownHeaders(t *testing.T) {
	for _, tc := range []struct {
		header, field string
		kind          extract.Kind
	}{
		{"deltager_id", "id", extract.KindID},
		{"Participant ID", "id", extract.KindID},
		{" borger_id ", "id", extract.KindID},
		{"ID", "id", extract.KindID},
		{"Startdato", "start", extract.KindDate},
		{"Start date", "start", extract.KindDate},
		{"START_DATE", "start", extract.KindDate},
		{"slutdato", "end", extract.KindDate},
		{"End Date", "end", extract.KindDate},
		{"afslutningsa\u030arsag", "reason", extract.KindText}, // NFD å
		{"Årsag", "reason", extract.KindText},
		{"status", "reason", extract.KindText},
		{"Lønnede timer", "hours", extract.KindNumber},
		{"lønnede_timer", "hours", extract.KindNumber},
		{"Paid hours", "hours", extract.KindNumber},
		{"Uddannelse", "education", extract.KindBool},
		{"Selvforsørgende", "self_supporting", extract.KindBool},
		{"Centre", "site", extract.KindText},
		{"afdeling", "site", extract.KindText},
		{"Konsulent", "consultant", extract.KindText},
		{"Follow-up", "followup", extract.KindDate},
		{"opfølgningsdato", "followup", extract.KindDate},
		{"Alder", "age", extract.KindNumber},
		{"Køn", "sex", extract.KindText},
		{"gender", "sex", extract.KindText},
	} {
		k, ok := knownHeaders[headerKey(tc.header)]
		if !ok || k.field != tc.field || k.kind != tc.kind {
			t.Errorf("%q: got %+v (%v), want %s %s", tc.header, k, ok, tc.field, tc.kind)
		}
	}
	for _, h := range []string{"cpr", "CPR-nr.", "cpr_nr", "CPR nummer", "Personnummer", "cprnummer"} {
		if !cprHeaders[headerKey(h)] {
			t.Errorf("%q is not recognised as a CPR header", h)
		}
	}
	for _, h := range []string{"hold", "resultat", "kategori_start", "navn"} {
		if _, ok := knownHeaders[headerKey(h)]; ok {
			t.Errorf("%q is recognised, but should be guessed", h)
		}
	}
}

func TestFieldName(t *testing.T) {
	for _, tc := range []struct{ header, want string }{
		{"boligområde", "boligomraade"},
		{"kategori_opfølgning", "kategori_opfoelgning"},
		{"Kategori Opfølgning", "kategori_opfoelgning"},
		{"Æbletræ", "aebletrae"},
		{"bolig-omra\u030ade", "bolig_omraade"}, // NFD å
		{"Café / Ø-gruppe", "cafe_oe_gruppe"},
		{"  antal   samtaler (i alt) ", "antal_samtaler_i_alt"},
		{"2. samtale", "c_2_samtale"},
		{"date", "date_field"},
		{"Status", "status_field"},
		{"???", ""},
	} {
		if got := fieldName(tc.header); got != tc.want {
			t.Errorf("fieldName(%q) = %q, want %q", tc.header, got, tc.want)
		}
	}
}

// values builds stats for guessKind: each value with how it reads.
func values(n int, date, num, yesno int, vals ...string) *stats {
	st := &stats{nonBlank: n, sampled: n, distinct: map[string]int{}}
	st.ok[extract.KindDate], st.ok[extract.KindNumber], st.ok[extract.KindBool] = date, num, yesno
	for _, v := range vals {
		st.distinct[v]++
	}
	return st
}

func TestGuessKind(t *testing.T) {
	for _, tc := range []struct {
		name string
		st   *stats
		want extract.Kind
		note string
	}{
		{"empty", values(0, 0, 0, 0), extract.KindText, "no values"},
		{"ja/nej", values(10, 0, 0, 10, "ja", "nej"), extract.KindBool, ""},
		{"x ticks", values(4, 0, 0, 4, "x"), extract.KindBool, ""},
		{"text dates", values(10, 10, 0, 0, "01-02-2020"), extract.KindDate, ""},
		{"date cells", values(10, 10, 10, 0, "2020-02-01"), extract.KindDate, ""},
		{"five digits", values(10, 10, 10, 0, "12963"), extract.KindNumber, ""},
		{"numbers", values(10, 0, 10, 0, "12,5", "3"), extract.KindNumber, ""},
		{"0 and 1", values(10, 0, 10, 10, "0", "1"), extract.KindBool, "a number?"},
		{"mostly dates", values(20, 19, 0, 0, "01-02-2020", "31-02-2020"), extract.KindDate, "1 of 20 sampled values are not dates"},
		{"half numbers", values(20, 0, 10, 0, "a", "1"), extract.KindText, ""},
		{"words", values(20, 0, 0, 0, "job", "uddannelse"), extract.KindText, ""},
	} {
		k, note := guessKind(tc.st)
		if k != tc.want || !strings.Contains(note, tc.note) || (tc.note == "") != (note == "") {
			t.Errorf("%s: got %s %q, want %s %q", tc.name, k, note, tc.want, tc.note)
		}
	}
}

func TestShowable(t *testing.T) {
	repeat := func(vals ...string) *stats {
		st := values(0, 0, 0, 0)
		for _, v := range vals {
			st.distinct[v] += 3
			st.nonBlank += 3
		}
		return st
	}
	for _, tc := range []struct {
		name   string
		st     *stats
		reason bool
		want   string
	}{
		{"categories", repeat("job", "andet", "uddannelse"), false, "[andet job uddannelse]"},
		{"too many", repeat("a", "b", "c", "d", "e", "f", "g"), false, "[]"},
		{"ids", repeat("P0001", "P0002"), false, "[]"},
		{"id among words", repeat("job", "S1001"), true, "[]"},
		{"cpr", repeat("job", "010190-1234"), true, "[]"},
		{"cpr in text", repeat("job", "ring 0101901234"), true, "[]"},
		{"unique values", values(2, 0, 0, 0, "Hans", "Grete"), false, "[]"},
		{"unique reasons", values(2, 0, 0, 0, "afbrudt", "gennemført"), true, "[afbrudt gennemført]"},
		{"more than kept", &stats{nonBlank: 9, distinct: map[string]int{"a": 9}, more: true}, true, "[]"},
	} {
		if got := fmt.Sprint(showable(tc.st, tc.reason, 6)); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestScalar checks that every written scalar reads back as itself.
func TestScalar(t *testing.T) {
	for _, s := range []string{"deltager_id", "afslutningsårsag", "Start Date", "yes", "No", "null",
		"a: b", "# x", "- x", "[x]", "x, y", "{x}", "12", "", " x", "x ", `"q"`, "a'b", "tab\there",
		"line\nbreak", "back\\slash", "../extracts/pva.xlsx", "é\u00a0x"} {
		var got struct {
			A string
			B map[string]string
		}
		doc := fmt.Sprintf("a: %s\nb: {h: %s, t: x}\n", scalar(s), scalar(s))
		if err := yaml.Unmarshal([]byte(doc), &got); err != nil || got.A != s || got.B["h"] != s {
			t.Errorf("%q: read back as %q and %q (%v)", s, got.A, got.B["h"], err)
		}
	}
}

func TestSmallHelpers(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 701: "ZZ", 702: "AAA"} {
		if got := colLetter(i); got != want {
			t.Errorf("colLetter(%d) = %s, want %s", i, got, want)
		}
	}
	for in, want := range map[string]string{"pva.xlsx": "pva", "Forløb 2020.xlsx": "forloeb_2020",
		"JEPS-data.csv": "jeps_data", "§§.xlsx": "cohort"} {
		if got := cohortID(in); got != want {
			t.Errorf("cohortID(%q) = %s, want %s", in, got, want)
		}
	}
	if got := exprString(`it's a \ test`); got != `'it\'s a \\ test'` {
		t.Errorf("exprString: %s", got)
	}
	if got := clip("a\nb\u2028" + strings.Repeat("x", 50)); strings.ContainsAny(got, "\n\u2028") ||
		!strings.HasSuffix(got, "…") {
		t.Errorf("clip: %q", got)
	}
}
