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
// They are read from their quads, and get their evidence from the facts'
// details.
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
	h := sha256.New()
	ix, err := ReadIndexFile(io.TeeReader(f, h), want.Size)
	if hex.EncodeToString(h.Sum(nil)) != want.SHA256 {
		return nil, fmt.Errorf("%s does not match the SHA-256 in %s", indexFile, manifestFile)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", indexFile, err)
	}
	return ix, nil
}
