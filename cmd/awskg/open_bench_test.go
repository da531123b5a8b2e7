package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// The in-process part of `awskg ask`: from a new factory (as a new process
// has) to the answer, without the process's start-up. bench/run.sh times
// the whole processes.

// BenchmarkAskDB answers a question on a bolt store as `awskg ask --db`
// does: open the store's index file, build the engine, ask. The store is
// one of the embedded notes, built once, or the one AWSKG_BENCH_STORE names
// (the 20x store of the issue: go run ./bench/gen -n 20 -seed 1 -out /tmp/c20
// && awskg ingest --db /tmp/db20 /tmp/c20; target: the whole process in
// 100 ms).
func BenchmarkAskDB(b *testing.B) {
	dir := os.Getenv("AWSKG_BENCH_STORE")
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "store")
		if r := runCLI(b, "", "ingest", "--db", dir); r.code != exitOK {
			b.Fatalf("ingest: exit %d, stderr %q", r.code, r.errOut)
		}
	}
	benchmarkAsk(b, func(f *Factory) { f.DB = dir })
}

// BenchmarkAskWarm answers a question on the embedded notes as `awskg ask`
// does once their snapshot is cached: read the snapshot, build the engine,
// ask.
func BenchmarkAskWarm(b *testing.B) {
	cache := b.TempDir()
	stamp := "bench"
	benchmarkAsk(b, func(f *Factory) { f.CacheDir, f.BuildStamp = cache, stamp })
}

func benchmarkAsk(b *testing.B, setup func(*Factory)) {
	ctx := context.Background()
	ask := func() {
		io, _, _, _ := Test()
		f := NewFactory(io)
		setup(f)
		defer f.Close()
		eng, err := f.Engine(ctx)
		if err != nil {
			b.Fatal(err)
		}
		res, err := eng.Ask(ctx, crossAccount)
		if err != nil || len(res.Answers) == 0 {
			b.Fatalf("ask: %d answers, %v", len(res.Answers), err)
		}
	}
	ask() // the first run writes the snapshot
	b.ReportAllocs()
	for b.Loop() {
		ask()
	}
}
