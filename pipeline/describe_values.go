package pipeline

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/extract"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// column returns a mapped field's column (nil when an optional column is
// absent) and its config type.
func (t *table) column(field string) (*extract.Column, string) {
	for k, name := range t.name {
		if name == field {
			return t.cols[k], t.kind[k]
		}
	}
	return nil, ""
}

// textField gives a row per value, in Danish alphabetical order (æ ø å
// after z, as strata), then "other" for the values held by fewer than min
// people in all (their text is never printed: it could be a name typed
// into the column) and "missing" for blank cells.
func textField(c *Cohort, col *extract.Column, min int) describedField {
	seen := make([]int, len(col.Dict))
	for _, p := range c.People {
		if !col.Missing[p.Index] {
			seen[col.Codes[p.Index]]++
		}
	}
	var names []string
	for code, n := range seen {
		if code > 0 && n > 0 && col.Dict[code] != "" && n >= min {
			names = append(names, col.Dict[code])
		}
	}
	collate.New(language.Danish).SortStrings(names)
	f := describedField{code: make([]uint16, len(c.People))}
	for _, v := range names {
		f.rows = append(f.rows, results.DescribeRow{Key: v, Kind: results.RowValue})
	}
	other, missing := len(names), len(names)+1
	f.rows = append(f.rows, results.DescribeRow{Key: results.RowOther, Kind: results.RowOther},
		results.DescribeRow{Key: results.RowMissing, Kind: results.RowMissing})
	row := make([]uint16, len(col.Dict))
	for code, v := range col.Dict {
		row[code] = uint16(other)
		if k := slices.Index(names, v); k >= 0 {
			row[code] = uint16(k)
		}
		if code == 0 || v == "" {
			row[code] = uint16(missing)
		}
	}
	for i, p := range c.People {
		f.code[i] = row[col.Codes[p.Index]]
		if col.Missing[p.Index] {
			f.code[i] = uint16(missing)
		}
	}
	return f
}

// boolField gives the rows "true", "false" and "missing".
func boolField(c *Cohort, col *extract.Column) describedField {
	f := describedField{code: make([]uint16, len(c.People)), rows: []results.DescribeRow{
		{Key: "true", Kind: results.RowValue}, {Key: "false", Kind: results.RowValue},
		{Key: results.RowMissing, Kind: results.RowMissing}}}
	for i, p := range c.People {
		switch {
		case col.Missing[p.Index]:
			f.code[i] = 2
		case !col.Bool[p.Index]:
			f.code[i] = 1
		}
	}
	return f
}

// numberField gives a row per band [cut k, cut k+1), then "outside" (a
// value below the first cut or at or above the last) and "missing"; and
// each person's value, read through conv (nil: the number itself) from
// the column and their entry date.
func numberField(c *Cohort, col *extract.Column, conv func(*extract.Column, int, time.Time) float64, cuts []float64) describedField {
	f := describedField{code: make([]uint16, len(c.People)), value: make([]float64, len(c.People)), rows: bandRows(cuts)}
	outside, missing := uint16(len(f.rows)-2), uint16(len(f.rows)-1)
	for i, p := range c.People {
		v := math.NaN()
		switch {
		case col.Missing[p.Index]:
		case conv != nil:
			v = conv(col, int(p.Index), p.Entry.Time())
		default:
			v = col.Num[p.Index]
		}
		f.value[i] = v
		f.code[i] = bandOf(v, cuts, outside, missing)
	}
	return f
}

// bandOf is the row of value v: band k when cuts[k] ≤ v < cuts[k+1].
func bandOf(v float64, cuts []float64, outside, missing uint16) uint16 {
	if math.IsNaN(v) {
		return missing
	}
	if len(cuts) == 0 {
		return 0 // present
	}
	k := sort.Search(len(cuts), func(i int) bool { return cuts[i] > v }) - 1 // cuts ≤ v, less one
	if k < 0 || k >= len(cuts)-1 {
		return outside
	}
	return uint16(k)
}

// bandRows are the rows of a number field: one per band, outside,
// missing; without bands, present (a value) and missing.
func bandRows(cuts []float64) []results.DescribeRow {
	missing := results.DescribeRow{Key: results.RowMissing, Kind: results.RowMissing}
	if len(cuts) == 0 {
		return []results.DescribeRow{{Key: results.RowPresent, Kind: results.RowPresent}, missing}
	}
	var rows []results.DescribeRow
	for k := 0; k+1 < len(cuts); k++ {
		lo, hi := cuts[k], cuts[k+1]
		rows = append(rows, results.DescribeRow{Key: "[" + num(lo) + "," + num(hi) + ")", Kind: results.RowBand, Low: &lo, High: &hi})
	}
	return append(rows, results.DescribeRow{Key: results.RowOutside, Kind: results.RowOutside}, missing)
}

func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// missingField is a field whose optional column is absent: everyone missing.
func missingField(n int, kind string, cuts []float64) describedField {
	f := describedField{code: make([]uint16, n)}
	switch kind {
	case config.TypeNumber, config.TypeDate:
		f.rows = bandRows(cuts)
		f.value = make([]float64, n)
		for i := range f.value {
			f.value[i] = math.NaN()
		}
	case config.TypeBool:
		f.rows = []results.DescribeRow{{Key: "true", Kind: results.RowValue}, {Key: "false", Kind: results.RowValue}}
		f.rows = append(f.rows, results.DescribeRow{Key: results.RowMissing, Kind: results.RowMissing})
	default:
		f.rows = []results.DescribeRow{{Key: results.RowOther, Kind: results.RowOther}, {Key: results.RowMissing, Kind: results.RowMissing}}
	}
	for i := range f.code {
		f.code[i] = uint16(len(f.rows) - 1)
	}
	return f
}

// ageAtEntry reads a birth date as the age at entry in whole years: the
// birthdays passed by the entry date (a 29 February birthday is passed on
// 1 March in other years). A birth date after entry is missing.
func ageAtEntry(col *extract.Column, i int, entry time.Time) float64 {
	return ageYears(col.DateAt(i), entry)
}

func ageYears(birth, at time.Time) float64 {
	if birth.After(at) {
		return math.NaN()
	}
	by, bm, bd := birth.Date()
	ay, am, ad := at.Date()
	y := ay - by
	if am < bm || (am == bm && ad < bd) {
		y--
	}
	return float64(y)
}
