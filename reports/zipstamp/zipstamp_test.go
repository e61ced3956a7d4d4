package zipstamp

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
	"time"
)

func build(t *testing.T, modified time.Time) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range []string{"b.xml", "a.xml"} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, "<x>"+name+"</x>")
	}
	zw.Close()
	return b.Bytes()
}

// Two containers with the same content written at different times give
// the same bytes, with entries and their order kept.
func TestRestamp(t *testing.T) {
	fixed := time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC)
	x, err := Restamp(build(t, time.Date(2020, 1, 1, 10, 0, 0, 0, time.UTC)), fixed)
	if err != nil {
		t.Fatal(err)
	}
	y, _ := Restamp(build(t, time.Date(2023, 6, 1, 17, 30, 0, 0, time.FixedZone("CEST", 7200))), fixed)
	if !bytes.Equal(x, y) {
		t.Fatal("same content, different bytes")
	}
	zr, err := zip.NewReader(bytes.NewReader(x), int64(len(x)))
	if err != nil || len(zr.File) != 2 || zr.File[0].Name != "b.xml" || !zr.File[0].Modified.Equal(fixed) {
		t.Fatalf("entries changed: %v %v", zr, err)
	}
	if _, err := Restamp([]byte("not a zip"), fixed); err == nil {
		t.Error("want an error for a non-zip")
	}
}
