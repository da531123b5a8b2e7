package graph

import (
	"encoding/binary"
	"unsafe"
)

// The columns of a decoded index are views of the index file in memory, not
// copies: an index file is little-endian with every column 8-byte aligned,
// so on a little-endian machine (every platform Go builds awskg for but a
// few) a column of int32 is the file's bytes seen as []int32. Elsewhere, or
// when the bytes are not aligned, the views are copies decoded from the
// bytes, and the index reads the same. The file's bytes must not change
// while the index is in use; DecodeIndex's callers hand them over.

// nativeLittleEndian reports whether this machine is little-endian.
var nativeLittleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// aligned reports whether b can be seen as elements of size bytes.
func aligned(b []byte, size uintptr) bool {
	return nativeLittleEndian && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%size == 0
}

// viewInt32s returns the little-endian int32s of b (len(b) a multiple of 4).
func viewInt32s(b []byte) []int32 {
	n := len(b) / 4
	if n == 0 {
		return nil
	}
	if aligned(b, 4) {
		return unsafe.Slice((*int32)(unsafe.Pointer(unsafe.SliceData(b))), n)
	}
	out := make([]int32, n)
	for i := range out {
		out[i] = int32(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return out
}

// viewUint32s returns the little-endian uint32s of b.
func viewUint32s(b []byte) []uint32 {
	n := len(b) / 4
	if n == 0 {
		return nil
	}
	if aligned(b, 4) {
		return unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.SliceData(b))), n)
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}

// viewInt64s returns the little-endian int64s of b (len(b) a multiple of 8).
func viewInt64s(b []byte) []int64 {
	n := len(b) / 8
	if n == 0 {
		return nil
	}
	if aligned(b, 8) {
		return unsafe.Slice((*int64)(unsafe.Pointer(unsafe.SliceData(b))), n)
	}
	out := make([]int64, n)
	for i := range out {
		out[i] = int64(binary.LittleEndian.Uint64(b[8*i:]))
	}
	return out
}

// viewString returns b as a string, without copying it.
func viewString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// int32Bytes returns the bytes of v in little-endian order: v itself seen
// as bytes on a little-endian machine, else an encoded copy.
func int32Bytes(v []int32) []byte {
	if len(v) == 0 {
		return nil
	}
	if nativeLittleEndian {
		return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(v))), 4*len(v))
	}
	out := make([]byte, 0, 4*len(v))
	for _, x := range v {
		out = binary.LittleEndian.AppendUint32(out, uint32(x))
	}
	return out
}

// uint32Bytes is int32Bytes for uint32s.
func uint32Bytes(v []uint32) []byte {
	if len(v) == 0 {
		return nil
	}
	if nativeLittleEndian {
		return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(v))), 4*len(v))
	}
	out := make([]byte, 0, 4*len(v))
	for _, x := range v {
		out = binary.LittleEndian.AppendUint32(out, x)
	}
	return out
}

// int64Bytes is int32Bytes for int64s.
func int64Bytes(v []int64) []byte {
	if len(v) == 0 {
		return nil
	}
	if nativeLittleEndian {
		return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(v))), 8*len(v))
	}
	out := make([]byte, 0, 8*len(v))
	for _, x := range v {
		out = binary.LittleEndian.AppendUint64(out, uint64(x))
	}
	return out
}
