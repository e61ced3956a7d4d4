package models

// Disclosure control (DESIGN.md §7): a figure that rests on fewer than
// minCell people is not published. Zero is not a person and is shown;
// minCell ≤ 0 turns the rule off.

// SmallCount reports whether n people (1 ≤ n < minCell) is too few to show.
func SmallCount(n, minCell int) bool {
	return minCell > 0 && n > 0 && n < minCell
}

// SuppressShare reports whether the share k of n must be hidden: the
// numerator or the denominator minus the numerator is a small count, or the
// population itself is smaller than minCell.
func SuppressShare(k, n, minCell int) bool {
	if minCell <= 0 || n == 0 {
		return false
	}
	return SmallCount(k, minCell) || SmallCount(n-k, minCell) || n < minCell
}

// SecondarySuppression takes cells that add up to a published total and
// those already hidden. When exactly one cell is hidden, the total would
// reveal it, so the smallest other non-zero cell is hidden too (the first
// such in order on ties). It returns the updated flags and how many cells
// it added; the input slice is not modified.
func SecondarySuppression(counts []int, hidden []bool) ([]bool, int) {
	out := append([]bool(nil), hidden...)
	n := 0
	for _, h := range out {
		if h {
			n++
		}
	}
	if n != 1 {
		return out, 0
	}
	best := -1
	for i, c := range counts {
		if out[i] || c == 0 {
			continue
		}
		if best < 0 || c < counts[best] {
			best = i
		}
	}
	if best < 0 {
		return out, 0
	}
	out[best] = true
	return out, 1
}
