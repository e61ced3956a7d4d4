package pipeline

import (
	"os"
	"path/filepath"
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
