package queries

import (
	"context"
	"testing"

	"github.com/awskg/awskg/graph"
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

// BenchmarkAskReadings answers questions of the readings that read lines
// rather than relations: a choice offered by words (which reads every
// statement for each option), a means ("how do I ..."), a requirement
// ("what do I need ... another account") and a compound a verb's noun heads.
func BenchmarkAskReadings(b *testing.B) {
	e := newEngine(b)
	qs := []string{
		"firehose vs data streams - which one lets me replay records?",
		"How do I run a database migration on only one instance when deploying to Elastic Beanstalk?",
		"What do I need to set up so CodePipeline can deploy into another AWS account?",
		"Blue/green CodeDeploy deployment keeps failing at the AllowTraffic step - what should I check?",
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Ask(context.Background(), qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAskDevSet answers every dev question in turn: questions of every
// reading (relations, paths, rankings, evidence), in process.
func BenchmarkAskDevSet(b *testing.B) {
	e := newEngine(b)
	qs := loadQuestions(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := qs[i%len(qs)]
		if _, err := e.Ask(context.Background(), q.Question); err != nil {
			b.Fatalf("%s: %v", q.ID, err)
		}
	}
}

// BenchmarkAskFirstQuestion is one question on a fresh engine, as a process
// asks it: no word of the question has been stemmed or matched before. The
// engines share one store and one corpus (built outside the timer); each
// is made from a new index, so none of the engine's caches carry over, and
// each is dropped after its question (b.N engines kept alive exhausted
// memory at -benchtime 2s).
func BenchmarkAskFirstQuestion(b *testing.B) {
	ctx := context.Background()
	base := newEngine(b)
	nodes, facts, err := base.ix.Graph()
	if err != nil {
		b.Fatal(err)
	}
	stmts := base.ix.Statements()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		e, err := NewIndexed(ctx, graph.NewIndex(nodes, facts, stmts, graph.WithForms(base.ix.WordForms())), base.store, base.base)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := e.Ask(ctx, "what destinations can a CloudWatch Logs subscription filter send to"); err != nil {
			b.Fatal(err)
		}
	}
}
