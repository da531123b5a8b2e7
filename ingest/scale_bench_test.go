package ingest_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/awskg/awskg/bench/synth"
	"github.com/awskg/awskg/ingest"
)

// BenchmarkIngestScale parses and extracts synthetic corpora of 1, 10 and
// 100 times the embedded notes' size (bench/synth, seed 1): MB/s is the
// ingest throughput, and ns/op of 100x over 100 times that of 1x is its
// linearity (bench/run.sh prints both). The corpus is generated before the
// timer starts.
func BenchmarkIngestScale(b *testing.B) {
	dict, err := ingest.LoadDictionary()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1, 10, 100} {
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) {
			src := synth.Generate(n, 1)
			b.SetBytes(int64(synth.Size(src)))
			b.ReportAllocs()
			b.ResetTimer()
			facts := 0
			for i := 0; i < b.N; i++ {
				c, err := ingest.Build(context.Background(), src, dict)
				if err != nil {
					b.Fatal(err)
				}
				if c.Files != len(src) || len(c.Facts) == 0 {
					b.Fatalf("%d of %d notes, %d facts; warnings: %v", c.Files, len(src), len(c.Facts), c.Warnings)
				}
				facts = len(c.Facts)
			}
			b.ReportMetric(float64(facts), "facts/op")
		})
	}
}
