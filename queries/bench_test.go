package queries

import (
	"context"
	"testing"
)

// BenchmarkAsk answers one question in process on the embedded corpus.
func BenchmarkAsk(b *testing.B) {
	e := newEngine(b)
	qs := []string{
		"which services support cross-account",
		"how do I get data from CloudWatch Logs to Athena",
		"what are the OpsWorks lifecycle events",
		"which services notify SNS natively",
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Ask(context.Background(), qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
	}
}
