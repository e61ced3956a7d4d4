package pipeline

import (
	"fmt"

	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/extract"
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
	// The reader hashes the file on its way through (a CSV) or alongside
	// (a workbook), rather than in a read of its own.
	ex, err := extract.Read(extract.Source{Path: path, Sheet: cfg.Source.Sheet, HeaderRow: cfg.Source.HeaderRow, MaxRows: cfg.Source.MaxRows, SHA256: true}, fields)
	if err != nil {
		return nil, err
	}
	return &Input{Extract: ex, SHA256: ex.SHA256}, nil
}
