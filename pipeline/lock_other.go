//go:build !unix

package pipeline

import "os"

// Off Unix there is no flock; runs into one --out are not serialised.
func tryLock(*os.File) (bool, error) { return false, nil }

func waitLock(*os.File) error { return nil }
