package graph

import (
	"encoding/binary"
	"hash/crc32"
)

// FixIndexChecksum returns data with the checksum and length of its header
// made right for its body (when it has a header at all), for fuzzing the
// decoder past the checksum.
func FixIndexChecksum(data []byte) []byte {
	if len(data) < indexHeaderLen || string(data[:len(indexMagic)]) != indexMagic {
		return data
	}
	out := append([]byte(nil), data...)
	body := out[indexHeaderLen:]
	binary.LittleEndian.PutUint32(out[8:], crc32.Checksum(body, castagnoli))
	binary.LittleEndian.PutUint64(out[16:], uint64(len(body)))
	return out
}
