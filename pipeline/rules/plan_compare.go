package rules

// compare gives l cmp r for each row, missing where either side is. The
// operators are expr's own (vm/runtime): Go's for numbers, text and yes/no,
// Before, After and Equal for dates, which on calendar days (Column.Days)
// are the days' order.
func compare(cmp string, l, r, out vec, n int) {
	for i := range n {
		out.miss[i] = l.miss[i] | r.miss[i]
	}
	switch {
	case l.num != nil:
		compareOrdered(cmp, l.num[:n], r.num[:n], out.b)
	case l.text != nil:
		compareOrdered(cmp, l.text[:n], r.text[:n], out.b)
	case l.date != nil:
		compareOrdered(cmp, l.date[:n], r.date[:n], out.b)
	default:
		flip := b2u(cmp == "!=")
		for i := range n {
			out.b[i] = b2u(l.b[i] == r.b[i]) ^ flip
		}
	}
}

func compareOrdered[T float64 | string | int32](cmp string, l, r []T, out []uint8) {
	switch cmp {
	case "==":
		for i := range l {
			out[i] = b2u(l[i] == r[i])
		}
	case "!=":
		for i := range l {
			out[i] = b2u(l[i] != r[i])
		}
	case "<":
		for i := range l {
			out[i] = b2u(l[i] < r[i])
		}
	case "<=":
		for i := range l {
			out[i] = b2u(l[i] <= r[i])
		}
	case ">":
		for i := range l {
			out[i] = b2u(l[i] > r[i])
		}
	case ">=":
		for i := range l {
			out[i] = b2u(l[i] >= r[i])
		}
	}
}
