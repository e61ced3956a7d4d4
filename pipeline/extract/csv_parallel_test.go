package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// blockFields cover every kind, and the whole-column rules (x ticks,
// ambiguous 1.234, CPR-shaped values) that must see all blocks at once.
var blockFields = []Field{
	{Name: "id", Header: "id", Kind: KindID},
	{Name: "site", Header: "sted", Kind: KindText},
	{Name: "start", Header: "start", Kind: KindDate},
	{Name: "hours", Header: "timer", Kind: KindNumber, Optional: true},
	{Name: "edu", Header: "udd", Kind: KindBool, Optional: true},
	{Name: "note", Header: "note", Kind: KindText, Optional: true},
}

// manyRows is a header and n rows; row(i) gives row i's line (without its
// end of line).
func manyRows(header string, n int, eol string, row func(i int) string) string {
	var b strings.Builder
	b.WriteString(header + eol)
	for i := range n {
		b.WriteString(row(i) + eol)
	}
	return b.String()
}

// blockInputs are CSVs whose reading in blocks is easy to get wrong.
func blockInputs() map[string]string {
	plain := func(i int) string {
		return fmt.Sprintf("P%d;%s;%02d-%02d-2020;%d;%s;", i, []string{"Øst", "Vest", "Nord"}[i%3], 1+i%28, 1+i%12, i%40, []string{"ja", "nej", ""}[i%3])
	}
	return map[string]string{
		"plain":    manyRows("id;sted;start;timer;udd;note", 300, "\n", plain),
		"crlf+bom": "\ufeff" + manyRows("id;sted;start;timer;udd;note", 300, "\r\n", plain),
		"quoted newlines": manyRows("id;sted;start;timer;udd;note", 200, "\n", func(i int) string {
			if i%7 == 3 {
				return fmt.Sprintf("P%d;\"Jobcenter\nØst; \"\"nord\"\"\";01-01-2020;1;x;\"a\r\n\n\nb\"", i)
			}
			return fmt.Sprintf("P%d;Vest;2020-01-%02d;2;;", i, 1+i%28)
		}),
		"blank lines": manyRows("id;sted;start;timer;udd;note", 200, "\n", func(i int) string {
			switch i % 9 {
			case 2:
				return ""
			case 5:
				return " ; ;;\t;;"
			case 6:
				return "\r"
			}
			return plain(i)
		}) + "\n\n;;\n",
		"bad cells everywhere": manyRows("id;sted;start;timer;udd;note", 250, "\n", func(i int) string {
			switch i % 50 {
			case 7:
				return fmt.Sprintf("P%d;Øst;31-02-2020;abc;måske;", i)
			case 19:
				return fmt.Sprintf("P%d;Ny %d;01-01-1890;1.234;x;", i, i)
			case 33:
				return fmt.Sprintf("P%d;Øst;31-12-2020 10:00;12,5;X;", i)
			case 41:
				return fmt.Sprintf("P%d;Øst;15.06.2021;-3;ja;\"x\"\"y\"", i)
			}
			return fmt.Sprintf("P%d;Syd;2021-03-04;7;;", i)
		}),
		"ambiguous, then a decimal point late": manyRows("id;sted;start;timer;udd;note", 150, "\n", func(i int) string {
			if i == 140 {
				return "P;Øst;01-01-2020;12.5;x;"
			}
			return fmt.Sprintf("P%d;Øst;01-01-2020;%d.%03d;;", i, 1+i%9, i)
		}),
		"x ticks, one word late": manyRows("id;sted;start;timer;udd;note", 150, "\n", func(i int) string {
			e := []string{"x", ""}[i%2]
			if i == 149 {
				e = "nej"
			}
			return fmt.Sprintf("P%d;Øst;01-01-2020;1;%s;", i, e)
		}),
		"header on line 3, comma": "Udtræk 2021,,\n,,\n" + manyRows("id,sted,start,timer", 120, "\n", func(i int) string {
			return fmt.Sprintf("P%d,\"Øst, by\",01/02/2020,\"1,5\"", i)
		}),
		"no final newline": strings.TrimSuffix(manyRows("id;sted;start", 100, "\n", func(i int) string {
			return fmt.Sprintf("P%d;Øst;01-01-2020", i)
		}), "\n"),
		"final cr": strings.TrimSuffix(manyRows("id;sted;start", 100, "\n", func(i int) string {
			return fmt.Sprintf("P%d;Øst;01-01-2020", i)
		}), "\n") + "\r",
		"cpr late": manyRows("id;sted;start;timer;udd;note", 200, "\n", func(i int) string {
			if i == 190 {
				return "P;Øst;01-01-2020;1;;010190-1234"
			}
			return plain(i)
		}),
		"bare quote late": manyRows("id;sted;start", 200, "\n", func(i int) string {
			if i == 180 {
				return "P;Ø\"st;01-01-2020"
			}
			return fmt.Sprintf("P%d;Øst;01-01-2020", i)
		}),
		"open quote late": manyRows("id;sted;start", 200, "\n", func(i int) string {
			if i == 150 {
				return "P;\"Øst;01-01-2020"
			}
			return fmt.Sprintf("P%d;Øst;01-01-2020", i)
		}),
		"windows-1252 late": manyRows("id;sted;start", 200, "\n", func(i int) string {
			if i == 170 {
				return "P;\xd8st;01-01-2020"
			}
			return fmt.Sprintf("P%d;Vest;01-01-2020", i)
		}),
		"x ticks, a bad cell late": manyRows("id;sted;start;timer;udd;note", 300, "\n", func(i int) string {
			tick := []string{"x", "", " "}[i%3]
			if i == 280 {
				tick = "måske"
			}
			return fmt.Sprintf("P%d;Vest;01-01-2020;%d;%s;", i, i, tick)
		}),
		"windows-1252 throughout": manyRows("id;sted;start;timer;udd;note", 300, "\r\n", func(i int) string {
			site := []string{"\xd8st", "Vest", "\"N\xf8rre\r\nSkov\"", "\x81\x8d\x8f\x90\x9d", "\x80 \x9f \xff"}[i%5]
			return fmt.Sprintf("P%d;%s;%02d-01-2020;%d;%s;\xe6\xf8\xe5", i, site, 1+i%28, i, []string{"x", ""}[i%2])
		}),
		"windows-1252 header": manyRows("id;sted;start;\xf8vrigt", 50, "\n", func(i int) string {
			return fmt.Sprintf("P%d;\xc6r\xf8;01-01-2020;\xe5", i)
		}),
		"utf-8 mark, then windows-1252": "\ufeff" + manyRows("id;sted;start", 200, "\n", func(i int) string {
			if i == 190 {
				return "P;\xd8st;01-01-2020"
			}
			return fmt.Sprintf("P%d;Vest;01-01-2020", i)
		}),
		"header only": "id;sted;start\n",
		"no header":   "\n\n",
		"empty":       "",
	}
}

// TestCSVBlocksMatchSequential: the block reader gives the record-by-record
// reader's Extract, or its error, whatever the block size.
func TestCSVBlocksMatchSequential(t *testing.T) {
	dir := t.TempDir()
	defer func(n int) { csvBlockSize = n }(csvBlockSize)
	for name, content := range blockInputs() {
		p := writeFile(t, dir, strings.ReplaceAll(name, " ", "_")+".csv", content)
		for _, headerRow := range []int{1, 3} {
			src := Source{Path: p, HeaderRow: headerRow}
			want, wantErr := readSeq(src, blockFields)
			for _, size := range []int{1, 7, 64, 333, 4096, 4 << 20} {
				csvBlockSize = size
				got, err := Read(src, blockFields)
				if fmt.Sprint(err) != fmt.Sprint(wantErr) {
					t.Errorf("%s, header %d, blocks of %d: error %v, want %v", name, headerRow, size, err, wantErr)
					continue
				}
				if err == nil && !reflect.DeepEqual(got, want) {
					t.Errorf("%s, header %d, blocks of %d: Extract differs\n got %+v\nwant %+v", name, headerRow, size, got, want)
				}
			}
		}
	}
}

// TestCSVBlocksTaken: the block reader reads what it is for itself, and
// leaves the rest to the sequential reader.
func TestCSVBlocksTaken(t *testing.T) {
	dir := t.TempDir()
	defer func(n int) { csvBlockSize = n }(csvBlockSize)
	csvBlockSize = 64
	slow := map[string]bool{"bare quote late": true, "open quote late": true, "no header": true, "empty": true, "utf-8 mark, then windows-1252": true}
	for name, content := range blockInputs() {
		p := writeFile(t, dir, strings.ReplaceAll(name, " ", "_")+".csv", content)
		row := 1
		if strings.HasPrefix(name, "header on line 3") {
			row = 3
		}
		ex := &Extract{File: p, HeaderRow: row}
		ok, _ := readCSVBlocks(Source{Path: p, HeaderRow: row}, blockFields, ex)
		if ok == slow[name] {
			t.Errorf("%s: read in blocks %v, want %v", name, ok, !slow[name])
		}
	}
}

// TestCSVBlocksLimitAndChecksum: source.max_rows stops the block reader
// as it stops the sequential one, and the checksum taken on the way is
// the file's.
func TestCSVBlocksLimitAndChecksum(t *testing.T) {
	dir := t.TempDir()
	defer func(n int) { csvBlockSize = n }(csvBlockSize)
	csvBlockSize = 50
	content := blockInputs()["plain"]
	p := writeFile(t, dir, "limit.csv", content)
	for _, limit := range []int{299, 300, 301} {
		src := Source{Path: p, MaxRows: limit, SHA256: true}
		want, wantErr := readSeq(src, blockFields)
		got, err := Read(src, blockFields)
		if fmt.Sprint(err) != fmt.Sprint(wantErr) || (err == nil && !reflect.DeepEqual(got, want)) {
			t.Errorf("limit %d: %v, want %v", limit, err, wantErr)
		}
	}
	ex, err := Read(Source{Path: p, SHA256: true}, blockFields)
	must(t, err)
	if want, _ := hashFile(p); ex.SHA256 != want || len(want) != 64 {
		t.Errorf("checksum %q, want %q", ex.SHA256, want)
	}
	// The sequential reader (a Windows-1252 file) hashes alongside.
	p = writeFile(t, dir, "cp1252.csv", blockInputs()["windows-1252 late"])
	ex, err = Read(Source{Path: p, SHA256: true}, blockFields)
	must(t, err)
	if want, _ := hashFile(p); ex.SHA256 != want || len(want) != 64 || ex.Encoding == EncodingUTF8 {
		t.Errorf("sequential reader: checksum %q, want %q (encoding %s)", ex.SHA256, want, ex.Encoding)
	}
}

// readSeq is Read through the record-by-record reader only.
func readSeq(src Source, fields []Field) (*Extract, error) {
	if src.HeaderRow == 0 {
		src.HeaderRow = 1
	}
	ex := &Extract{File: src.Path, HeaderRow: src.HeaderRow}
	if err := readCSVSeq(src, fields, ex); err != nil {
		return nil, err
	}
	if src.SHA256 {
		ex.SHA256, _ = hashFile(src.Path)
	}
	return ex, nil
}

// FuzzCSVBlocks: on any text, in blocks of any size, the block reader
// agrees with the sequential one.
func FuzzCSVBlocks(f *testing.F) {
	for _, c := range blockInputs() {
		if len(c) < 2000 {
			f.Add(uint8(5), c)
		}
	}
	f.Add(uint8(3), "id;sted;start\nP1;\"a\nb\";01-01-2020\r\nP2;c;2020-02-30\n\nP3;\"\"\"\";x\n")
	f.Add(uint8(1), "\ufeffid,sted,start\r\n\"P,1\",\"Ø\r\nst\",\"01-01-2020\"\r\n")
	f.Add(uint8(2), "id;sted;start\r\nP1;\"\xd8\r\nst\";01-01-2020\r\nP2;\x81;x\n\xe6;\xf8;\xe5\n")
	dir := f.TempDir()
	defer func(n int) { csvBlockSize = n }(csvBlockSize)
	f.Fuzz(func(t *testing.T, size uint8, content string) {
		p := filepath.Join(dir, "f.csv")
		must(t, os.WriteFile(p, []byte(content), 0o644))
		src := Source{Path: p, HeaderRow: 1}
		want, wantErr := readSeq(src, blockFields)
		csvBlockSize = 1 + int(size)
		got, err := Read(src, blockFields)
		if fmt.Sprint(err) != fmt.Sprint(wantErr) || (err == nil && !reflect.DeepEqual(got, want)) {
			t.Fatalf("blocks of %d: %v %+v\nwant %v %+v", csvBlockSize, err, got, wantErr, want)
		}
	})
}

// decode1252 decodes every byte as the sequential reader's decoder does,
// alone and amid ASCII.
func TestDecode1252(t *testing.T) {
	var all []byte
	for b := range 256 {
		all = append(all, byte(b), 'a', byte(b))
	}
	want, err := charmap.Windows1252.NewDecoder().Bytes(all)
	must(t, err)
	if got := decode1252([]byte("keep:"), all); string(got) != "keep:"+string(want) {
		t.Errorf("decode1252 differs from charmap:\n got %q\nwant %q", got, want)
	}
}
