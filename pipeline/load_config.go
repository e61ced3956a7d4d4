package pipeline

import "github.com/danish-eval/evaluate/pipeline/config"

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
	return cfg, nil
}
