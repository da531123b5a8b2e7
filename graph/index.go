package graph

import (
	"context"
	"sort"
)

// Index is a read-only, in-memory Reader over nodes, facts and statements:
// adjacency by subject and by object, names by ID, and the statements of the
// notes for evidence. The question engine reads it instead of a Store, so a
// question costs map lookups, not backend iterations.
//
// Build one with NewIndex (from an ingest) or ReadIndex (from any Reader). It
// is safe for concurrent use.
type Index struct {
	nodes  map[string]Node
	sorted []Node // by name, then ID
	facts  []Fact // SortFacts order
	out    map[string][]int
	in     map[string][]int
	stmts  []Statement
}

// NewIndex builds an index. Facts whose subject or object has no node are
// kept (as a Store keeps them); nodes are copied, facts and statements are
// not.
func NewIndex(nodes []Node, facts []Fact, stmts []Statement) *Index {
	ix := &Index{nodes: make(map[string]Node, len(nodes)), out: map[string][]int{}, in: map[string][]int{}, stmts: stmts}
	for _, n := range nodes {
		if _, dup := ix.nodes[n.ID]; dup {
			continue
		}
		n.Aliases = append([]string(nil), n.Aliases...)
		sort.Strings(n.Aliases)
		ix.nodes[n.ID] = n
		ix.sorted = append(ix.sorted, n)
	}
	sort.Slice(ix.sorted, func(i, j int) bool {
		if ix.sorted[i].Name != ix.sorted[j].Name {
			return ix.sorted[i].Name < ix.sorted[j].Name
		}
		return ix.sorted[i].ID < ix.sorted[j].ID
	})
	ix.facts = make([]Fact, len(facts))
	copy(ix.facts, facts)
	SortFacts(ix.facts)
	ix.facts = dedupeFacts(ix.facts)
	for i, f := range ix.facts {
		ix.out[f.Subject] = append(ix.out[f.Subject], i)
		ix.in[f.Object] = append(ix.in[f.Object], i)
	}
	return ix
}

// dedupeFacts merges facts that repeat (subject, predicate, object, source)
// as a store does (one quad per source): the first detail in byte order and
// the smallest position win.
func dedupeFacts(facts []Fact) []Fact {
	out := facts[:0]
	for _, f := range facts {
		if n := len(out); n > 0 {
			p := &out[n-1]
			if p.Subject == f.Subject && p.Predicate == f.Predicate && p.Object == f.Object && p.Source == f.Source {
				if f.Detail != "" && (p.Detail == "" || f.Detail < p.Detail) {
					p.Detail = f.Detail
				}
				if f.Position > 0 && (p.Position == 0 || f.Position < p.Position) {
					p.Position = f.Position
				}
				continue
			}
		}
		out = append(out, f)
	}
	return out
}

// ReadIndex builds an index from a Reader's nodes and facts (a store holds
// no statements, so the index has none).
func ReadIndex(ctx context.Context, r Reader) (*Index, error) {
	nodes, err := r.Nodes(ctx, "")
	if err != nil {
		return nil, err
	}
	facts, err := r.Facts(ctx)
	if err != nil {
		return nil, err
	}
	return NewIndex(nodes, facts, nil), nil
}

// Node returns one node; ENOTFOUND when it does not exist.
func (ix *Index) Node(ctx context.Context, id string) (Node, error) {
	if err := ctx.Err(); err != nil {
		return Node{}, &Error{Code: ETIMEOUT, Message: "read node", Err: err}
	}
	if n, ok := ix.nodes[id]; ok {
		return n, nil
	}
	return Node{}, Errorf(ENOTFOUND, "no node %q", id)
}

// Nodes returns every node of a kind ("" for all), ordered by name then ID.
func (ix *Index) Nodes(ctx context.Context, kind NodeKind) ([]Node, error) {
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: "list nodes", Err: err}
	}
	out := make([]Node, 0, len(ix.sorted))
	for _, n := range ix.sorted {
		if kind == "" || n.Kind == kind {
			out = append(out, n)
		}
	}
	return out, nil
}

// Out returns the edges leaving id, restricted to preds when given.
func (ix *Index) Out(ctx context.Context, id string, preds ...string) ([]Edge, error) {
	return ix.edges(ctx, ix.out[id], preds)
}

// In returns the edges entering id, restricted to preds when given.
func (ix *Index) In(ctx context.Context, id string, preds ...string) ([]Edge, error) {
	return ix.edges(ctx, ix.in[id], preds)
}

func (ix *Index) edges(ctx context.Context, at []int, preds []string) ([]Edge, error) {
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: "query", Err: err}
	}
	facts := make([]Fact, 0, len(at))
	for _, i := range at {
		f := ix.facts[i]
		if len(preds) > 0 && !contains(preds, f.Predicate) {
			continue
		}
		facts = append(facts, f)
	}
	edges := MergeFacts(facts)
	SortEdges(edges)
	return edges, nil
}

// Facts returns every fact, ordered by subject, predicate, object, source.
func (ix *Index) Facts(ctx context.Context) ([]Fact, error) {
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: "list facts", Err: err}
	}
	out := make([]Fact, len(ix.facts))
	copy(out, ix.facts)
	return out, nil
}

// WithStatements returns an index on the same nodes and facts with the
// given statements (an index read from a store has none). The receiver is
// not changed.
func (ix *Index) WithStatements(stmts []Statement) *Index {
	c := *ix
	c.stmts = stmts
	return &c
}

// Statements returns the notes' statements in source order; nil when the
// index was read from a store.
func (ix *Index) Statements() []Statement { return ix.stmts }

var _ Reader = (*Index)(nil)
