package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// hashFile is the SHA-256 of a file in hex, for the manifest.
func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return "", fmt.Errorf("extract %s: file not found", privacy.Mask(path))
	}
	if err != nil {
		return "", fmt.Errorf("extract %s: %w", privacy.Mask(path), errors.Unwrap(err))
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("extract %s: %w", privacy.Mask(path), err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// hashAlongside starts hashing the file on a core of its own while the
// workbook is read (its parts are read compressed, in another order); the
// function returned waits for the sum.
func hashAlongside(path string) func() (string, error) {
	type sum struct {
		hex string
		err error
	}
	done := make(chan sum, 1)
	go func() {
		s, err := hashFile(path)
		done <- sum{s, err}
	}()
	return func() (string, error) {
		s := <-done
		return s.hex, s.err
	}
}
