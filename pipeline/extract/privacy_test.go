package extract

import (
	"errors"
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// spellings are CPR numbers written the ways issue 11 found the first
// guard letting through (and the three it knew).
var spellings = []string{
	"010190-1234", "0101901234", "010190 1234", "010190\u20131234", "010190\u20111234", "010190\u22121234",
	"010190\u00a01234", "010190 - 1234", "010190\t1234", "010190_1234", "010190/1234", "01.01.90-1234",
	"01 01 90 1234", "０１０１９０－１２３４", "10190 1234", "101901234", "Hans 010190\u20131234",
}

// TestCPRSpellingsRefused: in every kind of non-id column, every spelling
// is refused, naming the cell and never the number.
func TestCPRSpellingsRefused(t *testing.T) {
	dir := t.TempDir()
	for _, kind := range []Kind{KindText, KindDate, KindNumber, KindBool} {
		for i, s := range spellings {
			p := writeXLSX(t, dir, "t.xlsx", false, false, sheetSpec{name: "Ark",
				rows: [][]any{{"felt"}, {"ja"}, {s}}})
			_, err := Read(Source{Path: p}, []Field{{Name: "f", Header: "felt", Kind: kind}})
			switch {
			case !errors.Is(err, ErrCPRInColumn):
				t.Errorf("kind %v, spelling %d %q: error %v; want ErrCPRInColumn", kind, i, s, err)
			case privacy.ContainsCPR(err.Error()) || !strings.Contains(err.Error(), "cell A3"):
				t.Errorf("kind %v, spelling %d: %v", kind, i, err)
			}
		}
	}
	p := writeFile(t, dir, "t.csv", "id;felt\nP1;"+strings.Join(spellings[3:5], "\nP2;")+"\n")
	if _, err := Read(Source{Path: p}, []Field{{Name: "f", Header: "felt", Kind: KindText}}); !errors.Is(err, ErrCPRInColumn) {
		t.Errorf("csv: error %v; want ErrCPRInColumn", err)
	}
}

// TestCPRShapedNamesMasked: a file, sheet and header named like a CPR
// number are read, and masked in every message.
func TestCPRShapedNamesMasked(t *testing.T) {
	dir := t.TempDir()
	p := writeXLSX(t, dir, "010190\u20131234.xlsx", false, false, sheetSpec{name: "01 01 90 1234",
		rows: [][]any{{"deltager_id", "020290-1234", "030390–1234", " 030390–1234"}, {"P1", "31-02-2020"}}})
	fields := []Field{{Name: "id", Header: "deltager_id", Kind: KindID}, {Name: "d", Header: "020290-1234", Kind: KindDate}}
	ex, err := Read(Source{Path: p}, fields)
	must(t, err)
	if len(ex.Problems) != 1 {
		t.Fatalf("problems %v", ex.Problems)
	}
	want := `[CPR masked].xlsx, sheet "[CPR masked]", cell B2 ([CPR masked]): "31-02-2020" is not a date`
	if got := ex.Problems[0].Error(); !strings.HasPrefix(got, want) {
		t.Errorf("got  %s\nwant %s…", got, want)
	}
	for _, tt := range []struct {
		sheet  string
		fields []Field
	}{
		{"Ark2", fields}, // no such sheet: the sheets are listed
		{"", []Field{{Name: "x", Header: "mangler"}}},                     // no such column: the headers are listed
		{"", []Field{{Name: "d", Header: "030390–1234", Kind: KindText}}}, // in two columns
	} {
		_, err := Read(Source{Path: p, Sheet: tt.sheet}, tt.fields)
		if err == nil || privacy.ContainsCPR(err.Error()) || !strings.Contains(err.Error(), `"[CPR masked]"`) {
			t.Errorf("error %v; want one with the names masked", err)
		}
	}
	if _, err := Read(Source{Path: dir + "/030390-1234.xlsx"}, fields); err == nil || privacy.ContainsCPR(err.Error()) {
		t.Errorf("missing file: error %v", err)
	}
}

// TestPersonalCellsNotQuoted: a problem message quotes neither a name
// typed into a date column, nor any cell of a column whose header names
// people, nor more than 40 characters of anything.
func TestPersonalCellsNotQuoted(t *testing.T) {
	rows := [][]any{
		{"deltager_id", "startdato", "Konsulentens startdato", "timer"},
		{"P1", "Kirsten Bjerregaard", "ukendt", "Lars Møller Hansen"},
		{"P2", "ukendt", nil, strings.Repeat("meget lang tekst ", 5)},
	}
	fields := []Field{{Name: "id", Header: "deltager_id", Kind: KindID}, {Name: "start", Header: "startdato", Kind: KindDate},
		{Name: "who", Header: "Konsulentens startdato", Kind: KindDate}, {Name: "hours", Header: "timer", Kind: KindNumber}}
	p := writeXLSX(t, t.TempDir(), "p.xlsx", false, false, sheetSpec{name: "Ark", rows: rows})
	ex, err := Read(Source{Path: p}, fields)
	must(t, err)
	want := []string{
		`cell B2 (startdato): a value that looks like a name (not shown) is not a date`,
		`cell C2 (Konsulentens startdato): the value (not shown: the column holds personal data) is not a date`,
		`cell D2 (timer): a value that looks like a name (not shown) is not a number`,
		`cell B3 (startdato): "ukendt" is not a date`,
		`cell D3 (timer): "meget lang tekst meget lang tekst meget …" is not a number`,
	}
	if len(ex.Problems) != len(want) {
		t.Fatalf("problems %v", ex.Problems)
	}
	for i, pr := range ex.Problems {
		if !strings.Contains(pr.Error(), want[i]) {
			t.Errorf("problem %d:\n got  %s\n want …%s…", i, pr.Error(), want[i])
		}
	}
}
