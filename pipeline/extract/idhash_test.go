package extract

import (
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"
)

// The id column keeps only hashes: the same id written as text, as a
// number, with spaces around it or as a date-formatted serial hashes as
// one; a blank id is missing; the text itself is not kept.
func TestIDColumnHashed(t *testing.T) {
	rows := [][]any{
		{"deltager_id", "startdato"},
		{"A1", "01-01-2020"}, {" A1 ", "01-01-2020"}, // 0, 1: trimmed
		{1001, "01-01-2020"}, {"1001", "01-01-2020"}, // 2, 3: number cell as its digits
		{true, "01-01-2020"}, {"TRUE", "01-01-2020"}, // 4, 5: boolean cell as TRUE
		{dateCell{43831}, "01-01-2020"}, {"43831", "01-01-2020"}, // 6, 7: a date format is not read
		{nil, "01-01-2020"},  // 8: missing
		{"a1", "01-01-2020"}, // 9: case matters
	}
	fields := []Field{{Name: "id", Header: "deltager_id", Kind: KindID}, {Name: "start", Header: "startdato", Kind: KindDate}}
	for _, stream := range []bool{false, true} {
		p := writeXLSX(t, t.TempDir(), "ids.xlsx", stream, false, sheetSpec{name: "Ark1", rows: rows})
		ex, err := Read(Source{Path: p}, fields)
		must(t, err)
		c := ex.Column("id")
		if c.Codes != nil || c.Dict != nil || len(c.ID) != ex.Rows || ex.Rows != 10 {
			t.Fatalf("stream=%v: %d rows, %d hashes, text %q", stream, ex.Rows, len(c.ID), c.Dict)
		}
		same := [][2]int{{0, 1}, {2, 3}, {4, 5}, {6, 7}}
		for _, s := range same {
			if c.ID[s[0]] != c.ID[s[1]] {
				t.Errorf("stream=%v: rows %d and %d hash differently", stream, s[0], s[1])
			}
		}
		if c.ID[0] != HashID("A1") || c.ID[2] != HashID("1001") || c.ID[4] != HashID("TRUE") || c.ID[6] != HashID("43831") {
			t.Errorf("stream=%v: hashes are not of the ids as text", stream)
		}
		seen := map[IDHash]int{}
		for _, i := range []int{0, 2, 4, 6, 9} {
			if j, ok := seen[c.ID[i]]; ok {
				t.Errorf("stream=%v: rows %d and %d share a hash", stream, j, i)
			}
			seen[c.ID[i]] = i
		}
		if !c.Missing[8] || c.ID[8] != (IDHash{}) || c.Missing[0] {
			t.Errorf("stream=%v: missing %v, blank id hash %x", stream, c.Missing, c.ID[8])
		}
	}
}

// Merged id cells (one person's rows merged down) fill with the top
// cell's hash, so the rows are duplicates, as they were as text.
func TestIDHashFillsMerged(t *testing.T) {
	c := &Column{Field: Field{Kind: KindID}, ID: hashes("A", "", "B"), Missing: []bool{false, true, false}}
	r := &sheetReader{ex: &Extract{}}
	for _, row := range []int{2, 3, 4} {
		r.ex.RowNumbers.Add(row)
	}
	if n := r.fill(c, 2, 3); n != 1 || c.ID[1] != HashID("A") || c.Missing[1] {
		t.Errorf("filled %d: %x %v", n, c.ID, c.Missing)
	}
}

// HashID is the polynomial its comment describes, evaluated exactly (with
// big integers), then mixed: ids around the 7-byte chunk boundaries, with
// zero bytes that only the length tells from padding, and long ones.
func TestHashIDPolynomial(t *testing.T) {
	ids := []string{"", "\x00", "a", "a\x00", "1234567", "12345678", "123456789012345",
		"12345678901234", "1234567\x00", "0101901234", "P0000001", strings.Repeat("æøå", 40)}
	p := new(big.Int).SetUint64(idPrime)
	for _, id := range ids {
		var want IDHash
		for half, key := range idKeys {
			k := new(big.Int).SetUint64(key)
			h := new(big.Int).SetUint64(uint64(len(id)))
			for rest := id; len(rest) > 0; {
				var m uint64
				chunk := rest[:min(7, len(rest))]
				for i := len(chunk) - 1; i >= 0; i-- {
					m = m<<8 | uint64(chunk[i])
				}
				h.Mul(h, k).Add(h, new(big.Int).SetUint64(m)).Mod(h, p)
				rest = rest[len(chunk):]
			}
			want[half] = fmix64(h.Uint64())
		}
		if got := HashID(id); got != want {
			t.Errorf("HashID(%q) = %x, want %x", id, got, want)
		}
	}
	seen := map[IDHash]string{}
	for _, id := range ids {
		if prev, ok := seen[HashID(id)]; ok {
			t.Errorf("%q and %q share a hash", prev, id)
		}
		seen[HashID(id)] = id
	}
}

// mulmod61 and reduce61 at the edges of their ranges, against big integers.
func TestMulmod61(t *testing.T) {
	p := new(big.Int).SetUint64(idPrime)
	edges := []uint64{0, 1, 2, idPrime - 1, idPrime, idPrime + 1, 1<<61 + 1<<56, 1<<62 - 1, 0x0123456789abcdef & (1<<62 - 1)}
	for _, a := range edges {
		for _, k := range []uint64{0, 1, 2, idPrime - 1, 0x1fedcba987654321 % idPrime} {
			want := new(big.Int).Mul(new(big.Int).SetUint64(a), new(big.Int).SetUint64(k))
			want.Mod(want, p)
			if got := mulmod61(a, k); got != want.Uint64() {
				t.Errorf("mulmod61(%#x, %#x) = %#x, want %#x", a, k, got, want)
			}
		}
	}
}

// Sequential ids, which differ only in the high bits of their last chunk
// before mixing, fill the low bits that index the duplicate table evenly:
// 2¹⁶ ids in 2¹⁶ slots put at most a handful in one slot (as random
// hashes would: 14 or more in one slot has probability 3·10⁻⁷).
func TestHashIDLowBitsSpread(t *testing.T) {
	const n = 1 << 16
	count := make([]int, n)
	for i := range n {
		count[HashID(fmt.Sprintf("P%07d", i))[0]%n]++
	}
	if m := slices.Max(count); m > 13 {
		t.Errorf("%d sequential ids in one of %d slots", m, n)
	}
}
