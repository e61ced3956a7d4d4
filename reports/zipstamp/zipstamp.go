// Package zipstamp makes zip containers (.xlsx files) reproducible: the
// same entries, in the same order, each stamped with one fixed time, so
// the bytes depend on the content alone, never on when or where (time
// zone) a file was written.
package zipstamp

import (
	"archive/zip"
	"bytes"
	"io"
	"time"
)

// Restamp rewrites the container b with every entry's time set to t.
func Restamp(b []byte, t time.Time) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate, Modified: t})
		if err != nil {
			return nil, err
		}
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		_, err = io.Copy(w, rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
