package extract

import (
	"crypto/sha256"
	"encoding/binary"
)

// IDHash is a participant id as the first 128 bits of its SHA-256. The
// duplicate check needs only whether two ids are equal: equal ids give
// equal hashes, and two different ids share one with probability 2⁻¹²⁸
// (about 10⁻²⁶ for all pairs of a 10⁷-row extract), so duplicates are
// found exactly without the ids themselves staying in memory: 16 bytes a
// row instead of a string, and no identifier to leak from a core dump or
// a debugger.
type IDHash [2]uint64

// HashID hashes an id as read (trimmed, as text).
func HashID(id string) IDHash {
	sum := sha256.Sum256([]byte(id))
	return IDHash{binary.LittleEndian.Uint64(sum[:8]), binary.LittleEndian.Uint64(sum[8:16])}
}
