package graph_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/graph/storetest"
)

func TestBoltStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) graph.Store {
		s, err := graph.Open(context.Background(), filepath.Join(t.TempDir(), "store"))
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		return s
	})
}

// buildTestStore builds the storetest graph into a new bolt dir.
func buildTestStore(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "store")
	if err := graph.BuildBolt(context.Background(), dir, storetest.Nodes(), storetest.Facts()); err != nil {
		t.Fatalf("BuildBolt: %v", err)
	}
	return dir
}

// checkTestStore opens dir and checks it answers Out(A) with the storetest graph.
func checkTestStore(t *testing.T, dir string) {
	t.Helper()
	s, err := graph.Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	defer s.Close()
	edges, err := s.Out(context.Background(), storetest.A, graph.PredSupports)
	want := []graph.Edge{{Subject: storetest.A, Predicate: graph.PredSupports, Object: storetest.X, Sources: []string{"a.txt:1", "b.txt:2"}}}
	if err != nil || !reflect.DeepEqual(edges, want) {
		t.Fatalf("Out(A, supports) = %+v, %v; want %+v", edges, err, want)
	}
	facts, err := s.Facts(context.Background())
	if err != nil || !reflect.DeepEqual(facts, storetest.SortedFacts()) {
		t.Fatalf("Facts = %d facts, %v; want the %d of the test graph", len(facts), err, len(storetest.SortedFacts()))
	}
}

// checkNoLeftovers fails if a temporary or old directory is left beside dir.
func checkNoLeftovers(t *testing.T, dir string) {
	t.Helper()
	left, _ := filepath.Glob(dir + ".tmp-*")
	if _, err := os.Stat(dir + ".old"); err == nil {
		left = append(left, dir+".old")
	}
	if len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

func TestBoltOpenConflict(t *testing.T) {
	dir := buildTestStore(t)
	ctx := context.Background()
	first, err := graph.Open(ctx, dir)
	if err != nil {
		t.Fatalf("first Open: %v", err)
	}
	start := time.Now()
	second, err := graph.Open(ctx, dir)
	if err == nil {
		second.Close()
		first.Close()
		t.Fatal("second Open of a bolt store that is open succeeded; want ECONFLICT")
	}
	// A hang detector, not a speed check: Open gives up on the lock after
	// boltLockTimeout (150ms); waiting for the first store to close would
	// block for ever.
	if d := time.Since(start); d > time.Minute {
		t.Errorf("second Open took %v to fail; want it to give up on the lock", d)
	}
	if code := graph.ErrorCode(err); code != graph.ECONFLICT {
		t.Errorf("second Open: %v (code %q), want code %q", err, code, graph.ECONFLICT)
	}
	if want := `store "` + dir + `" is in use by another awskg process`; err.Error() != want {
		t.Errorf("second Open: message %q, want %q", err.Error(), want)
	}
	if err := first.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	checkTestStore(t, dir) // free again once closed
}

// blockingCtx is a context whose Err reports nil for its first `after`
// calls; at call number `after` it runs trip (which may block, to hold a
// build midway) and then cancels itself.
type blockingCtx struct {
	context.Context
	cancel context.CancelFunc
	calls  atomic.Int64
	after  int64
	trip   func()
}

func newBlockingCtx(after int64, trip func()) *blockingCtx {
	ctx, cancel := context.WithCancel(context.Background())
	return &blockingCtx{Context: ctx, cancel: cancel, after: after, trip: trip}
}

func (c *blockingCtx) Err() error {
	if c.calls.Add(1) == c.after {
		if c.trip != nil {
			c.trip()
		}
		c.cancel()
	}
	return c.Context.Err()
}

// TestBoltBuildConflict holds a build midway and shows that a second build
// fails fast with ECONFLICT while readers still open and query the store.
func TestBoltBuildConflict(t *testing.T) {
	dir := buildTestStore(t)
	nodes, facts := synthGraph(50, 5000)
	holding, release := make(chan struct{}), make(chan struct{})
	ctx := newBlockingCtx(3, func() { close(holding); <-release })
	var wg sync.WaitGroup
	var buildErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		buildErr = graph.BuildBolt(ctx, dir, nodes, facts)
	}()
	<-holding
	err := graph.BuildBolt(context.Background(), dir, storetest.Nodes(), nil)
	if code := graph.ErrorCode(err); code != graph.ECONFLICT || !strings.Contains(err.Error(), "in use by another awskg process") {
		t.Errorf("second BuildBolt during a build: %v (code %q), want ECONFLICT \"in use\"", err, code)
	}
	checkTestStore(t, dir) // a reader is not blocked by the builder lock
	close(release)
	wg.Wait()
	if code := graph.ErrorCode(buildErr); code != graph.ETIMEOUT || !errors.Is(buildErr, context.Canceled) {
		t.Errorf("held build: %v (code %q), want ETIMEOUT wrapping context.Canceled", buildErr, code)
	}
	checkTestStore(t, dir)
	checkNoLeftovers(t, dir)
}

// TestBuildBoltCancel cancels builds at several points and shows the
// previous store still opens and answers, with nothing left behind.
func TestBuildBoltCancel(t *testing.T) {
	nodes, facts := synthGraph(100, 4000) // ~10k quads: 10 chunks
	tests := []struct {
		name    string
		after   int64 // cancel at this ctx check (1 = before anything)
		midway  bool  // the temporary store exists when it trips
		timeout bool  // use an expired deadline instead
	}{
		{name: "before start", after: 1},
		{name: "after first chunk", after: 3, midway: true},
		{name: "midway", after: 7, midway: true},
		{name: "after last chunk", after: 12, midway: true},
		{name: "deadline", timeout: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := buildTestStore(t)
			var ctx context.Context
			sawTmp := false
			if tc.timeout {
				c, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
				defer cancel()
				ctx = c
			} else {
				ctx = newBlockingCtx(tc.after, func() {
					tmp, _ := filepath.Glob(dir + ".tmp-*")
					sawTmp = len(tmp) == 1
				})
			}
			err := graph.BuildBolt(ctx, dir, nodes, facts)
			if code := graph.ErrorCode(err); code != graph.ETIMEOUT {
				t.Fatalf("BuildBolt: %v (code %q), want code %q", err, code, graph.ETIMEOUT)
			}
			if want := context.Canceled; tc.timeout {
				if !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("BuildBolt: %v, want it to wrap %v", err, context.DeadlineExceeded)
				}
			} else if !errors.Is(err, want) {
				t.Errorf("BuildBolt: %v, want it to wrap %v", err, want)
			}
			if sawTmp != tc.midway {
				t.Errorf("temporary store present when cancelled = %v, want %v", sawTmp, tc.midway)
			}
			checkTestStore(t, dir)
			checkNoLeftovers(t, dir)
		})
	}
}

// TestBuildBoltReplacesNotDuplicates re-ingests a changed note: its old
// facts must be gone, not kept beside the new ones.
func TestBuildBoltReplacesNotDuplicates(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "store")
	nodes := storetest.Nodes()
	v1 := []graph.Fact{
		{Subject: storetest.A, Predicate: graph.PredSupports, Object: storetest.X, Detail: "old wording", Source: "a.txt:1"},
		{Subject: storetest.A, Predicate: graph.PredNotifies, Object: storetest.B, Source: "a.txt:1"},
		{Subject: storetest.C, Predicate: graph.PredEvent, Object: storetest.S, Position: 1, Source: "b.txt:1"},
	}
	v2 := []graph.Fact{ // a.txt:1 changed; b.txt:1 did not
		{Subject: storetest.A, Predicate: graph.PredSupports, Object: storetest.X, Detail: "new wording", Source: "a.txt:1"},
		{Subject: storetest.C, Predicate: graph.PredEvent, Object: storetest.S, Position: 1, Source: "b.txt:1"},
	}
	for i, facts := range [][]graph.Fact{v1, v2, v2} {
		if err := graph.BuildBolt(ctx, dir, nodes, facts); err != nil {
			t.Fatalf("BuildBolt #%d: %v", i+1, err)
		}
	}
	s, err := graph.Open(ctx, dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	got, err := s.Facts(ctx)
	if err != nil {
		t.Fatalf("Facts: %v", err)
	}
	want := append([]graph.Fact(nil), v2...)
	graph.SortFacts(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Facts after rebuild = %+v, want %+v", got, want)
	}
	edges, err := s.Out(ctx, storetest.A)
	wantEdges := []graph.Edge{{Subject: storetest.A, Predicate: graph.PredSupports, Object: storetest.X, Details: []string{"new wording"}, Sources: []string{"a.txt:1"}}}
	if err != nil || !reflect.DeepEqual(edges, wantEdges) {
		t.Errorf("Out(A) after rebuild = %+v, %v; want %+v", edges, err, wantEdges)
	}
	checkNoLeftovers(t, dir)
}

// TestBuildBoltRefusesForeignDir never replaces a directory that is not a store.
func TestBuildBoltRefusesForeignDir(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notes, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		call func() error
	}{
		{"BuildBolt on a notes dir", func() error { return graph.BuildBolt(ctx, dir, storetest.Nodes(), nil) }},
		{"Open on a notes dir", func() error { s, err := graph.Open(ctx, dir); closeIf(s); return err }},
		{"BuildBolt on a file", func() error { return graph.BuildBolt(ctx, file, storetest.Nodes(), nil) }},
		{"Open on a file", func() error { s, err := graph.Open(ctx, file); closeIf(s); return err }},
	}
	for _, tc := range tests {
		if err := tc.call(); graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("%s: %v (code %q), want code %q", tc.name, err, graph.ErrorCode(err), graph.EINVALID)
		}
	}
	if b, err := os.ReadFile(notes); err != nil || string(b) != "keep me" {
		t.Errorf("notes.txt = %q, %v; want it untouched", b, err)
	}
}

func closeIf(s *graph.CayleyStore) {
	if s != nil {
		s.Close()
	}
}

// TestOpenBoltCreatesAndRecovers: Open creates a missing store, and finishes
// a swap that a killed build left between its two renames.
func TestOpenBoltCreatesAndRecovers(t *testing.T) {
	ctx := context.Background()
	t.Run("creates", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "a", "store")
		s, err := graph.Open(ctx, dir)
		if err != nil {
			t.Fatalf("Open of a missing dir: %v", err)
		}
		defer s.Close()
		if nodes, err := s.Nodes(ctx, ""); err != nil || len(nodes) != 0 {
			t.Errorf("new store: Nodes = %v, %v; want none", nodes, err)
		}
		checkNoLeftovers(t, dir)
	})
	t.Run("recovers", func(t *testing.T) {
		dir := buildTestStore(t)
		// Killed after "DIR → DIR.old", before "DIR.tmp-N → DIR", with
		// a stale temporary store of a dead build beside it.
		if err := os.Rename(dir, dir+".old"); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(dir+".tmp-999999", 0o700); err != nil {
			t.Fatal(err)
		}
		checkTestStore(t, dir)
		checkNoLeftovers(t, dir)
	})
}

// TestBoltOtherProcess checks locking against a real second process: a
// helper process holds the store open for writing (ECONFLICT here), then one
// holds it open for reading (readers share, a writer gets ECONFLICT), then a
// helper build is killed with SIGKILL midway (the old store survives, the
// lock is freed).
func TestBoltOtherProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("starts helper processes")
	}
	dir := buildTestStore(t)
	ready := filepath.Join(t.TempDir(), "ready")

	t.Run("open elsewhere", func(t *testing.T) {
		cmd := helper(t, "open", dir, ready)
		waitFile(t, ready)
		_, err := graph.Open(context.Background(), dir)
		if graph.ErrorCode(err) != graph.ECONFLICT {
			t.Errorf("Open while another process has the store: %v, want ECONFLICT", err)
		}
		// A build does not need the store closed: it swaps a new one in.
		if err := graph.BuildBolt(context.Background(), dir, storetest.Nodes(), storetest.Facts()); err != nil {
			t.Errorf("BuildBolt while another process reads: %v", err)
		}
		cmd.Process.Kill()
		cmd.Wait()
		os.Remove(ready)
		checkTestStore(t, dir)
	})

	t.Run("read elsewhere", func(t *testing.T) {
		cmd := helper(t, "read", dir, ready)
		waitFile(t, ready)
		// Readers share the store; a writer waits for them all to leave.
		r, err := graph.OpenReadOnly(context.Background(), dir)
		if err != nil {
			t.Errorf("OpenReadOnly while another process reads: %v", err)
		} else {
			if facts, err := r.Facts(context.Background()); err != nil || len(facts) != len(storetest.Facts()) {
				t.Errorf("Facts while another process reads = %d, %v", len(facts), err)
			}
			r.Close()
		}
		if w, err := graph.Open(context.Background(), dir); graph.ErrorCode(err) != graph.ECONFLICT {
			closeIf(w)
			t.Errorf("Open for writing while another process reads: %v, want ECONFLICT", err)
		}
		cmd.Process.Kill()
		cmd.Wait()
		os.Remove(ready)
		checkTestStore(t, dir)
	})

	t.Run("build killed", func(t *testing.T) {
		cmd := helper(t, "build", dir, ready)
		waitFile(t, ready)
		if err := graph.BuildBolt(context.Background(), dir, nil, nil); graph.ErrorCode(err) != graph.ECONFLICT {
			t.Errorf("BuildBolt while another process builds: %v, want ECONFLICT", err)
		}
		checkTestStore(t, dir) // readable during the other build
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatalf("kill helper: %v", err)
		}
		cmd.Wait()
		if tmp, _ := filepath.Glob(dir + ".tmp-*"); len(tmp) != 1 {
			t.Errorf("killed build left %v, want its one temporary dir", tmp)
		}
		checkTestStore(t, dir)
		// The lock died with the process; the next build cleans up.
		if err := graph.BuildBolt(context.Background(), dir, storetest.Nodes(), storetest.Facts()); err != nil {
			t.Fatalf("BuildBolt after the kill: %v", err)
		}
		checkNoLeftovers(t, dir)
		checkTestStore(t, dir)
	})
}

func helper(t *testing.T, mode, dir, ready string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestBoltHelperProcess$")
	cmd.Env = append(os.Environ(), "AWSKG_BOLT_HELPER="+mode, "AWSKG_BOLT_DIR="+dir, "AWSKG_BOLT_READY="+ready)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start helper: %v", err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd
}

func waitFile(t *testing.T, path string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(path); err == nil {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("helper did not get ready (%s)", path)
}

// TestBoltHelperProcess is not a test: it is the helper process of
// TestBoltOtherProcess, and does nothing unless AWSKG_BOLT_HELPER is set.
// It blocks until killed.
func TestBoltHelperProcess(t *testing.T) {
	mode := os.Getenv("AWSKG_BOLT_HELPER")
	if mode == "" {
		return
	}
	dir, ready := os.Getenv("AWSKG_BOLT_DIR"), os.Getenv("AWSKG_BOLT_READY")
	signal := func() {
		if err := os.WriteFile(ready, nil, 0o600); err != nil {
			t.Errorf("write %s: %v", ready, err)
		}
	}
	switch mode {
	case "open":
		s, err := graph.Open(context.Background(), dir)
		if err != nil {
			t.Fatalf("helper Open: %v", err)
		}
		defer s.Close()
		signal()
		time.Sleep(time.Minute)
	case "read":
		s, err := graph.OpenReadOnly(context.Background(), dir)
		if err != nil {
			t.Fatalf("helper OpenReadOnly: %v", err)
		}
		defer s.Close()
		signal()
		time.Sleep(time.Minute)
	case "build":
		nodes, facts := synthGraph(50, 5000)
		ctx := newBlockingCtx(3, func() { signal(); time.Sleep(time.Minute) })
		graph.BuildBolt(ctx, dir, nodes, facts)
	}
}

// TestBoltExportMatchesMem: a bolt store exports the same bytes as a
// memstore holding the same graph.
func TestBoltExportMatchesMem(t *testing.T) {
	ctx := context.Background()
	nodes, facts := trickyGraph()
	dir := filepath.Join(t.TempDir(), "store")
	if err := graph.BuildBolt(ctx, dir, nodes, facts); err != nil {
		t.Fatalf("BuildBolt: %v", err)
	}
	s, err := graph.Open(ctx, dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	mem := loadedMem(t, nodes, facts)
	for _, format := range []string{"nquads", "json", "pquads"} {
		var got, want bytes.Buffer
		if err := graph.Export(ctx, s, format, &got); err != nil {
			t.Fatalf("Export bolt %s: %v", format, err)
		}
		if err := graph.Export(ctx, mem, format, &want); err != nil {
			t.Fatalf("Export mem %s: %v", format, err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: bolt export (%d bytes) differs from memstore export (%d bytes)", format, got.Len(), want.Len())
		}
	}
}

// TestHasBoltStore: only a finished build is a store; a missing or empty
// directory, or a build that stopped before its manifest, is none.
func TestHasBoltStore(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	dir := filepath.Join(root, "store")
	if graph.HasBoltStore(dir) {
		t.Errorf("HasBoltStore of a missing directory")
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if graph.HasBoltStore(dir) {
		t.Errorf("HasBoltStore of an empty directory")
	}
	if err := graph.BuildBolt(ctx, dir, storetest.Nodes(), storetest.Facts()); err != nil {
		t.Fatal(err)
	}
	if !graph.HasBoltStore(dir) {
		t.Errorf("HasBoltStore of a built store is false")
	}
	if err := os.Remove(filepath.Join(dir, "manifest.json")); err != nil {
		t.Fatal(err)
	}
	if graph.HasBoltStore(dir) {
		t.Errorf("HasBoltStore of a store without its manifest")
	}
}
