package queries

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/awskg/awskg/graph"
)

// rankOf is a node's level on a ranked column ("rank:cost"), 0 when none.
func (e *Engine) rankOf(ctx context.Context, id, pred string) int {
	out, err := e.ix.Out(ctx, id, pred)
	if err != nil {
		return 0
	}
	for _, ed := range out {
		return ed.Position
	}
	return 0
}

// sortByRank orders answers by their level on a ranked column.
func (e *Engine) sortByRank(ctx context.Context, answers []Answer, pred string, desc bool) {
	ranks := map[string]int{}
	for _, a := range answers {
		ranks[a.ID] = e.rankOf(ctx, a.ID, pred)
	}
	sort.SliceStable(answers, func(i, j int) bool {
		a, b := ranks[answers[i].ID], ranks[answers[j].ID]
		if desc {
			return a > b
		}
		return a < b
	})
}

// compare answers "compare X and Y": one answer per relation either has,
// saying which of the two has it.
//
// keep, when not nil, picks the relations shown by their predicate and by
// which side has them.
func (e *Engine) compare(ctx context.Context, x, y string, keep func(pred string, inX, inY bool) bool) (*Result, error) {
	ox, err := e.ix.Out(ctx, x)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", x, err)
	}
	oy, err := e.ix.Out(ctx, y)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", y, err)
	}
	type key struct{ p, o string }
	has := map[key][2][]graph.Edge{}
	var order []key
	for side, edges := range [][]graph.Edge{ox, oy} {
		for _, ed := range edges {
			k := key{ed.Predicate, ed.Object}
			v, ok := has[k]
			if !ok {
				order = append(order, k)
			}
			v[side] = append(v[side], ed)
			has[k] = v
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].p != order[j].p {
			return order[i].p < order[j].p
		}
		return e.names[order[i].o].Name < e.names[order[j].o].Name
	})
	nx, ny := e.names[x].Name, e.names[y].Name
	var answers []Answer
	for _, k := range order {
		v := has[k]
		if keep != nil && !keep(k.p, len(v[0]) > 0, len(v[1]) > 0) {
			continue
		}
		a := e.answer(k.o, append(v[0], v[1]...)...)
		a.Detail = fmt.Sprintf("%s — %s: %s, %s: %s", k.p, nx, yesNo(len(v[0]) > 0), ny, yesNo(len(v[1]) > 0))
		answers = append(answers, a)
	}
	return &Result{Intent: "compare", Answers: answers}, nil
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// describe answers "what is X": its kind, then every relation, grouped by predicate.
func (e *Engine) describe(ctx context.Context, x string) (*Result, error) {
	out, err := e.ix.Out(ctx, x)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", x, err)
	}
	in, err := e.ix.In(ctx, x)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", x, err)
	}
	var answers []Answer
	for _, ed := range out {
		a := e.answer(ed.Object, ed)
		a.Detail = strings.TrimSuffix(ed.Predicate+": "+a.Detail, ": ")
		answers = append(answers, a)
	}
	for _, ed := range in {
		if ed.Predicate == graph.PredHop {
			continue
		}
		a := e.answer(ed.Subject, ed)
		a.Detail = strings.TrimSuffix("← "+ed.Predicate+": "+a.Detail, ": ")
		answers = append(answers, a)
	}
	return &Result{Intent: "describe", Answers: answers}, nil
}

// subgraphOf is the part of the graph a result stands on, for rendering:
// the question's own nodes, the answers, the features linking them, and
// every edge among those.
func (e *Engine) subgraphOf(ctx context.Context, res *Result) graph.Subgraph {
	sg := graph.Subgraph{Title: res.Question}
	set := map[string]bool{}
	var ids []string
	add := func(id string) {
		if _, ok := e.names[id]; ok && !set[id] {
			set[id] = true
			ids = append(ids, id)
		}
	}
	for _, id := range res.Focus {
		add(id)
	}
	for _, a := range res.Answers {
		add(a.ID)
	}
	focus := map[string]bool{}
	for _, id := range res.Focus {
		focus[id] = true
	}
	// features of answers that link them to the question's nodes
	for _, a := range res.Answers {
		for _, f := range e.featuresOf(ctx, a.ID) {
			out, err := e.ix.Out(ctx, f)
			if err != nil {
				continue
			}
			for _, ed := range out {
				if focus[ed.Object] {
					add(f)
				}
			}
		}
	}
	linking := map[string]bool{} // features added because they link answers to the focus
	for _, id := range ids {
		if !focus[id] && !containsAnswer(res, id) {
			linking[id] = true
		}
	}
	hop := map[[2]string]bool{}
	for i := 0; res.Intent == "path" && i+1 < len(res.Answers); i++ {
		hop[[2]string{res.Answers[i].ID, res.Answers[i+1].ID}] = true
	}
	for _, id := range ids {
		sg.Nodes = append(sg.Nodes, e.names[id])
		out, err := e.ix.Out(ctx, id)
		if err != nil {
			continue
		}
		for _, ed := range out {
			if !set[ed.Object] || ed.Predicate == graph.PredHop {
				continue
			}
			// Only the edges that explain the answer: to or from the
			// question's nodes, to the linking features, or along the path.
			if focus[ed.Subject] || focus[ed.Object] || linking[ed.Object] && ed.Predicate == graph.PredFeature ||
				hop[[2]string{ed.Subject, ed.Object}] && ed.Predicate == graph.PredFlowsTo || len(focus) == 0 {
				sg.Edges = append(sg.Edges, ed)
			}
		}
	}
	return sg
}

func containsAnswer(res *Result, id string) bool {
	for _, a := range res.Answers {
		if a.ID == id {
			return true
		}
	}
	return false
}
