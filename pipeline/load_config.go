package pipeline

import (
	"fmt"

	"github.com/danish-eval/evaluate/pipeline/config"
)

// LoadConfig reads the cohort config and applies --seed, --replicates and
// --lang, which win over the file (and are recorded as overrides).
func LoadConfig(path string, o Options) (*config.Config, error) {
	cfg, err := config.Load(path, o.Overrides)
	if err != nil {
		return nil, err
	}
	if o.Seed != nil {
		cfg.Bootstrap.Seed = *o.Seed
	}
	if o.Replicates != nil {
		cfg.Bootstrap.Replicates = *o.Replicates
	}
	if o.Lang != "" {
		cfg.Language = o.Lang
	}
	if o.Seed != nil || o.Replicates != nil || o.Lang != "" {
		// the command line's values meet the same limits as the file's
		if err := cfg.Validate(); err != nil {
			return nil, fmt.Errorf("config %s (with the command line's settings): %w", path, err)
		}
	}
	return cfg, nil
}
