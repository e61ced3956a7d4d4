package results

// Headline is the interval the report quotes and judges targets by: the
// first defined one (the config's first bootstrap method, else its stated
// fallback); nil when none is.
func Headline(ivs []Interval) *Interval {
	for i := range ivs {
		if ivs[i].Low != nil && ivs[i].High != nil {
			return &ivs[i]
		}
	}
	return nil
}
