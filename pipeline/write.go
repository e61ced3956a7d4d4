package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Files are the rendered outputs of one cohort: relative path → bytes.
type Files map[string][]byte

// Write puts the files into dir atomically: everything is written to a
// temporary sibling folder, which replaces dir only when all succeeded, so
// a failed run leaves the previous report intact.
func Write(dir string, files Files) error {
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+"-tmp-")
	if err != nil {
		return fmt.Errorf("create a temporary folder in %s: %w", parent, err)
	}
	defer os.RemoveAll(tmp)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	old := dir + ".old"
	os.RemoveAll(old)
	if _, err := os.Stat(dir); err == nil {
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("replace %s: %w", dir, err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.Rename(old, dir)
		return fmt.Errorf("replace %s: %w", dir, err)
	}
	return os.RemoveAll(old)
}
