package graph

import (
	"context"
	"sort"
	"sync"
)

// Index is a read-only, in-memory Reader over nodes, facts and statements,
// laid out so that it loads without being rebuilt (see EncodeIndex and
// DecodeIndex): flat arrays searched by binary search, and precomputed
// lists that the question engine would otherwise build on every start:
//
//   - nodes by ID and by name;
//   - facts in SortFacts order, merged as a store merges them, so the
//     facts leaving a node are one run; the facts entering a node through
//     a permutation by object;
//   - facts by predicate and by source (note line);
//   - the notes' statements, and for evidence: statements by stem, by the
//     node they are about or name, and the total of their terms.
//
// The question engine reads it instead of a Store, so a question costs
// lookups, not backend iterations.
//
// Build one with NewIndex (from an ingest), ReadIndex (from any Reader) or
// DecodeIndex (from a file written by EncodeIndex). It is safe for
// concurrent use.
type Index struct {
	nodes  []Node  // by ID, distinct
	byName []int32 // nodes positions, by name then ID
	facts  []Fact  // SortFacts order, merged
	byObj  []int32 // facts positions, by object then position
	stmts  []Statement

	preds   lists // predicate → facts positions
	factSrc lists // source → facts positions
	terms   lists // stem → statements holding it
	about   lists // node ID → statements about it or naming it
	nTerms  int   // terms of every statement, counted with repeats

	// src holds what the index was built from (nodes and facts as given,
	// in their order), for a Cayley store; see Graph.
	src struct {
		once  sync.Once
		load  func() ([]Node, []Fact, error) // nil: nodes and facts below
		nodes []Node
		facts []Fact
		err   error
		none  bool // encoded without them
	}
}

// lists maps sorted keys to lists of positions.
type lists struct {
	keys []string
	off  []int32 // len(keys)+1 offsets into ids
	ids  []int32
}

// get returns the list of k; nil when k has none.
func (l *lists) get(k string) []int32 {
	i := sort.SearchStrings(l.keys, k)
	if i == len(l.keys) || l.keys[i] != k {
		return nil
	}
	return l.ids[l.off[i]:l.off[i+1]:l.off[i+1]]
}

// buildLists groups positions 0..n-1 by the keys each has (keysOf calls
// add once per key of position i); lists keep positions in ascending order.
func buildLists(n int, keysOf func(i int, add func(string))) lists {
	count := map[string]int32{}
	for i := 0; i < n; i++ {
		keysOf(i, func(k string) { count[k]++ })
	}
	l := lists{keys: make([]string, 0, len(count))}
	for k := range count {
		l.keys = append(l.keys, k)
	}
	sort.Strings(l.keys)
	l.off = make([]int32, len(l.keys)+1)
	at := make(map[string]int32, len(l.keys))
	total := int32(0)
	for i, k := range l.keys {
		l.off[i] = total
		at[k] = total
		total += count[k]
	}
	l.off[len(l.keys)] = total
	l.ids = make([]int32, total)
	for i := 0; i < n; i++ {
		keysOf(i, func(k string) {
			l.ids[at[k]] = int32(i)
			at[k]++
		})
	}
	return l
}

// NewIndex builds an index. Facts whose subject or object has no node are
// kept (as a Store keeps them). Nodes and facts are copied; the index keeps
// nodes and facts as given for Graph, and the statements, so none of the
// three may change afterwards.
func NewIndex(nodes []Node, facts []Fact, stmts []Statement) *Index {
	ix := &Index{stmts: stmts}
	ix.src.nodes, ix.src.facts = nodes, facts
	seen := make(map[string]bool, len(nodes))
	for _, n := range nodes {
		if seen[n.ID] {
			continue
		}
		seen[n.ID] = true
		n.Aliases = append([]string(nil), n.Aliases...)
		sort.Strings(n.Aliases)
		ix.nodes = append(ix.nodes, n)
	}
	sort.Slice(ix.nodes, func(i, j int) bool { return ix.nodes[i].ID < ix.nodes[j].ID })
	ix.byName = make([]int32, len(ix.nodes))
	for i := range ix.byName {
		ix.byName[i] = int32(i)
	}
	sort.Slice(ix.byName, func(i, j int) bool {
		a, b := ix.nodes[ix.byName[i]], ix.nodes[ix.byName[j]]
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.ID < b.ID
	})
	ix.facts = make([]Fact, len(facts))
	copy(ix.facts, facts)
	SortFacts(ix.facts)
	ix.facts = dedupeFacts(ix.facts)
	ix.byObj = make([]int32, len(ix.facts))
	for i := range ix.byObj {
		ix.byObj[i] = int32(i)
	}
	sort.SliceStable(ix.byObj, func(i, j int) bool { return ix.facts[ix.byObj[i]].Object < ix.facts[ix.byObj[j]].Object })
	ix.preds = buildLists(len(ix.facts), func(i int, add func(string)) { add(ix.facts[i].Predicate) })
	ix.factSrc = buildLists(len(ix.facts), func(i int, add func(string)) { add(ix.facts[i].Source) })
	ix.indexStatements()
	return ix
}

// indexStatements computes the statement lists.
func (ix *Index) indexStatements() {
	ix.nTerms = 0
	for _, st := range ix.stmts {
		ix.nTerms += len(st.Terms)
	}
	ix.terms = buildLists(len(ix.stmts), func(i int, add func(string)) {
		terms := ix.stmts[i].Terms
		for j, t := range terms {
			if !containsBefore(terms, j, t) {
				add(t)
			}
		}
	})
	ix.about = buildLists(len(ix.stmts), func(i int, add func(string)) {
		st := ix.stmts[i]
		if st.Subject != "" {
			add(st.Subject)
		}
		for j, m := range st.Mentions {
			if m != st.Subject && !containsBefore(st.Mentions, j, m) {
				add(m)
			}
		}
	})
}

// containsBefore reports whether list[:j] holds s. Term lists are short.
func containsBefore(list []string, j int, s string) bool {
	for _, x := range list[:j] {
		if x == s {
			return true
		}
	}
	return false
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
	if n, ok := ix.NodeByID(id); ok {
		return n, nil
	}
	return Node{}, Errorf(ENOTFOUND, "no node %q", id)
}

// NodeByID returns one node, and whether it exists.
func (ix *Index) NodeByID(id string) (Node, bool) {
	i := sort.Search(len(ix.nodes), func(i int) bool { return ix.nodes[i].ID >= id })
	if i < len(ix.nodes) && ix.nodes[i].ID == id {
		return ix.nodes[i], true
	}
	return Node{}, false
}

// Nodes returns every node of a kind ("" for all), ordered by name then ID.
func (ix *Index) Nodes(ctx context.Context, kind NodeKind) ([]Node, error) {
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: "list nodes", Err: err}
	}
	out := make([]Node, 0, len(ix.byName))
	for _, i := range ix.byName {
		if n := ix.nodes[i]; kind == "" || n.Kind == kind {
			out = append(out, n)
		}
	}
	return out, nil
}

// Out returns the edges leaving id, restricted to preds when given.
func (ix *Index) Out(ctx context.Context, id string, preds ...string) ([]Edge, error) {
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: "query", Err: err}
	}
	lo := sort.Search(len(ix.facts), func(i int) bool { return ix.facts[i].Subject >= id })
	var facts []Fact
	for i := lo; i < len(ix.facts) && ix.facts[i].Subject == id; i++ {
		if f := ix.facts[i]; len(preds) == 0 || contains(preds, f.Predicate) {
			facts = append(facts, f)
		}
	}
	return edgesOf(facts), nil
}

// In returns the edges entering id, restricted to preds when given.
func (ix *Index) In(ctx context.Context, id string, preds ...string) ([]Edge, error) {
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: "query", Err: err}
	}
	lo := sort.Search(len(ix.byObj), func(i int) bool { return ix.facts[ix.byObj[i]].Object >= id })
	var facts []Fact
	for i := lo; i < len(ix.byObj) && ix.facts[ix.byObj[i]].Object == id; i++ {
		if f := ix.facts[ix.byObj[i]]; len(preds) == 0 || contains(preds, f.Predicate) {
			facts = append(facts, f)
		}
	}
	return edgesOf(facts), nil
}

func edgesOf(facts []Fact) []Edge {
	edges := MergeFacts(facts)
	SortEdges(edges)
	return edges
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

// NumFacts is the number of facts Facts returns.
func (ix *Index) NumFacts() int { return len(ix.facts) }

// Fact returns fact i of Facts' order (0 ≤ i < NumFacts), as the lists of
// FactsOf and FactsFrom give them.
func (ix *Index) Fact(i int32) Fact { return ix.facts[i] }

// Predicates returns every predicate of the facts, sorted. The slice is
// the index's own: do not change it.
func (ix *Index) Predicates() []string { return ix.preds.keys }

// FactsOf returns the facts of a predicate, as positions for Fact, in
// Facts' order. The slice is the index's own: do not change it.
func (ix *Index) FactsOf(pred string) []int32 { return ix.preds.get(pred) }

// FactsFrom returns the facts stated on one note line ("file:line"), as
// positions for Fact, in Facts' order. The slice is the index's own.
func (ix *Index) FactsFrom(source string) []int32 { return ix.factSrc.get(source) }

// WithStatements returns an index on the same nodes and facts with the
// given statements (an index read from a store has none). The receiver is
// not changed.
func (ix *Index) WithStatements(stmts []Statement) *Index {
	c := &Index{nodes: ix.nodes, byName: ix.byName, facts: ix.facts, byObj: ix.byObj, preds: ix.preds, factSrc: ix.factSrc, stmts: stmts}
	c.src.load = ix.Graph
	c.indexStatements()
	return c
}

// Statements returns the notes' statements in source order; nil when the
// index was read from a store.
func (ix *Index) Statements() []Statement { return ix.stmts }

// StatementsWith returns the statements holding a stem (once each, however
// often they repeat it), as positions in Statements, ascending. The slice
// is the index's own: do not change it.
func (ix *Index) StatementsWith(stem string) []int32 { return ix.terms.get(stem) }

// StatementsAbout returns the statements about a node (their subject) or
// naming it, as positions in Statements, ascending. The slice is the
// index's own: do not change it.
func (ix *Index) StatementsAbout(id string) []int32 { return ix.about.get(id) }

// AvgTerms is the average number of terms of a statement (0 without any).
func (ix *Index) AvgTerms() float64 {
	if len(ix.stmts) == 0 {
		return 0
	}
	return float64(ix.nTerms) / float64(len(ix.stmts))
}

// Graph returns the nodes and facts the index was built from, in their own
// order and as given (before merging), for loading a Cayley store. An index
// decoded from a file written without them (EncodeOptions.NoGraph) fails
// with EINVALID.
func (ix *Index) Graph() ([]Node, []Fact, error) {
	ix.src.once.Do(func() {
		switch {
		case ix.src.none:
			ix.src.err = Errorf(EINVALID, "the index holds no graph to load a store from")
		case ix.src.load != nil:
			ix.src.nodes, ix.src.facts, ix.src.err = ix.src.load()
		}
	})
	return ix.src.nodes, ix.src.facts, ix.src.err
}

var _ Reader = (*Index)(nil)
