package config

import (
	"slices"
	"strings"
	"testing"
)

// strata is one field or a list; the first is Strata (resampling,
// by_stratum), the rest MoreStrata. Each field is checked like the first.
func TestStrataList(t *testing.T) {
	cols := "columns:\n  sted: {header: sted, type: text}\n  køn: {header: køn, type: text}\n  navn: {header: navn, type: text}\n  age: {header: alder, type: number}\n"
	for _, tc := range []struct {
		strata, want string
		fields       []string
	}{
		{"sted", "", []string{"sted"}},
		{"[sted]", "", []string{"sted"}},
		{"[sted, køn]", "", []string{"sted", "køn"}},
		{"\"\"", "", nil},
		{"[sted, sted]", `strata lists "sted" twice`, nil},
		{"[sted, køn, age, sted, køn]", "strata lists 5 fields; at most 4", nil},
		{"[sted, ukendt]", `strata "ukendt" is not a mapped column`, nil},
		{"[sted, navn]", `strata "navn" holds names`, nil},
		{"[sted, age]", `strata "age" is a number column`, nil},
		{"[sted, [køn]]", "strata lists field names", nil},
		{"{a: b}", "strata is a field name or a list of field names", nil},
	} {
		src := strings.Replace(minimal, "columns:\n", cols, 1) + "strata: " + tc.strata + "\nlabels: {køn: {da: køn, en: gender}, sted: {da: sted, en: site}}\n"
		c, err := Parse([]byte(src), nil)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("strata: %s: %v", tc.strata, err)
		case tc.want == "" && (!slices.Equal(c.StrataFields, tc.fields) || c.Strata != first(tc.fields) || !slices.Equal(c.MoreStrata(), rest(tc.fields))):
			t.Errorf("strata: %s: fields %v, first %q, more %v", tc.strata, c.StrataFields, c.Strata, c.MoreStrata())
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("strata: %s: error %v, want %q", tc.strata, err, tc.want)
		}
	}
}

// --set strata takes one field or a YAML list.
func TestStrataOverride(t *testing.T) {
	src := strings.Replace(minimal, "columns:\n", "columns:\n  sted: {header: sted, type: text}\n  køn: {header: køn, type: text}\n", 1) + "strata: sted\n"
	c, err := Parse([]byte(src), []Override{{Key: "strata", Value: "[sted, køn]"}, {Key: "labels", Value: "{køn: {da: køn}}"}})
	if err != nil || !slices.Equal(c.StrataFields, []string{"sted", "køn"}) || c.Strata != "sted" {
		t.Fatalf("%v: %+v", err, c)
	}
}

func first(f []string) string {
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

func rest(f []string) []string {
	if len(f) < 2 {
		return nil
	}
	return f[1:]
}
