package graph_test

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/graph/storetest"
)

// indexStore is a Store whose reads come from an Index rebuilt on every
// Load, so the conformance suite checks that an Index reads exactly as a
// store does.
type indexStore struct {
	nodes []graph.Node
	facts []graph.Fact
	*graph.Index
}

func (s *indexStore) Load(ctx context.Context, nodes []graph.Node, facts []graph.Fact) error {
	if err := ctx.Err(); err != nil {
		return &graph.Error{Code: graph.ETIMEOUT, Message: "load", Err: err}
	}
	s.nodes = append(s.nodes, nodes...)
	s.facts = append(s.facts, facts...)
	s.Index = graph.NewIndex(s.nodes, s.facts, nil)
	return nil
}

func (s *indexStore) Close() error { return nil }

func TestIndexConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) graph.Store {
		return &indexStore{Index: graph.NewIndex(nil, nil, nil)}
	})
}

// TestReadIndexMatchesStore reads an index back from a memstore: every
// node, edge and fact reads the same.
func TestReadIndexMatchesStore(t *testing.T) {
	ctx := context.Background()
	s, err := graph.NewMemStore()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Load(ctx, storetest.Nodes(), storetest.Facts()); err != nil {
		t.Fatal(err)
	}
	ix, err := graph.ReadIndex(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range storetest.Nodes() {
		for _, dir := range []string{"out", "in"} {
			var want, got []graph.Edge
			if dir == "out" {
				want, _ = s.Out(ctx, n.ID)
				got, _ = ix.Out(ctx, n.ID)
			} else {
				want, _ = s.In(ctx, n.ID)
				got, _ = ix.In(ctx, n.ID)
			}
			if !reflect.DeepEqual(want, got) {
				t.Errorf("%s(%s): index %+v, store %+v", dir, n.ID, got, want)
			}
		}
	}
	wf, _ := s.Facts(ctx)
	gf, _ := ix.Facts(ctx)
	if !reflect.DeepEqual(wf, gf) {
		t.Errorf("Facts: index %+v, store %+v", gf, wf)
	}
}

func TestOpenRelation(t *testing.T) {
	for _, tt := range []struct {
		phrase string
		pol    graph.Polarity
		pred   string
	}{
		{"analyze", graph.Positive, "rel:analyze"},
		{"send event to", graph.Negative, "rel:not send event to"},
		{"support", graph.Exclusive, "rel:only support"},
	} {
		p := graph.OpenRelation(tt.phrase, tt.pol)
		if p != tt.pred {
			t.Errorf("OpenRelation(%q, %d) = %q, want %q", tt.phrase, tt.pol, p, tt.pred)
		}
		phrase, pol, ok := graph.ParseRelation(p)
		if !ok || phrase != tt.phrase || pol != tt.pol {
			t.Errorf("ParseRelation(%q) = %q, %d, %v", p, phrase, pol, ok)
		}
	}
	if _, _, ok := graph.ParseRelation(graph.PredSupports); ok {
		t.Errorf("ParseRelation(%q) says open", graph.PredSupports)
	}
	if graph.OpenRelation("", graph.Negative) != "" {
		t.Errorf("OpenRelation of an empty phrase is not empty")
	}
}

// TestEdgeDetailsDeduplicatedAtScale: a fact stated on many lines keeps
// every source and each distinct detail once, whether the edge collects
// few details or many.
func TestEdgeDetailsDeduplicatedAtScale(t *testing.T) {
	for _, distinct := range []int{3, 21 /* past the index's linear search */, 500} {
		var facts []graph.Fact
		for i := 0; i < 2*distinct; i++ {
			facts = append(facts, graph.Fact{Subject: "service:a", Predicate: graph.PredSupports, Object: "capability:b",
				Detail: fmt.Sprintf("line %03d", i%distinct), Source: fmt.Sprintf("n.md:%d", i+1)})
		}
		ix := graph.NewIndex([]graph.Node{{ID: "service:a", Name: "A", Kind: graph.KindService}, {ID: "capability:b", Name: "B", Kind: graph.KindCapability}}, facts, nil)
		out, err := ix.Out(context.Background(), "service:a")
		if err != nil || len(out) != 1 {
			t.Fatalf("%d: Out = %v, %v", distinct, out, err)
		}
		e := out[0]
		if len(e.Sources) != 2*distinct {
			t.Errorf("%d: %d sources, want %d", distinct, len(e.Sources), 2*distinct)
		}
		if len(e.Details) != distinct {
			t.Fatalf("%d: %d details, want %d", distinct, len(e.Details), distinct)
		}
		seen := map[string]bool{}
		for _, d := range e.Details {
			if seen[d] {
				t.Errorf("%d: detail %q twice", distinct, d)
			}
			seen[d] = true
		}
		for i := 0; i < distinct; i++ {
			if d := fmt.Sprintf("line %03d", i); !seen[d] {
				t.Errorf("%d: detail %q lost", distinct, d)
			}
		}
	}
}

// builtAndDecoded returns the index of stmts as built and as decoded from
// its file.
func builtAndDecoded(t *testing.T, stmts []graph.Statement) map[string]*graph.Index {
	t.Helper()
	ix := graph.NewIndex(nil, nil, stmts)
	var buf bytes.Buffer
	if err := graph.EncodeIndex(&buf, ix, graph.EncodeOptions{}); err != nil {
		t.Fatal(err)
	}
	dec, err := graph.DecodeIndex(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*graph.Index{"built": ix, "decoded": dec}
}

// TestIndexStatementSection: a statement keeps its heading path in a built
// index and in one decoded from its file.
func TestIndexStatementSection(t *testing.T) {
	stmts := []graph.Statement{
		{Source: "n.md:3", Text: "Hooks: A -> B", Section: "AWS CodeDeploy > Deploy to ECS"},
		{Source: "n.md:9", Text: "Other"},
	}
	for name, x := range builtAndDecoded(t, stmts) {
		for i, st := range stmts {
			if got := x.StatementSection(i); got != st.Section || got != x.Statement(i).Section {
				t.Errorf("%s: StatementSection(%d) = %q, want %q", name, i, got, st.Section)
			}
		}
	}
}

// TestIndexStatementAt: a source finds its first statement, in a built
// index and in one decoded from its file; an unknown source finds none.
func TestIndexStatementAt(t *testing.T) {
	stmts := []graph.Statement{
		{Source: "n.md:3", Text: "Hooks: A -> B", Section: "AWS CodeDeploy > Deploy to ECS"},
		{Source: "n.md:3", Text: "second clause"},
		{Source: "n.md:9", Text: "Other"},
	}
	for name, x := range builtAndDecoded(t, stmts) {
		if i, ok := x.StatementAt("n.md:3"); !ok || x.Statement(i).Text != "Hooks: A -> B" {
			t.Errorf("%s: StatementAt(n.md:3) = %d, %v", name, i, ok)
		}
		if i, ok := x.StatementAt("n.md:9"); !ok || x.Statement(i).Text != "Other" {
			t.Errorf("%s: StatementAt(n.md:9) = %d, %v", name, i, ok)
		}
		if _, ok := x.StatementAt("n.md:4"); ok {
			t.Errorf("%s: StatementAt(n.md:4) found a statement", name)
		}
	}
}

// TestOutPairs: OutPairs gives what Out gives without the evidence: one
// (predicate, object) pair per edge, by predicate then object, however
// many sources state it; nothing for a node no fact leaves; ETIMEOUT once
// ctx is done.
func TestOutPairs(t *testing.T) {
	nodes := []graph.Node{{ID: "service:a", Name: "A", Kind: graph.KindService}, {ID: "capability:b", Name: "B", Kind: graph.KindCapability}, {ID: "service:c", Name: "C", Kind: graph.KindService}}
	facts := []graph.Fact{
		{Subject: "service:a", Predicate: graph.PredSupports, Object: "capability:b", Source: "n.md:1"},
		{Subject: "service:a", Predicate: graph.PredSupports, Object: "capability:b", Source: "n.md:2"},
		{Subject: "service:a", Predicate: graph.PredNotifies, Object: "service:c", Source: "n.md:3"},
		{Subject: "service:a", Predicate: graph.PredSupports, Object: "service:c", Source: "n.md:4"},
		{Subject: "service:c", Predicate: graph.PredSupports, Object: "capability:b", Source: "n.md:5"},
	}
	ctx := context.Background()
	for name, ix := range map[string]*graph.Index{"built": graph.NewIndex(nodes, facts, nil)} {
		edges, err := ix.Out(ctx, "service:a")
		if err != nil {
			t.Fatal(err)
		}
		pairs, err := ix.OutPairs(ctx, "service:a")
		if err != nil {
			t.Fatal(err)
		}
		var want []graph.PredicateObject
		for _, e := range edges {
			want = append(want, graph.PredicateObject{Predicate: e.Predicate, Object: e.Object})
		}
		slices.SortFunc(want, func(x, y graph.PredicateObject) int {
			return cmp.Or(strings.Compare(x.Predicate, y.Predicate), strings.Compare(x.Object, y.Object))
		})
		got := make([]graph.PredicateObject, len(pairs))
		for i, p := range pairs {
			got[i] = graph.PredicateObject{Predicate: p.Predicate, Object: p.Object}
			for _, q := range pairs {
				if (p.PredicateKey == q.PredicateKey) != (p.Predicate == q.Predicate) {
					t.Errorf("%s: keys %d and %d of predicates %s and %s", name, p.PredicateKey, q.PredicateKey, p.Predicate, q.Predicate)
				}
			}
		}
		if len(want) != 3 || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: OutPairs = %v, want %v (Out's edges, one pair each)", name, got, want)
		}
		if p, err := ix.OutPairs(ctx, "capability:b"); err != nil || len(p) != 0 {
			t.Errorf("%s: OutPairs of a node no fact leaves = %v, %v", name, p, err)
		}
		done, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := ix.OutPairs(done, "service:a"); graph.ErrorCode(err) != graph.ETIMEOUT {
			t.Errorf("%s: OutPairs after ctx is done: %v, want ETIMEOUT", name, err)
		}
	}
}
