package reports

import "testing"

// The pva flow (DESIGN.md §1): 195 started, 148 completed, 47 ended early;
// 52 of 148 paid hours and/or education. Exclusion counts are invented to
// exercise the side box.
func pvaFlow(t *testing.T, lang string) *FlowDiagram {
	t.Helper()
	d := FlowData{
		Title:    "Deltagerflow – alle rækker i udtrækket",
		Read:     FlowBox{"Rækker læst", Int(lang, 201)},
		Excluded: FlowBox{"Udelukket", "6"},
		Reasons: []FlowBox{{"dublet-id (begge rækker)", "4"}, {"slutdato før startdato", "1"},
			{"ingen status passede (afslutningsårsag ukendt)", "1"}, {"manglende startdato", "0"}},
		Included: FlowBox{"Startede i forløbet (inkluderet)", "195"},
		Statuses: []FlowBox{{"Gennemført", "148"}, {"Afbrudt før tid", "47"}, {"Igangværende", ".."}},
		Outcome:  &FlowBox{"Lønnede timer og/eller uddannelse blandt gennemførte", "52 af 148 (35,1 %)"},
	}
	if lang == "en" {
		d = FlowData{
			Read:     FlowBox{"Rows read", Int(lang, 1048576)},
			Included: FlowBox{"Included", Int(lang, 1048576)},
			Statuses: []FlowBox{{"Completed", "1"}, {"Ended early", "2"}, {"Ongoing", "3"}, {"Other", "4"},
				{"Moved to another municipality", "5"}},
			Outcome:   &FlowBox{"Paid work and/or education among those who moved", "1 of 5"},
			OutcomeOf: 4,
		}
	}
	f, err := NewFlowDiagram(d)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestFlowGolden(t *testing.T) {
	checkGolden(t, "flow_da", pvaFlow(t, "da"), 0)
	checkGolden(t, "flow_en", pvaFlow(t, "en"), 0)
	// Too little height: drawn scaled down, nothing outside the canvas.
	checkGolden(t, "flow_da_small", pvaFlow(t, "da"), 50*figWidth/170)
}

func TestNewFlowDiagramErrors(t *testing.T) {
	if _, err := NewFlowDiagram(FlowData{Included: FlowBox{Label: "x"}}); err == nil {
		t.Error("no read label: want an error")
	}
	_, err := NewFlowDiagram(FlowData{Read: FlowBox{Label: "r"}, Included: FlowBox{Label: "i"},
		Outcome: &FlowBox{Label: "o"}, OutcomeOf: 2})
	if err == nil {
		t.Error("outcome under a missing status: want an error")
	}
}
