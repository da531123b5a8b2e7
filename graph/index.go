package graph

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Index is a read-only, in-memory Reader over nodes, facts and statements,
// laid out as columns so that it loads without being rebuilt: an index file
// (EncodeIndex) is these columns as they are in memory, and DecodeIndex
// reads them in place. Every string is a number in one string table; facts
// and statements are columns of those numbers; and the lists the question
// engine needs are precomputed:
//
//   - nodes by ID and by name;
//   - facts in SortFacts order, merged as a store merges them, so the facts
//     leaving a node are one run; the facts entering a node through a
//     permutation by object;
//   - facts by predicate and by source (note line);
//   - statements by stem (with the stem's count in each, for ranking) and
//     by the node they are about or name.
//
// The question engine reads it instead of a Store, so a question costs
// lookups, not backend iterations.
//
// Build one with NewIndex (from an ingest), ReadIndex (from any Reader) or
// DecodeIndex (from an index file). It is safe for concurrent use.
type Index struct {
	s strtab

	nodes  []Node  // by ID, distinct
	byName []int32 // nodes positions, by name then ID
	// the nodes as string numbers: IDs, names, kinds, aliases (runs of
	// nAliases, nAliasOff[i]:nAliasOff[i+1]), for EncodeIndex
	nID, nName, nKind, nAliasOff, nAliases []int32

	// facts in SortFacts order, merged: string numbers, and positions
	fSubj, fPred, fObj, fDetail, fSrc []int32
	fPos                              []int64
	byObj                             []int32 // fact positions, by object then position

	preds   lists // predicate → fact positions
	factSrc lists // source → fact positions

	// statements: string numbers; mentions and terms as runs of a flat
	// column (sMentOff[i]:sMentOff[i+1])
	sSrc, sText, sSection, sSubj []int32
	sMentOff, sMent              []int32
	sTermOff, sTerm              []int32
	terms                        lists   // stem → statements holding it
	tf                           []int32 // parallel to terms.ids: the stem's count in the statement
	about                        lists   // node ID → statements about it or naming it
	nTerms                       int64   // terms of every statement, counted with repeats
	forms                        lists   // a lemma's stem → the string numbers of its forms' stems (see Forms)

	// src holds what the index was built from (nodes and facts as given,
	// in their order), for a Cayley store; see Graph.
	src struct {
		once  sync.Once
		load  func() ([]Node, []Fact, error) // nil: nodes and facts below
		nodes []Node
		facts []Fact
		err   error
		none  bool   // decoded from a file written without them
		raw   []byte // decoded: their encoding in the file, for EncodeIndex
	}
	// data is the index file the columns are views of, when decoded.
	data []byte
	// stmtAt maps a source to its first statement, built on first use.
	stmtAt struct {
		once sync.Once
		m    map[string]int32
	}
}

// strtab is a table of strings: string i is blob[off[i]:off[i+1]].
type strtab struct {
	off  []uint32
	blob string
}

func (t *strtab) get(i int32) string { return t.blob[t.off[i]:t.off[i+1]] }

// lists maps keys (string numbers, sorted by string) to lists of positions.
type lists struct {
	keys []int32
	off  []int32 // len(keys)+1 offsets into ids
	ids  []int32
}

// find returns the number of k in keys; -1 when k has no list.
func (ix *Index) find(l *lists, k string) int {
	i := sort.Search(len(l.keys), func(i int) bool { return ix.s.get(l.keys[i]) >= k })
	if i == len(l.keys) || ix.s.get(l.keys[i]) != k {
		return -1
	}
	return i
}

// get returns the list of k; nil when k has none. The slice is the index's.
func (ix *Index) get(l *lists, k string) []int32 {
	i := ix.find(l, k)
	if i < 0 {
		return nil
	}
	return l.ids[l.off[i]:l.off[i+1]:l.off[i+1]]
}

// interner builds a string table.
type interner struct {
	ids  map[string]int32
	off  []uint32
	blob strings.Builder
}

func newInterner(size int) *interner {
	in := &interner{ids: make(map[string]int32, size), off: make([]uint32, 2, size+2)}
	in.ids[""] = 0
	return in
}

func (in *interner) id(s string) int32 {
	if id, ok := in.ids[s]; ok {
		return id
	}
	id := int32(len(in.off) - 1)
	in.ids[s] = id
	in.blob.WriteString(s)
	in.off = append(in.off, uint32(in.blob.Len()))
	return id
}

func (in *interner) table() strtab { return strtab{off: in.off, blob: in.blob.String()} }

// lastID interns the strings of a column, remembering the last one.
// Its zero value remembers "", string 0.
type lastID struct {
	s string
	n int32
}

func (l *lastID) id(in *interner, s string) int32 {
	if s != l.s {
		l.s, l.n = s, in.id(s)
	}
	return l.n
}

// buildLists groups positions 0..n-1 by the keys each has, string numbers
// of in (keysOf calls add once per key of position i); lists keep
// positions in ascending order and keys in string order.
func buildLists(in *interner, n int, keysOf func(i int, add func(int32))) lists {
	count := make([]int32, len(in.off)-1)
	var keys []int32
	for i := 0; i < n; i++ {
		keysOf(i, func(k int32) {
			if count[k] == 0 {
				keys = append(keys, k)
			}
			count[k]++
		})
	}
	blob := in.blob.String()
	str := func(k int32) string { return blob[in.off[k]:in.off[k+1]] }
	slices.SortFunc(keys, func(a, b int32) int { return strings.Compare(str(a), str(b)) })
	l := lists{keys: keys, off: make([]int32, len(keys)+1)}
	at := make([]int32, len(count)) // next free slot of each key
	total := int32(0)
	for i, k := range keys {
		l.off[i] = total
		at[k] = total
		total += count[k]
	}
	l.off[len(keys)] = total
	l.ids = make([]int32, total)
	for i := 0; i < n; i++ {
		keysOf(i, func(k int32) {
			l.ids[at[k]] = int32(i)
			at[k]++
		})
	}
	return l
}

// Forms maps the stem of a word's dictionary form (its lemma) to the stems
// of the inflected forms the notes write it in, where the two stems differ
// ("send" → "sent", "datum" → "data"): ingest names open relations by
// lemmas, a question is read by stems, and these pairs join the two.
type Forms map[string][]string

// An IndexOption adds to what NewIndex indexes.
type IndexOption func(*indexExtras)

// indexExtras is what the options give NewIndex.
type indexExtras struct {
	forms Forms
}

// WithForms indexes a corpus's word forms (see Forms, Index.Forms).
func WithForms(f Forms) IndexOption { return func(x *indexExtras) { x.forms = f } }

// NewIndex builds an index. Facts whose subject or object has no node are
// kept (as a Store keeps them). The index keeps nodes and facts as given,
// for Graph, so neither may change afterwards.
func NewIndex(nodes []Node, facts []Fact, stmts []Statement, opts ...IndexOption) *Index {
	var extras indexExtras
	for _, o := range opts {
		o(&extras)
	}
	ix := &Index{}
	ix.src.nodes, ix.src.facts = nodes, facts
	in := newInterner(len(nodes) + len(facts) + 2*len(stmts))

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
	nn := len(ix.nodes)
	ix.nID, ix.nName, ix.nKind, ix.nAliasOff = make([]int32, nn), make([]int32, nn), make([]int32, nn), make([]int32, nn+1)
	for i, n := range ix.nodes {
		ix.nID[i], ix.nName[i], ix.nKind[i] = in.id(n.ID), in.id(n.Name), in.id(string(n.Kind))
		for _, a := range n.Aliases {
			ix.nAliases = append(ix.nAliases, in.id(a))
		}
		ix.nAliasOff[i+1] = int32(len(ix.nAliases))
	}

	merged := make([]Fact, len(facts))
	copy(merged, facts)
	SortFacts(merged)
	merged = dedupeFacts(merged)
	n := len(merged)
	ix.fSubj, ix.fPred, ix.fObj = make([]int32, n), make([]int32, n), make([]int32, n)
	ix.fDetail, ix.fSrc, ix.fPos = make([]int32, n), make([]int32, n), make([]int64, n)
	// sorted, consecutive facts mostly share their subject and predicate,
	// consecutive statements their source file's section and subject: a
	// column remembers its last string, which saves most map lookups
	var subj, pred, obj, detail, src, sect, about lastID
	for i, f := range merged {
		ix.fSubj[i], ix.fPred[i], ix.fObj[i] = subj.id(in, f.Subject), pred.id(in, f.Predicate), obj.id(in, f.Object)
		ix.fDetail[i], ix.fSrc[i], ix.fPos[i] = detail.id(in, f.Detail), src.id(in, f.Source), int64(f.Position)
	}
	ix.byObj = make([]int32, n)
	for i := range ix.byObj {
		ix.byObj[i] = int32(i)
	}
	// by object, then (as a stable sort would keep them) by position
	slices.SortFunc(ix.byObj, func(i, j int32) int {
		if c := strings.Compare(merged[i].Object, merged[j].Object); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	ix.preds = buildLists(in, n, func(i int, add func(int32)) { add(ix.fPred[i]) })
	ix.factSrc = buildLists(in, n, func(i int, add func(int32)) { add(ix.fSrc[i]) })

	ns := len(stmts)
	ix.sSrc, ix.sText, ix.sSection, ix.sSubj = make([]int32, ns), make([]int32, ns), make([]int32, ns), make([]int32, ns)
	ix.sMentOff, ix.sTermOff = make([]int32, ns+1), make([]int32, ns+1)
	for i, st := range stmts {
		ix.sSrc[i], ix.sText[i], ix.sSection[i], ix.sSubj[i] = in.id(st.Source), in.id(st.Text), sect.id(in, st.Section), about.id(in, st.Subject)
		for _, m := range st.Mentions {
			ix.sMent = append(ix.sMent, in.id(m))
		}
		for _, t := range st.Terms {
			ix.sTerm = append(ix.sTerm, in.id(t))
		}
		ix.sMentOff[i+1], ix.sTermOff[i+1] = int32(len(ix.sMent)), int32(len(ix.sTerm))
		ix.nTerms += int64(len(st.Terms))
	}
	ix.terms = buildLists(in, ns, func(i int, add func(int32)) {
		terms := ix.sTerm[ix.sTermOff[i]:ix.sTermOff[i+1]]
		for j, t := range terms {
			if !slices.Contains(terms[:j], t) {
				add(t)
			}
		}
	})
	ix.tf = make([]int32, len(ix.terms.ids))
	for k, stem := range ix.terms.keys {
		for j := ix.terms.off[k]; j < ix.terms.off[k+1]; j++ {
			i := ix.terms.ids[j]
			for _, t := range ix.sTerm[ix.sTermOff[i]:ix.sTermOff[i+1]] {
				if t == stem {
					ix.tf[j]++
				}
			}
		}
	}
	ix.about = buildLists(in, ns, func(i int, add func(int32)) {
		subject := ix.sSubj[i]
		if subject != 0 { // string 0 is ""
			add(subject)
		}
		mentions := ix.sMent[ix.sMentOff[i]:ix.sMentOff[i+1]]
		for j, m := range mentions {
			if m != subject && !slices.Contains(mentions[:j], m) {
				add(m)
			}
		}
	})
	ix.forms = buildForms(in, extras.forms)

	ix.s = in.table()
	return ix
}

// buildForms lists each lemma's forms (string numbers), in byte order.
func buildForms(in *interner, f Forms) lists {
	type pair struct{ lemma, form int32 }
	var pairs []pair
	for _, lemma := range slices.Sorted(maps.Keys(f)) {
		forms := slices.Clone(f[lemma])
		slices.Sort(forms)
		for j, form := range forms {
			if form != lemma && (j == 0 || form != forms[j-1]) {
				pairs = append(pairs, pair{in.id(lemma), in.id(form)})
			}
		}
	}
	l := buildLists(in, len(pairs), func(i int, add func(int32)) { add(pairs[i].lemma) })
	for j, i := range l.ids {
		l.ids[j] = pairs[i].form
	}
	return l
}

// Forms returns the stems of the inflected forms of the lemma whose stem is
// stem, in byte order (see Forms); nil when the notes write it in none
// other, or the index was built without forms.
func (ix *Index) Forms(stem string) []string { return ix.strings(ix.get(&ix.forms, stem)) }

// WordForms returns every lemma's forms (see Forms); nil when the index
// has none.
func (ix *Index) WordForms() Forms {
	if len(ix.forms.keys) == 0 {
		return nil
	}
	out := make(Forms, len(ix.forms.keys))
	for i, k := range ix.forms.keys {
		out[ix.s.get(k)] = ix.strings(ix.forms.ids[ix.forms.off[i]:ix.forms.off[i+1]])
	}
	return out
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
	if cs, ok := r.(*CayleyStore); ok {
		nodes, facts, err := cs.readGraph(ctx)
		if err != nil {
			return nil, err
		}
		return NewIndex(nodes, facts, nil), nil
	}
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
	lo := sort.Search(len(ix.fSubj), func(i int) bool { return ix.s.get(ix.fSubj[i]) >= id })
	var at []int32
	for i := lo; i < len(ix.fSubj) && ix.s.get(ix.fSubj[i]) == id; i++ {
		if len(preds) == 0 || contains(preds, ix.s.get(ix.fPred[i])) {
			at = append(at, int32(i))
		}
	}
	return ix.edgesOf(at), nil
}

// PredicateObject is one (predicate, object) pair of the facts leaving a
// node, whatever their sources: what a fact says, without its evidence.
type PredicateObject struct {
	Predicate, Object string
	// PredicateKey is the same within one Index exactly when Predicate is:
	// a map key cheaper than the string
	PredicateKey int32
}

// OutPairs returns the distinct (predicate, object) pairs of the facts
// leaving id, by predicate then object: Out without the sources, details and
// positions it gathers, for a reader that needs only what is related (a
// node of a 100,000-line note may have as many sources). ETIMEOUT when ctx
// has expired.
func (ix *Index) OutPairs(ctx context.Context, id string) ([]PredicateObject, error) {
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: "query", Err: err}
	}
	lo := sort.Search(len(ix.fSubj), func(i int) bool { return ix.s.get(ix.fSubj[i]) >= id })
	var out []PredicateObject
	for i := lo; i < len(ix.fSubj) && ix.s.get(ix.fSubj[i]) == id; i++ {
		if i > lo && ix.fPred[i] == ix.fPred[i-1] && ix.fObj[i] == ix.fObj[i-1] {
			continue // another source of the same fact
		}
		out = append(out, PredicateObject{Predicate: ix.s.get(ix.fPred[i]), Object: ix.s.get(ix.fObj[i]), PredicateKey: ix.fPred[i]})
	}
	return out, nil
}

// In returns the edges entering id, restricted to preds when given.
func (ix *Index) In(ctx context.Context, id string, preds ...string) ([]Edge, error) {
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: "query", Err: err}
	}
	lo := sort.Search(len(ix.byObj), func(i int) bool { return ix.s.get(ix.fObj[ix.byObj[i]]) >= id })
	var at []int32
	for i := lo; i < len(ix.byObj) && ix.s.get(ix.fObj[ix.byObj[i]]) == id; i++ {
		if j := ix.byObj[i]; len(preds) == 0 || contains(preds, ix.s.get(ix.fPred[j])) {
			at = append(at, j)
		}
	}
	return ix.edgesOf(at), nil
}

// edgesOf merges facts (positions, ascending) into edges, as MergeFacts
// then SortEdges do: in Facts' order, the facts of one (subject,
// predicate, object) are a run, by source, so a run is an edge, its
// sources already sorted and distinct, its details in source order.
// maxLinearDetails is how many details an edge collects before it
// remembers them in a set rather than searching its list.
const maxLinearDetails = 16

func (ix *Index) edgesOf(at []int32) []Edge {
	var edges []Edge
	for k := 0; k < len(at); {
		i := at[k]
		e := Edge{Subject: ix.s.get(ix.fSubj[i]), Predicate: ix.s.get(ix.fPred[i]), Object: ix.s.get(ix.fObj[i]), Position: int(ix.fPos[i])}
		var seen map[string]bool // the details so far, once there are many: a fact a note states on 100,000 lines
		for ; k < len(at) && ix.fSubj[at[k]] == ix.fSubj[i] && ix.fPred[at[k]] == ix.fPred[i] && ix.fObj[at[k]] == ix.fObj[i]; k++ {
			j := at[k]
			if src := ix.s.get(ix.fSrc[j]); src != "" {
				e.Sources = append(e.Sources, src)
			}
			if p := int(ix.fPos[j]); p > 0 && (e.Position == 0 || p < e.Position) {
				e.Position = p
			}
			d := ix.s.get(ix.fDetail[j])
			if d == "" {
				continue
			}
			switch {
			case seen != nil:
				if seen[d] {
					continue
				}
				seen[d] = true
			case contains(e.Details, d):
				continue
			case len(e.Details) >= maxLinearDetails:
				seen = make(map[string]bool, 2*len(e.Details))
				for _, x := range e.Details {
					seen[x] = true
				}
				seen[d] = true
			}
			e.Details = append(e.Details, d)
		}
		edges = append(edges, e)
	}
	SortEdges(edges)
	return edges
}

// Facts returns every fact, ordered by subject, predicate, object, source.
func (ix *Index) Facts(ctx context.Context) ([]Fact, error) {
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: "list facts", Err: err}
	}
	out := make([]Fact, len(ix.fSubj))
	for i := range out {
		out[i] = ix.Fact(int32(i))
	}
	return out, nil
}

// NumFacts is the number of facts Facts returns.
func (ix *Index) NumFacts() int { return len(ix.fSubj) }

// Fact returns fact i of Facts' order (0 ≤ i < NumFacts), as the lists of
// FactsOf and FactsFrom give them.
func (ix *Index) Fact(i int32) Fact {
	return Fact{
		Subject:   ix.s.get(ix.fSubj[i]),
		Predicate: ix.s.get(ix.fPred[i]),
		Object:    ix.s.get(ix.fObj[i]),
		Detail:    ix.s.get(ix.fDetail[i]),
		Position:  int(ix.fPos[i]),
		Source:    ix.s.get(ix.fSrc[i]),
	}
}

// Predicates returns every predicate of the facts, sorted.
func (ix *Index) Predicates() []string {
	out := make([]string, len(ix.preds.keys))
	for i, k := range ix.preds.keys {
		out[i] = ix.s.get(k)
	}
	return out
}

// FactsOf returns the facts of a predicate, as positions for Fact, in
// Facts' order. The slice is the index's own: do not change it.
func (ix *Index) FactsOf(pred string) []int32 { return ix.get(&ix.preds, pred) }

// FactsFrom returns the facts stated on one note line ("file:line"), as
// positions for Fact, in Facts' order. The slice is the index's own.
func (ix *Index) FactsFrom(source string) []int32 { return ix.get(&ix.factSrc, source) }

// WithStatements returns an index on the same nodes and facts with the
// given statements (an index read from a store has none), built anew. The
// receiver is not changed.
func (ix *Index) WithStatements(stmts []Statement) *Index {
	facts := make([]Fact, ix.NumFacts())
	for i := range facts {
		facts[i] = ix.Fact(int32(i))
	}
	c := NewIndex(ix.nodes, facts, stmts, WithForms(ix.WordForms()))
	c.src.nodes, c.src.facts = nil, nil
	c.src.load = ix.Graph
	return c
}

// NumStatements is the number of the notes' statements; 0 when the index
// was read from a store.
func (ix *Index) NumStatements() int { return len(ix.sSrc) }

// Statement returns statement i (0 ≤ i < NumStatements).
func (ix *Index) Statement(i int) Statement {
	st := Statement{
		Source:  ix.s.get(ix.sSrc[i]),
		Text:    ix.s.get(ix.sText[i]),
		Section: ix.s.get(ix.sSection[i]),
		Subject: ix.s.get(ix.sSubj[i]),
	}
	st.Mentions = ix.strings(ix.sMent[ix.sMentOff[i]:ix.sMentOff[i+1]])
	st.Terms = ix.StatementTerms(i)
	return st
}

// StatementTerms returns the terms of statement i (Statement(i).Terms).
func (ix *Index) StatementTerms(i int) []string {
	return ix.strings(ix.sTerm[ix.sTermOff[i]:ix.sTermOff[i+1]])
}

// StatementSource returns the source of statement i.
func (ix *Index) StatementSource(i int) string { return ix.s.get(ix.sSrc[i]) }

// StatementSection returns the heading path above statement i, outermost
// first, joined by " > " ("" when none).
func (ix *Index) StatementSection(i int) string { return ix.s.get(ix.sSection[i]) }

// StatementSectionKey returns a number for the heading path of statement
// i: statements under the same path have the same key, so a reader can
// memoise what it learns from a path without hashing its text.
func (ix *Index) StatementSectionKey(i int) int32 { return ix.sSection[i] }

// StatementAt returns the first statement at a source ("file:line"); false
// when the index holds none there. The map behind it is built on first use.
func (ix *Index) StatementAt(source string) (int, bool) {
	ix.stmtAt.once.Do(func() {
		ix.stmtAt.m = make(map[string]int32, len(ix.sSrc))
		for i, id := range ix.sSrc {
			src := ix.s.get(id)
			if _, ok := ix.stmtAt.m[src]; !ok {
				ix.stmtAt.m[src] = int32(i)
			}
		}
	})
	i, ok := ix.stmtAt.m[source]
	return int(i), ok
}

// StatementSubject returns the subject of statement i ("" when none).
func (ix *Index) StatementSubject(i int) string { return ix.s.get(ix.sSubj[i]) }

// StatementNames reports whether statement i names node id among its
// mentions.
func (ix *Index) StatementNames(i int, id string) bool {
	for _, m := range ix.sMent[ix.sMentOff[i]:ix.sMentOff[i+1]] {
		if ix.s.get(m) == id {
			return true
		}
	}
	return false
}

// StatementLen is the number of terms of statement i, counted with repeats.
func (ix *Index) StatementLen(i int) int { return int(ix.sTermOff[i+1] - ix.sTermOff[i]) }

func (ix *Index) strings(ids []int32) []string {
	if len(ids) == 0 {
		return nil
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = ix.s.get(id)
	}
	return out
}

// Statements returns the notes' statements in source order; nil when the
// index was read from a store.
func (ix *Index) Statements() []Statement {
	if ix.NumStatements() == 0 {
		return nil
	}
	out := make([]Statement, ix.NumStatements())
	for i := range out {
		out[i] = ix.Statement(i)
	}
	return out
}

// StatementText returns the text of statement i (Statement(i).Text).
func (ix *Index) StatementText(i int) string { return ix.s.get(ix.sText[i]) }

// StemsWithPrefix returns the stems some statement holds that open with
// prefix, ascending (a fresh slice; nil when none does).
func (ix *Index) StemsWithPrefix(prefix string) []string {
	l := &ix.terms
	i := sort.Search(len(l.keys), func(i int) bool { return ix.s.get(l.keys[i]) >= prefix })
	var out []string
	for ; i < len(l.keys); i++ {
		k := ix.s.get(l.keys[i])
		if !strings.HasPrefix(k, prefix) {
			break
		}
		out = append(out, k)
	}
	return out
}

// StatementsWith returns the statements holding a stem (once each, however
// often they repeat it), as positions in Statements, ascending, and the
// stem's count in each. The slices are the index's own: do not change them.
func (ix *Index) StatementsWith(stem string) (stmts, counts []int32) {
	k := ix.find(&ix.terms, stem)
	if k < 0 {
		return nil, nil
	}
	lo, hi := ix.terms.off[k], ix.terms.off[k+1]
	return ix.terms.ids[lo:hi:hi], ix.tf[lo:hi:hi]
}

// StatementsAbout returns the statements about a node (their subject) or
// naming it, as positions in Statements, ascending. The slice is the
// index's own: do not change it.
func (ix *Index) StatementsAbout(id string) []int32 { return ix.get(&ix.about, id) }

// AvgTerms is the average number of terms of a statement (0 without any).
func (ix *Index) AvgTerms() float64 {
	if ix.NumStatements() == 0 {
		return 0
	}
	return float64(ix.nTerms) / float64(ix.NumStatements())
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
