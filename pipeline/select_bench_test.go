package pipeline

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/extract"
)

// benchExtract is n generated rows with the pva config's columns: four
// sites, three end reasons and a blank one, blank end dates and hours, and
// every id distinct, as a register extract would be.
func benchExtract(cfg *config.Config, n int, seed uint64) *extract.Extract {
	rng := rand.New(rand.NewPCG(5, seed))
	ex := &extract.Extract{File: "bench.csv", Rows: n}
	cols := map[string]*extract.Column{}
	for _, name := range cfg.ColumnNames() {
		kind, _ := extract.ParseKind(cfg.Columns[name].Type)
		ex.Columns = append(ex.Columns, extract.Column{Field: extract.Field{Name: name, Kind: kind}, Missing: make([]bool, n)})
	}
	for i := range ex.Columns {
		c := &ex.Columns[i]
		cols[c.Field.Name] = c
		switch c.Field.Kind {
		case extract.KindText:
			c.Codes, c.Dict = make([]uint32, n), []string{""}
		case extract.KindID:
			c.ID = make([]extract.IDHash, n)
		case extract.KindNumber:
			c.Num = make([]float64, n)
		case extract.KindDate:
			c.Days = make([]int32, n)
		case extract.KindBool:
			c.Bool = make([]bool, n)
		}
	}
	sites := []string{"Næstved", "Slagelse", "Ringsted", "Holbæk"}
	reasons := []string{"gennemført", "afbrudt", "igangværende", ""}
	origin := time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		ex.RowNumbers.Add(i + 2)
		cols["id"].ID[i] = extract.HashID(fmt.Sprintf("P%07d", i))
		setText(cols["site"], i, sites[rng.IntN(len(sites))])
		setText(cols["consultant"], i, fmt.Sprintf("K%02d", rng.IntN(40)))
		start := origin.AddDate(0, 0, rng.IntN(4*365))
		cols["start"].SetDate(i, start)
		cols["end"].SetDate(i, start.AddDate(0, 0, rng.IntN(500)))
		cols["end"].Missing[i] = rng.IntN(4) == 0
		setText(cols["reason"], i, reasons[rng.IntN(len(reasons))])
		cols["hours"].Num[i] = float64(rng.IntN(3) * rng.IntN(30))
		cols["hours"].Missing[i] = rng.IntN(10) == 0
		cols["education"].Bool[i] = rng.IntN(4) == 0
		cols["education"].Missing[i] = rng.IntN(20) == 0
		cols["followup"].SetDate(i, origin.AddDate(5, 0, 0))
		describeRow(cols, rng, i, start)
	}
	return ex
}

// describeRow fills the columns pva describes (when the config maps them):
// a birth date 18–66 years before start, sex, benefit group, and for a
// third a first job within a year of the end.
func describeRow(cols map[string]*extract.Column, rng *rand.Rand, i int, start time.Time) {
	if c := cols["birth_date"]; c != nil {
		c.SetDate(i, start.AddDate(-18-rng.IntN(49), 0, -rng.IntN(365)))
	}
	if c := cols["sex"]; c != nil {
		setText(c, i, []string{"kvinde", "mand"}[rng.IntN(2)])
	}
	if c := cols["benefit"]; c != nil {
		setText(c, i, []string{"kontanthjælp", "sygedagpenge", "uddannelseshjælp", "ressourceforløbsydelse"}[rng.IntN(4)])
	}
	if c := cols["first_job"]; c != nil {
		c.SetDate(i, cols["end"].DateAt(i).AddDate(0, 0, rng.IntN(365)))
		c.Missing[i] = rng.IntN(3) != 0
	}
}

// BenchmarkSelectMeasures1e6: select the cohort and evaluate the pva
// config's rules (3 statuses, 4 measures, strata by site) on 10⁶ rows.
// Without the id column, the same without the duplicate check: what the
// rules and the rest of selection cost.
func BenchmarkSelectMeasures1e6(b *testing.B) {
	cfg, err := config.Load(filepath.Join("..", "data", "cohorts", "pva.yaml"), nil)
	if err != nil {
		b.Fatal(err)
	}
	r, err := CompileRules(cfg)
	if err != nil {
		b.Fatal(err)
	}
	ex := benchExtract(cfg, 1_000_000, 6)
	noID := *cfg
	noID.Columns = maps.Clone(cfg.Columns)
	delete(noID.Columns, "id")
	for _, bc := range []struct {
		name string
		cfg  *config.Config
	}{{"pva", cfg}, {"pva without id column", &noID}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				c, err := SelectCohort(bc.cfg, r, ex)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Measure(bc.cfg, r, c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// setText writes v into row i of a dictionary-encoded text column.
func setText(c *extract.Column, i int, v string) {
	code := slices.Index(c.Dict, v)
	if code < 0 {
		code = len(c.Dict)
		c.Dict = append(c.Dict, v)
	}
	c.Codes[i] = uint32(code)
}
