package queries

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/awskg/awskg/graph"
)

// MaxNeighborDepth bounds Neighbors.
const MaxNeighborDepth = 3

// MaxNeighborNodes bounds the nodes Neighbors collects.
const MaxNeighborNodes = 400

// Relation is one edge seen from a node: the node at its other end.
type Relation struct {
	Other graph.Node
	Edge  graph.Edge
}

// RelationGroup holds the relations of one predicate and direction.
type RelationGroup struct {
	Predicate string
	Incoming  bool // the node is the edge's object
	Relations []Relation
}

// Description is everything the graph holds about one node.
type Description struct {
	Node   graph.Node
	Groups []RelationGroup // outgoing first, then incoming; by predicate
}

// Show describes a node: its name, kind and aliases, and every relation,
// grouped by predicate and direction, each group ordered by the name of the
// node at the other end. Path hops are left out: they belong to the path.
func (e *Engine) Show(ctx context.Context, id string) (*Description, error) {
	n, ok := e.names[id]
	if !ok {
		return nil, graph.Errorf(graph.ENOTFOUND, "no node %q", id)
	}
	out, err := e.ix.Out(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("read relations of %s: %w", id, err)
	}
	in, err := e.ix.In(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("read relations to %s: %w", id, err)
	}
	d := &Description{Node: n}
	type key struct {
		p  string
		in bool
	}
	idx := map[key]int{}
	add := func(ed graph.Edge, incoming bool) {
		if ed.Predicate == graph.PredHop {
			return
		}
		other := ed.Object
		if incoming {
			other = ed.Subject
		}
		k := key{ed.Predicate, incoming}
		i, ok := idx[k]
		if !ok {
			i = len(d.Groups)
			idx[k] = i
			d.Groups = append(d.Groups, RelationGroup{Predicate: ed.Predicate, Incoming: incoming})
		}
		d.Groups[i].Relations = append(d.Groups[i].Relations, Relation{Other: e.nodeOrID(other), Edge: ed})
	}
	for _, ed := range out {
		add(ed, false)
	}
	for _, ed := range in {
		add(ed, true)
	}
	sort.SliceStable(d.Groups, func(i, j int) bool {
		a, b := d.Groups[i], d.Groups[j]
		if a.Incoming != b.Incoming {
			return !a.Incoming
		}
		return a.Predicate < b.Predicate
	})
	for _, g := range d.Groups {
		sort.SliceStable(g.Relations, func(i, j int) bool {
			a, b := g.Relations[i], g.Relations[j]
			if a.Edge.Position != b.Edge.Position {
				return a.Edge.Position < b.Edge.Position
			}
			if x, y := strings.ToLower(a.Other.Name), strings.ToLower(b.Other.Name); x != y {
				return x < y
			}
			return a.Other.ID < b.Other.ID
		})
	}
	return d, nil
}

// nodeOrID returns the node of id, or a node named by its ID when the name
// table lacks it.
func (e *Engine) nodeOrID(id string) graph.Node {
	if n, ok := e.names[id]; ok {
		return n
	}
	return graph.Node{ID: id, Name: id}
}

// Neighbors returns the nodes within depth relations of id (either
// direction; path hops left out) and the edges among them. Nodes come
// breadth first: id, then by distance and name. depth is clamped to
// 1..MaxNeighborDepth and the walk stops at MaxNeighborNodes nodes.
func (e *Engine) Neighbors(ctx context.Context, id string, depth int) (graph.Subgraph, error) {
	start, ok := e.names[id]
	if !ok {
		return graph.Subgraph{}, graph.Errorf(graph.ENOTFOUND, "no node %q", id)
	}
	depth = max(1, min(depth, MaxNeighborDepth))
	sg := graph.Subgraph{Title: fmt.Sprintf("neighbors of %s (depth %d)", start.Name, depth)}
	dist := map[string]int{id: 0}
	order := []string{id}
	frontier := []string{id}
	full := false
	for d := 1; d <= depth && len(frontier) > 0 && !full; d++ {
		var next []string
		for _, cur := range frontier {
			out, err := e.ix.Out(ctx, cur)
			if err != nil {
				return graph.Subgraph{}, fmt.Errorf("read relations of %s: %w", cur, err)
			}
			in, err := e.ix.In(ctx, cur)
			if err != nil {
				return graph.Subgraph{}, fmt.Errorf("read relations to %s: %w", cur, err)
			}
			var found []string
			for _, ed := range out {
				if ed.Predicate != graph.PredHop {
					found = append(found, ed.Object)
				}
			}
			for _, ed := range in {
				if ed.Predicate != graph.PredHop {
					found = append(found, ed.Subject)
				}
			}
			for _, o := range found {
				if _, seen := dist[o]; seen {
					continue
				}
				if _, known := e.names[o]; !known {
					continue
				}
				dist[o] = d
				next = append(next, o)
			}
		}
		sort.Slice(next, func(i, j int) bool { return e.lessByName(next[i], next[j]) })
		if len(order)+len(next) > MaxNeighborNodes {
			next = next[:MaxNeighborNodes-len(order)]
			full = true
		}
		order = append(order, next...)
		frontier = next
	}
	set := map[string]bool{}
	for _, n := range order {
		set[n] = true
		sg.Nodes = append(sg.Nodes, e.names[n])
	}
	for _, n := range order {
		out, err := e.ix.Out(ctx, n)
		if err != nil {
			return graph.Subgraph{}, fmt.Errorf("read relations of %s: %w", n, err)
		}
		for _, ed := range out {
			if set[ed.Object] && ed.Predicate != graph.PredHop {
				sg.Edges = append(sg.Edges, ed)
			}
		}
	}
	return sg, nil
}

func (e *Engine) lessByName(a, b string) bool {
	x, y := strings.ToLower(e.names[a].Name), strings.ToLower(e.names[b].Name)
	if x != y {
		return x < y
	}
	return a < b
}

// Path answers "how do I get from X to Y" for two nodes: the best chain the
// notes write (alternatives after), else the shortest flowsTo path, else the
// shortest chain of any relations between them (either direction). It
// returns ENOTFOUND when the graph does not connect them.
func (e *Engine) Path(ctx context.Context, from, to string) (*Result, error) {
	nf, ok := e.names[from]
	if !ok {
		return nil, graph.Errorf(graph.ENOTFOUND, "no node %q", from)
	}
	nt, ok := e.names[to]
	if !ok {
		return nil, graph.Errorf(graph.ENOTFOUND, "no node %q", to)
	}
	res := &Result{
		Question:   fmt.Sprintf("path from %s to %s", nf.Name, nt.Name),
		Intent:     "path",
		Focus:      []string{from, to},
		Understood: []string{nf.Name, nt.Name},
	}
	cands, err := e.chains(ctx, from, to)
	if err != nil {
		return nil, err
	}
	switch {
	case len(cands) > 0:
		res.Answers = e.hopAnswers(cands[0])
		for _, c := range cands[1:] {
			res.Alternatives = append(res.Alternatives, e.hopAnswers(c))
		}
	default:
		answers, err := e.connection(ctx, from, to)
		if err != nil {
			return nil, err
		}
		res.Intent = "connection"
		res.Answers = answers
	}
	if len(res.Answers) == 0 {
		return nil, graph.Errorf(graph.ENOTFOUND, "the graph holds no path from %s to %s", nf.Name, nt.Name)
	}
	res.Subgraph = e.subgraphOf(ctx, res)
	res.Subgraph.Title = res.Question
	return res, nil
}

// chains returns the chains the notes write from one node to another, best
// first, or the shortest flowsTo path when no single chain joins them.
func (e *Engine) chains(ctx context.Context, from, to string) ([]chain, error) {
	return e.chainsTo(ctx, from, to, nil, nil)
}

// chainsTo is chains with the end given by words when to is "" ("to an
// alarm": the hop named "alarm"); extend names relations that carry the
// chain past its end ("to an alarm notification": on to the hop the alarm
// notifies).
func (e *Engine) chainsTo(ctx context.Context, from, to string, toWords, extend []string) ([]chain, error) {
	paths, err := e.ix.In(ctx, from, graph.PredHop)
	if err != nil {
		return nil, fmt.Errorf("read paths through %s: %w", from, err)
	}
	var cands []chain
	seen := map[string]bool{}
	for _, p := range paths {
		hops, err := e.hops(ctx, p.Subject)
		if err != nil {
			return nil, err
		}
		c, ok := e.cut(ctx, hops, from, to, toWords, extend)
		if !ok || seen[hopKey(c.hops)] {
			continue
		}
		seen[hopKey(c.hops)] = true
		cands = append(cands, c)
	}
	if len(cands) == 0 {
		c, ok, err := e.bfs(ctx, from, to, toWords, false)
		if err != nil {
			return nil, err
		}
		if ok {
			cands = append(cands, c)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if len(a.hops) != len(b.hops) {
			return len(a.hops) < len(b.hops)
		}
		if a.caveats != b.caveats {
			return a.caveats < b.caveats
		}
		return a.source < b.source
	})
	return cands, nil
}

// maxConnectionHops bounds the any-relation search of Path.
const maxConnectionHops = 6

// connection finds the shortest chain of relations of any predicate (either
// direction, hops and mentions left out) from one node to another. Each
// answer after the first says how it is reached: "← notifies" when the
// previous node is the object of the edge.
func (e *Engine) connection(ctx context.Context, from, to string) ([]Answer, error) {
	type step struct {
		id   string
		prev int
		edge graph.Edge
		in   bool
	}
	queue := []step{{id: from, prev: -1}}
	seen := map[string]bool{from: true}
	level := map[string]int{from: 0}
	for i := 0; i < len(queue); i++ {
		if err := ctx.Err(); err != nil {
			return nil, &graph.Error{Code: graph.ETIMEOUT, Message: "path search", Err: err}
		}
		cur := queue[i]
		if cur.id == to {
			var chain []step
			for j := i; j >= 0; j = queue[j].prev {
				chain = append([]step{queue[j]}, chain...)
			}
			out := make([]Answer, 0, len(chain))
			for k, s := range chain {
				if k == 0 {
					a := e.answer(s.id)
					a.Detail = "hop 1"
					out = append(out, a)
					continue
				}
				a := e.answer(s.id, s.edge)
				arrow := s.edge.Predicate
				if s.in {
					arrow = "← " + arrow
				}
				a.Detail = fmt.Sprintf("hop %d: %s %s", k+1, arrow, e.names[chain[k-1].id].Name)
				out = append(out, a)
			}
			return out, nil
		}
		if level[cur.id] >= maxConnectionHops {
			continue
		}
		out, err := e.ix.Out(ctx, cur.id)
		if err != nil {
			return nil, fmt.Errorf("follow relations of %s: %w", cur.id, err)
		}
		in, err := e.ix.In(ctx, cur.id)
		if err != nil {
			return nil, fmt.Errorf("follow relations to %s: %w", cur.id, err)
		}
		var next []step
		for _, ed := range out {
			if ed.Predicate != graph.PredHop {
				next = append(next, step{id: ed.Object, prev: i, edge: ed})
			}
		}
		for _, ed := range in {
			if ed.Predicate != graph.PredHop {
				next = append(next, step{id: ed.Subject, prev: i, edge: ed, in: true})
			}
		}
		sort.SliceStable(next, func(a, b int) bool { return e.lessByName(next[a].id, next[b].id) })
		for _, s := range next {
			if _, ok := e.names[s.id]; !ok || seen[s.id] {
				continue
			}
			if k := e.names[s.id].Kind; (k == graph.KindPath || k == graph.KindLevel) && s.id != to {
				continue
			}
			seen[s.id] = true
			level[s.id] = level[cur.id] + 1
			queue = append(queue, s)
		}
	}
	return nil, nil
}

// Compare answers "compare X and Y" for two nodes: one answer per relation
// either has, saying which of the two has it.
func (e *Engine) Compare(ctx context.Context, x, y string) (*Result, error) {
	nx, ok := e.names[x]
	if !ok {
		return nil, graph.Errorf(graph.ENOTFOUND, "no node %q", x)
	}
	ny, ok := e.names[y]
	if !ok {
		return nil, graph.Errorf(graph.ENOTFOUND, "no node %q", y)
	}
	res, err := e.compare(ctx, x, y, nil)
	if err != nil {
		return nil, err
	}
	res.Question = fmt.Sprintf("compare %s and %s", nx.Name, ny.Name)
	res.Focus = []string{x, y}
	res.Understood = []string{nx.Name, ny.Name}
	if len(res.Answers) == 0 {
		return nil, graph.Errorf(graph.ENOTFOUND, "the notes relate neither %s nor %s to anything", nx.Name, ny.Name)
	}
	res.Subgraph = e.subgraphOf(ctx, res)
	return res, nil
}
