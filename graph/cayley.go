package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/memstore" // registers the "memstore" backend
	_ "github.com/cayleygraph/cayley/writer"         // registers the "single" quad writer
	"github.com/cayleygraph/quad"
)

// CayleyStore implements Store on a Cayley quad store.
type CayleyStore struct {
	qs       cgraph.QuadStore
	readOnly bool // opened with OpenReadOnly: Load is refused
}

// NewMemStore returns an empty in-memory store.
func NewMemStore() (*CayleyStore, error) {
	qs, err := cgraph.NewQuadStore("memstore", "", nil)
	if err != nil {
		return nil, fmt.Errorf("open memstore: %w", err)
	}
	return &CayleyStore{qs: qs}, nil
}

// WrapQuadStore returns a Store on an open Cayley quad store.
func WrapQuadStore(qs cgraph.QuadStore) *CayleyStore { return &CayleyStore{qs: qs} }

// QuadStore returns the underlying Cayley quad store, for raw queries.
func (s *CayleyStore) QuadStore() cgraph.QuadStore { return s.qs }

// Close closes the quad store.
func (s *CayleyStore) Close() error { return s.qs.Close() }

// Quads converts nodes and facts to quads, in the layout documented in ontology.go.
func Quads(nodes []Node, facts []Fact) []quad.Quad {
	qs := make([]quad.Quad, 0, 2*len(nodes)+len(facts)*2)
	for _, n := range nodes {
		id := quad.IRI(n.ID)
		qs = append(qs,
			quad.Make(id, quad.IRI(PredName), quad.String(n.Name), nil),
			quad.Make(id, quad.IRI(PredKind), quad.String(string(n.Kind)), nil))
		for _, a := range n.Aliases {
			qs = append(qs, quad.Make(id, quad.IRI(PredAlias), quad.String(a), nil))
		}
	}
	for _, f := range facts {
		label := quad.String(f.Source)
		qs = append(qs, quad.Make(quad.IRI(f.Subject), quad.IRI(f.Predicate), quad.IRI(f.Object), label))
		if f.Detail == "" && f.Position == 0 {
			continue
		}
		fid := quad.IRI(FactID(f.Subject, f.Predicate, f.Object))
		qs = append(qs,
			quad.Make(fid, quad.IRI(PredFactSubject), quad.IRI(f.Subject), label),
			quad.Make(fid, quad.IRI(PredFactPredicate), quad.IRI(f.Predicate), label),
			quad.Make(fid, quad.IRI(PredFactObject), quad.IRI(f.Object), label))
		if f.Detail != "" {
			qs = append(qs, quad.Make(fid, quad.IRI(PredFactDetail), quad.String(f.Detail), label))
		}
		if f.Position != 0 {
			qs = append(qs, quad.Make(fid, quad.IRI(PredFactPosition), quad.Int(f.Position), label))
		}
	}
	return qs
}

// Load adds nodes and facts in one batch.
func (s *CayleyStore) Load(ctx context.Context, nodes []Node, facts []Fact) error {
	if err := ctx.Err(); err != nil {
		return &Error{Code: ETIMEOUT, Message: "load", Err: err}
	}
	if s.readOnly {
		return Errorf(EINVALID, "load: the store is open read-only")
	}
	w, err := cgraph.NewQuadWriter("single", s.qs, cgraph.Options{"ignore_duplicate": true, "ignore_missing": true})
	if err != nil {
		return fmt.Errorf("open quad writer: %w", err)
	}
	if err := w.AddQuadSet(Quads(nodes, facts)); err != nil {
		return fmt.Errorf("write quads: %w", err)
	}
	return w.Close()
}

// quadsAt returns every quad whose direction d is v.
func (s *CayleyStore) quadsAt(ctx context.Context, d quad.Direction, v quad.Value) ([]quad.Quad, error) {
	ref := s.qs.ValueOf(v)
	if ref == nil {
		return nil, nil
	}
	it := s.qs.QuadIterator(d, ref)
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		out = append(out, s.qs.Quad(it.Result()))
	}
	if err := it.Err(); err != nil {
		return nil, iterErr(ctx, "iterate quads", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: "query", Err: err}
	}
	return out, nil
}

// Node returns one node.
func (s *CayleyStore) Node(ctx context.Context, id string) (Node, error) {
	qs, err := s.quadsAt(ctx, quad.Subject, quad.IRI(id))
	if err != nil {
		return Node{}, err
	}
	n := Node{ID: id}
	for _, q := range qs {
		switch pred(q) {
		case PredName:
			n.Name = literal(q.Object)
		case PredKind:
			n.Kind = NodeKind(literal(q.Object))
		case PredAlias:
			n.Aliases = append(n.Aliases, literal(q.Object))
		}
	}
	if n.Name == "" {
		return Node{}, Errorf(ENOTFOUND, "no node %q", id)
	}
	sort.Strings(n.Aliases)
	return n, nil
}

// Nodes returns every node of a kind ("" for all), ordered by name then ID.
func (s *CayleyStore) Nodes(ctx context.Context, kind NodeKind) ([]Node, error) {
	if kind == "" {
		if nodes, ok, err := s.allNodes(ctx); err != nil || ok {
			return nodes, err
		}
	}
	var ids []string
	if kind == "" {
		it := s.qs.QuadsAllIterator()
		defer it.Close()
		for it.Next(ctx) {
			q := s.qs.Quad(it.Result())
			if pred(q) == PredKind {
				ids = append(ids, iri(q.Subject))
			}
		}
		if err := it.Err(); err != nil {
			return nil, iterErr(ctx, "iterate nodes", err)
		}
	} else {
		qs, err := s.quadsAt(ctx, quad.Object, quad.String(string(kind)))
		if err != nil {
			return nil, err
		}
		for _, q := range qs {
			if pred(q) == PredKind {
				ids = append(ids, iri(q.Subject))
			}
		}
	}
	nodes := make([]Node, 0, len(ids))
	for _, id := range ids {
		n, err := s.Node(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("read node %q: %w", id, err)
		}
		nodes = append(nodes, n)
	}
	sort.Slice(nodes, func(i, j int) bool {
		if nodes[i].Name != nodes[j].Name {
			return nodes[i].Name < nodes[j].Name
		}
		return nodes[i].ID < nodes[j].ID
	})
	return nodes, nil
}

// allNodes reads every node in one pass over the quads, instead of one
// lookup per node (one query per node on a SQL backend). ok is false when
// the quads are not as Quads writes them (a node with no name, two names
// or two kinds, a property of something that is not an IRI): Nodes then
// reads node by node, as it always did, and fails as it did.
func (s *CayleyStore) allNodes(ctx context.Context) (nodes []Node, ok bool, err error) {
	g, err := s.scan(ctx, true, false)
	if err != nil {
		return nil, false, err
	}
	nodes, ok = g.allNodes()
	return nodes, ok, nil
}

// graphScan gathers nodes and facts from one pass over a store's quads.
type graphScan struct {
	nodes, facts bool // what to gather

	byID    map[string]*scannedNode
	order   []string // subjects of <kind> quads, in order
	nodesOK bool     // every node property is of an IRI

	rels []Fact
	anns map[annKey]*annotation // reification properties by (node, source)
}

type scannedNode struct {
	n            Node
	names, kinds int
}

type annKey struct{ node, src string }

type annotation struct {
	detail    string
	hasDetail bool
	pos       int
	hasPos    bool
}

// scan reads every quad once, gathering nodes and facts as asked.
func (s *CayleyStore) scan(ctx context.Context, nodes, facts bool) (*graphScan, error) {
	g := &graphScan{nodes: nodes, facts: facts, byID: map[string]*scannedNode{}, nodesOK: true, anns: map[annKey]*annotation{}}
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		g.add(s.qs.Quad(it.Result()))
	}
	iterate, list := "iterate quads", "read the graph"
	switch {
	case !facts:
		iterate, list = "iterate nodes", "list nodes"
	case !nodes:
		iterate, list = "iterate facts", "list facts"
	}
	if err := it.Err(); err != nil {
		return nil, iterErr(ctx, iterate, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: list, Err: err}
	}
	return g, nil
}

func (g *graphScan) add(q quad.Quad) {
	p := pred(q)
	switch p {
	case PredName, PredKind, PredAlias:
		if !g.nodes {
			return
		}
		id, ok := q.Subject.(quad.IRI)
		if !ok {
			g.nodesOK = false
			return
		}
		n := g.byID[string(id)]
		if n == nil {
			n = &scannedNode{n: Node{ID: string(id)}}
			g.byID[string(id)] = n
		}
		switch p {
		case PredName:
			n.n.Name = literal(q.Object)
			n.names++
		case PredKind:
			n.n.Kind = NodeKind(literal(q.Object))
			n.kinds++
			g.order = append(g.order, string(id))
		case PredAlias:
			n.n.Aliases = append(n.n.Aliases, literal(q.Object))
		}
		return
	}
	if !g.facts || q.Label == nil {
		return
	}
	if isRelation(p) {
		g.rels = append(g.rels, Fact{Subject: iri(q.Subject), Predicate: p, Object: iri(q.Object), Source: literal(q.Label)})
		return
	}
	if p != PredFactDetail && p != PredFactPosition {
		return
	}
	node, ok := q.Subject.(quad.IRI)
	if !ok {
		return
	}
	k := annKey{string(node), literal(q.Label)}
	a := g.anns[k]
	if a == nil {
		a = &annotation{}
		g.anns[k] = a
	}
	switch p {
	case PredFactDetail:
		// a line may state one fact in two wordings: keep the first in
		// byte order, whatever the backend's order
		if d := literal(q.Object); !a.hasDetail || d < a.detail {
			a.detail, a.hasDetail = d, true
		}
	case PredFactPosition:
		// or at two positions: keep the smallest
		if n, ok := q.Object.(quad.Int); ok && (!a.hasPos || int(n) < a.pos) {
			a.pos, a.hasPos = int(n), true
		}
	}
}

// allNodes returns the nodes gathered, ordered by name then ID; ok is
// false when they are not as Quads writes them (see CayleyStore.allNodes).
func (g *graphScan) allNodes() ([]Node, bool) {
	if !g.nodesOK {
		return nil, false
	}
	nodes := make([]Node, 0, len(g.order))
	for _, id := range g.order {
		n := g.byID[id]
		if n.names != 1 || n.kinds != 1 || n.n.Name == "" {
			return nil, false
		}
		sort.Strings(n.n.Aliases)
		nodes = append(nodes, n.n)
	}
	sort.Slice(nodes, func(i, j int) bool {
		if nodes[i].Name != nodes[j].Name {
			return nodes[i].Name < nodes[j].Name
		}
		return nodes[i].ID < nodes[j].ID
	})
	return nodes, true
}

// allFacts returns the facts gathered, annotated with the details and
// positions of their reification nodes, in SortFacts order.
func (g *graphScan) allFacts() []Fact {
	facts := g.rels
	for i := range facts {
		f := &facts[i]
		if a := g.anns[annKey{FactID(f.Subject, f.Predicate, f.Object), f.Source}]; a != nil {
			f.Detail, f.Position = a.detail, a.pos
		}
	}
	SortFacts(facts)
	return facts
}

// readGraph reads every node and fact in one pass (ReadIndex of a Cayley
// store).
func (s *CayleyStore) readGraph(ctx context.Context) ([]Node, []Fact, error) {
	g, err := s.scan(ctx, true, true)
	if err != nil {
		return nil, nil, err
	}
	nodes, ok := g.allNodes()
	if !ok {
		if nodes, err = s.Nodes(ctx, ""); err != nil {
			return nil, nil, err
		}
	}
	return nodes, g.allFacts(), nil
}

// Out returns the edges leaving id.
func (s *CayleyStore) Out(ctx context.Context, id string, preds ...string) ([]Edge, error) {
	return s.edges(ctx, quad.Subject, id, preds)
}

// In returns the edges entering id.
func (s *CayleyStore) In(ctx context.Context, id string, preds ...string) ([]Edge, error) {
	return s.edges(ctx, quad.Object, id, preds)
}

func (s *CayleyStore) edges(ctx context.Context, d quad.Direction, id string, preds []string) ([]Edge, error) {
	qs, err := s.quadsAt(ctx, d, quad.IRI(id))
	if err != nil {
		return nil, err
	}
	var facts []Fact
	for _, q := range qs {
		p := pred(q)
		if q.Label == nil || !isRelation(p) || (len(preds) > 0 && !contains(preds, p)) {
			continue
		}
		facts = append(facts, Fact{Subject: iri(q.Subject), Predicate: p, Object: iri(q.Object), Source: literal(q.Label)})
	}
	if err := s.annotate(ctx, facts); err != nil {
		return nil, err
	}
	SortFacts(facts) // details in source order, whatever the backend's iteration order
	edges := MergeFacts(facts)
	SortEdges(edges)
	return edges, nil
}

// annotate fills Detail and Position of facts from their reification nodes.
func (s *CayleyStore) annotate(ctx context.Context, facts []Fact) error {
	type ann struct {
		details map[string]string // source → detail
		pos     map[string]int
	}
	cache := map[string]*ann{}
	for i := range facts {
		f := &facts[i]
		fid := FactID(f.Subject, f.Predicate, f.Object)
		a, ok := cache[fid]
		if !ok {
			qs, err := s.quadsAt(ctx, quad.Subject, quad.IRI(fid))
			if err != nil {
				return err
			}
			a = &ann{details: map[string]string{}, pos: map[string]int{}}
			for _, q := range qs {
				src := literal(q.Label)
				switch pred(q) {
				case PredFactDetail:
					// a line may state one fact in two wordings: keep the
					// first in byte order, whatever the backend's order
					if d, seen := a.details[src]; !seen || literal(q.Object) < d {
						a.details[src] = literal(q.Object)
					}
				case PredFactPosition:
					// or at two positions: keep the smallest
					if n, ok := q.Object.(quad.Int); ok {
						if p, seen := a.pos[src]; !seen || int(n) < p {
							a.pos[src] = int(n)
						}
					}
				}
			}
			cache[fid] = a
		}
		f.Detail = a.details[f.Source]
		f.Position = a.pos[f.Source]
	}
	return nil
}

// Facts returns every fact, in one pass over the quads: the relations, and
// the details and positions of their reification nodes, as annotate reads
// them node by node (one query per fact on a SQL backend).
func (s *CayleyStore) Facts(ctx context.Context) ([]Fact, error) {
	g, err := s.scan(ctx, false, true)
	if err != nil {
		return nil, err
	}
	return g.allFacts(), nil
}

// SortFacts orders facts by subject, predicate, object and source, then (one
// fact stated twice on one line) position and detail.
func SortFacts(facts []Fact) {
	slices.SortFunc(facts, func(a, b Fact) int {
		return cmp.Or(strings.Compare(a.Subject, b.Subject), strings.Compare(a.Predicate, b.Predicate),
			strings.Compare(a.Object, b.Object), strings.Compare(a.Source, b.Source),
			cmp.Compare(a.Position, b.Position), strings.Compare(a.Detail, b.Detail))
	})
}

// SortEdges orders edges by predicate, position, subject and object.
func SortEdges(edges []Edge) {
	slices.SortStableFunc(edges, func(a, b Edge) int {
		return cmp.Or(strings.Compare(a.Predicate, b.Predicate), cmp.Compare(a.Position, b.Position),
			strings.Compare(a.Subject, b.Subject), strings.Compare(a.Object, b.Object))
	})
}

// isRelation reports whether a predicate is a relation between nodes (not a
// node property nor a reification property).
func isRelation(p string) bool {
	switch p {
	case PredName, PredKind, PredAlias, PredFactSubject, PredFactPredicate, PredFactObject, PredFactDetail, PredFactPosition:
		return false
	}
	return true
}

func pred(q quad.Quad) string { return iri(q.Predicate) }

func iri(v quad.Value) string {
	if i, ok := v.(quad.IRI); ok {
		return string(i)
	}
	return literal(v)
}

func literal(v quad.Value) string {
	switch x := v.(type) {
	case nil:
		return ""
	case quad.String:
		return string(x)
	case quad.IRI:
		return string(x)
	}
	return quad.StringOf(v)
}

var _ Store = (*CayleyStore)(nil)
