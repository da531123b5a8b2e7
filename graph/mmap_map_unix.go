//go:build unix

package graph

import (
	"os"
	"syscall"
)

// mapReadOnly maps the size bytes of f into memory, read-only, for the life
// of the process: an index's strings and columns are views of the mapping,
// and may outlive the index. ok is false when the file cannot be mapped
// (the caller reads it instead).
func mapReadOnly(f *os.File, size int64) (data []byte, ok bool) {
	if size <= 0 || int64(int(size)) != size {
		return nil, false
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, mapFlags)
	if err != nil {
		return nil, false
	}
	return b, true
}
