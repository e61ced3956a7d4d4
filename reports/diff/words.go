package diff

import "strings"

// knownKeys says in words what a config path sets.
var knownKeys = map[string]string{
	"cohort.include":       "included if",
	"cohort.entry":         "entry date",
	"cohort.exit":          "exit date",
	"cohort.duplicates":    "duplicate ids",
	"retention.event":      "retention ends at",
	"retention.competing":  "competing exits",
	"retention.times":      "retention times",
	"strata":               "results by",
	"cluster":              "resampled in clusters of",
	"costs.count":          "saving counted for",
	"costs.among":          "saving among",
	"costs.deadweight":     "deadweight",
	"costs.months":         "months of saving",
	"bootstrap.replicates": "bootstrap replicates",
	"bootstrap.level":      "confidence level",
	"disclosure.min_cell":  "smallest published cell",
}

// Words says what a sensitivity variant changed: its set entries
// ("measures.employment.count = hours >= 10") as "employment: count =
// hours >= 10", joined by "; ".
func Words(set []string) string {
	out := make([]string, len(set))
	for i, s := range set {
		out[i] = entryWords(s)
	}
	return strings.Join(out, "; ")
}

func entryWords(entry string) string {
	path, value, ok := strings.Cut(entry, " = ")
	if !ok {
		return entry
	}
	parts := strings.Split(path, ".")
	switch {
	case knownKeys[path] != "":
		return knownKeys[path] + " = " + value
	case len(parts) >= 3 && parts[0] == "measures":
		return parts[1] + ": " + spaced(parts[2:]) + " = " + value
	case len(parts) == 3 && parts[0] == "cohort" && parts[1] == "status":
		return "status " + parts[2] + " if " + value
	case len(parts) == 3 && parts[0] == "exits" && parts[1] == "categories":
		return "exit " + parts[2] + " if " + value
	}
	return spaced(parts) + " = " + value
}

// spaced writes key parts as words: target.at_least → "target at least".
func spaced(parts []string) string {
	return strings.ReplaceAll(strings.Join(parts, " "), "_", " ")
}
