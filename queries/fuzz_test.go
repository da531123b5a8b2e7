package queries_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
	"github.com/awskg/awskg/queries"
)

// FuzzAsk asks whatever the fuzzer makes of the dev questions, on an engine
// built once from the embedded notes. Ask must never panic, and returns
// either answers that each cite at least one line of an embedded note, or
// an error with a code other than internal and a non-empty one-line
// message.
//
//	go test -run XXX -fuzz '^FuzzAsk$' -fuzztime 60s ./queries
func FuzzAsk(f *testing.F) {
	ctx := context.Background()
	dict, err := ingest.LoadDictionary()
	if err != nil {
		f.Fatal(err)
	}
	src, err := ingest.Embedded()
	if err != nil {
		f.Fatal(err)
	}
	lines := map[string]int{} // note name → its number of lines
	for _, s := range src {
		lines[s.Name] = len(strings.Split(strings.TrimSuffix(string(s.Data), "\n"), "\n"))
	}
	c, err := ingest.Build(ctx, src, dict)
	if err != nil {
		f.Fatal(err)
	}
	store, err := graph.NewMemStore()
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { store.Close() })
	if err := store.Load(ctx, c.Nodes, c.Facts); err != nil {
		f.Fatal(err)
	}
	e, err := queries.New(ctx, store, dict)
	if err != nil {
		f.Fatal(err)
	}

	for _, q := range scaleQuestions(f) {
		f.Add(q.Question)
	}
	for _, q := range []string{
		"", "   ", "?", "how do I get from logs to athena", "compare CodeDeploy and Elastic Beanstalk",
		"what notifies SNS", "what exists only in us-east-1", "which services have no notification at all",
		"what is \x00\xff", "order the DR strategies by RTO", "why does Config support cross-account",
	} {
		f.Add(q)
	}

	checkSources := func(t *testing.T, where string, a queries.Answer) {
		if len(a.Sources) == 0 {
			t.Fatalf("%s %q has no source", where, a.Name)
		}
		for _, s := range a.Sources {
			i := strings.LastIndexByte(s, ':')
			if i < 0 {
				t.Fatalf("%s %q: source %q is not file:line", where, a.Name, s)
			}
			n, err := strconv.Atoi(s[i+1:])
			max, ok := lines[s[:i]]
			if err != nil || !ok || n < 1 || n > max {
				t.Fatalf("%s %q: source %q is not a line of an embedded note", where, a.Name, s)
			}
		}
	}
	f.Fuzz(func(t *testing.T, q string) {
		res, err := e.Ask(ctx, q)
		if err != nil {
			msg := err.Error()
			if strings.TrimSpace(msg) == "" || strings.ContainsAny(msg, "\r\n") {
				t.Fatalf("Ask(%q): error message %q is not one non-empty line", q, msg)
			}
			if code := graph.ErrorCode(err); code == graph.EINTERNAL {
				t.Fatalf("Ask(%q): internal error %v", q, err)
			}
			return
		}
		if res == nil || len(res.Answers) == 0 {
			t.Fatalf("Ask(%q): no error and no answer (%+v)", q, res)
		}
		if res.Question != strings.TrimSpace(q) || res.Intent == "" {
			t.Fatalf("Ask(%q): question %q, intent %q", q, res.Question, res.Intent)
		}
		for _, a := range res.Answers {
			if strings.TrimSpace(a.Name) == "" {
				t.Fatalf("Ask(%q): answer without a name: %+v", q, a)
			}
			checkSources(t, "answer", a)
		}
		for _, alt := range res.Alternatives {
			for _, a := range alt {
				checkSources(t, "alternative", a)
			}
		}
	})
}
