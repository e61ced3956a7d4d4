package pipeline

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/danish-eval/evaluate/pipeline/config"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// TestGroupBy checks strata found through the column's codes against the
// texts themselves: every person's group is their text's rank in Danish
// order, a missing text and a blank one are the same group "", and a
// dictionary value nobody has is no group.
func TestGroupBy(t *testing.T) {
	cfg, err := config.Load(filepath.Join("..", "data", "cohorts", "pva.yaml"), nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := CompileRules(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ex := benchExtract(cfg, 3000, 9)
	site := ex.Column("site")
	site.Dict = append(site.Dict, "Åbenrå", "ingen har den")
	for i := range 3000 {
		switch i % 7 {
		case 1:
			site.Missing[i] = true
		case 2:
			site.Codes[i] = 0 // blank
		case 3:
			site.Codes[i] = uint32(len(site.Dict) - 2)
		}
	}
	c, err := SelectCohort(cfg, r, ex)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, p := range c.People {
		want = append(want, c.table.text("site", int(p.Index)))
	}
	names := slices.Compact(slices.Sorted(slices.Values(want)))
	collate.New(language.Danish).SortStrings(names)
	groups := c.groupBy("site", func(p *Person, k int) { p.Cluster = int32(k) })
	if !slices.Equal(groups, names) || !slices.Contains(groups, "") || !slices.Contains(groups, "Åbenrå") {
		t.Fatalf("groups %q, want %q with \"\" and Åbenrå", groups, names)
	}
	for k, p := range c.People {
		if groups[p.Cluster] != want[k] {
			t.Fatalf("person %d in group %q, text %q", k, groups[p.Cluster], want[k])
		}
	}
}
