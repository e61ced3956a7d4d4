package reports

import (
	"math"

	"gonum.org/v1/plot"
)

// percentTicks marks a share axis in whole percent in the language's
// format ("20 %"), with a major tick every Step (a share; 0.2 if zero) and
// a minor tick half way.
type percentTicks struct {
	Lang string
	Step float64
}

// Ticks implements plot.Ticker.
func (t percentTicks) Ticks(min, max float64) []plot.Tick {
	step := t.Step
	if step <= 0 {
		step = 0.2
		if max-min < 0.5 {
			step = 0.1
		}
	}
	var ticks []plot.Tick
	const eps = 1e-9
	first := math.Ceil(min/step-eps) * step
	for v := first; v <= max+eps; v += step {
		v = math.Round(v*1e6) / 1e6
		ticks = append(ticks, plot.Tick{Value: v, Label: Percent(t.Lang, v, 0)})
		if m := v + step/2; m <= max+eps {
			ticks = append(ticks, plot.Tick{Value: m})
		}
	}
	if m := first - step/2; m >= min-eps {
		ticks = append(ticks, plot.Tick{Value: m})
	}
	return ticks
}

// numberTicks labels gonum's default tick positions in the language's
// number format ("2,5" in Danish).
type numberTicks struct{ Lang string }

// Ticks implements plot.Ticker.
func (t numberTicks) Ticks(min, max float64) []plot.Tick {
	ticks := plot.DefaultTicks{}.Ticks(min, max)
	for i := range ticks {
		if ticks[i].Label != "" {
			ticks[i].Label = number(t.Lang, ticks[i].Value)
		}
	}
	return ticks
}

// fixedTicks puts labelled ticks at the given values only (e.g. the
// configured times of a retention curve, so the risk table lines up).
func fixedTicks(lang string, values ...float64) plot.ConstantTicks {
	ticks := make(plot.ConstantTicks, len(values))
	for i, v := range values {
		ticks[i] = plot.Tick{Value: v, Label: number(lang, v)}
	}
	return ticks
}

// number formats v with as few decimals (up to 3) as it needs.
func number(lang string, v float64) string {
	for d := 0; d < 3; d++ {
		p := math.Pow(10, float64(d))
		if math.Abs(v*p-math.Round(v*p)) < 1e-9 {
			return Decimal(lang, v, d)
		}
	}
	return Decimal(lang, v, 3)
}
