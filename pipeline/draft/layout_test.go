package draft

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestHeaderRow(t *testing.T) {
	for _, tc := range []struct {
		name string
		recs [][]string
		want int
	}{
		{"row 1", [][]string{{"id", "start"}, {"P1", "44927"}}, 1},
		{"title and period above", [][]string{{"Deltagere"}, {"Periode: 2022"}, {}, {"CPR-nr", "Jobcenter", "Startdato"}, {"x", "Nord", "44927"}}, 4},
		{"a text data row does not outscore the headers", [][]string{{"Navn", "Sted", "Status"}, {"Gennemført", "Nord", "Ja"}}, 1},
		{"recognised headers win over text", [][]string{{"a", "b", "c", "d"}, {"startdato", "slutdato", "årsag"}}, 2},
		{"no row with two text cells", [][]string{{"only"}, {"1", "2"}}, 1},
		{"empty", nil, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := headerRow(tc.recs); got != tc.want {
				t.Errorf("headerRow = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestRecognise(t *testing.T) {
	for _, tc := range []struct{ header, field string }{
		{"Årsag til afslutning", "reason"}, {"Ophørsårsag", "reason"}, {"Exit reason", "reason"},
		{"Startdato", "start"}, {"Dato for opstart", "start"}, {"Start date", "start"},
		{"Slutdato", "end"}, {"Ophørsdato", "end"}, {"Dato for afslutning", "end"},
		{"Jobcenter", "site"}, {"Kommune", "site"}, {"Afdeling", "site"}, {"Sted", "site"},
		{"Beskæftigelse efter 3 mdr", "employment"}, {"Job efter 6 mdr.", "employment"},
		{"Lønnede timer", "hours"}, {"Selvforsørgende efter 6 mdr", "self_supporting"},
		{"Påbegyndt uddannelse", "education"}, {"Fødselsdato", "birth_date"}, {"Alder", "age"},
		{"Køn", "sex"}, {"Ydelse", "benefit"}, {"Målgruppe", "target_group"},
		{"Opfølgningsdato", "followup"},
	} {
		k, ok, _ := recognise(tc.header)
		if !ok || k.field != tc.field {
			t.Errorf("recognise(%q) = %q, %v; want %q", tc.header, k.field, ok, tc.field)
		}
	}
	if k, ok, _ := recognise("bemærkning"); ok {
		t.Errorf("bemærkning recognised as %q", k.field)
	}
}

func TestStatusOf(t *testing.T) {
	for _, tc := range []struct {
		value, status string
		byWord        bool
	}{
		{"Gennemført", "completed", false}, {"afbrudt", "dropout", false},
		{"Ordinært job", "completed", true}, {"Påbegyndt uddannelse", "completed", true},
		{"Afbrudt af borgeren", "dropout", true}, {"Udeblevet", "dropout", true},
		{"Ikke gennemført", "dropout", true}, {"Igangværende forløb", "ongoing", true},
		{"Sygdom", "", false}, {"afsluttet", "", false},
	} {
		s, w := statusOf(tc.value)
		if s != tc.status || w != tc.byWord {
			t.Errorf("statusOf(%q) = %q, %v; want %q, %v", tc.value, s, w, tc.status, tc.byWord)
		}
	}
}

// layoutBook writes a cover sheet, a small sheet and a bigger data sheet
// with its header in row 3, and a hidden sheet bigger still.
func layoutBook(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	set := func(sheet, cell string, v any) {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetSheetName("Sheet1", "Forside"); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 40; i++ { // a long cover must still lose
		set("Forside", "A"+strconv.Itoa(i), "Tekst om udtrækket")
		set("Forside", "B"+strconv.Itoa(i), "mere tekst")
	}
	for _, sh := range []string{"Lille", "Data", "Skjult"} {
		if _, err := f.NewSheet(sh); err != nil {
			t.Fatal(err)
		}
	}
	fill := func(sheet string, header, n int) {
		set(sheet, "A1", "Udtræk")
		for c, h := range []string{"deltager_id", "startdato", "årsag"} {
			set(sheet, string(rune('A'+c))+strconv.Itoa(header), h)
		}
		for i := 1; i <= n; i++ {
			set(sheet, "A"+strconv.Itoa(header+i), "P"+strconv.Itoa(1000+i))
			set(sheet, "B"+strconv.Itoa(header+i), "2022-01-"+strconv.Itoa(10+i%18))
			set(sheet, "C"+strconv.Itoa(header+i), []string{"gennemført", "afbrudt"}[i%2])
		}
	}
	fill("Lille", 1, 5)
	fill("Data", 3, 20)
	fill("Skjult", 1, 50)
	if err := f.SetSheetVisible("Skjult", false); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLayout(t *testing.T) {
	path := layoutBook(t)
	for _, tc := range []struct {
		name      string
		o         Options
		sheet     string
		headerRow int
	}{
		{"most data rows, cover and hidden skipped", Options{}, "Data", 3},
		{"--sheet", Options{Sheet: "Lille"}, "Lille", 1},
		{"--header-row", Options{Sheet: "Data", HeaderRow: 1}, "Data", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sheet, row, err := layout(path, tc.o)
			if err != nil || sheet != tc.sheet || row != tc.headerRow {
				t.Errorf("layout = %q, %d, %v; want %q, %d", sheet, row, err, tc.sheet, tc.headerRow)
			}
		})
	}
}

// TestCSVHeaderRowAndTotal: a CSV with a title line has its header found;
// an "I alt" line is not counted and its text is not a status.
func TestCSVHeaderRowAndTotal(t *testing.T) {
	path := filepath.Join(t.TempDir(), "udtraek.csv")
	text := "Deltagere i forløbet;;\n;;\nCPR-nr;Startdato;Årsag\n"
	for i := 0; i < 12; i++ {
		text += "41" + strconv.Itoa(10+i) + "90-" + strconv.Itoa(1000+i) + ";0" + strconv.Itoa(1+i%9) + "-02-2022;" +
			[]string{"Gennemført", "Afbrudt"}[i%2] + "\n"
	}
	text += ";I alt;12\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	got := mustDraft(t, path, "")
	for _, want := range []string{"header_row: 3", "(12 data rows; 1 total row(s)",
		"{header: CPR-nr, type: id}  # CPR number: used only to find duplicate rows",
		`completed: "reason == 'Gennemført'"`, `dropout: "reason == 'Afbrudt'"`} {
		if !strings.Contains(got, want) {
			t.Errorf("the draft lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "I alt") && !strings.Contains(got, `such as "I alt"`) {
		t.Errorf("the total row shows in the draft:\n%s", got)
	}
}

// TestWordMatchNeedsFittingValues: a header recognised only by a word in
// it claims the field only when its values are of the field's type.
func TestWordMatchNeedsFittingValues(t *testing.T) {
	path := filepath.Join(t.TempDir(), "udtraek.csv")
	text := "deltager_id;startdato;kategori_opfølgning;Dato for ophør\n"
	for i := 0; i < 10; i++ {
		text += "P" + strconv.Itoa(100+i) + ";0" + strconv.Itoa(1+i%9) + "-02-2022;jobparat;1" + strconv.Itoa(i%9) + "-05-2022\n"
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	got := mustDraft(t, path, "")
	for _, want := range []string{"kategori_opfoelgning: {header: kategori_opfølgning, type: text}",
		"end:                  {header: Dato for ophør, type: date, optional: true}"} {
		if !strings.Contains(got, want) {
			t.Errorf("the draft lacks %q:\n%s", want, got)
		}
	}
}
