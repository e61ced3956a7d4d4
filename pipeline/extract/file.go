package extract

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// CheckFile makes sure path names a regular file before anything opens or
// hashes it: opening a named pipe (FIFO) waits for a writer forever, and a
// device such as /dev/zero never ends. Symbolic links are followed, so a
// link to a pipe is refused too.
func CheckFile(path string) error {
	// The operating system's message repeats the path, unmasked: unwrap it.
	name := privacy.Mask(filepath.Base(path))
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: file not found (%s): %w", name, privacy.Mask(path), errors.Unwrap(err))
	case err != nil:
		return fmt.Errorf("%s: %w", name, errors.Unwrap(err))
	case st.Mode().IsRegular():
		return nil
	}
	return fmt.Errorf("%s is %s, not a file; source.file must name a saved .xlsx or .csv file", name, describeMode(st.Mode()))
}

func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0:
		return "a character device (such as /dev/zero)"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "not a regular file"
}
