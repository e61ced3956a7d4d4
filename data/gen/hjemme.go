package main

import "time"

// buildHjemme makes home activation in Slagelse Jobcenter (2009): the first
// five participants with a result, 2 in a job, 1 temporary job ("vikar") and 2
// in education. Every cell is below any discretion limit, so a report must
// suppress them all. Fixed rows, no randomness.
func buildHjemme() table {
	type row struct {
		id         string
		start, end time.Time
		resultat   string
	}
	rows := []row{
		{"H0001", ymd(2009, 1, 12), ymd(2009, 5, 29), "job"},
		{"H0002", ymd(2009, 1, 26), ymd(2009, 6, 26), "uddannelse"},
		{"H0003", ymd(2009, 2, 9), ymd(2009, 5, 8), "midlertidigt job"},
		{"H0004", ymd(2009, 3, 2), ymd(2009, 7, 31), "job"},
		{"H0005", ymd(2009, 3, 23), ymd(2009, 8, 17), "uddannelse"},
	}
	t := table{
		file:    "hjemme.xlsx",
		title:   "Hjemmeaktivering Slagelse – syntetisk udtræk",
		sheet:   "Deltagere",
		headers: []string{"deltager_id", "startdato", "slutdato", "resultat"},
		widths:  []float64{12, 12, 12, 18},
	}
	for _, x := range rows {
		t.rows = append(t.rows, []cell{txt(x.id), day(x.start), day(x.end), txt(x.resultat)})
	}
	return t
}
