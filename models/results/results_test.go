package results

import "testing"

// results.json keeps the config's status order and writes a hidden count
// as null; text is not HTML-escaped.
func TestEncodeJSONStatusOrder(t *testing.T) {
	n := 148
	r := Flow{Included: 148, Status: StatusCounts{{"gennemført", &n}, {"afbrudt", nil}, {"<i gang>", nil}}}
	b, err := EncodeJSON(r.Status)
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"gennemført\": 148,\n  \"afbrudt\": null,\n  \"<i gang>\": null\n}\n"
	if got := string(b); got != want {
		t.Errorf("got %s want %s", got, want)
	}
}

// The headline interval is the first defined one.
func TestHeadline(t *testing.T) {
	lo, hi := 0.1, 0.3
	ivs := []Interval{{Method: "bca"}, {Method: "percentile", Low: &lo, High: &hi}, {Method: "wilson", Low: &lo, High: &hi}}
	if h := Headline(ivs); h == nil || h.Method != "percentile" {
		t.Errorf("headline %+v", h)
	}
	if Headline(ivs[:1]) != nil {
		t.Error("an undefined interval is not a headline")
	}
}
