package extract

import (
	"reflect"
	"testing"
)

var pvaFields = []Field{
	{Name: "id", Header: "deltager_id", Kind: KindID},
	{Name: "site", Header: "sted", Kind: KindText},
	{Name: "start", Header: "startdato", Kind: KindDate},
	{Name: "end", Header: "slutdato", Kind: KindDate, Optional: true},
	{Name: "hours", Header: "lønnede_timer", Kind: KindNumber},
	{Name: "education", Header: "uddannelse", Kind: KindBool},
}

// pvaRows mixes what real extracts mix: date cells, text dates, a bare
// serial, numbers as text with a decimal comma, and the x/blank convention.
var pvaRows = [][]any{
	{"Deltager_ID", "Sted", "Startdato", "Slutdato", "Lønnede timer", "Uddannelse", "note"},
	{"A1", "Næstved", dateCell{43831}, "31-03-2020", 12.5, "x", "ok"},
	{"A2", "Slagelse", dateCell{43832}, "2020-04-30", "1.234,5", nil, nil},
	{"A3", "Næstved", "05.01.2020", nil, "0", nil, "note only"},
	{"A4", "Ringsted", 43834, "31-02-2020", "abc", "x"},
}

func wantPVA(t *testing.T, ex *Extract) {
	t.Helper()
	if ex.Rows != 4 || !reflect.DeepEqual(ex.RowNumbers.All(), []int{2, 3, 4, 5}) {
		t.Fatalf("rows %d %v", ex.Rows, ex.RowNumbers.All())
	}
	if got := ex.Column("id").ID; !reflect.DeepEqual(got, hashes("A1", "A2", "A3", "A4")) {
		t.Errorf("id = %x", got)
	}
	start := dates(ex.Column("start"))
	for i, d := range []int{1, 2, 5, 4} {
		if !start[i].Equal(day(2020, 1, d)) {
			t.Errorf("start[%d] = %v", i, start[i])
		}
	}
	end := ex.Column("end")
	if !end.DateAt(0).Equal(day(2020, 3, 31)) || !end.DateAt(1).Equal(day(2020, 4, 30)) || !end.Missing[2] || !end.Missing[3] {
		t.Errorf("end = %v %v", dates(end), end.Missing)
	}
	if h := ex.Column("hours"); !reflect.DeepEqual(h.Num[:3], []float64{12.5, 1234.5, 0}) || !h.Missing[3] {
		t.Errorf("hours = %v %v", h.Num, h.Missing)
	}
	edu := ex.Column("education")
	if !reflect.DeepEqual(edu.Bool, []bool{true, false, false, true}) || !reflect.DeepEqual(edu.Missing, []bool{false, false, false, false}) {
		t.Errorf("education = %v %v (x/blank: blank is no)", edu.Bool, edu.Missing)
	}
	var cells []string
	for _, p := range ex.Problems {
		cells = append(cells, p.Cell+" "+p.Reason)
	}
	if want := []string{"D5 unreadable date", "E5 unreadable number"}; !reflect.DeepEqual(cells, want) {
		t.Errorf("problems = %v; want %v", cells, want)
	}
}

func TestReadXLSX(t *testing.T) {
	for _, stream := range []bool{false, true} {
		dir := t.TempDir()
		p := writeXLSX(t, dir, "pva.xlsx", stream, false, sheetSpec{name: "Deltagere", rows: pvaRows})
		ex, err := Read(Source{Path: p}, pvaFields)
		if err != nil {
			t.Fatal(err)
		}
		if ex.Sheet != "Deltagere" {
			t.Errorf("sheet %q", ex.Sheet)
		}
		wantPVA(t, ex)
	}
}

func TestReadCSV(t *testing.T) {
	tests := []struct{ name, content string }{
		{"semicolon-bom.csv", "\ufeffDeltager_ID;Sted;Startdato;Slutdato;Lønnede timer;Uddannelse;note\n" +
			"A1;Næstved;01-01-2020;31-03-2020;12,5;x;ok\n" +
			"A2;Slagelse;02-01-2020;2020-04-30;1.234,5;;\n" +
			"A3;Næstved;05.01.2020;;0;;\"note; only\"\n" +
			"A4;Ringsted;43834;31-02-2020;abc;x\n;;;;;;\n\n"},
		{"comma.csv", "Deltager_ID,Sted,Startdato,Slutdato,Lønnede timer,Uddannelse,note\r\n" +
			"A1,Næstved,2020-01-01,31-03-2020,12.5,x,ok\r\n" +
			"A2,Slagelse,2020-01-02,2020-04-30,\"1.234,5\",,\r\n" +
			"A3,Næstved,05.01.2020,,0,,\"note, only\"\r\n" +
			"A4,Ringsted,04/01/2020,31-02-2020,abc,x\r\n"},
	}
	for _, tt := range tests {
		p := writeFile(t, t.TempDir(), tt.name, tt.content)
		ex, err := Read(Source{Path: p}, pvaFields)
		if err != nil {
			t.Fatal(err)
		}
		wantPVA(t, ex)
	}
}

func TestReadLayout(t *testing.T) {
	rows := [][]any{
		{"Udtræk fra fagsystem"},
		{},
		{" STARTDATO ", "sted"},
		{"2020-01-01", "A"},
		{},
		{nil, nil},
		{"2020-01-03", "B"},
		{},
		{},
	}
	p := writeXLSX(t, t.TempDir(), "x.xlsx", false, false,
		sheetSpec{name: "Tom"},
		sheetSpec{name: "Skjult", hidden: true, rows: [][]any{{"x"}}},
		sheetSpec{name: "Data", rows: rows})
	fields := []Field{{Name: "start", Header: "startdato", Kind: KindDate}, {Name: "site", Header: "sted", Kind: KindText}}
	ex, err := Read(Source{Path: p, HeaderRow: 3}, fields)
	if err != nil {
		t.Fatal(err)
	}
	if ex.Sheet != "Data" || ex.Rows != 2 || !reflect.DeepEqual(ex.RowNumbers.All(), []int{4, 7}) || ex.BlankRows != 2 {
		t.Errorf("sheet %q rows %d %v blank %d", ex.Sheet, ex.Rows, ex.RowNumbers.All(), ex.BlankRows)
	}
	if ex, err := Read(Source{Path: p, Sheet: "skjult"}, []Field{{Name: "x", Header: "X"}}); err != nil || ex.Sheet != "Skjult" || ex.Rows != 0 {
		t.Errorf("named hidden sheet: %v %+v", err, ex)
	}
}

func TestRead1904(t *testing.T) {
	p := writeXLSX(t, t.TempDir(), "mac.xlsx", false, true, sheetSpec{name: "S", rows: [][]any{{"d"}, {dateCell{42369}}, {"42369"}}})
	ex, err := Read(Source{Path: p}, []Field{{Name: "d", Header: "d", Kind: KindDate}})
	if err != nil {
		t.Fatal(err)
	}
	if !ex.Date1904 || !ex.Column("d").DateAt(0).Equal(day(2020, 1, 1)) || !ex.Column("d").DateAt(1).Equal(day(2020, 1, 1)) {
		t.Errorf("1904: %v %v", ex.Date1904, dates(ex.Column("d")))
	}
}

func TestResolveColumnRules(t *testing.T) {
	csv := "a;b;c;d;e\n1.234;1.234;1.234;ja;x\n12,5;2.5;7;;\n;;;nej;\n"
	p := writeFile(t, t.TempDir(), "r.csv", csv)
	fields := []Field{
		{Name: "a", Header: "a", Kind: KindNumber}, {Name: "b", Header: "b", Kind: KindNumber},
		{Name: "c", Header: "c", Kind: KindNumber}, {Name: "d", Header: "d", Kind: KindBool},
		{Name: "e", Header: "e", Kind: KindBool},
	}
	ex, err := Read(Source{Path: p}, fields)
	if err != nil {
		t.Fatal(err)
	}
	num := func(n string) float64 { return ex.Column(n).Num[0] }
	// a: decimal comma elsewhere → 1234; b: decimal point elsewhere → 1.234;
	// c: no evidence, ';' file → Danish 1234.
	if num("a") != 1234 || num("b") != 1.234 || num("c") != 1234 {
		t.Errorf("ambiguous: a=%v b=%v c=%v", num("a"), num("b"), num("c"))
	}
	if d := ex.Column("d"); !d.Missing[1] || d.Missing[0] {
		t.Errorf("ja/nej column: blank must be missing: %v", d.Missing)
	}
	if e := ex.Column("e"); e.Missing[1] || e.Bool[1] || !e.Bool[0] {
		t.Errorf("x column: blank must be no: %v %v", e.Bool, e.Missing)
	}
}

// In an x-tick column the blanks become no, but a cell that is no yes/no
// value stays missing (and a problem), in whichever block it is read.
func TestXTicksKeepProblemsMissing(t *testing.T) {
	defer func(n int) { csvBlockSize = n }(csvBlockSize)
	csv := "e;f\nx;1\n;2\nmåske;3\n ;4\nx;5\n"
	p := writeFile(t, t.TempDir(), "x.csv", csv)
	fields := []Field{{Name: "e", Header: "e", Kind: KindBool}, {Name: "f", Header: "f", Kind: KindNumber}}
	for _, size := range []int{5, 4 << 20} {
		csvBlockSize = size
		ex, err := Read(Source{Path: p}, fields)
		must(t, err)
		e := ex.Column("e")
		wantMissing := []bool{false, false, true, false, false}
		wantBool := []bool{true, false, false, false, true}
		if !reflect.DeepEqual(e.Missing, wantMissing) || !reflect.DeepEqual(e.Bool, wantBool) {
			t.Errorf("blocks of %d: missing %v bool %v, want %v %v", size, e.Missing, e.Bool, wantMissing, wantBool)
		}
		if len(ex.Problems) != 1 || ex.Problems[0].Cell != "A4" {
			t.Errorf("blocks of %d: problems %v", size, ex.Problems)
		}
	}
}

func TestAmbiguousWithoutEvidence(t *testing.T) {
	p := writeXLSX(t, t.TempDir(), "a.xlsx", false, false, sheetSpec{name: "S", rows: [][]any{{"n"}, {"1.234"}, {"7"}}})
	ex, err := Read(Source{Path: p}, []Field{{Name: "n", Header: "n", Kind: KindNumber}})
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.Problems) != 1 || ex.Problems[0].Cell != "A2" || !ex.Column("n").Missing[0] {
		t.Errorf("problems %v", ex.Problems)
	}
}
