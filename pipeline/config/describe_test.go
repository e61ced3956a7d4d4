package config

import (
	"slices"
	"strings"
	"testing"
)

// storyConfig is minimal plus columns to describe and an event date.
const storyConfig = minimal + `  - id: job
    count: "job != nil"
    at: job
`

func withColumns(src string) string {
	return strings.Replace(src, "  reason: {header: årsag, type: text}\n",
		"  reason: {header: årsag, type: text}\n  age: {header: alder, type: number}\n  born: {header: fødselsdato, type: date}\n"+
			"  gender: {header: køn, type: text}\n  job: {header: første_job, type: date}\n"+
			"  advisor: {header: Konsulent, type: text}\n  pid: {header: løbenr, type: id}\n", 1)
}

// describe, bands and a measure's at, from and horizons: defaults and the
// errors that name the key and say what was expected.
func TestDescribeAndHorizonKeys(t *testing.T) {
	base := withColumns(storyConfig)
	c, err := Parse([]byte(base+"describe: [age, gender, born]\nbands: {age: [18, 30, 67], born: [18, 67]}\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if m := c.Measures[1]; m.From != "entry" || !slices.Equal(m.Horizons, []float64{13, 26, 52}) {
		t.Errorf("defaults: from %q horizons %v, want entry [13 26 52]", m.From, m.Horizons)
	}
	tests := []struct{ name, add, want string }{
		{"unknown field", "describe: [alder]\n", `describe: "alder" is not a mapped column`},
		{"twice", "describe: [age, age]\n", `describe: "age" is listed twice`},
		{"the id", "describe: [pid]\n", `describe: "pid" is the id column`},
		{"a name column", "describe: [advisor]\n", `describe: "advisor" holds names or personal numbers`},
		{"bands not increasing", "bands: {age: [18, 30, 30, 67]}\n", `bands.age: expected increasing numbers`},
		{"one cut", "bands: {age: [18]}\n", `bands.age: expected at least two cut points`},
		{"bands of text", "bands: {gender: [1, 2]}\n", `bands.gender: "gender" is a text column`},
		{"bands of no column", "bands: {height: [1, 2]}\n", `bands.height: "height" is not a mapped column`},
	}
	for _, tc := range tests {
		if _, err := Parse([]byte(base+tc.add), nil); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	measureTests := []struct{ name, edit, want string }{
		{"at not a column", "    at: jobb\n", `measures.job.at: "jobb" is not a mapped column`},
		{"at not a date", "    at: gender\n", `measures.job.at: "gender" is a text column`},
		{"bad from", "    at: job\n    from: start\n", `measures.job.from "start": expected entry or exit`},
		{"horizons down", "    at: job\n    horizons: [26, 13]\n", `measures.job.horizons: expected increasing positive weeks`},
		{"horizons without at", "    horizons: [13]\n", `measures.job: from and horizons need at`},
	}
	for _, tc := range measureTests {
		src := strings.Replace(base, "    at: job\n", tc.edit, 1)
		if _, err := Parse([]byte(src), nil); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}
