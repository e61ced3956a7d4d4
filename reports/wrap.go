package reports

import (
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// wrap breaks txt into lines (joined by "\n") no wider than maxW when drawn
// with sty, breaking at spaces. A single word wider than maxW gets a line
// of its own, cut with "…" (a label column or legend must not push the
// plot off its canvas). Existing line breaks are kept.
func wrap(sty draw.TextStyle, txt string, maxW vg.Length) string {
	var out []string
	for _, para := range strings.Split(txt, "\n") {
		words := strings.Fields(para)
		line := ""
		for _, w := range words {
			w = ellipsis(sty, w, maxW)
			try := w
			if line != "" {
				try = line + " " + w
			}
			if line != "" && sty.Width(try) > maxW {
				out = append(out, line)
				line = w
				continue
			}
			line = try
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// widest returns the width of the widest of txts drawn with sty.
func widest(sty draw.TextStyle, txts ...string) vg.Length {
	var m vg.Length
	for _, t := range txts {
		if w := sty.Width(t); w > m {
			m = w
		}
	}
	return m
}

// lineHeight is the height of one line of text of sty.
func lineHeight(sty draw.TextStyle) vg.Length {
	return sty.Height("Åg")
}
