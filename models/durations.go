package models

import (
	"fmt"
	"math"
	"slices"
)

// Durations are right-censored times put in order once, so that several
// estimates over the same people (the pooled curve, one per stratum, the
// competing exits) tally them by counting instead of each sorting them.
// Times holds the distinct times in increasing order; Rank[i] is the
// position of record i's time in Times.
type Durations struct {
	Times []float64
	Rank  []int32
}

// NewDurations orders time (finite, not negative). Cost: one hash look-up
// a record and a sort of the distinct times, which are few when times are
// whole days (a national cohort followed for years has thousands).
func NewDurations(time []float64) (Durations, error) {
	if len(time) > math.MaxInt32 {
		return Durations{}, fmt.Errorf("%d times: at most %d", len(time), math.MaxInt32)
	}
	d := Durations{Rank: make([]int32, len(time))}
	set := newTimeSet()
	for i, t := range time {
		if err := kmCheckTime(i, t); err != nil {
			return Durations{}, err
		}
		d.Rank[i] = set.code(t + 0) // + 0 makes −0 +0, one time as for <
	}
	d.Times = slices.Clone(set.times)
	slices.Sort(d.Times)
	// codes are in order of first sight; turn them into ranks
	perm := make([]int32, len(d.Times))
	for r, t := range d.Times {
		perm[set.code(t)] = int32(r)
	}
	for i, c := range d.Rank {
		d.Rank[i] = perm[c]
	}
	return d, nil
}

// Len is the number of records.
func (d Durations) Len() int { return len(d.Rank) }

// timeSet gives each distinct time a code in order of first sight: an
// open-addressing table on the float's bits, which are equal exactly when
// the times are (no NaN, no −0 here).
type timeSet struct {
	keys  []uint64
	codes []int32 // -1: empty slot
	shift uint
	times []float64 // by code
}

func newTimeSet() *timeSet {
	s := &timeSet{}
	s.resize(10)
	return s
}

func (s *timeSet) resize(bits uint) {
	s.keys, s.codes, s.shift = make([]uint64, 1<<bits), make([]int32, 1<<bits), 64-bits
	for i := range s.codes {
		s.codes[i] = -1
	}
	for c, t := range s.times {
		s.insert(math.Float64bits(t), int32(c))
	}
}

// slot is where key is or would go (Fibonacci hashing, linear probing).
func (s *timeSet) slot(key uint64) int {
	mask := len(s.keys) - 1
	i := int((key * 0x9E3779B97F4A7C15) >> s.shift)
	for s.codes[i] >= 0 && s.keys[i] != key {
		i = (i + 1) & mask
	}
	return i
}

func (s *timeSet) insert(key uint64, c int32) {
	i := s.slot(key)
	s.keys[i], s.codes[i] = key, c
}

// code returns t's code, giving it the next one if it is new.
func (s *timeSet) code(t float64) int32 {
	key := math.Float64bits(t)
	i := s.slot(key)
	if c := s.codes[i]; c >= 0 {
		return c
	}
	c := int32(len(s.times))
	s.times = append(s.times, t)
	s.keys[i], s.codes[i] = key, c
	if 2*len(s.times) > len(s.keys) { // keep the table at most half full
		s.resize(64 - s.shift + 1)
	}
	return c
}

// tally counts records by time and class (class[k] of record rank[k],
// below nclass) and keeps the times at which any record ended. When the
// records are few against the distinct times (one small stratum of a
// large cohort), it sorts them instead of counting over every time.
func (d Durations) tally(rank []int32, class []uint8, nclass int) kmTally {
	out := kmTally{nclass: nclass}
	if len(rank) < len(d.Times)/8 {
		keys := make([]uint64, len(rank))
		for k, r := range rank {
			keys[k] = uint64(r)<<8 | uint64(class[k])
		}
		slices.Sort(keys)
		for k := 0; k < len(keys); {
			r := keys[k] >> 8
			out.times = append(out.times, d.Times[r])
			row := len(out.counts)
			out.counts = append(out.counts, make([]int, nclass)...)
			for ; k < len(keys) && keys[k]>>8 == r; k++ {
				out.counts[row+int(keys[k]&0xff)]++
			}
		}
		return out
	}
	counts := make([]int, len(d.Times)*nclass)
	for k, r := range rank {
		counts[int(r)*nclass+int(class[k])]++
	}
	used := 0
	for r := range d.Times {
		row := counts[r*nclass : (r+1)*nclass]
		for _, n := range row {
			if n > 0 {
				used++
				break
			}
		}
	}
	out.times, out.counts = make([]float64, 0, used), make([]int, 0, used*nclass)
	for r, t := range d.Times {
		row := counts[r*nclass : (r+1)*nclass]
		for _, n := range row {
			if n > 0 {
				out.times, out.counts = append(out.times, t), append(out.counts, row...)
				break
			}
		}
	}
	return out
}
