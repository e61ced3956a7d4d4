package extract

import (
	"fmt"
	"strings"

	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// mapping says where each field's cells are: slotOf[col] is the index of
// sheet column col in a row's cells (-1 if unmapped); slot[i] is field
// i's index (-1 for an absent optional column).
type mapping struct {
	slotOf  []int
	slot    []int
	headers []string // per field, as written
	letters []string // per field
	nslots  int
}

// mapHeader matches each field to exactly one header cell. headers[col]
// is the header text of 0-based column col. All missing and doubled
// headers are reported in one error, listing the headers found.
func mapHeader(file, sheet string, row int, headers []string, fields []Field) (*mapping, error) {
	m := &mapping{slotOf: make([]int, len(headers)), slot: make([]int, len(fields)),
		headers: make([]string, len(fields)), letters: make([]string, len(fields))}
	for i := range m.slotOf {
		m.slotOf[i] = -1
	}
	norms := make([]string, len(headers))
	for i, h := range headers {
		norms[i] = normHeader(h)
	}
	var missing, doubled []string
	for i, f := range fields {
		m.slot[i] = -1
		want, found := normHeader(f.Header), -1
		for col, n := range norms {
			if n == "" || n != want {
				continue
			}
			if found >= 0 {
				doubled = append(doubled, fmt.Sprintf("%s (field %s) is in both column %s and column %s",
					privacy.QuoteName(f.Header), f.Name, colLetter(found), colLetter(col)))
				break
			}
			found = col
		}
		switch {
		case found >= 0:
			if m.slotOf[found] < 0 {
				m.slotOf[found] = m.nslots
				m.nslots++
			}
			m.slot[i], m.headers[i], m.letters[i] = m.slotOf[found], strings.TrimSpace(headers[found]), colLetter(found)
		case !f.Optional:
			missing = append(missing, fmt.Sprintf("%s (field %s)", privacy.QuoteName(f.Header), f.Name))
		}
	}
	if len(doubled) > 0 {
		return nil, fail(ErrHeader, file, sheet, "header row %d: %s; rename one of them", row, strings.Join(doubled, "; "))
	}
	if len(missing) > 0 {
		return nil, fail(ErrNoColumn, file, sheet, "header row %d has no column %s; the headers found are %s",
			row, strings.Join(missing, ", "), listHeaders(headers))
	}
	return m, nil
}

// listHeaders quotes the non-empty headers for an error message (at most
// 40, CPR-shaped parts masked).
func listHeaders(headers []string) string {
	var q []string
	for _, h := range headers {
		if h = strings.TrimSpace(h); h == "" {
			continue
		}
		if len(q) == 40 {
			q = append(q, "…")
			break
		}
		q = append(q, privacy.QuoteName(h))
	}
	if len(q) == 0 {
		return "none (the row is empty)"
	}
	return strings.Join(q, ", ")
}
