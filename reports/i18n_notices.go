package reports

import (
	"fmt"
	"strings"

	"github.com/danish-eval/evaluate/models/results"
)

// NoticeText states a notice as one sentence in the report's language.
func (t *Text) NoticeText(n results.Notice) string {
	col := fmt.Sprintf("%s (%s)", n.Header, n.Field)
	rows := Int(t.Lang, n.Count)
	switch n.Kind {
	case results.NoticeUnmatched:
		s := fmt.Sprintf(t.Msg("NoticeText.1"), rows)
		if v := t.values(n.Values); v != "" {
			s += t.Msg("NoticeText.2") + v
		}
		return s + "."
	case results.NoticeUndecided:
		return fmt.Sprintf(t.Msg("NoticeText.3"), rows, n.Rule)
	case results.NoticeTimeOfDay:
		return fmt.Sprintf(t.Msg("NoticeText.4"), rows, col, n.Cells)
	case results.NoticeMerged:
		return fmt.Sprintf(t.Msg("NoticeText.5"), col, n.Cells, rows)
	case results.NoticeMergedAcross:
		return fmt.Sprintf(t.Msg("NoticeText.6"), col, n.Cells)
	case results.NoticeAbsent:
		return fmt.Sprintf(t.Msg("NoticeText.7"), col)
	case results.NoticeBlank:
		return fmt.Sprintf(t.Msg("NoticeText.8"), col, rows)
	case results.NoticeAfterSaved:
		return fmt.Sprintf(t.Msg("NoticeText.9"), rows, n.Date)
	}
	return n.Kind
}

// values lists "reason »død« (9)", with ".." for a count disclosure hides.
func (t *Text) values(vs []results.ValueCount) string {
	parts := make([]string, 0, len(vs))
	for _, v := range vs {
		c := suppressedMark
		if v.Count != nil {
			c = Int(t.Lang, *v.Count)
		}
		q := fmt.Sprintf(t.Msg("Format.QuoteValue"), v.Value)
		parts = append(parts, fmt.Sprintf("%s %s (%s)", v.Field, q, c))
	}
	return strings.Join(parts, ", ")
}
