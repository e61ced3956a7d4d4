package extract

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The inputs (10⁵ and 10⁶ rows) are generated deterministically, once,
// into a cache directory outside the repository (writing the 10⁶-row
// workbook takes about a minute).

var benchFields = []Field{
	{Name: "id", Header: "deltager_id", Kind: KindID},
	{Name: "site", Header: "sted", Kind: KindText},
	{Name: "start", Header: "startdato", Kind: KindDate},
	{Name: "end", Header: "slutdato", Kind: KindDate},
	{Name: "reason", Header: "afslutningsårsag", Kind: KindText},
	{Name: "hours", Header: "lønnede_timer", Kind: KindNumber},
	{Name: "education", Header: "uddannelse", Kind: KindBool},
	{Name: "followup", Header: "opfølgningsdato", Kind: KindDate},
}

var (
	benchSites   = []string{"Næstved", "Slagelse", "Ringsted", "Holbæk", "Køge"}
	benchReasons = []string{"gennemført", "afbrudt", "igangværende"}
)

func benchDir(b *testing.B) string {
	dir := os.Getenv("EVALUATE_BENCH_DIR")
	if dir == "" {
		c, err := os.UserCacheDir()
		if err != nil {
			c = os.TempDir()
		}
		dir = filepath.Join(c, "evaluate-bench")
	}
	must(b, os.MkdirAll(dir, 0o755))
	return dir
}

// benchRow gives row i's values: start, end (blank for 1 in 5),
// followup as serials; hours as a float.
func benchRow(i int) (id, site string, start, end int, reason string, hours float64, edu bool, follow int) {
	start = 42736 + i%1460
	end = start + 30 + i%300
	if i%5 == 0 {
		end = 0
	}
	return fmt.Sprintf("P%07d", i), benchSites[i%5], start, end, benchReasons[i%3], float64(i%400) / 4, i%3 == 0, start + 365
}

func benchXLSX(b *testing.B, rows int) string {
	p := filepath.Join(benchDir(b), "extract-"+benchName(rows)+"x8.xlsx")
	if _, err := os.Stat(p); err == nil {
		return p
	}
	f := excelize.NewFile()
	defer f.Close()
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(b, err)
	sw, err := f.NewStreamWriter("Sheet1")
	must(b, err)
	hdr := []any{}
	for _, fl := range benchFields {
		hdr = append(hdr, fl.Header)
	}
	must(b, sw.SetRow("A1", hdr))
	row := make([]any, 8)
	for i := 1; i <= rows; i++ {
		id, site, start, end, reason, hours, edu, follow := benchRow(i)
		row[0], row[1], row[4], row[5] = id, site, reason, hours
		row[2] = excelize.Cell{StyleID: style, Value: start}
		row[3] = nil
		if end != 0 {
			row[3] = excelize.Cell{StyleID: style, Value: end}
		}
		row[6] = nil
		if edu {
			row[6] = "x"
		}
		row[7] = excelize.Cell{StyleID: style, Value: follow}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(b, sw.SetRow(cell, row))
	}
	must(b, sw.Flush())
	tmp := filepath.Join(filepath.Dir(p), "partial-"+filepath.Base(p)) // SaveAs wants .xlsx
	must(b, f.SaveAs(tmp))
	must(b, os.Rename(tmp, p))
	return p
}

func benchCSV(b *testing.B, rows int) string {
	p := filepath.Join(benchDir(b), "extract-"+benchName(rows)+"x8.csv")
	if _, err := os.Stat(p); err == nil {
		return p
	}
	f, err := os.Create(p + ".tmp")
	must(b, err)
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "deltager_id;sted;startdato;slutdato;afslutningsårsag;lønnede_timer;uddannelse;opfølgningsdato")
	for i := 1; i <= rows; i++ {
		id, site, start, end, reason, hours, edu, follow := benchRow(i)
		ds := func(s int) string {
			if s == 0 {
				return ""
			}
			t, _ := serialDate(float64(s), false)
			return t.Format("02-01-2006")
		}
		x := ""
		if edu {
			x = "x"
		}
		fmt.Fprintf(w, "%s;%s;%s;%s;%s;%s;%s;%s\n", id, site, ds(start), ds(end), reason,
			fmt.Sprintf("%g", hours), x, ds(follow))
	}
	must(b, w.Flush())
	must(b, f.Close())
	must(b, os.Rename(p+".tmp", p))
	return p
}

func benchRead(b *testing.B, p string, rows int) {
	b.ReportAllocs()
	for b.Loop() {
		ex, err := Read(Source{Path: p}, benchFields)
		if err != nil {
			b.Fatal(err)
		}
		if ex.Rows != rows || len(ex.Problems) != 0 {
			b.Fatalf("rows %d, problems %d (%v)", ex.Rows, len(ex.Problems), ex.Problems[:min(3, len(ex.Problems))])
		}
	}
}

// go test -run '^$' -bench ReadXLSX1e5 ./pipeline/extract/
func BenchmarkReadXLSX1e5(b *testing.B) { benchRead(b, benchXLSX(b, 100_000), 100_000) }

// go test -run '^$' -bench ReadXLSX1e6 -benchtime 1x ./pipeline/extract/
func BenchmarkReadXLSX1e6(b *testing.B) {
	if testing.Short() {
		b.Skip("10⁶ rows")
	}
	benchRead(b, benchXLSX(b, 1_000_000), 1_000_000)
}

// go test -run '^$' -bench ReadCSV1e5 ./pipeline/extract/
func BenchmarkReadCSV1e5(b *testing.B) { benchRead(b, benchCSV(b, 100_000), 100_000) }

// go test -run '^$' -bench ReadCSV1e6 -benchtime 1x ./pipeline/extract/
func BenchmarkReadCSV1e6(b *testing.B) {
	if testing.Short() {
		b.Skip("10⁶ rows")
	}
	benchRead(b, benchCSV(b, 1_000_000), 1_000_000)
}

// BenchmarkReadCSVSequential1e6 is the record-by-record reader on the same
// file, the yardstick of the block reader.
func BenchmarkReadCSVSequential1e6(b *testing.B) {
	if testing.Short() {
		b.Skip("10⁶ rows")
	}
	p := benchCSV(b, 1_000_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readSeq(Source{Path: p}, benchFields); err != nil {
			b.Fatal(err)
		}
	}
}

// benchName names an input by its rows: 1e5, 1e6.
func benchName(rows int) string {
	e := 0
	for n := rows; n >= 10; n /= 10 {
		e++
	}
	return fmt.Sprintf("1e%d", e)
}

// go test -run '^$' -bench HashID ./pipeline/extract/
func BenchmarkHashID(b *testing.B) {
	ids := make([]string, 1024)
	for i := range ids {
		ids[i] = fmt.Sprintf("%010d", 1_000_000+i*7919)
	}
	var sink IDHash
	for i := 0; b.Loop(); i++ {
		sink = HashID(ids[i&1023])
	}
	_ = sink
}
