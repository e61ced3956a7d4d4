package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/extract"
	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// Input is the extract read for a cohort, with the file's checksum.
type Input struct {
	Extract *extract.Extract
	SHA256  string
}

// Ingest reads the mapped columns of the config's source, typed.
func Ingest(cfg *config.Config) (*Input, error) {
	fields := make([]extract.Field, 0, len(cfg.Columns))
	for _, name := range cfg.ColumnNames() {
		col := cfg.Columns[name]
		kind, err := extract.ParseKind(col.Type)
		if err != nil {
			return nil, fmt.Errorf("columns.%s: %w", name, err)
		}
		fields = append(fields, extract.Field{Name: name, Header: col.Header, Kind: kind, Optional: col.Optional})
	}
	path := cfg.SourcePath()
	if err := extract.CheckFile(path); err != nil { // before hashing: a pipe would never end
		return nil, err
	}
	sum, err := fileSHA256(path)
	if err != nil {
		return nil, err
	}
	ex, err := extract.Read(extract.Source{Path: path, Sheet: cfg.Source.Sheet, HeaderRow: cfg.Source.HeaderRow, MaxRows: cfg.Source.MaxRows}, fields)
	if err != nil {
		return nil, err
	}
	return &Input{Extract: ex, SHA256: sum}, nil
}

func fileSHA256(path string) (string, error) {
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
