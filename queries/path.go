package queries

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// hop is one step of a path with the edge that reaches it.
type hop struct {
	id   string
	edge graph.Edge // the hop edge of the path node (sources, caveat detail)
}

// chain is a path the notes write (or the graph joins), cut from one node
// to another.
type chain struct {
	hops    []hop
	caveats int
	source  string
	// joined is set for a chain joined from relations other than flowsTo
	// that lines state one by one (see bfs), not a chain the notes write
	joined bool
}

func hopKey(h []hop) string {
	ids := make([]string, len(h))
	for i, x := range h {
		ids[i] = x.id
	}
	return strings.Join(ids, ">")
}

// hops returns the hops of a path node in order.
func (e *Engine) hops(ctx context.Context, path string) ([]hop, error) {
	out, err := e.ix.Out(ctx, path, graph.PredHop)
	if err != nil {
		return nil, fmt.Errorf("read hops of %s: %w", path, err)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Position < out[j].Position })
	hops := make([]hop, len(out))
	for i, ed := range out {
		hops[i] = hop{id: ed.Object, edge: ed}
	}
	return hops, nil
}

// cut takes the part of a chain from X to Y (to the end of the chain's next
// notification hop when the question asks for a notification).
func (e *Engine) cut(ctx context.Context, hops []hop, from, to string, toWords []string, extend []string) (chain, bool) {
	start := -1
	for i, h := range hops {
		if h.id == from {
			start = i
			break
		}
	}
	if start < 0 {
		return chain{}, false
	}
	end := -1
	for i := start + 1; i < len(hops); i++ {
		if hops[i].id == to || (to == "" && e.nameMatches(hops[i].id, toWords)) {
			end = i
		}
	}
	if end < 0 {
		return chain{}, false
	}
	if len(extend) > 0 {
		// "to an alarm notification": on to the chain's next hop that the
		// words after the end name a relation into
		for i := end + 1; i < len(hops); i++ {
			if in, err := e.ix.In(ctx, hops[i].id, extend...); err == nil && len(in) > 0 {
				end = i
				break
			}
		}
	}
	c := chain{hops: hops[start : end+1]}
	for _, h := range c.hops {
		for _, d := range h.edge.Details {
			if negWordRe.MatchString(d) {
				c.caveats++
			}
		}
		if c.source == "" && len(h.edge.Sources) > 0 {
			c.source = h.edge.Sources[0]
		}
	}
	return c, true
}

var negWordRe = regexp.MustCompile(`(?i)\b(cannot|can't|not|no|only)\b`)

// nameMatches reports whether a node's name or an alias is among words.
func (e *Engine) nameMatches(id string, words []string) bool {
	n := e.names[id]
	set := " " + strings.Join(words, " ") + " "
	for _, a := range append([]string{n.Name}, n.Aliases...) {
		k := ingest.Key(a)
		if k != "" && strings.Contains(set, " "+k+" ") {
			return true
		}
	}
	return false
}

// maxComposedHops bounds the relations a chain joined from several lines
// follows (see bfs).
const maxComposedHops = 4

// bfs joins a chain from the relations the notes state line by line when
// no single written chain joins the ends: the shortest run of flowsTo and
// flow relations (notifies, deliversTo, targets: e.flowPreds) from one
// node to another, or, with no node to end at, to the first relation whose
// own words hold a word the question puts after "to" (toWords: "... from
// Inspector to the remediation" ends at "Lambda remediate EC2 findings via
// SSM documents"). Only services, their features and components are passed
// through; a denied relation is none.
//
// Unless join is set (the question asks for the chain itself by a noun,
// lexicon chain_nouns), only flowsTo is followed, to a node.
func (e *Engine) bfs(ctx context.Context, from, to string, toWords []string, join bool) (chain, bool, error) {
	var goal []string
	if join {
		for _, w := range toWords {
			if s := ingest.Stem(w); s != "" && !e.lx.IsStop(w) {
				goal = append(goal, s)
			}
		}
	}
	if to == "" && len(goal) == 0 {
		return chain{}, false, nil
	}
	type step struct {
		id    string
		prev  int
		edge  graph.Edge
		depth int
	}
	flows := []string{graph.PredFlowsTo}
	if join {
		flows = append(flows, e.flowPreds...)
	}
	queue := []step{{id: from, prev: -1}}
	seen := map[string]bool{from: true}
	found := func(i int) chain {
		var c chain
		for j := i; j >= 0; j = queue[j].prev {
			c.hops = append([]hop{{id: queue[j].id, edge: queue[j].edge}}, c.hops...)
			c.joined = c.joined || queue[j].prev >= 0 && queue[j].edge.Predicate != graph.PredFlowsTo
		}
		if len(c.hops) > 1 {
			// the start cites the line of the relation that leaves it
			c.hops[0].edge = c.hops[1].edge
		}
		return c
	}
	for i := 0; i < len(queue) && i < 10000; i++ {
		cur := queue[i]
		if cur.id == to {
			return found(i), true, nil
		}
		if cur.depth == maxComposedHops {
			continue
		}
		var preds []string
		if to != "" {
			preds = flows
		}
		out, err := e.ix.Out(ctx, cur.id, preds...)
		if err != nil {
			return chain{}, false, fmt.Errorf("follow flows from %s: %w", cur.id, err)
		}
		for _, ed := range out {
			if neg, _ := polarityOf(ed.Predicate); neg || ed.Object == from {
				continue
			}
			next := step{id: ed.Object, prev: i, edge: ed, depth: cur.depth + 1}
			if to == "" && cur.depth > 0 && slices.ContainsFunc(goal, func(g string) bool { return containsStr(e.relationWords(ed.Predicate, false), g) }) {
				// the relation the question ends at ("remediate"), whatever
				// reached its object before
				queue = append(queue, next)
				return found(len(queue) - 1), true, nil
			}
			if seen[ed.Object] || !containsStr(flows, ed.Predicate) {
				continue
			}
			if k := e.names[ed.Object].Kind; ed.Object != to && k != graph.KindService && k != graph.KindFeature && k != graph.KindComponent {
				continue
			}
			seen[ed.Object] = true
			queue = append(queue, next)
		}
	}
	return chain{}, false, nil
}

func (e *Engine) hopAnswers(c chain) []Answer {
	out := make([]Answer, 0, len(c.hops))
	for i, h := range c.hops {
		a := e.answer(h.id, h.edge)
		a.Detail = fmt.Sprintf("hop %d", i+1)
		if len(h.edge.Details) > 0 && h.edge.Details[0] != "" {
			a.Detail += ": " + h.edge.Details[0]
		}
		out = append(out, a)
	}
	return out
}
