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
	"sync"
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
	p, err := openIndex(ctx, dsn, false)
	if err != nil {
		return nil, err
	}
	return p.ix, nil
}

// OpenIndexVerifying is OpenIndex, except that it returns as soon as the
// index file is mapped and its columns checked (its CRC-32C and every
// bound: reading the index cannot fail), and hashes the file against the
// manifest meanwhile. verified waits for the hash: nil, or the EDAMAGED
// error OpenIndex would have returned. Nothing read from the index may be
// shown before verified returns nil; what can be built from it (the
// question engine) can be built while the file is hashed.
func OpenIndexVerifying(ctx context.Context, dsn string) (ix *Index, verified func() error, err error) {
	p, err := openIndex(ctx, dsn, true)
	if err != nil {
		return nil, nil, err
	}
	return p.ix, p.verified, nil
}

// pendingIndex is an index whose file may still be being hashed.
type pendingIndex struct {
	ix       *Index
	verified func() error
}

func openIndex(ctx context.Context, dsn string, async bool) (*pendingIndex, error) {
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: "open index", Err: err}
	}
	if dsn == "" || dsn == "mem:" || IsPostgresDSN(dsn) {
		return nil, &Error{Code: ENOTFOUND, Message: fmt.Sprintf("store %s", RedactDSN(dsn)), Err: ErrNoIndexFile}
	}
	return openBoltWith(ctx, filepath.Clean(dsn), false, func(ctx context.Context, name, dir string, _ bool) (*pendingIndex, error) {
		return readIndexDir(ctx, name, dir, async)
	})
}

// readIndexDir reads the index file of the store in dir (dir itself, or
// DIR.old while a build swaps). name is the store's name in errors.
func readIndexDir(ctx context.Context, name, dir string, async bool) (*pendingIndex, error) {
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
	data, err := mapIndex(root, m.entry(indexFile))
	if err != nil {
		return nil, errDamaged(name, err)
	}
	sum := func() error {
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != m.entry(indexFile).SHA256 {
			return errDamaged(name, fmt.Errorf("%s does not match the SHA-256 in %s", indexFile, manifestFile))
		}
		return nil
	}
	if !async {
		if err := sum(); err != nil {
			return nil, err
		}
		// the file is the one the store was built with, byte for byte
		ix, err := decodeIndex(data, true)
		if err != nil {
			return nil, errDamaged(name, fmt.Errorf("read %s: %w", indexFile, err))
		}
		return &pendingIndex{ix: ix, verified: func() error { return nil }}, nil
	}
	verified := sync.OnceValue(sum)
	go verified()
	ix, err := decodeIndex(data, false)
	if err != nil {
		if serr := verified(); serr != nil {
			return nil, serr // damaged, as the hash says
		}
		return nil, errDamaged(name, fmt.Errorf("read %s: %w", indexFile, err))
	}
	return &pendingIndex{ix: ix, verified: verified}, nil
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

// mapIndex maps the index file of the store in root, of the size the
// manifest gives (want).
func mapIndex(root *os.Root, want *manifestEntry) ([]byte, error) {
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
	return data, nil
}
