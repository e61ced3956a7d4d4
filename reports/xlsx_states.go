package reports

import "github.com/danish-eval/evaluate/models/results"

// statesSheet is the state occupation as the retention page shows it: per
// configured week and state, the count it rests on (still at risk, or
// left that way so far), the share and its interval.
func statesSheet(t *Text, rows []results.StateRow, pct string) xsheet {
	number := map[string]string{"da": "antal", "en": "number"}[t.Lang]
	sh := xsheet{name: t.Retention, head: []string{capitalize(t.Weeks)}}
	for j, s := range rows[0].Shares {
		name := capitalize(t.states().InProgramme)
		if j > 0 {
			name = capitalize(t.Status(s.State))
		}
		sh.head = append(sh.head, name+" ("+number+")", name, t.Interval+" ("+t.Low+")", t.Interval+" ("+t.High+")")
	}
	for _, r := range rows {
		tt := r.T
		row := []xcell{xn(&tt, "0")}
		for _, s := range r.Shares {
			row = append(row, xi(s.N), xn(s.Share, pct), xn(s.Low, pct), xn(s.High, pct))
		}
		sh.rows = append(sh.rows, row)
	}
	return sh
}
