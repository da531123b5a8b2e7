package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/awskg/awskg/cmd/awskg/internal/preinit"
	"github.com/awskg/awskg/graph"
)

// TestMain keeps the tests away from the user's cache: every command the
// tests run uses a snapshot cache under a temporary directory. (Not via
// XDG_CACHE_HOME: the go command keeps its build cache there too.)
//
// Raw queries run in a query worker, a child process started from
// os.Executable(): in tests, this test binary, which acts as the worker
// when it is started as one.
func TestMain(m *testing.M) {
	if len(os.Args) > 2 && os.Args[1] == "query" && os.Args[2] == workerFlag {
		os.Exit(run(os.Args[1:], System()))
	}
	dir, err := os.MkdirTemp("", "awskg-test-cache-")
	if err != nil {
		panic(err)
	}
	// The binaries the tests start share the compiled go-graphviz module
	// of the user's cache (see package preinit) instead of compiling it
	// into the empty one, about 0.6 s each for the first ones; where a
	// link cannot be made they compile it.
	if user := preinit.CacheDir(); user != "" {
		if err := os.Symlink(filepath.Join(user, "go-graphviz"), filepath.Join(dir, "go-graphviz")); err != nil {
			fmt.Fprintln(os.Stderr, "note: the tests' binaries compile go-graphviz's module:", err)
		}
	}
	os.Setenv("AWSKG_CACHE_DIR", dir)
	os.Unsetenv("AWSKG_NO_CACHE")
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func TestSnapshotCache(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("AWSKG_CACHE_DIR", cache)
	notes := t.TempDir()
	note := filepath.Join(notes, "n.md")
	writeFile(t, note, []byte(goodNote))
	ask := func() (string, string) {
		io, _, out, errOut := Test()
		if code := run([]string{"ask", "--json", "--notes", notes, "which services support cross-account"}, io); code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		return out.String(), errOut.String()
	}
	first, _ := ask()
	snaps, err := filepath.Glob(filepath.Join(cache, "*.snap"))
	if err != nil || len(snaps) != 1 {
		t.Fatalf("snapshots after one run: %v %v", snaps, err)
	}
	second, _ := ask()
	if first != second {
		t.Errorf("answers from the snapshot differ:\n%s\n---\n%s", first, second)
	}
	// A changed note is a new ingest: its new fact shows at once.
	writeFile(t, note, []byte(goodNote+"\nAWS Quuxinator can replicate data across multiple AWS accounts.\n"))
	third, _ := ask()
	if third == second || !strings.Contains(third, "AWS Quuxinator") {
		t.Errorf("a changed note was served from the old snapshot")
	}
	if snaps, _ := filepath.Glob(filepath.Join(cache, "*.snap")); len(snaps) != 2 {
		t.Errorf("snapshots after a change: %v", snaps)
	}
	t.Setenv("AWSKG_NO_CACHE", "1")
	os.RemoveAll(cache)
	ask()
	if snaps, _ := filepath.Glob(filepath.Join(cache, "*.snap")); len(snaps) != 0 {
		t.Errorf("AWSKG_NO_CACHE=1 still wrote %v", snaps)
	}
}

// TestQueryCachedStore: a raw query of the notes reads a bolt store of them
// that the first query keeps in the cache directory (stores/<snapshot
// key>); every later query of the same notes reads it and prints the same
// results in the same order; changed notes get a store of their own, and
// only the newest keptStores stay. Without a cache nothing is kept.
func TestQueryCachedStore(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("AWSKG_CACHE_DIR", cache)
	notes := t.TempDir()
	note := filepath.Join(notes, "n.md")
	writeFile(t, note, []byte(goodNote))
	const q = `g.V().Has("<name>", "AWS Frobnicator").Out().Unique().All()`
	query := func() string {
		t.Helper()
		io, _, out, errOut := Test()
		if code := run([]string{"query", "--notes", notes, "--lang", "gizmo", q}, io); code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		return out.String()
	}
	stores := func() []string {
		t.Helper()
		var dirs []string
		entries, _ := os.ReadDir(filepath.Join(cache, "stores"))
		for _, e := range entries {
			if e.IsDir() {
				dirs = append(dirs, e.Name())
			}
		}
		return dirs
	}
	first := query()
	if !strings.Contains(first, "capability:cross-account") {
		t.Fatalf("query results %s: want the note's capability", first)
	}
	kept := stores()
	if len(kept) != 1 || !graph.HasBoltStore(filepath.Join(cache, "stores", kept[0])) {
		t.Fatalf("stores after one query: %v", kept)
	}
	if second := query(); second != first {
		t.Errorf("the cached store's results differ:\n%s\n---\n%s", first, second)
	}
	for i := 0; i < keptStores+1; i++ {
		writeFile(t, note, []byte(goodNote+fmt.Sprintf("\nAWS Quux%d can replicate data across multiple AWS accounts.\n", i)))
		query()
	}
	if got := stores(); len(got) != keptStores || slices.Contains(got, kept[0]) {
		t.Errorf("stores after %d changes: %v (the first %s)", keptStores+1, got, kept[0])
	}
	t.Setenv("AWSKG_NO_CACHE", "1")
	os.RemoveAll(cache)
	query()
	if _, err := os.Stat(filepath.Join(cache, "stores")); err == nil {
		t.Errorf("AWSKG_NO_CACHE=1 still kept a store")
	}
}
