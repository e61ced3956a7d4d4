package results

import (
	"bytes"
	"strings"
	"testing"
)

// What EncodeJSON writes, Decode reads back the same, status order included.
func TestDecodeRoundTrip(t *testing.T) {
	n, e := 148, 0.75
	in := Results{Schema: Schema, Flow: Flow{RowsRead: 195, Status: StatusCounts{{"ongoing", nil}, {"completed", &n}, {"afbrudt", nil}}},
		Measures: []Measure{{ID: "completion", Count: &n, Estimate: &e}}}
	b, err := EncodeJSON(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := EncodeJSON(out)
	if !bytes.Equal(b, again) {
		t.Errorf("round trip differs:\n%s\n%s", b, again)
	}
}

func TestDecodeRefuses(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"schema": "evaluate/portfolio/v1"}`, `schema is "evaluate/portfolio/v1"`},
		{`[1, 2]`, "not a results.json"},
		{`{"schema": "evaluate/results/v1", "flow": {"status": {"completed": "many"}}}`, `status "completed": expected a whole number`},
		{`{"schema": "evaluate/results/v1", "flow": {"status": [1]}}`, "status counts: expected an object"},
	} {
		_, err := Decode([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.in, err, c.want)
		}
	}
}
