package reports

import "github.com/danish-eval/evaluate/models/results"

// XLSX writes results.xlsx: the report's tables, one sheet each, with the
// report's language in the headers, numbers as numbers, ".." for suppressed.
func XLSX(r *results.Results, meta results.Meta) ([]byte, error) {
	t := TextFor(r.Cohort.Language, r.Bootstrap.Level).WithLabels(r.Cohort.Labels)
	sheets := []xsheet{xlsxSheet(t, measuresTable(t, t.Summary, r.Measures)), xlsxSheet(t, flowTable(t, r.Flow))}
	sheets = append(sheets, xlsxSheet(t, intervalsTable(t, r.Measures)))
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
		sheets = append(sheets, xlsxSheet(t, measuresTable(t, t.Exits, r.Exits.Categories)))
	} else if ret := r.Retention; ret != nil && len(ret.Incidence) > 0 {
		sheets = append(sheets, xlsxSheet(t, incidenceTable(t, ret.Incidence)))
	}
	if c := r.Costs; c != nil {
		sheets = append(sheets, xlsxSheet(t, costsTable(t, c)))
	}
	if len(meta.Definitions) > 0 {
		sheets = append(sheets, xlsxSheet(t, definitionsTable(t, meta.Definitions)))
	}
	return writeXLSX(sheets, r.Cohort.Title, r.Cohort.Language, dataDate(r))
}
