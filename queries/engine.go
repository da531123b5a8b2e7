// Package queries turns questions into graph traversals and shapes their
// answers: every answer names a node, says what the notes say about it and
// cites the note lines.
package queries

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/agnivade/levenshtein"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// Answer is one item of a result.
type Answer struct {
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Detail  string   `json:"detail"`
	Sources []string `json:"sources"`
	ID      string   `json:"id,omitempty"`

	details []string // every detail, for filtering
}

// Result answers one question. Answers are ordered: for paths they are the
// hops, first to last; for rankings, best first.
type Result struct {
	Question     string     `json:"question"`
	Intent       string     `json:"intent"`
	Answers      []Answer   `json:"answers"`
	Alternatives [][]Answer `json:"alternatives,omitempty"` // other paths the notes give
	// Understood names the nodes awskg read in the question.
	Understood []string `json:"understood,omitempty"`
	// Reading says how the question was read: "what notifies Amazon SNS",
	// "path from Amazon CloudWatch Logs to Amazon Athena".
	Reading string `json:"reading,omitempty"`
	// Focus holds the IDs of those nodes.
	Focus    []string       `json:"-"`
	Subgraph graph.Subgraph `json:"-"`
}

// Engine answers questions on an index of the graph.
type Engine struct {
	ix    *graph.Index
	store graph.Store // the store the index reads, for raw queries; may be nil
	dict  *ingest.Dictionary
	names map[string]graph.Node // every node by ID

	base *ingest.Dictionary // the dictionary without the graph's names
	lx   *ingest.Lexicon
	// detailDF counts, when the index has no statements (a graph read
	// from quads), the distinct details of facts holding each stem, for
	// word weights; detailDocs is the number of those details.
	detailDF   map[string]int
	detailDocs int
	relational map[string]bool // function words a predicate's lexicon uses ("do", "have")
	rankPreds  []string        // the graph's "rank:<column>" predicates
	acronyms   map[string]string
	named      map[string][]string // service or feature → nodes named after it ("Amazon EC2 instances")
	members    map[string][]string // service → the services named after it ("Amazon Kinesis Data Streams" for Amazon Kinesis)
	flowPreds  []string            // predicates a path may continue along

	// word lists of question shapes, from the lexicon
	kindStems                              map[graph.NodeKind][]string
	pathWords, compareWords, describeWords []string
	// sequenceWords name an order of steps: the lexicon's path, order and
	// sequence words and its kind words for events and steps
	sequenceWords []string
	// orderStems are the nouns that ask for steps in order ("order",
	// "sequence"): words a numbered relation is read by (sequenceRelation)
	orderStems []string

	secMu    sync.RWMutex
	secNames map[int32][]string // entities a heading path names, by path key (see sectionNamesOf)

	sortOnce sync.Once
	sorted   []graph.Node // every node by name then ID (see sortedNodes)

	valueOnce sync.Once
	valueList []valueNode                // the value nodes whose names open with a quantity (see valueNodes)
	valueByID map[string]ingest.Quantity // the same quantities by node ID

	// memoised stems of relations, names and details; the entities list
	// heads name (heads, see headNames); names' words (keys, see nameKeys)
	relWords, nameWords, textWords, vocab, near, anchors, subjects, heads, keys sync.Map
	parents                                                                     sync.Map // feature → the nodes that have it (see featureParents)
}

// New prepares an engine on a store: it reads the store's nodes and facts
// once into an index (without the notes' statements, which a store does not
// hold).
func New(ctx context.Context, store graph.Store, dict *ingest.Dictionary) (*Engine, error) {
	ix, err := graph.ReadIndex(ctx, store)
	if err != nil {
		return nil, fmt.Errorf("read the graph: %w", err)
	}
	return NewIndexed(ctx, ix, store, dict)
}

// NewIndexed prepares an engine on an index; store, which may be nil, is
// the store the index mirrors, returned by Store for raw queries.
func NewIndexed(ctx context.Context, ix *graph.Index, store graph.Store, dict *ingest.Dictionary) (*Engine, error) {
	nodes, err := ix.Nodes(ctx, "")
	if err != nil {
		return nil, fmt.Errorf("read node names: %w", err)
	}
	e := &Engine{ix: ix, store: store, names: make(map[string]graph.Node, len(nodes))}
	for _, n := range nodes {
		e.names[n.ID] = n
	}
	e.dict = dict.WithNodes(nodes)
	e.base = dict
	e.lx = dict.Lexicon
	if e.lx == nil {
		return nil, graph.Errorf(graph.EINTERNAL, "the dictionary has no lexicon")
	}
	e.relational = map[string]bool{}
	for _, w := range e.lx.PredicateStems() {
		e.relational[w] = true
	}
	e.kindStems = map[graph.NodeKind][]string{}
	for _, n := range nodes {
		if _, ok := e.kindStems[n.Kind]; !ok {
			e.kindStems[n.Kind] = e.lx.KindWords(n.Kind)
		}
	}
	e.pathWords = e.lx.QuestionWords("path")
	for _, w := range append(append(append(e.lx.QuestionWords("path"), e.lx.QuestionWords("order")...), e.lx.QuestionWords("sequence")...), e.lx.KindWords(graph.KindEvent)...) {
		if !containsStr(e.sequenceWords, w) {
			e.sequenceWords = append(e.sequenceWords, w)
		}
	}
	e.orderStems = e.lx.SequenceStems()
	e.compareWords = e.lx.QuestionWords("compare")
	e.describeWords = e.lx.QuestionWords("describe")
	if ix.NumStatements() == 0 {
		e.detailFrequencies()
	}
	for _, p := range ix.Predicates() {
		if strings.HasPrefix(p, graph.PredRank+":") {
			e.rankPreds = append(e.rankPreds, p)
		}
	}
	e.flowPreds = []string{graph.PredNotifies, graph.PredDelivers, graph.PredTargets}
	e.acronyms = acronymsOf(nodes, e.lx, dict)
	e.named = familyOf(nodes)
	e.members = map[string][]string{}
	for _, n := range nodes {
		if f := e.familyOf(n.ID); f != "" {
			e.members[f] = append(e.members[f], n.ID)
		}
	}
	// the index's statements by source, which scoring reads (inSection),
	// are built on the other core while the first question is analysed
	go ix.StatementAt("")
	return e, nil
}

// Store returns the store the engine's index mirrors; nil when it has none.
func (e *Engine) Store() graph.Store { return e.store }

// Index returns the engine's index.
func (e *Engine) Index() *graph.Index { return e.ix }

// Node returns a node by ID from the engine's name table.
func (e *Engine) Node(id string) (graph.Node, bool) {
	n, ok := e.names[id]
	return n, ok
}

// Nodes returns every node, ordered by name.
func (e *Engine) Nodes() []graph.Node {
	return append([]graph.Node(nil), e.sortedNodes()...)
}

// sortByName orders nodes by name, then ID.
func sortByName(ns []graph.Node) {
	sort.Slice(ns, func(i, j int) bool {
		if ns[i].Name != ns[j].Name {
			return ns[i].Name < ns[j].Name
		}
		return ns[i].ID < ns[j].ID
	})
}

// sortedNodes returns every node by name then ID, sorted once; callers
// must not change it.
func (e *Engine) sortedNodes() []graph.Node {
	e.sortOnce.Do(func() {
		out := make([]graph.Node, 0, len(e.names))
		for _, n := range e.names {
			out = append(out, n)
		}
		sortByName(out)
		e.sorted = out
	})
	return e.sorted
}

// valueNode is a value node and the quantity its name opens with ("60s",
// "3600s (1h)").
type valueNode struct {
	id string
	q  ingest.Quantity
}

// valueNodes returns the value nodes whose names open with a quantity, in
// sortedNodes order; read once per engine, on the first question that
// needs them.
func (e *Engine) valueNodes() []valueNode {
	e.valueOnce.Do(func() {
		e.valueByID = map[string]ingest.Quantity{}
		for _, n := range e.sortedNodes() {
			if n.Kind != graph.KindValue {
				continue
			}
			if qs := ingest.Quantities(n.Name); len(qs) > 0 && qs[0].Start == 0 {
				e.valueList = append(e.valueList, valueNode{n.ID, qs[0]})
				e.valueByID[n.ID] = qs[0]
			}
		}
	})
	return e.valueList
}

// valueOf returns the quantity a value node's name opens with; ok is false
// for any other node.
func (e *Engine) valueOf(id string) (ingest.Quantity, bool) {
	e.valueNodes()
	q, ok := e.valueByID[id]
	return q, ok
}

// Resolve links a name typed by a user to a node: exact name or alias, else
// the first mention. ENOTFOUND with "did you mean" suggestions otherwise.
func (e *Engine) Resolve(name string) (graph.Node, error) {
	if id, ok := e.dict.Exact(name); ok {
		if n, ok := e.names[id]; ok {
			return n, nil
		}
	}
	for _, m := range e.dict.FindWeak(name) {
		if n, ok := e.names[m.ID]; ok && m.ID != "" {
			return n, nil
		}
	}
	msg := fmt.Sprintf("unknown entity %q", name)
	if s := e.Suggest(name, 3); len(s) > 0 {
		msg += "; did you mean " + strings.Join(quoteAll(s), ", ") + "?"
	}
	return graph.Node{}, graph.Errorf(graph.ENOTFOUND, "%s", msg)
}

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}

// Suggest returns up to n node names or aliases closest to name by edit distance.
func (e *Engine) Suggest(name string, n int) []string {
	return e.suggest(name, n, max(2, len(ingest.Key(name))/3))
}

// suggest is Suggest with a bound on the edit distance.
func (e *Engine) suggest(name string, n, within int) []string {
	key := ingest.Key(name)
	type cand struct {
		name string
		d    int
	}
	seen := map[string]bool{}
	var cands []cand
	for _, node := range e.sortedNodes() {
		if node.Kind == graph.KindPath || node.Kind == graph.KindLevel {
			continue
		}
		best := -1
		for _, a := range append([]string{node.Name}, node.Aliases...) {
			d := EditDistance(key, ingest.Key(a))
			if best < 0 || d < best {
				best = d
			}
		}
		if best >= 0 && best <= within && !seen[node.Name] {
			seen[node.Name] = true
			cands = append(cands, cand{node.Name, best})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].d != cands[j].d {
			return cands[i].d < cands[j].d
		}
		return cands[i].name < cands[j].name
	})
	var out []string
	for i := 0; i < len(cands) && i < n; i++ {
		out = append(out, cands[i].name)
	}
	return out
}

// EditDistance is the Levenshtein distance between two strings, in runes
// (agnivade/levenshtein).
func EditDistance(a, b string) int {
	return levenshtein.ComputeDistance(a, b)
}

// answer builds an answer for a node from the edges that support it.
func (e *Engine) answer(id string, edges ...graph.Edge) Answer {
	n := e.names[id]
	a := Answer{Name: n.Name, Kind: string(n.Kind), ID: id}
	if a.Name == "" {
		a.Name = id
	}
	var details []string
	seen, seenSrc := map[string]bool{}, map[string]bool{}
	for _, ed := range edges {
		for _, d := range ed.Details {
			if !seen[d] {
				seen[d] = true
				details = append(details, d)
			}
		}
		for _, s := range ed.Sources {
			if !seenSrc[s] {
				seenSrc[s] = true
				a.Sources = append(a.Sources, s)
			}
		}
	}
	a.details = details
	if len(details) > 2 {
		details = details[:2]
	}
	a.Detail = strings.Join(details, " | ")
	sort.Strings(a.Sources)
	if a.Sources == nil {
		a.Sources = []string{}
	}
	return a
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// collect groups edges by the node at one end and makes answers, ordered by
// name (or by position when ordered is set).
func (e *Engine) collect(edges []graph.Edge, end func(graph.Edge) string, ordered bool) []Answer {
	by := map[string][]graph.Edge{}
	var order []string
	pos := map[string]int{}
	first := map[string]string{} // the first answer's ID by lower-cased name
	for _, ed := range edges {
		id := end(ed)
		// two nodes of one name ("Install" the hook, "install" the build
		// phase) are one answer to the reader
		key := strings.ToLower(e.names[id].Name)
		if f, ok := first[key]; ok && key != "" {
			id = f
		} else {
			first[key] = id
		}
		if _, ok := by[id]; !ok {
			order = append(order, id)
			pos[id] = ed.Position
		}
		by[id] = append(by[id], ed)
		if ed.Position > 0 && (pos[id] == 0 || ed.Position < pos[id]) {
			pos[id] = ed.Position
		}
	}
	var at map[string]noteLines
	if ordered {
		at = make(map[string]noteLines, len(order))
		for _, id := range order {
			at[id] = firstLines(by[id])
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		if ordered && pos[order[i]] != pos[order[j]] {
			return pos[order[i]] < pos[order[j]]
		}
		if ordered {
			// two lists that give one place to different things
			// ("Install" 4th of one list, "AfterInstall" 4th of another
			// that leaves Install out): a note that lists both says which
			// comes first
			if a, b, ok := at[order[i]].inOneNote(at[order[j]]); ok && a != b {
				return a < b
			}
		}
		return strings.ToLower(e.names[order[i]].Name) < strings.ToLower(e.names[order[j]].Name)
	})
	out := make([]Answer, 0, len(order))
	for _, id := range order {
		out = append(out, e.answer(id, by[id]...))
	}
	return out
}

// noteLines is the first line at which edges are stated in each note
// (line), with the notes in the order the edges cite them (files).
type noteLines struct {
	files []string
	line  map[string]int
}

// firstLines reads the notes and first lines that edges cite.
func firstLines(eds []graph.Edge) noteLines {
	n := noteLines{line: map[string]int{}}
	for _, ed := range eds {
		for _, src := range ed.Sources {
			file, l, ok := splitSource(src)
			if !ok {
				continue
			}
			if first, seen := n.line[file]; !seen {
				n.files = append(n.files, file)
				n.line[file] = l
			} else if l < first {
				n.line[file] = l
			}
		}
	}
	return n
}

// inOneNote returns the first line at which each of two answers is stated
// in a note that states both (the first such note x cites); ok is false
// when no note states both.
func (x noteLines) inOneNote(y noteLines) (a, b int, ok bool) {
	for _, file := range x.files {
		if l, both := y.line[file]; both {
			return x.line[file], l, true
		}
	}
	return 0, 0, false
}

func subject(ed graph.Edge) string { return ed.Subject }
func object(ed graph.Edge) string  { return ed.Object }

// familyOf maps each service and feature to the other nodes whose names
// start with its name (or its name without "AWS"/"Amazon"): the parts a
// note named after it, "Amazon EC2 instances" for Amazon EC2. A name
// shared by several such nodes maps to none.
func familyOf(nodes []graph.Node) map[string][]string {
	byName := map[string]string{}
	for _, n := range nodes {
		if n.Kind != graph.KindService && n.Kind != graph.KindFeature {
			continue
		}
		for _, k := range []string{strings.ToLower(n.Name), strings.ToLower(shortName(n.Name))} {
			if len(k) < 3 {
				continue
			}
			if prev, ok := byName[k]; ok && prev != n.ID {
				byName[k] = ""
				continue
			}
			byName[k] = n.ID
		}
	}
	out := map[string][]string{}
	for _, n := range nodes {
		if n.Kind == graph.KindPath || n.Kind == graph.KindLevel || n.Kind == graph.KindService {
			continue // a service named after another is its own service
		}
		name := strings.ToLower(n.Name)
		for i := len(name) - 1; i > 0; i-- {
			if name[i] != ' ' {
				continue
			}
			if id := byName[name[:i]]; id != "" && id != n.ID {
				out[id] = append(out[id], n.ID)
				break
			}
		}
	}
	return out
}
