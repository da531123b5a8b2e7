package main

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/awskg/awskg/graph"
)

// snapshotStore is a read-only, in-memory copy of a store's nodes and
// edges, taken when a REPL session starts (and again after :notes). A
// question reads dozens of adjacency lists; on the Cayley store each one
// iterates quads and their reification nodes, here it is a map lookup, so a
// question answers in about a millisecond. Results are those of the store
// it copies: the same facts, merged, annotated and ordered the same way.
// Raw Gizmo and GraphQL queries still run on the store's own quads.
type snapshotStore struct {
	base  graph.Store
	nodes []graph.Node // ordered by name, then ID
	byID  map[string]graph.Node
	facts []graph.Fact
	out   map[string][]graph.Edge
	in    map[string][]graph.Edge
}

// newSnapshot copies base. Later changes to base are not seen.
func newSnapshot(ctx context.Context, base graph.Store) (*snapshotStore, error) {
	nodes, err := base.Nodes(ctx, "")
	if err != nil {
		return nil, fmt.Errorf("snapshot nodes: %w", err)
	}
	facts, err := base.Facts(ctx)
	if err != nil {
		return nil, fmt.Errorf("snapshot facts: %w", err)
	}
	s := &snapshotStore{base: base, nodes: nodes, facts: facts, byID: make(map[string]graph.Node, len(nodes)),
		out: map[string][]graph.Edge{}, in: map[string][]graph.Edge{}}
	for _, n := range nodes {
		s.byID[n.ID] = n
	}
	// facts come sorted (subject, predicate, object, source): the facts of
	// one node keep that order, as the store's own Out and In sort them
	graph.SortFacts(facts)
	bySubject := map[string][]graph.Fact{}
	byObject := map[string][]graph.Fact{}
	for _, f := range facts {
		bySubject[f.Subject] = append(bySubject[f.Subject], f)
		byObject[f.Object] = append(byObject[f.Object], f)
	}
	for id, fs := range bySubject {
		e := graph.MergeFacts(fs)
		graph.SortEdges(e)
		s.out[id] = e
	}
	for id, fs := range byObject {
		e := graph.MergeFacts(fs)
		graph.SortEdges(e)
		s.in[id] = e
	}
	return s, nil
}

// QuadStore returns the Cayley quad store under the copied store, for raw
// queries; nil when it has none.
func (s *snapshotStore) QuadStore() cgraph.QuadStore {
	if q, ok := s.base.(quadStorer); ok {
		return q.QuadStore()
	}
	return nil
}

func snapshotCtxErr(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return &graph.Error{Code: graph.ETIMEOUT, Message: "query", Err: err}
	}
	return nil
}

// Load is refused: a snapshot is read-only.
func (s *snapshotStore) Load(ctx context.Context, nodes []graph.Node, facts []graph.Fact) error {
	return graph.Errorf(graph.EINVALID, "the REPL's graph snapshot is read-only")
}

// Node returns one node; ENOTFOUND when it does not exist.
func (s *snapshotStore) Node(ctx context.Context, id string) (graph.Node, error) {
	if err := snapshotCtxErr(ctx); err != nil {
		return graph.Node{}, err
	}
	n, ok := s.byID[id]
	if !ok {
		return graph.Node{}, graph.Errorf(graph.ENOTFOUND, "no node %q", id)
	}
	return n, nil
}

// Nodes returns every node of a kind ("" for all), ordered by name.
func (s *snapshotStore) Nodes(ctx context.Context, kind graph.NodeKind) ([]graph.Node, error) {
	if err := snapshotCtxErr(ctx); err != nil {
		return nil, err
	}
	out := make([]graph.Node, 0, len(s.nodes))
	for _, n := range s.nodes {
		if kind == "" || n.Kind == kind {
			out = append(out, n)
		}
	}
	return out, nil
}

// Out returns the edges leaving id, restricted to preds when given.
func (s *snapshotStore) Out(ctx context.Context, id string, preds ...string) ([]graph.Edge, error) {
	return s.edges(ctx, s.out[id], preds)
}

// In returns the edges entering id, restricted to preds when given.
func (s *snapshotStore) In(ctx context.Context, id string, preds ...string) ([]graph.Edge, error) {
	return s.edges(ctx, s.in[id], preds)
}

// edges returns a copy (callers may sort or append) of the edges with one
// of preds.
func (s *snapshotStore) edges(ctx context.Context, all []graph.Edge, preds []string) ([]graph.Edge, error) {
	if err := snapshotCtxErr(ctx); err != nil {
		return nil, err
	}
	var out []graph.Edge
	for _, e := range all {
		if len(preds) == 0 || containsString(preds, e.Predicate) {
			out = append(out, e)
		}
	}
	return out, nil
}

// Facts returns every fact, ordered by subject, predicate, object, source.
func (s *snapshotStore) Facts(ctx context.Context) ([]graph.Fact, error) {
	if err := snapshotCtxErr(ctx); err != nil {
		return nil, err
	}
	return append([]graph.Fact(nil), s.facts...), nil
}

// Close releases nothing: the copied store belongs to its opener.
func (s *snapshotStore) Close() error { return nil }

var _ graph.Store = (*snapshotStore)(nil)

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
