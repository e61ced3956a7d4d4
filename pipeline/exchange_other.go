//go:build !linux

package pipeline

// renameExchange is unavailable off Linux; Write falls back to two renames.
func renameExchange(a, b string) error { return errNoExchange }
