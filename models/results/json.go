package results

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
		k, err := marshalText(c.Status)
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

// marshalText encodes a string as JSON without escaping <, > and &, as
// EncodeJSON does for every other string of results.json.
func marshalText(s string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
