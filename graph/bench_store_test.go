package graph_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/awskg/awskg/graph"
)

// synthGraph returns a synthetic graph of about 2*services + 3*events +
// facts*(1 + 6/4) quads: services with a name and a kind, a handful of
// capabilities, and facts spread over them, one in four with a detail and a
// position (so reified on a fact node).
func synthGraph(services, facts int) ([]graph.Node, []graph.Fact) {
	var nodes []graph.Node
	caps := []string{"cross-account", "multi-region", "multi-az", "auto-healing", "blue-green"}
	for _, c := range caps {
		nodes = append(nodes, graph.Node{ID: graph.NodeID(graph.KindCapability, c), Name: c, Kind: graph.KindCapability})
	}
	for i := 0; i < services; i++ {
		name := fmt.Sprintf("Service %04d", i)
		nodes = append(nodes, graph.Node{ID: graph.NodeID(graph.KindService, name), Name: name, Kind: graph.KindService})
	}
	preds := []string{graph.PredSupports, graph.PredNotifies, graph.PredTargets, graph.PredDelivers}
	out := make([]graph.Fact, 0, facts)
	for i := 0; i < facts; i++ {
		s := nodes[len(caps)+i%services].ID
		var o string
		if i%2 == 0 {
			o = nodes[i%len(caps)].ID
		} else {
			o = nodes[len(caps)+(i*7+3)%services].ID
		}
		f := graph.Fact{Subject: s, Predicate: preds[i%len(preds)], Object: o, Source: fmt.Sprintf("data/notes/%03d.txt:%d", i%50, i)}
		if i%4 == 0 {
			f.Detail = fmt.Sprintf("detail %d", i)
			f.Position = i%9 + 1
		}
		out = append(out, f)
	}
	return nodes, out
}

// benchGraph has about 10,000 quads.
func benchGraph(b *testing.B) ([]graph.Node, []graph.Fact, int) {
	nodes, facts := synthGraph(400, 4000)
	n := len(graph.Quads(nodes, facts))
	b.Cleanup(func() { b.ReportMetric(float64(n), "quads/op") })
	return nodes, facts, n
}

func BenchmarkLoadMemStore(b *testing.B) {
	nodes, facts, _ := benchGraph(b)
	ctx := context.Background()
	for b.Loop() {
		s, err := graph.NewMemStore()
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Load(ctx, nodes, facts); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func BenchmarkBuildBolt(b *testing.B) {
	nodes, facts, _ := benchGraph(b)
	ctx := context.Background()
	dir := filepath.Join(b.TempDir(), "store")
	for b.Loop() {
		if err := graph.BuildBolt(ctx, dir, nodes, facts); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadPostgres(b *testing.B) {
	nodes, facts, _ := benchGraph(b)
	ctx := context.Background()
	db := newPGDatabase(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dsn := db.schemaDSN(b, fmt.Sprintf("bench_%d", i))
		s, err := graph.Open(ctx, dsn) // creates the tables
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := s.Load(ctx, nodes, facts); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

func BenchmarkOpenBoltOut(b *testing.B) {
	nodes, facts, _ := benchGraph(b)
	ctx := context.Background()
	dir := filepath.Join(b.TempDir(), "store")
	if err := graph.BuildBolt(ctx, dir, nodes, facts); err != nil {
		b.Fatal(err)
	}
	id := nodes[5].ID
	for b.Loop() {
		s, err := graph.OpenReadOnly(ctx, dir)
		if err != nil {
			b.Fatal(err)
		}
		edges, err := s.Out(ctx, id)
		if err != nil || len(edges) == 0 {
			b.Fatalf("Out(%s) = %d edges, %v", id, len(edges), err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBoltOut(b *testing.B) {
	nodes, facts, _ := benchGraph(b)
	ctx := context.Background()
	dir := filepath.Join(b.TempDir(), "store")
	if err := graph.BuildBolt(ctx, dir, nodes, facts); err != nil {
		b.Fatal(err)
	}
	s, err := graph.Open(ctx, dir)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	id := nodes[5].ID
	for b.Loop() {
		if edges, err := s.Out(ctx, id); err != nil || len(edges) == 0 {
			b.Fatalf("Out(%s) = %d edges, %v", id, len(edges), err)
		}
	}
}

// BenchmarkOpenBoltVerify is the cost of verifying a store at open: "awskg"
// opens it as every command does (OpenReadOnly: size and SHA-256 of
// indexes.bolt against the manifest, then Bolt and Cayley) and closes it;
// "bbolt" only opens and closes the Bolt file, read-only, unverified. The
// store is a built ~10k-quad one, or the one AWSKG_BENCH_STORE names (such as
// a store ingested from bench/gen's 20x corpus):
//
//	go run ./bench/gen -n 20 -seed 1 -out /tmp/c20 && awskg ingest --db /tmp/s20 /tmp/c20
//	AWSKG_BENCH_STORE=/tmp/s20 go test ./graph/ -run '^$' -bench OpenBoltVerify
func BenchmarkOpenBoltVerify(b *testing.B) {
	ctx := context.Background()
	dir := os.Getenv("AWSKG_BENCH_STORE")
	if dir == "" {
		nodes, facts, _ := benchGraph(b)
		dir = filepath.Join(b.TempDir(), "store")
		if err := graph.BuildBolt(ctx, dir, nodes, facts); err != nil {
			b.Fatal(err)
		}
	}
	fi, err := os.Stat(filepath.Join(dir, "indexes.bolt"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("awskg", func(b *testing.B) {
		b.SetBytes(fi.Size())
		for b.Loop() {
			s, err := graph.OpenReadOnly(ctx, dir)
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
	})
	b.Run("bbolt", func(b *testing.B) {
		b.SetBytes(fi.Size())
		for b.Loop() {
			db, err := bolt.Open(filepath.Join(dir, "indexes.bolt"), 0o600, &bolt.Options{ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			db.Close()
		}
	})
}

// BenchmarkOpenIndex is what a question on a bolt store reads: OpenIndex
// maps index.bin and verifies it against the manifest (SHA-256), without
// opening the quads. The store is a built one of the synthetic graph with
// statements, or the one AWSKG_BENCH_STORE names (such as a store ingested
// from bench/gen's 20x corpus, see BenchmarkOpenBoltVerify); "decode" is
// DecodeIndex alone on the file's bytes (checksum and column checks).
func BenchmarkOpenIndex(b *testing.B) {
	ctx := context.Background()
	dir := os.Getenv("AWSKG_BENCH_STORE")
	if dir == "" {
		dir, _ = buildIndexedStore(b)
	}
	fi, err := os.Stat(filepath.Join(dir, "index.bin"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("open", func(b *testing.B) {
		b.SetBytes(fi.Size())
		for b.Loop() {
			ix, err := graph.OpenIndex(ctx, dir)
			if err != nil || ix.NumFacts() == 0 {
				b.Fatalf("OpenIndex: %v", err)
			}
		}
	})
	data, err := os.ReadFile(filepath.Join(dir, "index.bin"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(fi.Size())
		for b.Loop() {
			if _, err := graph.DecodeIndex(data); err != nil {
				b.Fatal(err)
			}
		}
	})
}
