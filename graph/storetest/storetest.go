// Package storetest is the conformance suite every graph.Store backend runs.
//
// A backend's test calls Run with a function that returns a new, empty store
// for each subtest. The suite loads the graph below into it, closes it when
// the subtest ends (open must not close it itself; it may register cleanups
// that run after the suite's Close, e.g. to drop a database).
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
)

// The test graph. Services A, B and C, capability X, three lifecycle events.
// Every edge lists its sources; (d) marks a source that carries a detail,
// (pN) one that carries position N.
//
//	             supports  a.txt:1, b.txt:2
//	A "AWS Alpha" ──────────────────────────────▶ X "cross-account"
//	aliases: Alpha, A1                            ▲
//	  │                                          │ supports  c.txt:3 (d "only with StackSets")
//	  │ notifies  a.txt:4 (d `says "hi" — ünïcode ✓`),   │
//	  │           b.txt:5 (d "second detail")    │
//	  ▼                                          │
//	B "Amazon Beta" ─────────────────────────────┘
//
//	C "AWS Gamma" ──lifecycleEvent──▶ S "Start"     d.txt:1 (p1)
//	              ──lifecycleEvent──▶ I "Install"   d.txt:2 (p2), e.txt:1 (p4)
//	              ──lifecycleEvent──▶ V "Validate"  d.txt:3 (p3)
//	              ──partOf────────▶ A               e.txt:2
//
// Facts are loaded in a shuffled order (Validate before Start, b.txt before
// a.txt) so that ordering is the store's doing. Names sort differently from
// IDs ("AWS Alpha" < "AWS Gamma" < "Amazon Beta", but service:amazon-beta <
// service:aws-alpha), so Nodes shows it orders by name.
const (
	A = "service:aws-alpha"
	B = "service:amazon-beta"
	C = "service:aws-gamma"
	X = "capability:cross-account"
	S = "event:start"
	I = "event:install"
	V = "event:validate"
)

// Details of the test graph, with quotes and non-ASCII text on purpose.
const (
	DetailHi     = `says "hi" — ünïcode ✓`
	DetailSecond = "second detail"
	DetailStack  = "only with StackSets"
)

// Nodes returns the nodes of the test graph.
func Nodes() []graph.Node {
	return []graph.Node{
		{ID: C, Name: "AWS Gamma", Kind: graph.KindService},
		{ID: A, Name: "AWS Alpha", Kind: graph.KindService, Aliases: []string{"Alpha", "A1"}},
		{ID: B, Name: "Amazon Beta", Kind: graph.KindService},
		{ID: X, Name: "cross-account", Kind: graph.KindCapability},
		{ID: V, Name: "Validate", Kind: graph.KindEvent},
		{ID: S, Name: "Start", Kind: graph.KindEvent},
		{ID: I, Name: "Install", Kind: graph.KindEvent},
	}
}

// Facts returns the facts of the test graph, in load order (not sorted).
func Facts() []graph.Fact {
	return []graph.Fact{
		{Subject: C, Predicate: graph.PredEvent, Object: V, Position: 3, Source: "d.txt:3"},
		{Subject: A, Predicate: graph.PredSupports, Object: X, Source: "b.txt:2"},
		{Subject: A, Predicate: graph.PredNotifies, Object: B, Detail: DetailSecond, Source: "b.txt:5"},
		{Subject: C, Predicate: graph.PredEvent, Object: I, Position: 4, Source: "e.txt:1"},
		{Subject: B, Predicate: graph.PredSupports, Object: X, Detail: DetailStack, Source: "c.txt:3"},
		{Subject: C, Predicate: graph.PredEvent, Object: S, Position: 1, Source: "d.txt:1"},
		{Subject: A, Predicate: graph.PredSupports, Object: X, Source: "a.txt:1"},
		{Subject: C, Predicate: graph.PredPartOf, Object: A, Source: "e.txt:2"},
		{Subject: A, Predicate: graph.PredNotifies, Object: B, Detail: DetailHi, Source: "a.txt:4"},
		{Subject: C, Predicate: graph.PredEvent, Object: I, Position: 2, Source: "d.txt:2"},
	}
}

// SortedFacts returns Facts in the order Store.Facts must return them.
func SortedFacts() []graph.Fact {
	return []graph.Fact{
		{Subject: B, Predicate: graph.PredSupports, Object: X, Detail: DetailStack, Source: "c.txt:3"},
		{Subject: A, Predicate: graph.PredNotifies, Object: B, Detail: DetailHi, Source: "a.txt:4"},
		{Subject: A, Predicate: graph.PredNotifies, Object: B, Detail: DetailSecond, Source: "b.txt:5"},
		{Subject: A, Predicate: graph.PredSupports, Object: X, Source: "a.txt:1"},
		{Subject: A, Predicate: graph.PredSupports, Object: X, Source: "b.txt:2"},
		{Subject: C, Predicate: graph.PredEvent, Object: I, Position: 2, Source: "d.txt:2"},
		{Subject: C, Predicate: graph.PredEvent, Object: I, Position: 4, Source: "e.txt:1"},
		{Subject: C, Predicate: graph.PredEvent, Object: S, Position: 1, Source: "d.txt:1"},
		{Subject: C, Predicate: graph.PredEvent, Object: V, Position: 3, Source: "d.txt:3"},
		{Subject: C, Predicate: graph.PredPartOf, Object: A, Source: "e.txt:2"},
	}
}

// The merged edges of the test graph.
var (
	edgeAnotifiesB = graph.Edge{Subject: A, Predicate: graph.PredNotifies, Object: B,
		Details: []string{DetailHi, DetailSecond}, Sources: []string{"a.txt:4", "b.txt:5"}}
	edgeAsupportsX = graph.Edge{Subject: A, Predicate: graph.PredSupports, Object: X,
		Sources: []string{"a.txt:1", "b.txt:2"}}
	edgeBsupportsX = graph.Edge{Subject: B, Predicate: graph.PredSupports, Object: X,
		Details: []string{DetailStack}, Sources: []string{"c.txt:3"}}
	edgeCstart    = graph.Edge{Subject: C, Predicate: graph.PredEvent, Object: S, Position: 1, Sources: []string{"d.txt:1"}}
	edgeCinstall  = graph.Edge{Subject: C, Predicate: graph.PredEvent, Object: I, Position: 2, Sources: []string{"d.txt:2", "e.txt:1"}}
	edgeCvalidate = graph.Edge{Subject: C, Predicate: graph.PredEvent, Object: V, Position: 3, Sources: []string{"d.txt:3"}}
	edgeCpartOf   = graph.Edge{Subject: C, Predicate: graph.PredPartOf, Object: A, Sources: []string{"e.txt:2"}}
)

// Run runs the suite. open returns a new, empty store.
func Run(t *testing.T, open func(t *testing.T) graph.Store) {
	ctx := context.Background()
	loaded := func(t *testing.T) graph.Store {
		t.Helper()
		s := open(t)
		t.Cleanup(func() {
			if err := s.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
		if err := s.Load(ctx, Nodes(), Facts()); err != nil {
			t.Fatalf("Load: %v", err)
		}
		return s
	}

	t.Run("Empty", func(t *testing.T) {
		s := open(t)
		t.Cleanup(func() { s.Close() })
		nodes, err := s.Nodes(ctx, "")
		if err != nil || len(nodes) != 0 {
			t.Errorf("Nodes on an empty store = %v, %v; want none", nodes, err)
		}
		facts, err := s.Facts(ctx)
		if err != nil || len(facts) != 0 {
			t.Errorf("Facts on an empty store = %v, %v; want none", facts, err)
		}
		if _, err := s.Node(ctx, A); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("Node on an empty store: error %v (code %q), want %q", err, graph.ErrorCode(err), graph.ENOTFOUND)
		}
	})

	t.Run("Node", func(t *testing.T) {
		s := loaded(t)
		tests := []struct {
			id   string
			want graph.Node
			code string
		}{
			{id: A, want: graph.Node{ID: A, Name: "AWS Alpha", Kind: graph.KindService, Aliases: []string{"A1", "Alpha"}}},
			{id: X, want: graph.Node{ID: X, Name: "cross-account", Kind: graph.KindCapability}},
			{id: I, want: graph.Node{ID: I, Name: "Install", Kind: graph.KindEvent}},
			{id: "service:nope", code: graph.ENOTFOUND},
			{id: "", code: graph.ENOTFOUND},
			// A fact node exists in the graph but is not an entity.
			{id: graph.FactID(B, graph.PredSupports, X), code: graph.ENOTFOUND},
		}
		for _, tc := range tests {
			got, err := s.Node(ctx, tc.id)
			if code := graph.ErrorCode(err); code != tc.code {
				t.Errorf("Node(%q): error %v (code %q), want code %q", tc.id, err, code, tc.code)
				continue
			}
			if tc.code == "" && !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Node(%q) = %+v, want %+v", tc.id, got, tc.want)
			}
		}
	})

	t.Run("Nodes", func(t *testing.T) {
		s := loaded(t)
		tests := []struct {
			kind graph.NodeKind
			want []string // IDs, in the expected order
		}{
			{kind: graph.KindService, want: []string{A, C, B}}, // "AWS Alpha" < "AWS Gamma" < "Amazon Beta"
			{kind: graph.KindEvent, want: []string{I, S, V}},
			{kind: graph.KindCapability, want: []string{X}},
			{kind: graph.KindDR, want: nil},
			{kind: "", want: []string{A, C, B, I, S, V, X}},
		}
		for _, tc := range tests {
			nodes, err := s.Nodes(ctx, tc.kind)
			if err != nil {
				t.Errorf("Nodes(%q): %v", tc.kind, err)
				continue
			}
			var got []string
			for _, n := range nodes {
				got = append(got, n.ID)
				if tc.kind != "" && n.Kind != tc.kind {
					t.Errorf("Nodes(%q) returned %s of kind %q", tc.kind, n.ID, n.Kind)
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Nodes(%q) = %v, want %v", tc.kind, got, tc.want)
			}
		}
		nodes, err := s.Nodes(ctx, graph.KindService)
		if err != nil || len(nodes) == 0 || !reflect.DeepEqual(nodes[0].Aliases, []string{"A1", "Alpha"}) {
			t.Errorf("Nodes(service)[0] = %+v, %v; want AWS Alpha with aliases [A1 Alpha]", nodes, err)
		}
	})

	t.Run("Edges", func(t *testing.T) {
		s := loaded(t)
		tests := []struct {
			name  string
			out   bool // Out, else In
			id    string
			preds []string
			want  []graph.Edge
		}{
			{name: "out all", out: true, id: A, want: []graph.Edge{edgeAnotifiesB, edgeAsupportsX}},
			{name: "out one pred", out: true, id: A, preds: []string{graph.PredSupports}, want: []graph.Edge{edgeAsupportsX}},
			{name: "out two preds", out: true, id: A, preds: []string{graph.PredSupports, graph.PredNotifies}, want: []graph.Edge{edgeAnotifiesB, edgeAsupportsX}},
			{name: "out absent pred", out: true, id: A, preds: []string{graph.PredTargets}},
			{name: "out ordered by position", out: true, id: C, preds: []string{graph.PredEvent}, want: []graph.Edge{edgeCstart, edgeCinstall, edgeCvalidate}},
			{name: "out by predicate then position", out: true, id: C, want: []graph.Edge{edgeCstart, edgeCinstall, edgeCvalidate, edgeCpartOf}},
			{name: "out of a leaf", out: true, id: X},
			{name: "out of an unknown node", out: true, id: "service:nope"},
			{name: "in all", id: X, want: []graph.Edge{edgeBsupportsX, edgeAsupportsX}}, // by subject ID
			{name: "in one pred", id: B, preds: []string{graph.PredNotifies}, want: []graph.Edge{edgeAnotifiesB}},
			{name: "in other pred", id: B, preds: []string{graph.PredSupports}},
			{name: "in partOf", id: A, want: []graph.Edge{edgeCpartOf}},
			{name: "in ordered event", id: I, want: []graph.Edge{edgeCinstall}},
			{name: "in of a root", id: C},
		}
		for _, tc := range tests {
			var got []graph.Edge
			var err error
			if tc.out {
				got, err = s.Out(ctx, tc.id, tc.preds...)
			} else {
				got, err = s.In(ctx, tc.id, tc.preds...)
			}
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
				continue
			}
			if len(got) == 0 && len(tc.want) == 0 {
				continue
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s: got\n%s\nwant\n%s", tc.name, fmtEdges(got), fmtEdges(tc.want))
			}
		}
	})

	t.Run("Facts", func(t *testing.T) {
		s := loaded(t)
		got, err := s.Facts(ctx)
		if err != nil {
			t.Fatalf("Facts: %v", err)
		}
		if want := SortedFacts(); !reflect.DeepEqual(got, want) {
			t.Errorf("Facts: got\n%s\nwant\n%s", fmtFacts(got), fmtFacts(want))
		}
	})

	t.Run("ReloadIsIdempotent", func(t *testing.T) {
		s := loaded(t)
		for i := 0; i < 2; i++ {
			if err := s.Load(ctx, Nodes(), Facts()); err != nil {
				t.Fatalf("re-Load %d: %v", i+1, err)
			}
		}
		facts, err := s.Facts(ctx)
		if err != nil {
			t.Fatalf("Facts: %v", err)
		}
		if want := SortedFacts(); !reflect.DeepEqual(facts, want) {
			t.Errorf("Facts after re-load: got\n%s\nwant\n%s", fmtFacts(facts), fmtFacts(want))
		}
		nodes, err := s.Nodes(ctx, "")
		if err != nil || len(nodes) != len(Nodes()) {
			t.Errorf("Nodes after re-load = %d nodes, %v; want %d", len(nodes), err, len(Nodes()))
		}
		n, err := s.Node(ctx, A)
		if err != nil || !reflect.DeepEqual(n.Aliases, []string{"A1", "Alpha"}) {
			t.Errorf("Node(A) after re-load = %+v, %v; want aliases [A1 Alpha] once", n, err)
		}
		edges, err := s.Out(ctx, A, graph.PredNotifies)
		if err != nil || !reflect.DeepEqual(edges, []graph.Edge{edgeAnotifiesB}) {
			t.Errorf("Out(A, notifies) after re-load = %s, %v", fmtEdges(edges), err)
		}
	})

	t.Run("LoadAddsSources", func(t *testing.T) {
		s := loaded(t)
		extra := graph.Fact{Subject: A, Predicate: graph.PredSupports, Object: X, Detail: "third", Source: "f.txt:9"}
		if err := s.Load(ctx, nil, []graph.Fact{extra}); err != nil {
			t.Fatalf("Load: %v", err)
		}
		got, err := s.Out(ctx, A, graph.PredSupports)
		want := []graph.Edge{{Subject: A, Predicate: graph.PredSupports, Object: X,
			Details: []string{"third"}, Sources: []string{"a.txt:1", "b.txt:2", "f.txt:9"}}}
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("Out(A, supports) after a new source = %s, %v; want %s", fmtEdges(got), err, fmtEdges(want))
		}
	})

	t.Run("CancelledContext", func(t *testing.T) {
		s := loaded(t)
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		calls := []struct {
			name string
			call func() error
		}{
			{"Load", func() error { return s.Load(cctx, Nodes(), Facts()) }},
			{"Node", func() error { _, err := s.Node(cctx, A); return err }},
			{"Nodes", func() error { _, err := s.Nodes(cctx, graph.KindService); return err }},
			{"Out", func() error { _, err := s.Out(cctx, A); return err }},
			{"In", func() error { _, err := s.In(cctx, X); return err }},
			{"Facts", func() error { _, err := s.Facts(cctx); return err }},
		}
		for _, c := range calls {
			err := c.call()
			if err == nil {
				t.Errorf("%s with a cancelled context: no error", c.name)
				continue
			}
			if !errors.Is(err, context.Canceled) && graph.ErrorCode(err) != graph.ETIMEOUT {
				t.Errorf("%s with a cancelled context: %v (code %q), want context.Canceled or code %q", c.name, err, graph.ErrorCode(err), graph.ETIMEOUT)
			}
		}
		// The store still works with a live context.
		if _, err := s.Node(ctx, A); err != nil {
			t.Errorf("Node after cancelled calls: %v", err)
		}
	})
}

func fmtEdges(edges []graph.Edge) string {
	if len(edges) == 0 {
		return "  (none)"
	}
	var b strings.Builder
	for _, e := range edges {
		fmt.Fprintf(&b, "  %s %s %s pos=%d details=%q sources=%q\n", e.Subject, e.Predicate, e.Object, e.Position, e.Details, e.Sources)
	}
	return b.String()
}

func fmtFacts(facts []graph.Fact) string {
	if len(facts) == 0 {
		return "  (none)"
	}
	var b strings.Builder
	for _, f := range facts {
		fmt.Fprintf(&b, "  %s %s %s pos=%d detail=%q source=%s\n", f.Subject, f.Predicate, f.Object, f.Position, f.Detail, f.Source)
	}
	return b.String()
}
