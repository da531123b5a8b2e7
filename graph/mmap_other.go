//go:build !unix

package graph

import "os"

// mapReadOnly does not map files on this system: the caller reads them.
func mapReadOnly(f *os.File, size int64) ([]byte, bool) { return nil, false }
