package models

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// The reference values are copies of ../shared/reference (see
// testdata/README.md); tests never read outside testdata.

// refRecord is one result record of a reference file. Fields that a record
// does not have stay zero.
type refRecord struct {
	Statistic      string    `json:"statistic"`
	Strata         string    `json:"strata"`
	Method         string    `json:"method"`
	Software       string    `json:"software"`
	Rules          string    `json:"rules"`
	Level          float64   `json:"level"`
	K              int       `json:"k"`
	N              int       `json:"n"`
	Lower          float64   `json:"lower"`
	Upper          float64   `json:"upper"`
	Z0             float64   `json:"z0"`
	A              float64   `json:"a"`
	SdLower        float64   `json:"sd_lower"`
	SdUpper        float64   `json:"sd_upper"`
	AInfluence     float64   `json:"a_influence"`
	AInfluenceW    float64   `json:"a_influence_weighted"`
	AdjustedLevels []float64 `json:"adjusted_levels"`
}

// refFile is the common layout of proportions.json and the bootstrap files.
type refFile struct {
	Software          string              `json:"software"`
	Data              any                 `json:"data"`
	Estimate          float64             `json:"estimate"`
	AccelerationExact struct{ A float64 } `json:"acceleration_exact"`
	Results           []refRecord         `json:"results"`
	Cases             []struct {
		K                 int         `json:"k"`
		N                 int         `json:"n"`
		Estimate          float64     `json:"estimate"`
		AccelerationExact float64     `json:"acceleration_exact"`
		Results           []refRecord `json:"results"`
	} `json:"cases"`
}

func loadReference(t testing.TB, name string) refFile {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var f refFile
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f
}

// findRecord returns the first record matching method and, when not empty,
// rules (monte_carlo records) and statistic/strata (bootstrap_strata.json).
func findRecord(t testing.TB, recs []refRecord, method, rules, statistic, strata string) refRecord {
	t.Helper()
	for _, r := range recs {
		if r.Method == method && (rules == "" || r.Rules == rules) &&
			(statistic == "" || r.Statistic == statistic) && (strata == "" || r.Strata == strata) {
			return r
		}
	}
	t.Fatalf("no reference record method=%q rules=%q statistic=%q strata=%q", method, rules, statistic, strata)
	return refRecord{}
}
