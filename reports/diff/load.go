package diff

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/danish-eval/evaluate/models/results"
)

// FileName is the results file in a cohort folder.
const FileName = "results.json"

// portfolioSchema is the out folder's comparison of cohorts: derived from
// the cohorts' own results, so an out folder's diff leaves it out.
const portfolioSchema = "evaluate/portfolio/v1"

// Load reads one side of a diff: a results.json, a cohort folder (its
// results.json), or an out folder (every cohort folder in it with a
// results.json, in name order).
func Load(path string) (Side, error) {
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return Side{}, fmt.Errorf("%s: no such file or folder", path)
	}
	if err != nil {
		return Side{}, err
	}
	file := path
	if st.IsDir() {
		file = filepath.Join(path, FileName)
		if _, err := os.Stat(file); err != nil {
			cs, err := loadOut(path)
			return Side{Cohorts: cs, Folder: true}, err
		}
	}
	c, err := loadFile(file)
	return Side{Cohorts: []Cohort{c}}, err
}

func loadOut(dir string) ([]Cohort, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []Cohort
	from := map[string]string{}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name(), FileName)
		if _, err := os.Stat(p); !e.IsDir() || err != nil {
			continue
		}
		if schemaOf(p) == portfolioSchema {
			continue
		}
		c, err := loadFile(p)
		if err != nil {
			return nil, err
		}
		if prev, dup := from[c.ID]; dup {
			return nil, fmt.Errorf("%s and %s both hold cohort %q: a side must hold each cohort once", prev, p, c.ID)
		}
		from[c.ID] = p
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no %s in the folder nor in any cohort folder in it", dir, FileName)
	}
	return out, nil
}

func loadFile(path string) (Cohort, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Cohort{}, err
	}
	r, err := results.Decode(b)
	if err != nil {
		return Cohort{}, fmt.Errorf("%s: %w", path, err)
	}
	return Cohort{ID: r.Cohort.ID, Path: path, Results: r}, nil
}

// schemaOf is the schema a JSON file names ("" when unreadable).
func schemaOf(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	var head struct {
		Schema string `json:"schema"`
	}
	if json.Unmarshal(b, &head) != nil {
		return ""
	}
	return head.Schema
}
