package main

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// newRand returns the generator of one cohort. Every cohort has its own fixed
// PCG seed, so changing one builder never changes another extract.
func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
}

func ymd(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func addDays(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }

// daysBetween is the number of whole days from a to b.
func daysBetween(a, b time.Time) int { return int(b.Sub(a).Hours() / 24) }

// uniformDay is a uniform random day in [lo, hi].
func uniformDay(r *rand.Rand, lo, hi time.Time) time.Time {
	return addDays(lo, r.IntN(daysBetween(lo, hi)+1))
}

// weekdayOnOrBefore moves a Saturday or Sunday back to the Friday before.
func weekdayOnOrBefore(t time.Time) time.Time {
	switch t.Weekday() {
	case time.Saturday:
		return addDays(t, -1)
	case time.Sunday:
		return addDays(t, -2)
	}
	return t
}

// weekdayOnOrAfter moves a Saturday or Sunday on to the Monday after.
func weekdayOnOrAfter(t time.Time) time.Time {
	switch t.Weekday() {
	case time.Saturday:
		return addDays(t, 2)
	case time.Sunday:
		return addDays(t, 1)
	}
	return t
}

// between is a uniform integer in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// rep returns n copies of v; append several and shuffle them to spread exact
// counts at random over rows.
func rep[T any](v T, n int) []T {
	out := make([]T, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// concat joins slices into a new one.
func concat[T any](xs ...[]T) []T {
	var out []T
	for _, x := range xs {
		out = append(out, x...)
	}
	return out
}

func shuffled[T any](r *rand.Rand, xs []T) []T {
	r.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
	return xs
}

func id(prefix string, n int) string { return fmt.Sprintf("%s%04d", prefix, n) }
