package queries

import (
	"context"
	"fmt"
	"sort"

	"github.com/awskg/awskg/graph"
)

// CapabilityMap is the subgraph of a capability or strategy: the node, its
// qualified variants, every service or feature that has it, and the features
// through which services have it.
func (e *Engine) CapabilityMap(ctx context.Context, id string) (graph.Subgraph, error) {
	n, ok := e.names[id]
	if !ok {
		return graph.Subgraph{}, graph.Errorf(graph.ENOTFOUND, "no node %q", id)
	}
	res := &Result{Question: fmt.Sprintf("%s map", n.Name), Focus: []string{id}}
	caps := []string{id}
	if variants, err := e.ix.In(ctx, id, graph.PredIsA); err == nil {
		for _, v := range variants {
			caps = append(caps, v.Subject)
			res.Focus = append(res.Focus, v.Subject)
		}
	}
	for _, c := range caps {
		in, err := e.ix.In(ctx, c, graph.PredSupports, graph.PredProvides)
		if err != nil {
			return graph.Subgraph{}, fmt.Errorf("read %s: %w", c, err)
		}
		res.Answers = append(res.Answers, e.collect(in, subject, false)...)
	}
	return e.subgraphOf(ctx, res), nil
}

// PredicateMap is the subgraph of every edge of one predicate
// ("notifies": every service → SNS / EventBridge / CloudWatch edge).
func (e *Engine) PredicateMap(ctx context.Context, pred string) (graph.Subgraph, error) {
	facts, err := e.ix.Facts(ctx)
	if err != nil {
		return graph.Subgraph{}, fmt.Errorf("list facts: %w", err)
	}
	var keep []graph.Fact
	for _, f := range facts {
		if f.Predicate == pred {
			keep = append(keep, f)
		}
	}
	if len(keep) == 0 {
		return graph.Subgraph{}, graph.Errorf(graph.ENOTFOUND, "no %q relation in the graph", pred)
	}
	sg := graph.Subgraph{Title: pred + " map", Edges: graph.MergeFacts(keep)}
	seen := map[string]bool{}
	for _, ed := range sg.Edges {
		for _, id := range []string{ed.Subject, ed.Object} {
			if !seen[id] {
				seen[id] = true
				sg.Nodes = append(sg.Nodes, e.nodeOrID(id))
			}
		}
	}
	sort.SliceStable(sg.Nodes, func(i, j int) bool { return e.lessByName(sg.Nodes[i].ID, sg.Nodes[j].ID) })
	graph.SortEdges(sg.Edges)
	return sg, nil
}

// Predicates returns every relation predicate the graph uses, sorted.
func (e *Engine) Predicates(ctx context.Context) ([]string, error) {
	facts, err := e.ix.Facts(ctx)
	if err != nil {
		return nil, fmt.Errorf("list facts: %w", err)
	}
	seen := map[string]bool{}
	var out []string
	for _, f := range facts {
		if !seen[f.Predicate] {
			seen[f.Predicate] = true
			out = append(out, f.Predicate)
		}
	}
	sort.Strings(out)
	return out, nil
}

// Filter keeps the nodes of the given kinds and the edges of the given
// predicates (nil keeps all), and drops edges whose ends were dropped.
func Filter(sg graph.Subgraph, kinds []graph.NodeKind, preds []string) graph.Subgraph {
	keepKind := func(k graph.NodeKind) bool {
		if len(kinds) == 0 {
			return true
		}
		for _, x := range kinds {
			if x == k {
				return true
			}
		}
		return false
	}
	out := graph.Subgraph{Title: sg.Title}
	kept := map[string]bool{}
	for _, n := range sg.Nodes {
		if keepKind(n.Kind) {
			kept[n.ID] = true
			out.Nodes = append(out.Nodes, n)
		}
	}
	for _, ed := range sg.Edges {
		if kept[ed.Subject] && kept[ed.Object] && (len(preds) == 0 || containsStr(preds, ed.Predicate)) {
			out.Edges = append(out.Edges, ed)
		}
	}
	return out
}
