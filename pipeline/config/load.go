package config

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// Load reads the cohort config at path, applies the --set overrides in order,
// fills in defaults and validates it. Errors name the file and, where known,
// the line and key.
func Load(path string, overrides []Override) (*Config, error) {
	raw, err := readConfig(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("config %s: file not found", privacy.Mask(path))
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the path is said once, masked
	}
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", privacy.Mask(path), err)
	}
	cfg, err := Parse(raw, overrides)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", privacy.Mask(path), err)
	}
	sum := sha256.Sum256(raw)
	cfg.SHA256 = hex.EncodeToString(sum[:])
	cfg.Path = path
	cfg.Dir = filepath.Dir(path)
	return cfg, nil
}

// maxConfigBytes bounds a config file. A cohort config is a few kilobytes;
// the bound is far above that so that an over-long value (a pasted
// paragraph as a title) still reaches the check that names its key.
const maxConfigBytes = 32 << 20

// readConfig reads a config file, refusing anything but a regular file (a
// named pipe would block, /dev/zero never end) and anything over
// maxConfigBytes, before reading it.
func readConfig(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a file (a folder, named pipe or device); name a .yaml file")
	}
	if st.Size() > maxConfigBytes {
		return nil, fmt.Errorf("the file is %d MB; a cohort config is a few kilobytes (at most %d MB)", st.Size()>>20, maxConfigBytes>>20)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, maxConfigBytes+1))
	if err == nil && len(raw) > maxConfigBytes {
		err = fmt.Errorf("the file grew past %d MB while it was read", maxConfigBytes>>20)
	}
	return raw, err
}

// Parse decodes config bytes strictly, applies overrides, defaults and checks.
func Parse(raw []byte, overrides []Override) (*Config, error) {
	doc, lines := raw, lineMap{}
	if len(overrides) > 0 {
		var err error
		if doc, lines, err = applyOverrides(raw, overrides); err != nil {
			return nil, err
		}
	}
	cfg, err := decode(doc)
	if err != nil {
		return nil, lines.reword(err)
	}
	cfg.Overrides = overrides
	cfg.raw = raw
	if err := cfg.Validate(); err != nil {
		return nil, lines.reword(err)
	}
	return cfg, nil
}

// decode reads a config document strictly and fills in the defaults.
func decode(doc []byte) (*Config, error) {
	// Before the strict decode, whose messages may quote a value.
	if err := checkIdentifiers(doc); err != nil {
		return nil, err
	}
	var cfg Config
	dec := yaml.NewDecoder(bytes.NewReader(doc))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil {
		return nil, typeErrors(yamlError(err), doc)
	}
	given, err := checkScalars(doc)
	if err != nil {
		return nil, err
	}
	cfg.applyDefaults(given)
	return &cfg, nil
}

var fieldNotFound = regexp.MustCompile(`line (\d+): field (\S+) not found in type config\.(\w+)`)

// yamlError turns yaml.v3's messages into sentences for people.
func yamlError(err error) error {
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("the file is empty")
	}
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n  ")
	msg = strings.ReplaceAll(msg, "\n  ", "; ")
	msg = fieldNotFound.ReplaceAllString(msg, "line $1: unknown key \"$2\" in $3")
	return errors.New(msg)
}

func (c *Config) applyDefaults(given map[string]bool) {
	if len(c.StrataFields) > 0 {
		c.Strata = c.StrataFields[0]
	}
	if c.Language == "" {
		c.Language = DefaultLanguage
	}
	if c.Title == "" {
		c.Title = c.ID
	}
	if c.Source.HeaderRow == 0 {
		c.Source.HeaderRow = DefaultHeaderRow
	}
	if c.Cohort.Include == "" {
		c.Cohort.Include = DefaultInclude
	}
	if c.Cohort.Entry == "" {
		c.Cohort.Entry = DefaultEntry
	}
	if c.Cohort.Exit == "" {
		c.Cohort.Exit = DefaultExit
	}
	if c.Cohort.Unmatched == "" {
		c.Cohort.Unmatched = DefaultUnmatched
	}
	if c.Cohort.Duplicates == "" {
		c.Cohort.Duplicates = DefaultDuplicates
	}
	for i := range c.Measures {
		c.Measures[i].applyDefaults()
	}
	if c.Exits != nil && c.Exits.Among == "" {
		c.Exits.Among = "ended"
	}
	if c.Retention != nil && len(c.Retention.Times) == 0 {
		c.Retention.Times = append([]float64(nil), DefaultTimes...)
	}
	if c.Costs != nil && c.Costs.Among == "" {
		c.Costs.Among = "started"
	}
	if c.Comparison != nil {
		c.Comparison.applyDefaults(c)
	}
	b := &c.Bootstrap
	if b.Replicates == 0 && !given["bootstrap.replicates"] {
		b.Replicates = DefaultReplicates
	}
	if b.Seed == 0 && !given["bootstrap.seed"] {
		b.Seed = DefaultSeed
	}
	if b.Level == 0 && !given["bootstrap.level"] {
		b.Level = DefaultLevel
	}
	if len(b.Methods) == 0 {
		b.Methods = append([]string(nil), DefaultMethods...)
	}
}

// applyDefaults fills in a measure's among, label and, when it names an
// event date, the origin and horizons.
func (m *Measure) applyDefaults() {
	if m.Among == "" {
		m.Among = "started"
	}
	if m.Label.In("") == "" {
		m.Label = Label{"": m.ID}
	}
	if m.At == "" {
		return
	}
	if m.From == "" {
		m.From = FromEntry
	}
	if len(m.Horizons) == 0 {
		m.Horizons = append([]float64(nil), DefaultHorizons...)
	}
}
