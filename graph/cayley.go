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
	type key struct{ node, src string }
	type ann struct {
		detail    string
		hasDetail bool
		pos       int
		hasPos    bool
	}
	anns := map[key]*ann{}
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	var facts []Fact
	for it.Next(ctx) {
		q := s.qs.Quad(it.Result())
		p := pred(q)
		if q.Label == nil {
			continue
		}
		switch {
		case isRelation(p):
			facts = append(facts, Fact{Subject: iri(q.Subject), Predicate: p, Object: iri(q.Object), Source: literal(q.Label)})
			continue
		case p != PredFactDetail && p != PredFactPosition:
			continue
		}
		node, ok := q.Subject.(quad.IRI)
		if !ok {
			continue
		}
		k := key{string(node), literal(q.Label)}
		a := anns[k]
		if a == nil {
			a = &ann{}
			anns[k] = a
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
	if err := it.Err(); err != nil {
		return nil, iterErr(ctx, "iterate facts", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: "list facts", Err: err}
	}
	for i := range facts {
		f := &facts[i]
		if a := anns[key{FactID(f.Subject, f.Predicate, f.Object), f.Source}]; a != nil {
			f.Detail, f.Position = a.detail, a.pos
		}
	}
	SortFacts(facts)
	return facts, nil
}

// SortFacts orders facts by subject, predicate, object and source, then (one
// fact stated twice on one line) position and detail.
func SortFacts(facts []Fact) {
	slices.SortFunc(facts, func(a, b Fact) int {
		if c := strings.Compare(a.Subject, b.Subject); c != 0 {
			return c
		}
		if c := strings.Compare(a.Predicate, b.Predicate); c != 0 {
			return c
		}
		if c := strings.Compare(a.Object, b.Object); c != 0 {
			return c
		}
		if c := strings.Compare(a.Source, b.Source); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Position, b.Position); c != 0 {
			return c
		}
		return strings.Compare(a.Detail, b.Detail)
	})
}

// SortEdges orders edges by predicate, position, subject and object.
func SortEdges(edges []Edge) {
	sort.SliceStable(edges, func(i, j int) bool {
		a, b := edges[i], edges[j]
		if a.Predicate != b.Predicate {
			return a.Predicate < b.Predicate
		}
		if a.Position != b.Position {
			return a.Position < b.Position
		}
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		return a.Object < b.Object
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
