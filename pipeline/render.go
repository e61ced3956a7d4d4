package pipeline

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sync"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/privacy"
	"github.com/danish-eval/evaluate/reports"
)

// Render draws and encodes every output of a cohort in memory. The
// outputs are independent, so they are drawn up to workers at a time (the
// figure files one by one); each has its own slot, so the files do not
// depend on the order they finish in.
func Render(cfg *config.Config, a *Analysis, timings []StageTiming, workers int) (Files, error) {
	figs, err := reports.BuildFigures(a.Results)
	if err != nil {
		return nil, err
	}
	content := reports.BuildContent(a.Results, meta(cfg, a), figs)
	type output struct {
		name   string
		encode func() ([]byte, error)
	}
	outs := []output{
		{"report.pdf", func() ([]byte, error) { return reports.PDF(content) }},
		{"report.html", func() ([]byte, error) { return reports.HTML(content) }},
	}
	for _, f := range reports.PNGFiles(content, a.Results) {
		outs = append(outs, output{f.Name, f.Encode})
	}
	outs = append(outs,
		output{"results.xlsx", named("results.xlsx", func() ([]byte, error) { return reports.XLSX(content) })},
		output{"results.json", named("results.json", func() ([]byte, error) { return results.EncodeJSON(a.Results) })},
		output{"manifest.json", func() ([]byte, error) { return manifest(cfg, a, timings) }})
	if len(a.Problems) > 0 {
		outs = append(outs, output{"problems.xlsx", named("problems.xlsx", func() ([]byte, error) {
			return reports.ProblemsXLSX(cfg.Language, cfg.Title, a.Problems, a.Cohort.DataDate)
		})})
	}
	bytes := make([][]byte, len(outs))
	err = parallel(workers, len(outs), func(i int) (err error) {
		bytes[i], err = outs[i].encode()
		return err
	})
	if err != nil {
		return nil, err
	}
	files := Files{}
	for i, o := range outs {
		files[o.name] = bytes[i]
	}
	return files, nil
}

// named puts a file's name before encode's error.
func named(name string, encode func() ([]byte, error)) func() ([]byte, error) {
	return func() ([]byte, error) {
		b, err := encode()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return b, nil
	}
}

// parallel runs task(0) … task(n-1), up to workers at a time (at least
// one), and returns the error of the lowest-numbered task that failed, so
// that which error is reported does not depend on timing.
func parallel(workers, n int, task func(i int) error) error {
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(workers, n)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = task(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return firstError(errs)
}

func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
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
