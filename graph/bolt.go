package graph

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/gofrs/flock"
	hkv "github.com/hidal-go/hidalgo/kv"
	bolt "go.etcd.io/bbolt"
)

// A bolt store is a directory holding one Bolt file, in the layout of
// Cayley's "bolt" backend (github.com/cayleygraph/cayley/graph/kv/bolt), so
// `cayley --db bolt --dbpath DIR` can read it, and a manifest:
//
//	DIR/indexes.bolt      the quad store
//	DIR/index.bin         the question engine's index of the graph and the notes'
//	                      statements (an index file, see EncodeIndex), so that
//	                      questions read it in one pass instead of the quads
//	DIR/manifest.json     size and SHA-256 of indexes.bolt and index.bin, written
//	                      when they were built
//	DIR.lock              builder lock (flock), never removed
//	DIR.tmp-<pid>         a build in progress (removed when it ends or fails)
//	DIR.old               the previous store during a swap (removed right after)
//
// Readers share a store; writers exclude everyone:
//
//   - OpenBoltReadOnly opens indexes.bolt read-only under a shared lock
//     (flock LOCK_SH): any number of processes read one store at a time. It
//     never creates anything in DIR.
//   - OpenBolt opens it for writing under an exclusive lock (LOCK_EX): it
//     fails with ECONFLICT after boltLockTimeout while anyone else has the
//     store open, and readers fail the same way while it has. Cayley's bolt
//     backend opens the file with no lock timeout (a second opener blocks
//     forever), so the file is opened here with go.etcd.io/bbolt and a
//     timeout, and handed to Cayley's key-value quad store through boltKV, a
//     port of the adapter Cayley's backend uses (hidalgo's kv/bolt, which is
//     built on the unmaintained github.com/boltdb/bolt; that one also trips
//     Go's checkptr under -race). The file format is the same.
//   - The builder lock on DIR.lock, exclusive and non-blocking, is held by a
//     BoltBuilder (LockBolt, BuildBolt) for the whole rebuild. Readers do not
//     need it, so a store stays readable while it is being rebuilt: the
//     rebuild writes a new directory and swaps it in.
//
// Every open checks the store's files against manifest.json under the
// shared lock, and verifies in full (SHA-256) the file it reads: opening the
// quad store checks the size of both files and the SHA-256 of indexes.bolt
// before Bolt maps it (see BenchmarkOpenBoltVerify for the cost), OpenIndex
// the size of both and the SHA-256 of index.bin, which it reads in one pass
// (a question never touches indexes.bolt, whose hash costs far more than the
// question: 0.14 s for the 235 MB of 20x the notes). A damaged store fails
// with EDAMAGED instead of crashing the process on a bad page, answering
// from an older meta page or from a damaged index. A store without a
// manifest (built by an older awskg) counts as damaged: rebuilding it is the
// fix; one whose manifest lists no index.bin (built before index files, or
// written to by OpenBolt) is read from its quads. OpenBolt rewrites the
// manifest when it closes, dropping index.bin if the quads changed; a writer
// killed before that leaves a store that reads as damaged, to be rebuilt.
const (
	boltFile        = "indexes.bolt"
	indexFile       = "index.bin"
	manifestFile    = "manifest.json"
	boltLockTimeout = 150 * time.Millisecond
	boltChunk       = 1000 // quads per write transaction in BuildBolt
	// openAttempts bounds the retries of an open that raced a swap.
	openAttempts = 20
)

// boltOptions are the Cayley options of every bolt store opened here. Cayley's
// bloom filters cost ~400 MB per open store (and a scan of the whole log on
// open) and did not make BuildBolt faster on a 10k-quad graph: off.
var boltOptions = cgraph.Options{ckv.OptNoBloom: true}

func errInUse(dir string) *Error {
	return Errorf(ECONFLICT, "store %q is in use by another awskg process", dir)
}

// errDamaged is the error of a store whose files fail verification.
func errDamaged(dir string, why error) *Error {
	return &Error{Code: EDAMAGED, Message: fmt.Sprintf("store %q is damaged", dir), Err: why}
}

// errRetry asks the open loop to look again: the store moved (a swap) or
// another process is about to finish one.
var errRetry = errors.New("store moved while opening")

// OpenBolt opens the bolt store in directory dir for writing, creating an
// empty one when dir does not exist or is empty. It fails with ECONFLICT
// while the store is open in another process (or by another OpenBolt or
// OpenBoltReadOnly in this one), with EDAMAGED when its files fail
// verification, and recovers a swap that a killed build left half done.
// Closing the store rewrites its manifest.
func OpenBolt(ctx context.Context, dir string) (*CayleyStore, error) {
	return openBolt(ctx, dir, true)
}

// OpenBoltReadOnly opens the bolt store in directory dir for reading, shared
// with any other reader. It fails with ENOTFOUND when there is no store
// (dir missing or empty: nothing is created), EINVALID when dir is something
// else, EDAMAGED when the store's files fail verification, and ECONFLICT
// while a writer (OpenBolt) has it open. A swap that a killed build left
// half done (DIR.old without DIR) is recovered.
func OpenBoltReadOnly(ctx context.Context, dir string) (*CayleyStore, error) {
	return openBolt(ctx, dir, false)
}

func openBolt(ctx context.Context, dir string, writable bool) (*CayleyStore, error) {
	return openBoltWith(ctx, dir, writable, openStoreDir)
}

// openBoltWith finds the store of dir, as openBolt does, and opens it with
// open (given the store's name and the directory that holds its files).
func openBoltWith[T any](ctx context.Context, dir string, writable bool, open func(ctx context.Context, name, dir string, writable bool) (T, error)) (T, error) {
	var zero T
	if err := ctx.Err(); err != nil {
		return zero, &Error{Code: ETIMEOUT, Message: fmt.Sprintf("open bolt store %q", dir), Err: err}
	}
	dir = filepath.Clean(dir)
	// A concurrent build moves dir aside for a few microseconds while it
	// swaps directories, and a store being created by another process does
	// not exist yet: retry for a short while, then report the store as in use.
	for attempt := 0; attempt < openAttempts; attempt++ {
		if attempt > 0 {
			if err := sleepCtx(ctx, 10*time.Millisecond); err != nil {
				return zero, &Error{Code: ETIMEOUT, Message: fmt.Sprintf("open bolt store %q", dir), Err: err}
			}
		}
		s, err := openBoltOnce(ctx, dir, writable, open)
		if errors.Is(err, errRetry) {
			continue
		}
		return s, err
	}
	return zero, errInUse(dir)
}

// openBoltOnce finds the store of dir and opens it; errRetry when it moved
// meanwhile or was just recovered or created.
func openBoltOnce[T any](ctx context.Context, dir string, writable bool, open func(ctx context.Context, name, dir string, writable bool) (T, error)) (T, error) {
	var zero T
	found, err := hasStore(dir)
	if err != nil {
		return zero, err
	} else if found {
		return open(ctx, dir, dir, writable)
	}
	if _, err := os.Stat(dir + ".old"); err == nil {
		// A swap is in progress or was interrupted. Finish it under the
		// builder lock.
		unlock, err := lockBuilder(dir)
		if ErrorCode(err) == ECONFLICT {
			if writable {
				return zero, errRetry // the builder finishes the swap first thing
			}
			// A build is between its two renames, or has just taken the
			// lock and is about to finish the swap a killed one left:
			// DIR.old is the last complete store. Read it.
			return open(ctx, dir, dir+".old", false)
		} else if err != nil {
			return zero, err
		}
		defer unlock()
		if err := recoverSwap(dir); err != nil {
			return zero, err
		}
		return zero, errRetry
	}
	if !writable {
		return zero, Errorf(ENOTFOUND, "no store at %q", dir)
	}
	// No store yet: build an empty one, atomically like any other build.
	err = BuildBolt(ctx, dir, nil, nil)
	if err == nil || ErrorCode(err) == ECONFLICT {
		return zero, errRetry
	}
	return zero, err
}

// HasBoltStore reports whether dir holds a whole bolt store: one a build
// finished (its manifest is written last, and builds swap in whole).
func HasBoltStore(dir string) bool {
	fi, err := os.Lstat(filepath.Join(dir, manifestFile))
	return err == nil && fi.Mode().IsRegular()
}

// hasStore reports whether dir holds a store (whole or damaged): a file of
// one. It fails with EINVALID when dir is a file, or a directory that is
// neither empty nor a store.
func hasStore(dir string) (bool, error) {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case errors.Is(err, syscall.ENOTDIR):
		return false, Errorf(EINVALID, "%q is not an awskg store: not a directory", dir)
	case err != nil:
		return false, fmt.Errorf("open bolt store %q: %w", dir, err)
	case !fi.IsDir():
		return false, Errorf(EINVALID, "%q is not an awskg store: not a directory", dir)
	}
	if fi, err := os.Lstat(filepath.Join(dir, boltFile)); err == nil {
		if !fi.Mode().IsRegular() {
			return false, Errorf(EINVALID, "%q is not an awskg store: %s is not a file", dir, boltFile)
		}
		return true, nil
	}
	if _, err := os.Lstat(filepath.Join(dir, manifestFile)); err == nil {
		return true, nil // indexes.bolt is missing: damaged
	}
	if err := checkReplaceable(dir); err != nil {
		return false, err
	}
	return false, nil
}

// openStoreDir opens the store files in dir (dir itself, or DIR.old while a
// build swaps) and verifies them before Bolt maps them. name is the store's
// name in errors.
func openStoreDir(ctx context.Context, name, dir string, writable bool) (*CayleyStore, error) {
	root, err := os.OpenRoot(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errRetry
	} else if err != nil {
		return nil, fmt.Errorf("open bolt store %q: %w", name, err)
	}
	// root pins this directory: a swap that renames it meanwhile does not
	// mix the files of two stores.
	keepRoot := false
	defer func() {
		if !keepRoot {
			root.Close()
		}
	}()
	path := filepath.Join(dir, boltFile)
	lk, err := lockShared(ctx, root, name, path)
	if err != nil {
		return nil, err
	}
	defer lk.Close()

	flag := os.O_RDONLY
	if writable {
		flag = os.O_RDWR
	}
	f, err := root.OpenFile(boltFile, flag, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errRetry // the locked path is in another directory now
	} else if err != nil {
		return nil, fmt.Errorf("open bolt store %q: %w", name, err)
	}
	handed := false // f belongs to Bolt once handed over
	defer func() {
		if !handed {
			f.Close()
		}
	}()
	if same, err := sameFile(f, lk); err != nil {
		return nil, fmt.Errorf("open bolt store %q: %w", name, err)
	} else if !same {
		return nil, errRetry
	}
	if err := verifyStore(root, f); err != nil {
		return nil, errDamaged(name, err)
	}
	if writable {
		// Bolt takes LOCK_EX on f, which this process's shared lock on
		// another descriptor would refuse.
		lk.Close()
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{
		ReadOnly: !writable,
		Timeout:  boltLockTimeout,
		OpenFile: func(string, int, os.FileMode) (*os.File, error) {
			handed = true
			return f, nil
		},
	})
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return nil, errInUse(name)
	case errors.Is(err, bolt.ErrInvalid), errors.Is(err, bolt.ErrVersionMismatch), errors.Is(err, bolt.ErrChecksum):
		return nil, errDamaged(name, err)
	case err != nil:
		return nil, fmt.Errorf("open bolt store %q: %w", name, err)
	}
	kv := &boltKV{db: db}
	if writable {
		kv.root, kv.file = root, f
		keepRoot = true
	}
	qs, err := ckv.New(kv, boltOptions)
	if err != nil {
		db.Close()
		if writable {
			root.Close()
		}
		if errors.Is(err, cgraph.ErrNotInitialized) {
			return nil, &Error{Code: EINVALID, Message: fmt.Sprintf("%q is not an awskg store", name), Err: err}
		}
		return nil, fmt.Errorf("open bolt store %q: %w", name, err)
	}
	return &CayleyStore{qs: qs, readOnly: !writable}, nil
}

// lockShared takes the shared lock on path, the Bolt file of the store in
// root, which keeps writers out while the store's files are verified and
// read. name is the store's name in errors; errRetry when the file is gone
// (a swap moved the store meanwhile).
func lockShared(ctx context.Context, root *os.Root, name, path string) (*flock.Flock, error) {
	lk := flock.New(path, flock.SetFlag(os.O_RDONLY))
	lctx, cancel := context.WithTimeout(ctx, boltLockTimeout)
	locked, err := lk.TryRLockContext(lctx, 10*time.Millisecond)
	cancel()
	switch {
	case locked:
		return lk, nil
	case errors.Is(err, fs.ErrNotExist):
		lk.Close()
		if _, serr := root.Stat(manifestFile); serr == nil {
			if _, serr := root.Stat(boltFile); errors.Is(serr, fs.ErrNotExist) {
				return nil, errDamaged(name, fmt.Errorf("%s is missing", boltFile))
			}
		}
		return nil, errRetry
	case ctx.Err() != nil:
		lk.Close()
		return nil, &Error{Code: ETIMEOUT, Message: fmt.Sprintf("open bolt store %q", name), Err: ctx.Err()}
	case err == nil || errors.Is(err, context.DeadlineExceeded):
		lk.Close()
		return nil, errInUse(name)
	default:
		lk.Close()
		return nil, fmt.Errorf("lock bolt store %q: %w", name, err)
	}
}

// sameFile reports whether f is the file lk has locked.
func sameFile(f *os.File, lk *flock.Flock) (bool, error) {
	fi, err := f.Stat()
	if err != nil {
		return false, err
	}
	li, err := lk.Stat()
	if err != nil {
		return false, err
	}
	return os.SameFile(fi, li), nil
}

// BoltBuilder holds the builder lock of a bolt store: the one rebuild of
// that store that may run. Take it with LockBolt before the (long) work
// that produces the graph, so that a second build fails at once instead of
// finishing first and being silently overwritten.
type BoltBuilder struct {
	// Progress, when set, is called by Build after each chunk of quads
	// written, with the quads written so far and their total.
	Progress func(done, total int)
	// Statements are the statements of the notes the graph was read from,
	// kept in the store's index file for evidence (a store built from
	// quads has none).
	Statements []Statement
	// Forms are the word forms of those notes (see Forms), kept in the
	// index file beside the statements.
	Forms Forms

	dir    string
	unlock func()
}

// LockBolt takes the builder lock of the bolt store in dir without waiting
// (ECONFLICT when another build holds it), finishes a swap that a killed
// build left, and checks that dir may be replaced (EINVALID when it is
// neither missing, nor empty, nor a store). Build writes the store; Unlock
// releases the lock.
func LockBolt(ctx context.Context, dir string) (*BoltBuilder, error) {
	dir = filepath.Clean(dir)
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: fmt.Sprintf("build bolt store %q", dir), Err: err}
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, fmt.Errorf("build bolt store %q: %w", dir, err)
	}
	unlock, err := lockBuilder(dir)
	if err != nil {
		return nil, err
	}
	if err := recoverSwap(dir); err != nil {
		unlock()
		return nil, err
	}
	if err := checkReplaceable(dir); err != nil {
		unlock()
		return nil, err
	}
	return &BoltBuilder{dir: dir, unlock: unlock}, nil
}

// Unlock releases the builder lock; later calls do nothing.
func (b *BoltBuilder) Unlock() {
	if b.unlock != nil {
		b.unlock()
		b.unlock = nil
	}
}

// BuildBolt replaces the bolt store in dir with a new one holding exactly
// nodes and facts: LockBolt, Build, Unlock.
func BuildBolt(ctx context.Context, dir string, nodes []Node, facts []Fact) error {
	b, err := LockBolt(ctx, dir)
	if err != nil {
		return err
	}
	defer b.Unlock()
	return b.Build(ctx, nodes, facts)
}

// Build replaces the store with a new one holding exactly nodes and facts.
// The caller passes the complete graph (every embedded and user note,
// re-ingested): facts of a note that changed are thereby replaced, not
// duplicated.
//
// Besides the quads, the store gets its index file: NewIndex of nodes,
// facts, b.Statements and b.Forms, which questions read instead of the quads.
//
// The build is atomic: it writes everything into a fresh sibling directory
// DIR.tmp-<pid> with its manifest, syncs and closes it, then swaps it in
// with two renames (DIR → DIR.old, DIR.tmp-<pid> → DIR) and removes DIR.old.
// A build that is cancelled (ctx is checked between chunks of 1,000 quads)
// or fails removes its temporary directory and leaves the previous store
// untouched; a build that is killed leaves at worst a stale temporary
// directory (removed by the next build) or, between the two renames, DIR.old
// alone (renamed back by the next open or build). Processes that have the
// old store open keep reading it until they close it; what a writer writes
// to it after the swap is lost.
func (b *BoltBuilder) Build(ctx context.Context, nodes []Node, facts []Fact) error {
	dir := b.dir
	if b.unlock == nil {
		return Errorf(EINTERNAL, "build bolt store %q: the builder lock is not held", dir)
	}
	if err := checkReplaceable(dir); err != nil {
		return err
	}
	tmp := fmt.Sprintf("%s.tmp-%d", dir, os.Getpid())
	err := writeBolt(ctx, tmp, Quads(nodes, facts), b.Progress)
	if err == nil {
		err = writeIndexFile(filepath.Join(tmp, indexFile), NewIndex(nodes, facts, b.Statements, WithForms(b.Forms)))
	}
	if err == nil {
		err = writeManifestDir(tmp)
	}
	if err != nil {
		os.RemoveAll(tmp)
		if ctx.Err() != nil {
			return &Error{Code: ETIMEOUT, Message: fmt.Sprintf("build bolt store %q: cancelled, previous store kept", dir), Err: err}
		}
		return fmt.Errorf("build bolt store %q: %w", dir, err)
	}
	if err := swapDir(dir, tmp); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("build bolt store %q: %w", dir, err)
	}
	return nil
}

// writeBolt creates a store in the new directory path and writes quads in
// chunks, checking ctx between them and reporting each to progress (when
// not nil).
func writeBolt(ctx context.Context, path string, quads []quad.Quad, progress func(done, total int)) (err error) {
	if err := os.RemoveAll(path); err != nil {
		return fmt.Errorf("remove stale %q: %w", path, err)
	}
	if err := os.Mkdir(path, 0o700); err != nil {
		return fmt.Errorf("create %q: %w", path, err)
	}
	db, err := bolt.Open(filepath.Join(path, boltFile), 0o600, &bolt.Options{Timeout: boltLockTimeout})
	if err != nil {
		return fmt.Errorf("create bolt file: %w", err)
	}
	defer func() {
		if cerr := db.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close bolt file: %w", cerr)
		}
	}()
	// The file is synced once at the end; a crash before that only loses
	// the temporary directory.
	db.NoSync, db.NoGrowSync = true, true
	kv := &boltKV{db: db}
	if err := ckv.Init(kv, nil); err != nil {
		return fmt.Errorf("init quad store: %w", err)
	}
	qs, err := ckv.New(kv, boltOptions)
	if err != nil {
		return fmt.Errorf("open quad store: %w", err)
	}
	w, err := cgraph.NewQuadWriter("single", qs, cgraph.Options{"ignore_duplicate": true, "ignore_missing": true})
	if err != nil {
		return fmt.Errorf("open quad writer: %w", err)
	}
	quads = dedupQuads(quads)
	for i := 0; i < len(quads); i += boltChunk {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("after %d of %d quads: %w", i, len(quads), err)
		}
		end := min(i+boltChunk, len(quads))
		if err := w.AddQuadSet(quads[i:end]); err != nil {
			return fmt.Errorf("write quads %d-%d: %w", i, end, err)
		}
		if progress != nil {
			progress(end, len(quads))
		}
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("close quad writer: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("after %d quads: %w", len(quads), err)
	}
	if err := db.Sync(); err != nil {
		return fmt.Errorf("sync bolt file: %w", err)
	}
	return nil
}

// writeIndexFile writes ix, without the graph (the quads hold it), to the
// new file path, synced.
func writeIndexFile(path string, ix *Index) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("create index file: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<16)
	err = EncodeIndex(w, ix, EncodeOptions{NoGraph: true})
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write index file: %w", err)
	}
	return nil
}

// UniqueQuads drops repeated quads (the same four values in N-Quads form),
// keeping the first of each: the quads a store holds after loading qs.
func UniqueQuads(qs []quad.Quad) []quad.Quad { return dedupQuads(qs) }

// dedupQuads drops repeated quads, keeping the first of each.
//
// Two quads are the same when their values are the same in N-Quads form.
// When every value is an IRI, a string or an integer (all that Quads
// makes), that is comparing the values themselves, which needs no
// formatting; other values (read from a file) are compared in N-Quads form.
func dedupQuads(qs []quad.Quad) []quad.Quad {
	out := qs[:0:0]
	for _, q := range qs {
		if !plainValue(q.Subject) || !plainValue(q.Predicate) || !plainValue(q.Object) || !plainValue(q.Label) {
			type key struct{ s, p, o, l string }
			seen := make(map[key]struct{}, len(qs))
			for _, q := range qs {
				k := key{quad.StringOf(q.Subject), quad.StringOf(q.Predicate), quad.StringOf(q.Object), quad.StringOf(q.Label)}
				if _, ok := seen[k]; !ok {
					seen[k] = struct{}{}
					out = append(out, q)
				}
			}
			return out
		}
	}
	seen := make(map[quad.Quad]struct{}, len(qs))
	for _, q := range qs {
		if _, ok := seen[q]; !ok {
			seen[q] = struct{}{}
			out = append(out, q)
		}
	}
	return out
}

// plainValue reports whether v is nil, an IRI, a string or an integer:
// values whose equality is that of their N-Quads form, and that are never
// spelt like another plain value of a different type.
func plainValue(v quad.Value) bool {
	switch v.(type) {
	case nil, quad.IRI, quad.String, quad.Int:
		return true
	}
	return false
}

// swapDir moves tmp to dir, replacing the store there if any.
func swapDir(dir, tmp string) error {
	old := dir + ".old"
	_, err := os.Stat(dir)
	hadOld := err == nil
	if hadOld {
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("move previous store aside: %w", err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if hadOld {
			if rerr := os.Rename(old, dir); rerr != nil {
				return fmt.Errorf("move new store in: %w (and restore previous store: %v)", err, rerr)
			}
		}
		return fmt.Errorf("move new store in: %w", err)
	}
	syncDir(filepath.Dir(dir))
	if hadOld {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("remove previous store: %w", err)
		}
	}
	return nil
}

// recoverSwap finishes what a killed build left; the caller holds the
// builder lock. It removes stale temporary directories and either removes
// DIR.old (the swap got through) or renames it back to DIR (it did not).
func recoverSwap(dir string) error {
	stale, err := filepath.Glob(globEscape(dir) + ".tmp-*")
	if err != nil {
		return fmt.Errorf("find stale builds of %q: %w", dir, err)
	}
	for _, p := range stale {
		if err := os.RemoveAll(p); err != nil {
			return fmt.Errorf("remove stale build %q: %w", p, err)
		}
	}
	old := dir + ".old"
	if _, err := os.Stat(old); err != nil {
		return nil
	}
	if _, err := os.Stat(dir); err == nil {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("remove previous store %q: %w", old, err)
		}
		return nil
	}
	if err := os.Rename(old, dir); err != nil {
		return fmt.Errorf("restore previous store %q: %w", old, err)
	}
	syncDir(filepath.Dir(dir))
	return nil
}

// checkReplaceable fails unless dir is missing, empty or a bolt store
// (whole or damaged: a directory holding only store files).
func checkReplaceable(dir string) error {
	fi, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if errors.Is(err, syscall.ENOTDIR) {
		return Errorf(EINVALID, "%q is not an awskg store: not a directory", dir)
	} else if err != nil {
		return fmt.Errorf("stat %q: %w", dir, err)
	}
	if !fi.IsDir() {
		return Errorf(EINVALID, "%q is not an awskg store: not a directory", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, boltFile)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("read %q: %w", dir, err)
	}
	for _, e := range entries {
		switch e.Name() {
		case boltFile, indexFile, manifestFile, manifestFile + ".tmp":
		default:
			return Errorf(EINVALID, "%q is not an awskg store: it has no %s and is not empty", dir, boltFile)
		}
	}
	return nil
}

// lockBuilder takes the exclusive builder lock DIR.lock without blocking.
func lockBuilder(dir string) (unlock func(), err error) {
	lk := flock.New(dir + ".lock")
	ok, err := lk.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock %q: %w", lk.Path(), err)
	} else if !ok {
		return nil, errInUse(dir)
	}
	return func() { lk.Close() }, nil
}

// syncDir fsyncs a directory so renames in it are durable; best effort.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// globEscape escapes the glob metacharacters of a path.
func globEscape(p string) string {
	out := make([]rune, 0, len(p))
	for _, r := range p {
		switch r {
		case '*', '?', '[', ']', '\\':
			out = append(out, '\\')
		}
		out = append(out, r)
	}
	return string(out)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// boltKV is a hidalgo key-value store on a bbolt database, with the bucket
// layout of hidalgo's kv/bolt (the one Cayley's "bolt" backend uses): every
// key part but the last is a nested bucket.
type boltKV struct {
	db *bolt.DB
	// root and file are set for a store opened for writing: the directory
	// and the Bolt file whose manifest Close rewrites.
	root *os.Root
	file *os.File
	// wrote is set once a write transaction began: the index file no
	// longer matches the quads.
	wrote bool
}

var _ hkv.KV = (*boltKV)(nil)

// Close closes the database. A store opened for writing first gets a new
// manifest, while its exclusive lock still keeps readers out; its index
// file is dropped when the quads may have changed (readers then read the
// quads), and kept in the manifest otherwise.
func (db *boltKV) Close() error {
	var merr error
	if db.root != nil {
		merr = db.closeManifest()
		defer db.root.Close()
	}
	if err := db.db.Close(); err != nil {
		return err
	}
	if merr != nil {
		return fmt.Errorf("write the manifest of %s: %w", db.root.Name(), merr)
	}
	return nil
}

// closeManifest rewrites the manifest of a store opened for writing.
func (db *boltKV) closeManifest() error {
	var index *manifestEntry
	if m, err := readManifest(db.root); err == nil && !db.wrote {
		index = m.entry(indexFile)
	}
	if index == nil {
		if err := db.root.Remove(indexFile); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return writeManifest(db.root, db.file, index)
}

func (db *boltKV) Tx(rw bool) (hkv.Tx, error) {
	if rw {
		db.wrote = true
	}
	tx, err := db.db.Begin(rw)
	if err != nil {
		return nil, err
	}
	return &boltTx{tx: tx}, nil
}

type boltTx struct{ tx *bolt.Tx }

// root returns the root bucket.
func (tx *boltTx) root() *bolt.Bucket { return tx.tx.Cursor().Bucket() }

// bucket returns the bucket holding key and the rest of the key in it.
func (tx *boltTx) bucket(key hkv.Key) (*bolt.Bucket, hkv.Key) {
	if len(key) <= 1 {
		return tx.root(), key
	}
	b := tx.tx.Bucket(key[0])
	key = key[1:]
	for b != nil && len(key) > 1 {
		b = b.Bucket(key[0])
		key = key[1:]
	}
	return b, key
}

func (tx *boltTx) Get(_ context.Context, key hkv.Key) (hkv.Value, error) {
	b, k := tx.bucket(key)
	if b == nil || len(k) != 1 {
		return nil, hkv.ErrNotFound
	}
	v := b.Get(k[0])
	if v == nil {
		return nil, hkv.ErrNotFound
	}
	return v, nil
}

func (tx *boltTx) GetBatch(_ context.Context, keys []hkv.Key) ([]hkv.Value, error) {
	vals := make([]hkv.Value, len(keys))
	for i, k := range keys {
		if b, k := tx.bucket(k); b != nil && len(k) == 1 {
			vals[i] = b.Get(k[0])
		}
	}
	return vals, nil
}

func (tx *boltTx) Commit(context.Context) error { return tx.tx.Commit() }

func (tx *boltTx) Close() error {
	err := tx.tx.Rollback()
	if errors.Is(err, bolt.ErrTxClosed) {
		return nil // committed
	}
	return err
}

func (tx *boltTx) Put(k hkv.Key, v hkv.Value) error {
	var (
		b   *bolt.Bucket
		err error
	)
	if len(k) <= 1 {
		b = tx.root()
	} else {
		b, err = tx.tx.CreateBucketIfNotExists(k[0])
		k = k[1:]
	}
	for err == nil && b != nil && len(k) > 1 {
		b, err = b.CreateBucketIfNotExists(k[0])
		k = k[1:]
	}
	if err != nil {
		return err
	} else if len(k) == 0 || (len(k[0]) == 0 && len(v) == 0) {
		return nil // bucket creation, no value to put
	}
	return b.Put(k[0], v)
}

func (tx *boltTx) Del(k hkv.Key) error {
	b, k := tx.bucket(k)
	if b == nil || len(k) != 1 {
		return nil
	}
	return b.Delete(k[0])
}

func (tx *boltTx) Scan(pref hkv.Key) hkv.Iterator {
	b, p := tx.bucket(pref)
	if b == nil || len(p) > 1 {
		// A bucket named in the prefix does not exist: nothing to scan.
		return &boltIterator{}
	}
	return &boltIterator{
		b:    []*bolt.Bucket{b},
		pref: p,
		root: pref[:len(pref)-len(p)].Clone(), // the key of the scanned bucket; appended to
	}
}

// boltIterator walks a bucket and its nested buckets depth first, yielding
// the keys that start with the prefix.
type boltIterator struct {
	root hkv.Key // key of the current bucket, to rebuild full keys
	pref hkv.Key // prefix each key part is checked against
	b    []*bolt.Bucket
	c    []*bolt.Cursor
	k, v []byte
}

func (it *boltIterator) Next(context.Context) bool {
	for len(it.b) > 0 {
		i := len(it.b) - 1
		if len(it.c) < len(it.b) {
			c := it.b[i].Cursor()
			it.c = append(it.c, c)
			if i >= len(it.pref) {
				it.k, it.v = c.First()
			} else {
				it.k, it.v = c.Seek(it.pref[i])
			}
		} else {
			it.k, it.v = it.c[i].Next()
		}
		if it.k != nil && (i >= len(it.pref) || bytes.HasPrefix(it.k, it.pref[i])) {
			if it.v == nil {
				if b := it.b[i].Bucket(it.k); b != nil {
					it.b = append(it.b, b)
					it.root = append(it.root, it.k)
					continue
				}
			}
			return true
		}
		// This bucket is done, or past the prefix: back to its parent.
		it.c = it.c[:len(it.c)-1]
		it.b = it.b[:len(it.b)-1]
		if len(it.root) > 0 {
			it.root = it.root[:len(it.root)-1]
		}
	}
	return false
}

func (it *boltIterator) Key() hkv.Key {
	if len(it.b) == 0 {
		return nil
	}
	return append(it.root.Clone(), append([]byte(nil), it.k...))
}

func (it *boltIterator) Val() hkv.Value { return it.v }
func (it *boltIterator) Err() error     { return nil }
func (it *boltIterator) Close() error {
	*it = boltIterator{}
	return nil
}
