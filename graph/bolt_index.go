package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNoIndexFile is wrapped by OpenIndex's error (code ENOTFOUND) when the
// store has no index file to read: a PostgreSQL store, or a bolt store
// built before index files or written to since. Read the store's quads
// instead (ReadIndex).
var ErrNoIndexFile = errors.New("the store has no index file")

// OpenIndex reads the index file of the store named by dsn, for questions:
// one pass over DIR/index.bin, verified against the store's manifest
// (SHA-256), without opening the quad store. It takes the store's shared
// lock while it reads, as OpenBoltReadOnly does, and fails as it does:
// ENOTFOUND when there is no store, EDAMAGED when the manifest, the index
// file or the size of indexes.bolt do not match, ECONFLICT while a writer
// has the store open. A store with no index file (see ErrNoIndexFile) is
// an ENOTFOUND error wrapping ErrNoIndexFile.
//
// PostgreSQL stores have no index file: a PostgreSQL store is the backend
// for sharing a graph with other writers, Cayley's tools among them, and
// an index kept beside the quads would go stale without awskg knowing.
// They are read from their quads (ReadIndex), without the notes'
// statements.
func OpenIndex(ctx context.Context, dsn string) (*Index, error) {
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: "open index", Err: err}
	}
	if dsn == "" || dsn == "mem:" || IsPostgresDSN(dsn) {
		return nil, &Error{Code: ENOTFOUND, Message: fmt.Sprintf("store %s", RedactDSN(dsn)), Err: ErrNoIndexFile}
	}
	return openBoltWith(ctx, filepath.Clean(dsn), false, readIndexDir)
}

// readIndexDir reads the index file of the store in dir (dir itself, or
// DIR.old while a build swaps). name is the store's name in errors.
func readIndexDir(ctx context.Context, name, dir string, _ bool) (*Index, error) {
	root, err := os.OpenRoot(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errRetry
	} else if err != nil {
		return nil, fmt.Errorf("open bolt store %q: %w", name, err)
	}
	defer root.Close()
	lk, err := lockShared(ctx, root, name, filepath.Join(dir, boltFile))
	if err != nil {
		return nil, err
	}
	defer lk.Close()
	bf, err := root.Open(boltFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errRetry // the locked path is in another directory now
	} else if err != nil {
		return nil, fmt.Errorf("open bolt store %q: %w", name, err)
	}
	var m *manifest
	same, err := sameFile(bf, lk)
	if err == nil && same {
		m, err = checkManifestForIndex(root, bf)
	}
	bf.Close()
	switch {
	case err != nil && errors.Is(err, ErrNoIndexFile):
		return nil, &Error{Code: ENOTFOUND, Message: fmt.Sprintf("store %q", name), Err: ErrNoIndexFile}
	case err != nil:
		return nil, errDamaged(name, err)
	case !same:
		return nil, errRetry
	}
	ix, err := readVerifiedIndex(root, m.entry(indexFile))
	if err != nil {
		return nil, errDamaged(name, err)
	}
	return ix, nil
}

// checkManifestForIndex checks the manifest and the size of bf, the Bolt
// file; ErrNoIndexFile when the manifest lists no index file.
func checkManifestForIndex(root *os.Root, bf *os.File) (*manifest, error) {
	m, err := readManifest(root)
	if err != nil {
		return nil, err
	}
	if err := checkSize(bf, m.entry(boltFile)); err != nil {
		return nil, err
	}
	if m.entry(indexFile) == nil {
		return nil, ErrNoIndexFile
	}
	return m, checkIndexSize(root, m)
}

// mapIndexFile maps the index file f of size bytes into memory, or reads
// it where it cannot be mapped. It is never unmapped: the index's strings
// are views of it. The file is never changed in place (a build writes a new
// store; a writer that changes the quads removes the index file, which
// leaves the mapping whole).
func mapIndexFile(f *os.File, size int64) ([]byte, error) {
	if size < int64(indexHeaderLen) || size > maxIndexFile {
		return nil, errIndexDamaged("it is %d bytes", size)
	}
	return MapFile(f, size)
}

// MapFile returns the first size bytes of f, mapped into memory read-only
// for the life of the process where the system allows it (for files that
// are never changed in place, whose bytes an index keeps: see DecodeIndex),
// else read into memory.
func MapFile(f *os.File, size int64) ([]byte, error) {
	if data, ok := mapReadOnly(f, size); ok {
		return data, nil
	}
	data := make([]byte, size)
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, err
	}
	return data, nil
}

// readVerifiedIndex reads the index file of the store in root, hashing it
// as it reads: the index is returned only when its SHA-256 is the
// manifest's (want).
func readVerifiedIndex(root *os.Root, want *manifestEntry) (*Index, error) {
	f, err := root.Open(indexFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s is missing", indexFile)
	} else if err != nil {
		return nil, fmt.Errorf("read %s: %w", indexFile, err)
	}
	defer f.Close()
	if err := checkSize(f, want); err != nil {
		return nil, err
	}
	data, err := mapIndexFile(f, want.Size)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", indexFile, err)
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != want.SHA256 {
		return nil, fmt.Errorf("%s does not match the SHA-256 in %s", indexFile, manifestFile)
	}
	// the file is the one the store was built with, byte for byte
	ix, err := decodeIndex(data, true)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", indexFile, err)
	}
	return ix, nil
}
