package results

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// UnmarshalJSON reads the status counts object keeping its order (the
// config's), which a Go map would lose.
func (s *StatusCounts) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fmt.Errorf("status counts: expected an object")
	}
	*s = nil
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		name, _ := t.(string)
		var n *int
		if err := dec.Decode(&n); err != nil {
			return fmt.Errorf("status %q: expected a whole number or null", name)
		}
		*s = append(*s, StatusCount{Status: name, Count: n})
	}
	_, err := dec.Token()
	return err
}

// Decode reads results.json, refusing any other schema (a portfolio's
// results.json, a future version) rather than misreading it.
func Decode(b []byte) (*Results, error) {
	var head struct {
		Schema string `json:"schema"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return nil, fmt.Errorf("not a results.json: %v", err)
	}
	if head.Schema != Schema {
		return nil, fmt.Errorf("schema is %q, expected %q", head.Schema, Schema)
	}
	var r Results
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("not a results.json: %v", err)
	}
	return &r, nil
}
