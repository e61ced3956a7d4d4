package reports

import (
	"fmt"
	"strings"

	"github.com/danish-eval/evaluate/models/results"
)

// NoticeText states a notice as one sentence in the report's language.
func (t *Text) NoticeText(n results.Notice) string {
	da := t.Lang == "da"
	pick := func(d, e string) string {
		if da {
			return d
		}
		return e
	}
	col := fmt.Sprintf("%s (%s)", n.Header, n.Field)
	rows := Int(t.Lang, n.Count)
	switch n.Kind {
	case results.NoticeUnmatched:
		s := fmt.Sprintf(pick("%s rækker passede ikke på nogen statusregel og er udeladt", "%s rows matched no status rule and are excluded"), rows)
		if v := t.values(n.Values); v != "" {
			s += pick("; hyppigste værdier: ", "; most frequent values: ") + v
		}
		return s + "."
	case results.NoticeUndecided:
		return fmt.Sprintf(pick("%s rækker kunne ikke afgøres af %s, fordi en værdi manglede, og er udeladt.",
			"%s rows could not be decided by %s because a value was missing, and are excluded."), rows, n.Rule)
	case results.NoticeTimeOfDay:
		return fmt.Sprintf(pick("%s datoer i kolonnen %s har et klokkeslæt (første i %s); datoen er brugt.",
			"%s dates in column %s have a time of day (first in %s); the date is used."), rows, col, n.Cells)
	case results.NoticeMerged:
		return fmt.Sprintf(pick("Kolonnen %s har flettede celler (første %s); værdien øverst i en lodret fletning er brugt for alle %s rækker i den.",
			"Column %s has merged cells (first %s); the value at the top of a vertical merge is used for all %s rows in it."), col, n.Cells, rows)
	case results.NoticeMergedAcross:
		return fmt.Sprintf(pick("Kolonnen %s indgår i celler flettet på tværs af kolonner (første %s); kun den første kolonne har værdien.",
			"Column %s is part of cells merged across columns (first %s); only the first column holds the value."), col, n.Cells)
	case results.NoticeAbsent:
		return fmt.Sprintf(pick("Den valgfri kolonne %s findes ikke i arket; alle dens værdier mangler.",
			"The optional column %s is not in the sheet; all its values are missing."), col)
	case results.NoticeBlank:
		return fmt.Sprintf(pick("Kolonnen %s er tom i alle %s rækker.", "Column %s is blank in all %s rows."), col, rows)
	case results.NoticeAfterSaved:
		return fmt.Sprintf(pick("%s rækker har en dato efter %s, hvor udtrækket blev gemt, og er udeladt.",
			"%s rows have a date after %s, when the extract was saved, and are excluded."), rows, n.Date)
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
		q := fmt.Sprintf("%q", v.Value)
		if t.Lang == "da" {
			q = "»" + v.Value + "«"
		}
		parts = append(parts, fmt.Sprintf("%s %s (%s)", v.Field, q, c))
	}
	return strings.Join(parts, ", ")
}
