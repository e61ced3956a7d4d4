package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

func TestWriteReplacesAtomically(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out", "pva")
	if err := Write(dir, Files{"a.txt": []byte("one"), "figures/b.png": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, Files{"a.txt": []byte("two")}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "a.txt"))
	if string(got) != "two" {
		t.Errorf("a.txt = %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "figures/b.png")); !os.IsNotExist(err) {
		t.Errorf("stale file from the previous run survived: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("leftovers beside the output: %v", entries)
	}
}

func TestWriteFailureKeepsOld(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pva")
	if err := Write(dir, Files{"a.txt": []byte("old")}); err != nil {
		t.Fatal(err)
	}
	// A file name that cannot be created makes the write fail midway.
	err := Write(dir, Files{"a.txt": []byte("new"), "bad\x00name": []byte("x")})
	if err == nil {
		t.Fatal("want an error")
	}
	got, _ := os.ReadFile(filepath.Join(dir, "a.txt"))
	if string(got) != "old" {
		t.Errorf("old report lost: a.txt = %q", got)
	}
}

// The report folder stays a real folder (what people copy and zip), not a
// link, also after a previous version's real folder is replaced.
func TestWriteKeepsARealFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pva")
	for _, v := range []string{"one", "two", "three"} {
		if err := Write(dir, Files{"a.txt": []byte(v)}); err != nil {
			t.Fatal(err)
		}
	}
	st, err := os.Lstat(dir)
	if err != nil || !st.IsDir() {
		t.Fatalf("%s is not a folder: %v %v", dir, st, err)
	}
}

// withoutExchange makes Write take the two-rename fallback, as on a file
// system without renameat2 RENAME_EXCHANGE.
func withoutExchange(t *testing.T) {
	saved := exchange
	exchange = func(a, b string) error { return errNoExchange }
	t.Cleanup(func() { exchange = saved })
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// names lists a folder's entries.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestWriteFallback(t *testing.T) {
	withoutExchange(t)
	parent := t.TempDir()
	dir := filepath.Join(parent, "pva")
	if err := Write(dir, Files{"a.txt": []byte("old")}); err != nil {
		t.Fatal(err)
	}
	// Between the two renames the old report is aside and dir is missing:
	// exactly the state a crash there leaves.
	saved := afterMoveAside
	afterMoveAside = func() {
		got := names(t, parent)
		if len(got) != 2 || !strings.HasPrefix(got[0], ".pva.old-") || !strings.HasPrefix(got[1], ".pva.tmp-") {
			t.Errorf("between the renames: %v", got)
		}
	}
	t.Cleanup(func() { afterMoveAside = saved })
	if err := Write(dir, Files{"a.txt": []byte("new")}); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, filepath.Join(dir, "a.txt")); got != "new" {
		t.Errorf("a.txt = %q", got)
	}
	if got := names(t, parent); len(got) != 1 {
		t.Errorf("leftovers: %v", got)
	}
}

// A crash between the fallback's two renames leaves no pva but the old
// report at .pva.old-N and a half-written .pva.tmp-N; the next Write puts
// the old report back first, so a run that then fails still leaves it.
func TestWriteRecoversFromACrashBetweenRenames(t *testing.T) {
	for _, next := range []string{"fails", "succeeds"} {
		t.Run(next, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "pva")
			if err := Write(dir, Files{"a.txt": []byte("old")}); err != nil {
				t.Fatal(err)
			}
			must(t, os.Rename(dir, filepath.Join(parent, ".pva.old-123")))
			must(t, os.MkdirAll(filepath.Join(parent, ".pva.tmp-456", "figures"), 0o755))
			files, want := Files{"a.txt": []byte("new")}, "new"
			if next == "fails" {
				files, want = Files{"a.txt": []byte("new"), "bad\x00name": nil}, "old"
			}
			err := Write(dir, files)
			if (err != nil) != (next == "fails") {
				t.Fatalf("error %v", err)
			}
			if got := readString(t, filepath.Join(dir, "a.txt")); got != want {
				t.Errorf("a.txt = %q, want %q", got, want)
			}
			if got := names(t, parent); len(got) != 1 {
				t.Errorf("leftovers: %v", got)
			}
		})
	}
}

// Temporary folders that earlier runs (and earlier versions) left are
// removed; those of another cohort are not.
func TestWriteRemovesStaleTemporaryFolders(t *testing.T) {
	parent := t.TempDir()
	for _, n := range []string{".pva-tmp-123456", ".pva.tmp-9", ".pva.old-7", "pva.old", "pva", ".pva-tmp-x", ".pva2.tmp-1", ".jeps-tmp-5", "pva-tmp"} {
		must(t, os.MkdirAll(filepath.Join(parent, n, "figures"), 0o755))
	}
	if err := Write(filepath.Join(parent, "pva"), Files{"a.txt": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(names(t, parent), " ")
	if want := ".jeps-tmp-5 .pva-tmp-x .pva2.tmp-1 pva pva-tmp"; got != want {
		t.Errorf("left %q, want %q", got, want)
	}
}

// Two runs into one --out hold its lock in turn: both succeed, and a
// reader never finds the report missing or half-written.
func TestConcurrentWritesToOneOut(t *testing.T) {
	out := t.TempDir()
	dir := filepath.Join(out, "pva")
	if err := Write(dir, Files{"a.txt": []byte("0"), "b.txt": []byte("0")}); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	var readerErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := os.Stat(filepath.Join(dir, "b.txt")); err != nil && readerErr == nil {
				readerErr = err
			}
		}
	}()
	errs := make(chan error, 2)
	var waited bytes.Buffer
	var mu sync.Mutex
	for w := 0; w < 2; w++ {
		go func() {
			for i := 0; i < 20; i++ {
				unlock, err := LockOut(out, &syncWriter{&mu, &waited})
				if err != nil {
					errs <- err
					return
				}
				err = Write(dir, Files{"a.txt": []byte(strconv.Itoa(i)), "b.txt": []byte("x")})
				unlock()
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for w := 0; w < 2; w++ {
		if err := <-errs; err != nil {
			t.Errorf("a concurrent run failed: %v", err)
		}
	}
	close(stop)
	wg.Wait()
	if readerErr != nil {
		t.Errorf("the report was missing while it was replaced: %v", readerErr)
	}
	if got := names(t, out); strings.Join(got, " ") != ".lock pva" {
		t.Errorf("left %v", got)
	}
	if w := waited.String(); w != "" && !strings.Contains(w, "another run is writing to "+out+"; waiting") {
		t.Errorf("wait message %q", w)
	}
}

// syncWriter serialises writes from the two goroutines.
type syncWriter struct {
	mu *sync.Mutex
	w  *bytes.Buffer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
