package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/awskg/awskg/bench/synth"
	"github.com/awskg/awskg/ingest"
)

// The in-process side of bench/run.sh's whole-process measures: each
// benchmark goes through the Factory, as the commands do, so it follows
// whatever the factory builds for a command.

// benchQuestions are the questions bench/run.sh asks of a --db store.
var benchQuestions = []struct{ id, q string }{
	{"xacct", "which services support cross-account"},
	{"logs-athena", "how do I get data from CloudWatch Logs to Athena"},
	{"opsworks", "what are the OpsWorks lifecycle events"},
	{"sns", "which services notify SNS natively"},
}

// benchEnvInt reads a positive integer from the environment, or def.
func benchEnvInt(b *testing.B, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		b.Fatalf("%s=%q: want a positive integer", name, v)
	}
	return n
}

// benchAsk opens what the factory opens for a command and answers q; it
// returns every source the answers cite.
func benchAsk(b *testing.B, f *Factory, q string) []string {
	b.Helper()
	ctx := context.Background()
	e, err := f.Engine(ctx)
	if err != nil {
		b.Fatal(err)
	}
	res, err := e.Ask(ctx, q)
	if err != nil {
		b.Fatalf("%q: %v", q, err)
	}
	if len(res.Answers) == 0 {
		b.Fatalf("%q: no answers", q)
	}
	var sources []string
	for _, a := range res.Answers {
		sources = append(sources, a.Sources...)
	}
	return sources
}

// BenchmarkAskSnapshot is `awskg ask` on the embedded notes without the
// process start-up: "warm" reads the snapshot a previous run left (the
// snapshot cache warm), "cold" ingests into an empty cache directory
// and writes the snapshot (the first run after the notes changed).
func BenchmarkAskSnapshot(b *testing.B) {
	const q = "which services support cross-account"
	b.Run("warm", func(b *testing.B) {
		dir := b.TempDir()
		warm := func() *Factory {
			io, _, _, _ := Test()
			f := NewFactory(io)
			f.CacheDir, f.BuildStamp = dir, "bench"
			return f
		}
		f := warm()
		benchAsk(b, f, q) // fills the cache
		f.Close()
		b.ReportAllocs()
		for b.Loop() {
			f := warm()
			benchAsk(b, f, q)
			f.Close()
		}
	})
	b.Run("cold", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			dir, err := os.MkdirTemp(b.TempDir(), "cache")
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			io, _, _, _ := Test()
			f := NewFactory(io)
			f.CacheDir, f.BuildStamp = dir, "bench"
			benchAsk(b, f, q)
			f.Close()
		}
	})
}

// BenchmarkMemoryPerFact measures the heap a command keeps for a note of
// AWSKG_BENCH_BULLETS (100,000) one-fact bullets (synth.Bullets): after the
// factory has built what `awskg ask --notes NOTE` needs and a collection,
// B/fact is the heap in use beyond that of the embedded notes alone, per
// bullet (target: at most 1 KB); alloc-B/fact counts every byte allocated
// on the way. bench/run.sh measures the process's peak RSS the same way.
func BenchmarkMemoryPerFact(b *testing.B) {
	n := benchEnvInt(b, "AWSKG_BENCH_BULLETS", 100000)
	dir := b.TempDir()
	note := synth.Bullets(n)
	if err := synth.Write(dir, []ingest.Source{note}); err != nil {
		b.Fatal(err)
	}
	const q = "which services support canary deployment"
	// heap returns the heap in use and the bytes allocated so far, after a
	// collection.
	heap := func() (inUse, total uint64) {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc, m.TotalAlloc
	}
	// build returns the heap the factory keeps with notes, and the bytes it
	// allocated.
	build := func(notes []string) (kept, allocated uint64) {
		io, _, _, _ := Test()
		before, total0 := heap()
		f := NewFactory(io)
		f.Notes = notes
		if _, err := f.Engine(context.Background()); err != nil {
			b.Fatal(err)
		}
		after, total1 := heap()
		// the engine answers from the note (and stays alive until the
		// heap was read)
		sources := benchAsk(b, f, q)
		if len(notes) > 0 && !slices.ContainsFunc(sources, func(s string) bool { return strings.Contains(s, note.Name+":") }) {
			b.Fatalf("%q cites no line of the note: %v", q, sources)
		}
		f.Close()
		if after < before {
			return 0, total1 - total0
		}
		return after - before, total1 - total0
	}
	base, _ := build(nil)
	var kept, allocated uint64
	b.ResetTimer()
	for b.Loop() {
		kept, allocated = build([]string{filepath.Join(dir, note.Name)})
	}
	b.StopTimer()
	b.ReportMetric(float64(int64(kept)-int64(base))/float64(n), "B/fact")
	b.ReportMetric(float64(allocated)/float64(n), "alloc-B/fact")
	b.ReportMetric(float64(kept)/(1<<20), "heap-MiB")
}

// BenchmarkAskDBScale is `awskg ask --db` without the process start-up, on a
// bolt store ingested from the embedded notes and a synthetic corpus of
// AWSKG_BENCH_DB_SCALE (20) times their size, or on the store
// AWSKG_BENCH_STORE names. "engine" opens the store and builds what a
// question needs (what every command on --db pays); each other
// sub-benchmark also answers one question (target: 100 ms).
func BenchmarkAskDBScale(b *testing.B) {
	dir := os.Getenv("AWSKG_BENCH_STORE")
	if dir == "" {
		n := benchEnvInt(b, "AWSKG_BENCH_DB_SCALE", 20)
		tmp := b.TempDir()
		corpus, dir0 := filepath.Join(tmp, "corpus"), filepath.Join(tmp, "store")
		if err := synth.Write(corpus, synth.Generate(n, 1)); err != nil {
			b.Fatal(err)
		}
		io, _, _, errOut := Test()
		if code := run([]string{"ingest", "--db", dir0, corpus}, io); code != exitOK {
			b.Fatalf("ingest --db: exit %d: %s", code, errOut)
		}
		dir = dir0
	}
	open := func() *Factory {
		io, _, _, _ := Test()
		f := NewFactory(io)
		f.DB = dir
		return f
	}
	b.Run("engine", func(b *testing.B) {
		for b.Loop() {
			f := open()
			if _, err := f.Engine(context.Background()); err != nil {
				b.Fatal(err)
			}
			f.Close()
		}
	})
	for _, bq := range benchQuestions {
		b.Run(bq.id, func(b *testing.B) {
			for b.Loop() {
				f := open()
				benchAsk(b, f, bq.q)
				f.Close()
			}
		})
	}
}
