//go:build unix

package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A source that is not a regular file is refused with a sentence before
// it is opened: a FIFO would block forever, /dev/zero never ends.
func TestReadRefusesNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pva.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	link := filepath.Join(dir, "link.xlsx")
	must(t, os.Symlink(fifo, link))
	folder := filepath.Join(dir, "folder.xlsx")
	must(t, os.Mkdir(folder, 0o755))
	tests := []struct{ name, path, want string }{
		{"fifo", fifo, "pva.csv is a named pipe (FIFO), not a file"},
		{"symlink to fifo", link, "link.xlsx is a named pipe (FIFO), not a file"},
		{"folder", folder, "folder.xlsx is a folder, not a file"},
		{"/dev/zero", "/dev/zero", "zero is a character device"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(tt.path); err != nil {
				t.Skip(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			done := make(chan error, 1)
			go func() {
				_, err := Read(Source{Path: tt.path}, []Field{{Name: "a", Header: "a"}})
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error %v, want %q", err, tt.want)
				}
			case <-ctx.Done():
				t.Fatal("Read hangs on a non-regular file")
			}
		})
	}
}
