package ingest

import (
	"context"
	"testing"
)

// BenchmarkIngestCorpus parses and extracts the five embedded notes.
func BenchmarkIngestCorpus(b *testing.B) {
	dict, err := LoadDictionary()
	if err != nil {
		b.Fatal(err)
	}
	src, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, s := range src {
		size += len(s.Data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c, err := Build(context.Background(), src, dict)
		if err != nil {
			b.Fatal(err)
		}
		if len(c.Facts) == 0 {
			b.Fatal("no facts")
		}
	}
}
