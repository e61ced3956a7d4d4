package config

import "testing"

// FuzzParse: no config text, with or without an override, makes the
// loader panic; it either parses or says why not.
func FuzzParse(f *testing.F) {
	f.Add([]byte(minimal), "bootstrap.replicates", "99")
	f.Add([]byte(minimal), "measures.completion.count", "!x")
	f.Add([]byte("id: x\ncolumns: {a: {header: b, type: text}}\n"), "sensitivity", "[{name: a, set: {x: 1}}]")
	f.Add([]byte("- a\n- b"), "", "")
	f.Add([]byte("id: &a x\nb: *a\n"), "id", "{")
	f.Fuzz(func(t *testing.T, raw []byte, key, value string) {
		var ov []Override
		if key != "" {
			ov = []Override{{Key: key, Value: value}}
		}
		c, err := Parse(raw, ov)
		if err == nil {
			if c.Bootstrap.Replicates < 1 || c.Language == "" {
				t.Fatalf("accepted a config without defaults: %+v", c)
			}
			for _, v := range c.Sensitivity {
				_, _ = c.Variant(v)
			}
		}
	})
}
