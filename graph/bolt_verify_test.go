package graph_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/gofrs/flock"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/graph/storetest"
)

// damage is one way a store's files get damaged.
type damage struct {
	name string
	do   func(t *testing.T, dir string)
	want string // in the error message
}

func boltPath(dir string) string { return filepath.Join(dir, "indexes.bolt") }

// writeAt overwrites the store's Bolt file at off with b.
func writeAt(t *testing.T, dir string, off int64, b []byte) {
	t.Helper()
	f, err := os.OpenFile(boltPath(dir), os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(b, off); err != nil {
		t.Fatal(err)
	}
}

func boltSize(t *testing.T, dir string) int64 {
	t.Helper()
	fi, err := os.Stat(boltPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// damages are the damaged stores of issue 10: one byte deep inside set to
// 0x7f (on the embedded notes' store, main crashed with a fault), the first
// 4 KiB page zeroed (main answered from the older meta page), a truncated
// file (main: "invalid freelist page"), and lost or damaged manifests.
var damages = []damage{
	{"one byte deep inside", func(t *testing.T, dir string) {
		writeAt(t, dir, boltSize(t, dir)*2/3+11, []byte{0x7f})
	}, "indexes.bolt does not match the SHA-256 in manifest.json"},
	{"one byte in a page header", func(t *testing.T, dir string) {
		writeAt(t, dir, 10*4096+11, []byte{0x7f})
	}, "indexes.bolt does not match the SHA-256 in manifest.json"},
	{"first page zeroed", func(t *testing.T, dir string) {
		writeAt(t, dir, 0, make([]byte, 4096))
	}, "indexes.bolt does not match the SHA-256 in manifest.json"},
	{"truncated", func(t *testing.T, dir string) {
		if err := os.Truncate(boltPath(dir), boltSize(t, dir)/2); err != nil {
			t.Fatal(err)
		}
	}, "bytes, manifest.json says"},
	{"no manifest", func(t *testing.T, dir string) {
		if err := os.Remove(filepath.Join(dir, "manifest.json")); err != nil {
			t.Fatal(err)
		}
	}, "it has no manifest.json"},
	{"manifest damaged", func(t *testing.T, dir string) {
		if err := os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(`{"format": "awskg bolt st`), 0o600); err != nil {
			t.Fatal(err)
		}
	}, "manifest.json is not a valid manifest"},
	{"Bolt file lost", func(t *testing.T, dir string) {
		if err := os.Remove(boltPath(dir)); err != nil {
			t.Fatal(err)
		}
	}, "indexes.bolt is missing"},
}

// buildBigTestStore builds a store of ~10k quads (many pages) holding the
// storetest graph too.
func buildBigTestStore(t *testing.T) string {
	t.Helper()
	nodes, facts := synthGraph(100, 4000)
	dir := filepath.Join(t.TempDir(), "store")
	if err := graph.BuildBolt(context.Background(), dir, append(nodes, storetest.Nodes()...), append(facts, storetest.Facts()...)); err != nil {
		t.Fatalf("BuildBolt: %v", err)
	}
	return dir
}

// TestBoltDamagedStore: every kind of damage is reported by every open as
// EDAMAGED with what is wrong, before anything is read (no fault, no older
// answer), and a rebuild replaces the damaged store.
func TestBoltDamagedStore(t *testing.T) {
	ctx := context.Background()
	for _, d := range damages {
		t.Run(d.name, func(t *testing.T) {
			dir := buildBigTestStore(t)
			d.do(t, dir)
			opens := []struct {
				name string
				open func(context.Context, string) (*graph.CayleyStore, error)
			}{{"OpenReadOnly", graph.OpenReadOnly}, {"Open", graph.Open}}
			for _, o := range opens {
				s, err := o.open(ctx, dir)
				if err == nil {
					s.Close()
					t.Fatalf("%s of a damaged store succeeded", o.name)
				}
				msg := err.Error()
				if graph.ErrorCode(err) != graph.EDAMAGED || !strings.HasPrefix(msg, `store "`+dir+`" is damaged: `) ||
					!strings.Contains(msg, d.want) || strings.Contains(msg, "\n") {
					t.Errorf("%s: %q (code %q); want code %q, one line %q", o.name, msg, graph.ErrorCode(err), graph.EDAMAGED, d.want)
				}
			}
			if err := graph.BuildBolt(ctx, dir, storetest.Nodes(), storetest.Facts()); err != nil {
				t.Fatalf("BuildBolt over the damaged store: %v", err)
			}
			checkTestStore(t, dir)
			checkNoLeftovers(t, dir)
		})
	}
}

// TestBoltWriterKeepsManifest: a store written in place through Open gets a
// new manifest when it closes, so it still verifies, with the new facts.
func TestBoltWriterKeepsManifest(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "store")
	w, err := graph.Open(ctx, dir) // created empty
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if err := w.Load(ctx, storetest.Nodes(), storetest.Facts()); err != nil {
		t.Fatalf("Load: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	checkTestStore(t, dir)
	r, err := graph.OpenReadOnly(ctx, dir)
	if err != nil {
		t.Fatalf("OpenReadOnly after the write: %v", err)
	}
	defer r.Close()
	facts, err := r.Facts(ctx)
	if err != nil || !reflect.DeepEqual(facts, storetest.SortedFacts()) {
		t.Errorf("Facts = %d, %v; want the %d written", len(facts), err, len(storetest.SortedFacts()))
	}
	if err := r.Load(ctx, storetest.Nodes(), nil); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("Load on a read-only store: %v, want EINVALID", err)
	}
}

// TestBoltReadersShare: any number of readers open one store at once; a
// writer is refused while they read, and readers while it writes.
func TestBoltReadersShare(t *testing.T) {
	ctx := context.Background()
	dir := buildTestStore(t)
	var readers []*graph.CayleyStore
	for i := 0; i < 3; i++ {
		r, err := graph.OpenReadOnly(ctx, dir)
		if err != nil {
			t.Fatalf("reader %d: %v", i+1, err)
		}
		readers = append(readers, r)
	}
	for i, r := range readers {
		if facts, err := r.Facts(ctx); err != nil || len(facts) != len(storetest.Facts()) {
			t.Errorf("reader %d: %d facts, %v", i+1, len(facts), err)
		}
	}
	if w, err := graph.Open(ctx, dir); graph.ErrorCode(err) != graph.ECONFLICT {
		closeIf(w)
		t.Errorf("writer while readers read: %v, want ECONFLICT", err)
	}
	// A rebuild does not wait for readers: it swaps a new store in.
	if err := graph.BuildBolt(ctx, dir, storetest.Nodes(), storetest.Facts()); err != nil {
		t.Errorf("BuildBolt while readers read: %v", err)
	}
	for _, r := range readers {
		r.Close()
	}
	w, err := graph.Open(ctx, dir)
	if err != nil {
		t.Fatalf("writer once the readers closed: %v", err)
	}
	if r, err := graph.OpenReadOnly(ctx, dir); graph.ErrorCode(err) != graph.ECONFLICT {
		closeIf(r)
		t.Errorf("reader while a writer writes: %v, want ECONFLICT", err)
	}
	w.Close()
	checkTestStore(t, dir)
}

// TestOpenBoltReadOnlyCreatesNothing: a reader of a missing or empty
// directory finds no store (ENOTFOUND) and leaves everything as it was.
func TestOpenBoltReadOnlyCreatesNothing(t *testing.T) {
	ctx := context.Background()
	parent := t.TempDir()
	empty := filepath.Join(parent, "empty")
	if err := os.Mkdir(empty, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{empty, filepath.Join(parent, "missing")} {
		s, err := graph.OpenReadOnly(ctx, dir)
		closeIf(s)
		if graph.ErrorCode(err) != graph.ENOTFOUND || err.Error() != `no store at "`+dir+`"` {
			t.Errorf("OpenReadOnly(%s): %v (code %q), want ENOTFOUND \"no store at\"", dir, err, graph.ErrorCode(err))
		}
	}
	if left, _ := os.ReadDir(empty); len(left) != 0 {
		t.Errorf("the empty directory now holds %v", left)
	}
	if all, _ := os.ReadDir(parent); len(all) != 1 {
		t.Errorf("the parent now holds %v, want only the empty directory", all)
	}
}

// TestOpenBoltReadOnlyRecoversSwap: a store left half swapped (DIR.old, no
// DIR) opens for reading; the swap is finished, or, while a build holds the
// builder lock, DIR.old is read.
func TestOpenBoltReadOnlyRecoversSwap(t *testing.T) {
	t.Run("recovers", func(t *testing.T) {
		dir := buildTestStore(t)
		if err := os.Rename(dir, dir+".old"); err != nil {
			t.Fatal(err)
		}
		s, err := graph.OpenReadOnly(context.Background(), dir)
		if err != nil {
			t.Fatalf("OpenReadOnly of a half-swapped store: %v", err)
		}
		s.Close()
		checkNoLeftovers(t, dir)
		checkTestStore(t, dir)
	})
	t.Run("reads the old store while a build holds the lock", func(t *testing.T) {
		dir := buildTestStore(t)
		if err := os.Rename(dir, dir+".old"); err != nil {
			t.Fatal(err)
		}
		lk := flock.New(dir + ".lock")
		if ok, err := lk.TryLock(); !ok || err != nil {
			t.Fatalf("lock: %v %v", ok, err)
		}
		defer lk.Close()
		s, err := graph.OpenReadOnly(context.Background(), dir)
		if err != nil {
			t.Fatalf("OpenReadOnly while the builder lock is held: %v", err)
		}
		defer s.Close()
		if facts, err := s.Facts(context.Background()); err != nil || len(facts) != len(storetest.Facts()) {
			t.Errorf("Facts of the old store = %d, %v", len(facts), err)
		}
	})
}

// TestLockBoltFirst: the builder lock is taken before the graph is built,
// and held until Unlock: a second build in between fails at once.
func TestLockBoltFirst(t *testing.T) {
	ctx := context.Background()
	dir := buildTestStore(t)
	b, err := graph.LockBolt(ctx, dir)
	if err != nil {
		t.Fatalf("LockBolt: %v", err)
	}
	if err := graph.BuildBolt(ctx, dir, nil, nil); graph.ErrorCode(err) != graph.ECONFLICT {
		t.Errorf("BuildBolt while locked: %v, want ECONFLICT", err)
	}
	if err := b.Build(ctx, storetest.Nodes(), storetest.Facts()); err != nil {
		t.Fatalf("Build: %v", err)
	}
	b.Unlock()
	b.Unlock() // twice is harmless
	if err := b.Build(ctx, nil, nil); graph.ErrorCode(err) != graph.EINTERNAL {
		t.Errorf("Build after Unlock: %v, want a refusal", err)
	}
	checkTestStore(t, dir)
	notes := t.TempDir()
	if err := os.WriteFile(filepath.Join(notes, "a.md"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := graph.LockBolt(ctx, notes); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("LockBolt on a notes folder: %v, want EINVALID at once", err)
	}
}

// TestBoltFaultIsRecoverable: a store cut short after it was verified and
// mapped faults when read; with SetPanicOnFault the fault is a panic that
// FaultError turns into EDAMAGED, not a crash.
func TestBoltFaultIsRecoverable(t *testing.T) {
	ctx := context.Background()
	dir := buildBigTestStore(t)
	s, err := graph.OpenReadOnly(ctx, dir)
	if err != nil {
		t.Fatalf("OpenReadOnly: %v", err)
	}
	// Something else cuts the file short under the open store: the pages
	// past the end are gone from the mapping.
	if err := os.Truncate(boltPath(dir), 8192); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		debug.SetPanicOnFault(true)
		defer func() {
			r := recover()
			if r == nil {
				done <- nil
				return
			}
			if err := graph.FaultError(`"`+dir+`"`, r); err != nil {
				done <- err
				return
			}
			panic(r)
		}()
		s.Facts(ctx)
	}()
	err = <-done
	// The fault unwound a read transaction: the store still closes.
	if cerr := s.Close(); cerr != nil {
		t.Errorf("Close after the fault: %v", cerr)
	}
	if graph.ErrorCode(err) != graph.EDAMAGED || !strings.Contains(err.Error(), "is damaged: reading its file failed") {
		t.Errorf("reading a store cut short: %v, want EDAMAGED from a recovered fault", err)
	}
	if graph.FaultError("x", "not a fault") != nil {
		t.Error("FaultError of a plain panic value is not nil")
	}
}
