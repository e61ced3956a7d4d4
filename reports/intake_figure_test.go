package reports

import "testing"

// Starts per quarter stacked by two sites; a quarter with a hidden split is
// one grey bar, a hidden quarter "..".
func TestIntakeGolden(t *testing.T) {
	n := func(v int) *int { return &v }
	d := IntakeData{Labels: Labels{Lang: "da", Y: "Antal, der startede"}, HiddenLabel: "fordeling udeladt",
		Periods: []string{"2017", "", "", "", "2018", ""},
		Totals:  []*int{n(8), n(22), n(19), nil, n(16), n(0)},
		Strata:  []string{"Jobcenter Næstved", "Psykiatrien Næstved"},
		Counts:  [][]*int{{nil, n(16), n(11), nil, n(8), n(0)}, {nil, n(6), n(8), nil, n(8), n(0)}}}
	f, err := NewIntakeChart(d)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "intake_da", f, 0)
	if _, err := NewIntakeChart(IntakeData{Periods: []string{"a"}}); err == nil {
		t.Error("totals that do not match the periods were accepted")
	}
}
