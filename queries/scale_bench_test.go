package queries_test

import (
	"context"
	"encoding/json"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/awskg/awskg/bench/synth"
	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
	"github.com/awskg/awskg/queries"
)

// scaleQuestion is the part of a testdata/questions-dev.json entry the
// scale benchmark reads.
type scaleQuestion struct {
	ID       string `json:"id"`
	Question string `json:"question"`
}

func scaleQuestions(tb testing.TB) []scaleQuestion {
	tb.Helper()
	b, err := os.ReadFile("../testdata/questions-dev.json")
	if err != nil {
		tb.Fatal(err)
	}
	var qs []scaleQuestion
	if err := json.Unmarshal(b, &qs); err != nil {
		tb.Fatal(err)
	}
	if len(qs) == 0 {
		tb.Fatal("no dev questions")
	}
	return qs
}

// scaleEngine builds an engine on the embedded notes plus a synthetic
// corpus n times their size, on their index, as `awskg ask --notes DIR`
// does.
func scaleEngine(tb testing.TB, n int) (*queries.Engine, int) {
	tb.Helper()
	ctx := context.Background()
	dict, err := ingest.LoadDictionary()
	if err != nil {
		tb.Fatal(err)
	}
	src, err := ingest.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	src = append(src, synth.Generate(n, 1)...)
	c, err := ingest.Build(ctx, src, dict)
	if err != nil {
		tb.Fatal(err)
	}
	e, err := queries.NewIndexed(ctx, graph.NewIndex(c.Nodes, c.Facts, c.Statements, graph.WithForms(c.Forms)), nil, dict)
	if err != nil {
		tb.Fatal(err)
	}
	return e, len(c.Facts)
}

// BenchmarkAskScale100x times Engine.Ask, one sub-benchmark per dev
// question, on an engine built once on the embedded notes plus 100 times
// their size of synthetic notes. The target is 50 ms per question (the
// slowest counts); bench/run.sh prints it. Building the engine is not timed
// (its time is logged). AWSKG_BENCH_ASK_SCALE=N uses N times instead of 100
// for a quicker look; select questions with -bench 'AskScale100x/ID'.
func BenchmarkAskScale100x(b *testing.B) {
	qs := scaleQuestions(b)
	n := 100
	if v := os.Getenv("AWSKG_BENCH_ASK_SCALE"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			b.Fatalf("AWSKG_BENCH_ASK_SCALE=%q: want a positive integer", v)
		}
	}
	start := time.Now()
	e, facts := scaleEngine(b, n)
	b.Logf("engine on %dx built in %s: %d facts, %d nodes", n, time.Since(start).Round(time.Millisecond), facts, len(e.Nodes()))
	ctx := context.Background()
	for _, q := range qs {
		b.Run(q.ID, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				res, err := e.Ask(ctx, q.Question)
				switch code := graph.ErrorCode(err); {
				case err == nil && len(res.Answers) == 0:
					b.Fatalf("%q: no answers and no error", q.Question)
				case err != nil && code != graph.ENOTFOUND:
					b.Fatalf("%q: %v (%s)", q.Question, err, code)
				}
			}
		})
	}
}
