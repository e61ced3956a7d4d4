package reports

import "github.com/danish-eval/evaluate/models/results"

// XLSX writes results.xlsx: the report's tables, one sheet each, with the
// report's language in the headers, numbers as numbers, ".." for suppressed.
func XLSX(r *results.Results) ([]byte, error) {
	t := TextFor(r.Cohort.Language, r.Bootstrap.Level)
	pct := "0.0%"
	sheets := []xsheet{measuresSheet(t, t.Outcomes, r.Measures, pct), xlsxSheet(t, flowTable(t, r.Flow))}
	if len(r.ByStratum) > 0 {
		sheets = append(sheets, xlsxSheet(t, strataTable(t, r)))
	}
	if r.Retention != nil {
		sheets = append(sheets, xlsxSheet(t, retentionTable(t, r.Retention)))
	}
	if len(r.Sensitivity) > 0 {
		sheets = append(sheets, xlsxSheet(t, sensitivityTable(t, r)))
	}
	if r.Exits != nil {
		sheets = append(sheets, measuresSheet(t, t.Exits, r.Exits.Categories, pct))
	}
	if c := r.Costs; c != nil {
		sheets = append(sheets, xsheet{name: sheetName(t.Costs), head: []string{t.CostsCount, t.MonthlyBenefit + " (DKK)", t.Months,
			t.GrossSaving + " (DKK)", t.NetSaving + " (DKK)"},
			rows: [][]xcell{{xi(c.Count), xn(&c.MonthlyBenefitDKK, "#,##0.00"), xn(&c.Months, "0"), xn(c.Gross, "#,##0"), xn(c.Net, "#,##0")}}})
	}
	return writeXLSX(sheets, r.Cohort.Title, r.Cohort.Language, dataDate(r))
}

func measuresSheet(t *Text, name string, ms []results.Measure, pct string) xsheet {
	sh := xsheet{name: name, head: []string{"id", t.Measure, t.Among, t.Count, t.N, t.Share, t.Method,
		t.Interval + " (" + t.Low + ")", t.Interval + " (" + t.High + ")"}}
	for _, m := range ms {
		base := []xcell{xt(m.ID), xt(m.Label), xt(t.Population(m.Among)), xi(m.Count), xi(m.Denominator), xn(m.Estimate, pct)}
		if len(m.Intervals) == 0 {
			sh.rows = append(sh.rows, append(base, xt(suppressedMark), xn(nil, ""), xn(nil, "")))
		}
		for _, iv := range m.Intervals {
			method := iv.Method
			if iv.Rule != "" {
				method += " (" + iv.Rule + ")"
			}
			row := append(append([]xcell(nil), base...), xt(method), xn(iv.Low, pct), xn(iv.High, pct))
			sh.rows = append(sh.rows, row)
		}
	}
	return sh
}
