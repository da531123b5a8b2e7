package graph

import (
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
	hkv "github.com/hidal-go/hidalgo/kv"
	bolt "go.etcd.io/bbolt"
)

// A bolt store is a directory holding one Bolt file, in the layout of
// Cayley's "bolt" backend (github.com/cayleygraph/cayley/graph/kv/bolt), so
// `cayley --db bolt --dbpath DIR` can read it:
//
//	DIR/indexes.bolt      the quad store
//	DIR.lock              builder lock (flock), never removed
//	DIR.tmp-<pid>         a build in progress (removed when it ends or fails)
//	DIR.old               the previous store during a swap (removed right after)
//
// Two locks are involved:
//
//   - Bolt's own flock on DIR/indexes.bolt, exclusive while the store is open.
//     Cayley's bolt backend opens the file with no lock timeout (a second
//     opener blocks forever), so the file is opened here with go.etcd.io/bbolt
//     and a timeout, and handed to Cayley's key-value quad store through
//     boltKV, a port of the adapter Cayley's backend uses (hidalgo's kv/bolt,
//     which is built on the unmaintained github.com/boltdb/bolt; that one
//     also trips Go's checkptr under -race). The file format is the same.
//     A second opener (in this or another process) fails with ECONFLICT after
//     boltLockTimeout instead of blocking.
//   - The builder lock on DIR.lock, exclusive and non-blocking, held by
//     BuildBolt for the whole rebuild. Readers never take it, so a store stays
//     readable while it is being rebuilt.
const (
	boltFile        = "indexes.bolt"
	boltLockTimeout = 150 * time.Millisecond
	boltChunk       = 1000 // quads per write transaction in BuildBolt
)

// boltOptions are the Cayley options of every bolt store opened here. Cayley's
// bloom filters cost ~400 MB per open store (and a scan of the whole log on
// open) and did not make BuildBolt faster on a 10k-quad graph: off.
var boltOptions = cgraph.Options{ckv.OptNoBloom: true}

func errInUse(dir string) *Error {
	return Errorf(ECONFLICT, "store %q is in use by another awskg process", dir)
}

// OpenBolt opens the bolt store in directory dir, creating an empty one when
// dir does not exist. It fails with ECONFLICT when the store is open in another
// process (or by another OpenBolt in this one), and recovers a swap that a
// killed BuildBolt left half done.
func OpenBolt(ctx context.Context, dir string) (*CayleyStore, error) {
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: fmt.Sprintf("open bolt store %q", dir), Err: err}
	}
	dir = filepath.Clean(dir)
	// A concurrent BuildBolt removes dir for a few microseconds while it swaps
	// directories, and a store being created by another process does not
	// exist yet: retry for a short while, then report the store as in use.
	for attempt := 0; attempt < 20; attempt++ {
		if attempt > 0 {
			if err := sleepCtx(ctx, 10*time.Millisecond); err != nil {
				return nil, &Error{Code: ETIMEOUT, Message: fmt.Sprintf("open bolt store %q", dir), Err: err}
			}
		}
		retry, err := prepareBoltDir(ctx, dir)
		if err != nil {
			return nil, err
		} else if retry {
			continue
		}
		s, err := openBoltFile(dir)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		return s, err
	}
	return nil, errInUse(dir)
}

// prepareBoltDir makes sure dir holds a store: it finishes an interrupted swap
// and creates an empty store when there is none. It asks for a retry when
// another process holds the builder lock.
func prepareBoltDir(ctx context.Context, dir string) (retry bool, err error) {
	ok, err := isBoltStore(dir)
	if err != nil || ok {
		return false, err
	}
	if _, err := os.Stat(dir + ".old"); err == nil {
		// A swap is in progress or was interrupted. Finish it under the
		// builder lock; if a builder holds it, it is about to finish itself.
		unlock, err := lockBuilder(dir)
		if ErrorCode(err) == ECONFLICT {
			return true, nil
		} else if err != nil {
			return false, err
		}
		defer unlock()
		return false, recoverSwap(dir)
	}
	// No store yet: build an empty one, atomically like any other build.
	err = BuildBolt(ctx, dir, nil, nil)
	if ErrorCode(err) == ECONFLICT {
		return true, nil
	}
	return false, err
}

// openBoltFile opens dir/indexes.bolt, failing fast when it is locked.
func openBoltFile(dir string) (*CayleyStore, error) {
	db, err := bolt.Open(filepath.Join(dir, boltFile), 0o600, &bolt.Options{Timeout: boltLockTimeout})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, errInUse(dir)
	} else if err != nil {
		return nil, fmt.Errorf("open bolt store %q: %w", dir, err)
	}
	qs, err := ckv.New(&boltKV{db: db}, boltOptions)
	if err != nil {
		db.Close()
		if errors.Is(err, cgraph.ErrNotInitialized) {
			return nil, &Error{Code: EINVALID, Message: fmt.Sprintf("%q is not an awskg store", dir), Err: err}
		}
		return nil, fmt.Errorf("open bolt store %q: %w", dir, err)
	}
	return WrapQuadStore(qs), nil
}

// BuildBolt replaces the bolt store in dir with a new one holding exactly
// nodes and facts. The caller passes the complete graph (every embedded and
// user note, re-ingested): facts of a note that changed are thereby replaced,
// not duplicated.
//
// The build is atomic: it takes the builder lock DIR.lock (ECONFLICT when
// another build holds it), writes everything into a fresh sibling directory
// DIR.tmp-<pid>, syncs and closes it, then swaps it in with two renames
// (DIR → DIR.old, DIR.tmp-<pid> → DIR) and removes DIR.old. A build that is
// cancelled (ctx is checked between chunks of 1,000 quads) or fails removes
// its temporary directory and leaves the previous store untouched; a build
// that is killed leaves at worst a stale temporary directory (removed by the
// next build) or, between the two renames, DIR.old alone (renamed back by the
// next OpenBolt or BuildBolt). Processes that have the old store open keep
// reading it until they close it; what they write to it after the swap is lost.
//
// dir must not exist, be an empty directory or be a bolt store: BuildBolt
// refuses (EINVALID) to replace any other directory.
func BuildBolt(ctx context.Context, dir string, nodes []Node, facts []Fact) error {
	dir = filepath.Clean(dir)
	if err := ctx.Err(); err != nil {
		return &Error{Code: ETIMEOUT, Message: fmt.Sprintf("build bolt store %q", dir), Err: err}
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return fmt.Errorf("build bolt store %q: %w", dir, err)
	}
	unlock, err := lockBuilder(dir)
	if err != nil {
		return err
	}
	defer unlock()
	if err := recoverSwap(dir); err != nil {
		return err
	}
	if err := checkReplaceable(dir); err != nil {
		return err
	}
	tmp := fmt.Sprintf("%s.tmp-%d", dir, os.Getpid())
	if err := writeBolt(ctx, tmp, Quads(nodes, facts)); err != nil {
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
// chunks, checking ctx between them.
func writeBolt(ctx context.Context, path string, quads []quad.Quad) (err error) {
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

// dedupQuads drops repeated quads, keeping the first of each.
func dedupQuads(qs []quad.Quad) []quad.Quad {
	type key struct{ s, p, o, l string }
	seen := make(map[key]struct{}, len(qs))
	out := qs[:0:0]
	for _, q := range qs {
		k := key{quad.StringOf(q.Subject), quad.StringOf(q.Predicate), quad.StringOf(q.Object), quad.StringOf(q.Label)}
		if _, ok := seen[k]; ok {
			continue
		}
		seen[k] = struct{}{}
		out = append(out, q)
	}
	return out
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

// recoverSwap finishes what a killed BuildBolt left; the caller holds the
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

// isBoltStore reports whether dir holds a bolt store.
func isBoltStore(dir string) (bool, error) {
	fi, err := os.Stat(filepath.Join(dir, boltFile))
	switch {
	case err == nil && fi.Mode().IsRegular():
		return true, nil
	case err == nil:
		return false, Errorf(EINVALID, "%q is not an awskg store: %s is not a file", dir, boltFile)
	case errors.Is(err, fs.ErrNotExist):
		return false, checkReplaceable(dir)
	case errors.Is(err, syscall.ENOTDIR):
		return false, Errorf(EINVALID, "%q is not an awskg store: not a directory", dir)
	}
	return false, fmt.Errorf("open bolt store %q: %w", dir, err)
}

// checkReplaceable fails unless dir is missing, empty or a bolt store.
func checkReplaceable(dir string) error {
	fi, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
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
	if len(entries) > 0 {
		return Errorf(EINVALID, "%q is not an awskg store: it has no %s and is not empty", dir, boltFile)
	}
	return nil
}

// lockBuilder takes the exclusive builder lock DIR.lock without blocking.
func lockBuilder(dir string) (unlock func(), err error) {
	path := dir + ".lock"
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open lock file %q: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errInUse(dir)
		}
		return nil, fmt.Errorf("lock %q: %w", path, err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
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
type boltKV struct{ db *bolt.DB }

var _ hkv.KV = (*boltKV)(nil)

func (db *boltKV) Close() error { return db.db.Close() }

func (db *boltKV) Tx(rw bool) (hkv.Tx, error) {
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
