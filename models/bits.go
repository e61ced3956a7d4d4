package models

import "math/bits"

// Bits is a set of people (or of atoms) as a bitset: bit i is member i.
type Bits []uint64

// NewBits returns an empty set with room for n members.
func NewBits(n int) Bits { return make(Bits, (n+63)/64) }

// Set adds member i.
func (b Bits) Set(i int) { b[i/64] |= 1 << (uint(i) % 64) }

// Has reports whether i is a member.
func (b Bits) Has(i int) bool { return b[i/64]&(1<<(uint(i)%64)) != 0 }

// Count is the number of members.
func (b Bits) Count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// Contains reports whether every member of o is a member of b.
func (b Bits) Contains(o Bits) bool {
	for i, w := range o {
		if w&^b[i] != 0 {
			return false
		}
	}
	return true
}

// Disjoint reports whether b and o share no member.
func (b Bits) Disjoint(o Bits) bool {
	for i, w := range o {
		if w&b[i] != 0 {
			return false
		}
	}
	return true
}

// Minus returns the members of b that are not in o.
func (b Bits) Minus(o Bits) Bits {
	out := make(Bits, len(b))
	for i, w := range b {
		out[i] = w &^ o[i]
	}
	return out
}

// And returns the members in both.
func (b Bits) And(o Bits) Bits {
	out := make(Bits, len(b))
	for i, w := range b {
		out[i] = w & o[i]
	}
	return out
}

// Equal reports whether both sets have the same members.
func (b Bits) Equal(o Bits) bool {
	for i, w := range b {
		if w != o[i] {
			return false
		}
	}
	return true
}

// key is the set as a map key.
func (b Bits) key() string {
	buf := make([]byte, 8*len(b))
	for i, w := range b {
		for k := range 8 {
			buf[8*i+k] = byte(w >> (8 * k))
		}
	}
	return string(buf)
}
