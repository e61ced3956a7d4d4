package pipeline

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// errNoExchange says the file system cannot swap two paths atomically.
var errNoExchange = errors.New("atomic exchange not supported")

// exchange swaps two paths in one step; a variable so that tests can take
// the fallback.
var exchange = renameExchange

// LockOut takes the lock of an output folder (an exclusive flock on
// out/.lock), so that two runs into one --out follow each other instead of
// replacing each other's folders midway. When another run holds it, a
// sentence goes to wait (if not nil) and LockOut waits. The lock ends
// with the process, also when it crashes.
func LockOut(out string, wait io.Writer) (unlock func(), err error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, fmt.Errorf("create the output folder %s: %w", out, err)
	}
	path := filepath.Join(out, ".lock")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open the lock file %s: %w", path, err)
	}
	busy, err := tryLock(f)
	if err == nil && busy {
		if wait != nil {
			fmt.Fprintf(wait, "evaluate: another run is writing to %s; waiting for it to finish\n", out)
		}
		err = waitLock(f)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("cannot lock the output folder %s (%v); is it on a file system without locks? Choose a local --out", out, err)
	}
	return func() { f.Close() }, nil
}

// outLock takes --out's lock once, when a run first writes, and holds it
// until the run ends. A nil *outLock does nothing (Report alone).
type outLock struct {
	out    string
	wait   io.Writer
	once   sync.Once
	unlock func()
	err    error
}

func (l *outLock) take() error {
	if l == nil {
		return nil
	}
	l.once.Do(func() { l.unlock, l.err = LockOut(l.out, l.wait) })
	return l.err
}

func (l *outLock) release() {
	if l != nil && l.unlock != nil {
		l.unlock()
	}
}
