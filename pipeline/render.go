package pipeline

import (
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/privacy"
	"github.com/danish-eval/evaluate/reports"
)

// Render draws and encodes every output of a cohort in memory.
func Render(cfg *config.Config, a *Analysis, timings []StageTiming) (Files, error) {
	files := Files{}
	js, err := results.EncodeJSON(a.Results)
	if err != nil {
		return nil, fmt.Errorf("results.json: %w", err)
	}
	files["results.json"] = js
	figs, err := reports.BuildFigures(a.Results)
	if err != nil {
		return nil, err
	}
	content := reports.BuildContent(a.Results, meta(cfg, a), figs)
	xl, err := reports.XLSX(content)
	if err != nil {
		return nil, fmt.Errorf("results.xlsx: %w", err)
	}
	files["results.xlsx"] = xl
	pngs, err := reports.PNGs(content, a.Results)
	if err != nil {
		return nil, err
	}
	for name, b := range pngs {
		files[name] = b
	}
	pdf, err := reports.PDF(content)
	if err != nil {
		return nil, err
	}
	files["report.pdf"] = pdf
	page, err := reports.HTML(content)
	if err != nil {
		return nil, err
	}
	files["report.html"] = page
	man, err := manifest(cfg, a, timings)
	if err != nil {
		return nil, err
	}
	files["manifest.json"] = man
	if len(a.Problems) > 0 {
		b, err := reports.ProblemsXLSX(cfg.Language, cfg.Title, a.Problems, a.Cohort.DataDate)
		if err != nil {
			return nil, fmt.Errorf("problems.xlsx: %w", err)
		}
		files["problems.xlsx"] = b
	}
	return files, nil
}

func meta(cfg *config.Config, a *Analysis) results.Meta {
	m := results.Meta{Version: Version, ConfigFile: fileName(cfg.Path), ConfigSHA256: cfg.SHA256,
		InputFile: fileName(cfg.Source.File), InputSHA256: a.InputSHA256, InputEncoding: a.InputEncoding}
	m.Definitions = append(m.Definitions,
		results.Definition{Name: "cohort.include", Rule: cfg.Cohort.Include},
		results.Definition{Name: "cohort.entry", Rule: cfg.Cohort.Entry},
		results.Definition{Name: "cohort.exit", Rule: cfg.Cohort.Exit})
	for _, s := range cfg.Cohort.Status {
		m.Definitions = append(m.Definitions, results.Definition{Name: "status " + s.Name, Rule: s.Expr})
	}
	for _, ms := range cfg.Measures {
		m.Definitions = append(m.Definitions, results.Definition{Name: ms.ID, Rule: ms.Count + "  |  among: " + ms.Among})
	}
	if e := cfg.Exits; e != nil {
		for _, c := range e.Categories {
			m.Definitions = append(m.Definitions, results.Definition{Name: "exit " + c.Name, Rule: c.Expr})
		}
	}
	if c := cfg.Costs; c != nil {
		m.Definitions = append(m.Definitions, results.Definition{Name: "costs", Rule: c.Count + "  |  among: " + c.Among})
	}
	for _, o := range cfg.Overrides {
		m.Overrides = append(m.Overrides, override(o))
	}
	return m
}

// Manifest records how the report was made; timings are the only thing
// that differs between two runs, and they live only here.
type Manifest struct {
	Program      string `json:"program"`
	Version      string `json:"version"`
	Config       string `json:"config"`
	ConfigSHA256 string `json:"config_sha256"`
	Input        string `json:"input"`
	InputSHA256  string `json:"input_sha256"`
	// InputEncoding is the character set of a CSV input (absent for .xlsx).
	InputEncoding string        `json:"input_encoding,omitempty"`
	Seed          uint64        `json:"seed"`
	Replicates    int           `json:"replicates"`
	Overrides     []string      `json:"overrides"`
	Timings       []StageTiming `json:"timings"`
}

func manifest(cfg *config.Config, a *Analysis, timings []StageTiming) ([]byte, error) {
	m := Manifest{Program: "evaluate", Version: Version, Config: fileName(cfg.Path), ConfigSHA256: cfg.SHA256,
		Input: fileName(cfg.Source.File), InputSHA256: a.InputSHA256, InputEncoding: a.InputEncoding, Seed: cfg.Bootstrap.Seed,
		Replicates: cfg.Bootstrap.Replicates, Overrides: []string{}, Timings: timings}
	for _, o := range cfg.Overrides {
		m.Overrides = append(m.Overrides, override(o))
	}
	b, err := json.MarshalIndent(m, "", "  ")
	return append(b, '\n'), err
}

// fileName is a file's base name as the outputs print it: a CPR-shaped
// part (an extract saved as 010190-1234.xlsx) is masked; the SHA-256
// beside it still pins the file.
func fileName(path string) string {
	return privacy.Mask(filepath.Base(path))
}

// override is a --set assignment as the outputs record it. Only a file,
// sheet or header name can still hold a CPR number here (the config's own
// text was refused on loading); it is masked like the file name.
func override(o config.Override) string {
	return privacy.Mask(o.Key + "=" + o.Value)
}
