package graph

import "encoding/binary"

// FixIndexChecksum returns data with the checksum and length of its header
// made right for its body (when it has a header at all), for fuzzing the
// decoder past the checksum.
func FixIndexChecksum(data string) string {
	if len(data) < indexHeaderLen || data[:len(indexMagic)] != indexMagic {
		return data
	}
	body := data[indexHeaderLen:]
	h := []byte(data[:len(indexMagic)+1])
	h = binary.LittleEndian.AppendUint32(h, crcString(body))
	h = binary.LittleEndian.AppendUint64(h, uint64(len(body)))
	return string(h) + body
}
