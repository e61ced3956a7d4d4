package reports

import "fmt"

// XLSX writes results.xlsx: every table of the report, one sheet each in
// the report's order, with the report's language in the headers, numbers
// as numbers, ".." for suppressed.
func XLSX(c *Content) ([]byte, error) {
	t := TextFor(c.Lang, c.Level)
	var sheets []xsheet
	seen := map[string]int{}
	for _, tb := range c.Tables() {
		sh := xlsxSheet(t, tb)
		sh.name = uniqueSheet(sh.name, seen)
		sheets = append(sheets, sh)
	}
	return writeXLSX(sheets, c.Title, c.Lang, c.Date)
}

// uniqueSheet numbers a sheet name already used ("Resultater (2)"),
// within Excel's 31 characters.
func uniqueSheet(name string, seen map[string]int) string {
	seen[name]++
	if n := seen[name]; n > 1 {
		suffix := fmt.Sprintf(" (%d)", n)
		r := []rune(name)
		name = string(r[:min(len(r), 31-len(suffix))]) + suffix
		seen[name]++
	}
	return name
}
