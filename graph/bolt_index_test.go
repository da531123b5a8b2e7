package graph_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/graph/storetest"
)

// buildIndexedStore builds a bolt store of a synthetic graph with
// statements, and returns it with the index it should hold.
func buildIndexedStore(t testing.TB) (string, *graph.Index) {
	t.Helper()
	nodes, facts := synthGraph(40, 1500)
	nodes = append(nodes, storetest.Nodes()...)
	facts = append(facts, storetest.Facts()...)
	stmts := synthStatements(nodes, 300)
	dir := filepath.Join(t.TempDir(), "store")
	b, err := graph.LockBolt(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Unlock()
	b.Statements = stmts
	if err := b.Build(context.Background(), nodes, facts); err != nil {
		t.Fatal(err)
	}
	return dir, graph.NewIndex(nodes, facts, stmts)
}

// TestOpenIndex: a bolt store's index file reads as the index of what it
// was built from, statements included, and as the index read from its
// quads (without them).
func TestOpenIndex(t *testing.T) {
	ctx := context.Background()
	dir, want := buildIndexedStore(t)
	got, err := graph.OpenIndex(ctx, dir)
	if err != nil {
		t.Fatalf("OpenIndex: %v", err)
	}
	sameIndex(t, want, got)
	if _, _, err := got.Graph(); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("Graph of a store's index: %v; the quads hold the graph", err)
	}
	s, err := graph.OpenReadOnly(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fromQuads, err := graph.ReadIndex(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	sameIndex(t, fromQuads.WithStatements(want.Statements()), got)
}

// TestOpenIndexErrors: no store, a PostgreSQL store, a store without an
// index file, and a store written to after it was built.
func TestOpenIndexErrors(t *testing.T) {
	ctx := context.Background()
	missing := filepath.Join(t.TempDir(), "nothing")
	if _, err := graph.OpenIndex(ctx, missing); graph.ErrorCode(err) != graph.ENOTFOUND || errors.Is(err, graph.ErrNoIndexFile) {
		t.Errorf("no store: %v; want ENOTFOUND, not a store without an index", err)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("OpenIndex created %s", missing)
	}
	if _, err := graph.OpenIndex(ctx, "postgres://u:p@localhost/db"); !errors.Is(err, graph.ErrNoIndexFile) || graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("PostgreSQL: %v; want ErrNoIndexFile", err)
	}

	// a store opened for writing and closed unchanged keeps its index
	dir, want := buildIndexedStore(t)
	s, err := graph.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := graph.OpenIndex(ctx, dir)
	if err != nil {
		t.Fatalf("OpenIndex after an open for writing that wrote nothing: %v", err)
	}
	sameIndex(t, want, got)

	// written to: the index no longer matches the quads and is dropped;
	// the store reads whole, from its quads
	s, err = graph.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	extra := graph.Fact{Subject: storetest.C, Predicate: graph.PredSupports, Object: storetest.X, Source: "z.txt:9"}
	if err := s.Load(ctx, nil, []graph.Fact{extra}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := graph.OpenIndex(ctx, dir); !errors.Is(err, graph.ErrNoIndexFile) || graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("OpenIndex after a write: %v; want ErrNoIndexFile", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "index.bin")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the stale index file is still there: %v", err)
	}
	ro, err := graph.OpenReadOnly(ctx, dir)
	if err != nil {
		t.Fatalf("OpenReadOnly after a write: %v", err)
	}
	defer ro.Close()
	edges, err := ro.In(ctx, storetest.X, graph.PredSupports)
	if err != nil || !strings.Contains(edgesString(edges), storetest.C) {
		t.Errorf("the written fact is not in the store: %v %v", edges, err)
	}
}

func edgesString(edges []graph.Edge) string {
	var b strings.Builder
	for _, e := range edges {
		b.WriteString(e.Subject + " " + e.Predicate + " " + e.Object + "\n")
	}
	return b.String()
}

func checkDamaged(t *testing.T, what, dir string, ix *graph.Index, err error, want string) {
	t.Helper()
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	if ix != nil || graph.ErrorCode(err) != graph.EDAMAGED || !strings.HasPrefix(msg, `store "`+dir+`" is damaged: `) ||
		!strings.Contains(msg, want) || strings.Contains(msg, "\n") {
		t.Errorf("%s: %q (code %q); want code %q, one line %q", what, msg, graph.ErrorCode(err), graph.EDAMAGED, want)
	}
}

// TestOpenIndexVerifying: an index file changed in a way its own checksum
// does not see (the checksum recomputed) reads, but is not verified: the
// store's manifest says it is not the file the store was built with.
func TestOpenIndexVerifying(t *testing.T) {
	ctx := context.Background()
	dir, want := buildIndexedStore(t)
	ix, verified, err := graph.OpenIndexVerifying(ctx, dir)
	if err != nil || verified() != nil {
		t.Fatalf("OpenIndexVerifying of a whole store: %v, %v", err, verified())
	}
	sameIndex(t, want, ix)

	path := filepath.Join(dir, "index.bin")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// a byte of the string table (a detail or a statement's text): the
	// columns stay in range
	at := bytes.Index(data, []byte("statement 7 about"))
	if at < 0 {
		t.Fatal("no statement text in the index file")
	}
	data[at] = 'S'
	if err := os.WriteFile(path, graph.FixIndexChecksum(data), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := graph.DecodeIndex(graph.FixIndexChecksum(data)); err != nil {
		t.Fatalf("the changed file should decode: %v", err)
	}
	ix, verified, err = graph.OpenIndexVerifying(ctx, dir)
	if err != nil {
		t.Fatalf("OpenIndexVerifying of a file that decodes: %v", err)
	}
	checkDamaged(t, "verified", dir, nil, verified(), "index.bin does not match the SHA-256 in manifest.json")
	if _, err := graph.OpenIndex(ctx, dir); graph.ErrorCode(err) != graph.EDAMAGED {
		t.Errorf("OpenIndex of the changed file: %v", err)
	}
}

// TestOpenIndexDamaged: every damage to the index file is EDAMAGED for
// OpenIndex, with what is wrong; damage inside indexes.bolt, which a
// question does not read, is not (the quad store's own opens report it),
// but a file of the wrong size is, for every open.
func TestOpenIndexDamaged(t *testing.T) {
	ctx := context.Background()
	indexPath := func(dir string) string { return filepath.Join(dir, "index.bin") }
	size := func(t *testing.T, path string) int64 {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	write := func(t *testing.T, path string, off int64, b []byte) {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteAt(b, off); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []struct {
		name       string
		do         func(t *testing.T, dir string)
		want       string
		storeOpens bool // OpenReadOnly still opens the quad store
	}{
		{"a byte of the index deep inside", func(t *testing.T, dir string) {
			p := indexPath(dir)
			write(t, p, size(t, p)*2/3, []byte{0x7f})
		}, "index.bin does not match the SHA-256 in manifest.json", true},
		{"its header zeroed", func(t *testing.T, dir string) {
			write(t, indexPath(dir), 0, make([]byte, 64))
		}, "index.bin does not match the SHA-256 in manifest.json", true},
		{"the index cut short", func(t *testing.T, dir string) {
			if err := os.Truncate(indexPath(dir), size(t, indexPath(dir))/2); err != nil {
				t.Fatal(err)
			}
		}, "index.bin is ", false},
		{"the index lost", func(t *testing.T, dir string) {
			if err := os.Remove(indexPath(dir)); err != nil {
				t.Fatal(err)
			}
		}, "index.bin is missing", false},
		{"the quads cut short", func(t *testing.T, dir string) {
			if err := os.Truncate(boltPath(dir), boltSize(t, dir)/2); err != nil {
				t.Fatal(err)
			}
		}, "indexes.bolt is ", false},
		{"no manifest", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, "manifest.json")); err != nil {
				t.Fatal(err)
			}
		}, "it has no manifest.json", false},
	} {
		t.Run(d.name, func(t *testing.T) {
			dir, _ := buildIndexedStore(t)
			d.do(t, dir)
			ix, err := graph.OpenIndex(ctx, dir)
			checkDamaged(t, "OpenIndex", dir, ix, err, d.want)
			ix, verified, err := graph.OpenIndexVerifying(ctx, dir)
			if err == nil {
				err = verified()
			}
			checkDamaged(t, "OpenIndexVerifying", dir, nil, err, d.want)
			s, err := graph.OpenReadOnly(ctx, dir)
			if d.storeOpens {
				if err != nil {
					t.Errorf("OpenReadOnly of a store whose quads are whole: %v", err)
				} else {
					s.Close()
				}
			} else if graph.ErrorCode(err) != graph.EDAMAGED {
				if err == nil {
					s.Close()
				}
				t.Errorf("OpenReadOnly: %v; want EDAMAGED", err)
			}
		})
	}

	// damage inside the quads: questions still read the whole index
	dir, want := buildIndexedStore(t)
	writeAt(t, dir, boltSize(t, dir)*2/3+11, []byte{0x7f})
	got, err := graph.OpenIndex(ctx, dir)
	if err != nil {
		t.Fatalf("OpenIndex of a store whose index is whole: %v", err)
	}
	sameIndex(t, want, got)
	if _, err := graph.OpenReadOnly(ctx, dir); graph.ErrorCode(err) != graph.EDAMAGED {
		t.Errorf("OpenReadOnly of damaged quads: %v", err)
	}
}
