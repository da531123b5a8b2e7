package main

import (
	"context"
	"sort"
	"testing"
	"time"
)

// replBenchQuestions are answered in turn by BenchmarkReplQuestion.
var replBenchQuestions = []string{
	"which services support cross-account",
	"how do I get data from CloudWatch Logs to Athena",
	"what are the OpsWorks lifecycle events",
	"which services notify SNS natively",
	"order the DR strategies from cheapest to most expensive",
	"what is CloudTrail",
}

// BenchmarkReplQuestion answers a question in a REPL session in process on
// the embedded corpus, as typed at the prompt: parse, traverse, build the
// subgraph and print the table. It times every iteration and reports the
// p50 and p99 latencies (target: p99 ≤ 5 ms).
func BenchmarkReplQuestion(b *testing.B) {
	s, out, errOut := testSession(b, true)
	ctx := context.Background()
	for _, q := range replBenchQuestions { // warm up
		if err := s.exec(ctx, q); err != nil || errOut.Len() > 0 {
			b.Fatalf("%q: %v %s", q, err, errOut)
		}
	}
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out.Reset()
		start := time.Now()
		s.exec(ctx, replBenchQuestions[i%len(replBenchQuestions)])
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	if errOut.Len() > 0 {
		b.Fatalf("errors: %s", errOut)
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	b.ReportMetric(float64(pct(0.50).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(pct(0.99).Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
}
