package rules

import "time"

// compare gives l cmp r for each row, missing where either side is. The
// operators are expr's own (vm/runtime): Go's for numbers, text and yes/no,
// Before, After and Equal for dates.
func compare(cmp string, l, r, out vec, n int) {
	for i := range n {
		out.miss[i] = l.miss[i] || r.miss[i]
	}
	switch {
	case l.num != nil:
		compareOrdered(cmp, l.num[:n], r.num[:n], out.b)
	case l.text != nil:
		compareOrdered(cmp, l.text[:n], r.text[:n], out.b)
	case l.date != nil:
		compareDates(cmp, l.date[:n], r.date[:n], out.b)
	default:
		for i := range n {
			out.b[i] = (l.b[i] == r.b[i]) == (cmp == "==")
		}
	}
	for i := range n {
		if out.miss[i] {
			out.b[i] = false
		}
	}
}

func compareOrdered[T float64 | string](cmp string, l, r []T, out []bool) {
	switch cmp {
	case "==":
		for i := range l {
			out[i] = l[i] == r[i]
		}
	case "!=":
		for i := range l {
			out[i] = l[i] != r[i]
		}
	case "<":
		for i := range l {
			out[i] = l[i] < r[i]
		}
	case "<=":
		for i := range l {
			out[i] = l[i] <= r[i]
		}
	case ">":
		for i := range l {
			out[i] = l[i] > r[i]
		}
	case ">=":
		for i := range l {
			out[i] = l[i] >= r[i]
		}
	}
}

func compareDates(cmp string, l, r []time.Time, out []bool) {
	for i := range l {
		switch cmp {
		case "==":
			out[i] = l[i].Equal(r[i])
		case "!=":
			out[i] = !l[i].Equal(r[i])
		case "<":
			out[i] = l[i].Before(r[i])
		case "<=":
			out[i] = l[i].Before(r[i]) || l[i].Equal(r[i])
		case ">":
			out[i] = l[i].After(r[i])
		case ">=":
			out[i] = l[i].After(r[i]) || l[i].Equal(r[i])
		}
	}
}
