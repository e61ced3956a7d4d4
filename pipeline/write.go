package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Files are the rendered outputs of one cohort: relative path → bytes.
type Files map[string][]byte

// Write puts the files into dir in one atomic step: everything is written
// to a hidden sibling folder (.<id>.tmp-N), which then trades places with
// dir in a single rename (renameat2 RENAME_EXCHANGE), so dir is at every
// moment either the whole previous report or the whole new one, and a
// failed run leaves the previous report intact. dir stays a real folder,
// which is what people copy, zip or open from a file manager.
//
// Where the file system cannot exchange (not Linux, some network file
// systems) the old folder is first moved aside to .<id>.old-N and the new
// one renamed into place; a crash between those two renames is repaired by
// the next Write, which moves the old folder back before doing anything.
// Write also removes the temporary folders earlier runs left behind.
// Callers writing into one --out concurrently hold its lock (LockOut).
func Write(dir string, files Files) error {
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", parent, err)
	}
	if err := recoverAndClean(dir); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, tempPrefix(dir, "tmp"))
	if err != nil {
		return fmt.Errorf("create a temporary folder in %s: %w", parent, err)
	}
	defer os.RemoveAll(tmp)
	if err := writeTree(tmp, files); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	return swapIn(tmp, dir)
}

// tempPrefix names dir's hidden siblings. An id is [a-z0-9_-], so the dot
// keeps one cohort's temporary folders apart from another's.
func tempPrefix(dir, kind string) string {
	return "." + filepath.Base(dir) + "." + kind + "-"
}

// writeTree writes the files under root, in sorted order.
func writeTree(root string, files Files) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	return nil
}

// swapIn makes tmp's contents appear at dir and removes what was there.
// After it returns, tmp holds the previous report (or nothing).
func swapIn(tmp, dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(tmp, dir); err != nil {
			return fmt.Errorf("move the new report into %s: %w", dir, err)
		}
		return nil
	}
	err := exchange(tmp, dir)
	if err == nil {
		return os.RemoveAll(tmp) // the previous report, now at tmp
	}
	if !errors.Is(err, errNoExchange) {
		return fmt.Errorf("replace %s: %w", dir, err)
	}
	return twoStepSwap(tmp, dir)
}

// twoStepSwap is the fallback: move the old report aside, then the new one
// in; recoverAndClean repairs a crash in between.
func twoStepSwap(tmp, dir string) error {
	old, err := os.MkdirTemp(filepath.Dir(dir), tempPrefix(dir, "old"))
	if err != nil {
		return fmt.Errorf("replace %s: %w", dir, err)
	}
	if err := os.Remove(old); err != nil { // only the unique name is wanted
		return fmt.Errorf("replace %s: %w", dir, err)
	}
	if err := os.Rename(dir, old); err != nil {
		return fmt.Errorf("replace %s: %w", dir, err)
	}
	afterMoveAside() // tests simulate a crash here
	if err := os.Rename(tmp, dir); err != nil {
		if rerr := os.Rename(old, dir); rerr != nil {
			return fmt.Errorf("replace %s: %w (the previous report is in %s)", dir, err, old)
		}
		return fmt.Errorf("replace %s: %w", dir, err)
	}
	return os.RemoveAll(old)
}

// afterMoveAside is a test hook between the two renames of twoStepSwap.
var afterMoveAside = func() {}

// recoverAndClean restores a report that a crash left moved aside (when
// dir is missing), then removes every temporary folder of dir: this
// program's .<id>.tmp-N and .<id>.old-N, and the .<id>-tmp-N and <id>.old
// that earlier versions left.
func recoverAndClean(dir string) error {
	parent, base := filepath.Split(dir)
	entries, err := os.ReadDir(filepath.Clean(parent))
	if err != nil {
		return fmt.Errorf("read %s: %w", parent, err)
	}
	var stale, moved []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, tempPrefix(dir, "old")) || name == base+".old":
			moved = append(moved, name)
		case strings.HasPrefix(name, tempPrefix(dir, "tmp")) || isLegacyTemp(name, base):
			stale = append(stale, name)
		}
	}
	if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) && len(moved) > 0 {
		sort.Strings(moved)
		if err := os.Rename(filepath.Join(parent, moved[0]), dir); err != nil {
			return fmt.Errorf("restore the previous report %s: %w", dir, err)
		}
		moved = moved[1:]
	}
	for _, name := range append(stale, moved...) {
		if err := os.RemoveAll(filepath.Join(parent, name)); err != nil {
			return fmt.Errorf("remove the leftover folder %s: %w", filepath.Join(parent, name), err)
		}
	}
	return nil
}

// isLegacyTemp matches os.MkdirTemp(parent, "."+id+"-tmp-"): the prefix
// and then only digits.
func isLegacyTemp(name, base string) bool {
	rest, ok := strings.CutPrefix(name, "."+base+"-tmp-")
	if !ok || rest == "" {
		return false
	}
	for _, c := range rest {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
