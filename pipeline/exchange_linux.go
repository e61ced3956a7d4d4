package pipeline

import (
	"errors"

	"golang.org/x/sys/unix"
)

// renameExchange swaps two paths in one step (renameat2 RENAME_EXCHANGE, Linux
// 3.15+). File systems that cannot (some network ones) give errNoExchange.
func renameExchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) {
		return errNoExchange
	}
	return err
}
