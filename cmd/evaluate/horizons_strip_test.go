package main

import (
	"bytes"
	"encoding/json"
)

// compactMeasure compacts a measure's JSON without its horizons (the
// measure's last field, pooled measures only): they are not bootstrap
// results, and a sensitivity variant's measures have none.
func compactMeasure(m json.RawMessage) []byte {
	var b bytes.Buffer
	json.Compact(&b, m)
	out := b.Bytes()
	if i := bytes.Index(out, []byte(`,"horizons":`)); i >= 0 {
		out = append(out[:i:i], '}')
	}
	return out
}
