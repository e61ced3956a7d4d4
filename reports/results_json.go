package reports

import (
	"bytes"
	"encoding/json"
)

// MarshalJSON writes the status counts as an object in the config's order.
func (s StatusCounts) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, c := range s {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(c.Status)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(c.Count)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// EncodeJSON renders results.json: indented, UTF-8 unescaped, newline-terminated.
func EncodeJSON(r any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
