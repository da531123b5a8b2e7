package queries

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// Conflict is a fact on which notes disagree.
type Conflict struct {
	Topic string         `json:"topic"`
	Sides []ConflictSide `json:"sides"`
}

// ConflictSide is one claim with the sources that make it.
type ConflictSide struct {
	Claim   string   `json:"claim"`
	Sources []string `json:"sources"`
}

// Conflicts finds the facts notes state differently:
//   - a relation stated and denied (a "+" and a "-" cell, "X notifies Y" in prose);
//   - an exclusive claim ("goes out to SNS only") against another note's
//     relation of the same kind ("Notification to SNS or Chatbot");
//   - a ranked level or a property value (data retention) that differs
//     between sources for the same service family.
func (e *Engine) Conflicts(ctx context.Context) ([]Conflict, error) {
	facts, err := e.ix.Facts(ctx)
	if err != nil {
		return nil, fmt.Errorf("list facts: %w", err)
	}
	edges := graph.MergeFacts(facts)
	var out []Conflict
	out = append(out, e.denied(edges)...)
	out = append(out, e.exclusive(facts)...)
	out = append(out, e.values(edges)...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Topic < out[j].Topic })
	return out, nil
}

func (e *Engine) name(id string) string {
	if n, ok := e.names[id]; ok {
		return n.Name
	}
	return id
}

// opposite pairs predicates that contradict each other.
var opposite = map[string]string{graph.PredNotifies: graph.PredNoNotify}

func (e *Engine) denied(edges []graph.Edge) []Conflict {
	type key struct{ s, p, o string }
	idx := map[key]graph.Edge{}
	for _, ed := range edges {
		idx[key{ed.Subject, ed.Predicate, ed.Object}] = ed
	}
	var out []Conflict
	for _, ed := range edges {
		neg, ok := opposite[ed.Predicate]
		if !ok {
			continue
		}
		no, ok := idx[key{ed.Subject, neg, ed.Object}]
		if !ok {
			continue
		}
		out = append(out, Conflict{
			Topic: fmt.Sprintf("does %s %s %s?", e.name(ed.Subject), ed.Predicate, e.name(ed.Object)),
			Sides: []ConflictSide{
				{Claim: "yes: " + strings.Join(ed.Details, " | "), Sources: ed.Sources},
				{Claim: "no: " + strings.Join(no.Details, " | "), Sources: no.Sources},
			},
		})
	}
	return out
}

var onlyWordRe = regexp.MustCompile(`(?i)\bonly\b`)

// exclusive finds "X goes out to SNS only" against "X notifies Chatbot"
// stated on another note line about the same thing (the two details share
// a word: "notifications").
func (e *Engine) exclusive(facts []graph.Fact) []Conflict {
	type key struct{ s, p string }
	by := map[key][]graph.Fact{}
	var keys []key
	for _, f := range facts {
		if f.Predicate != graph.PredNotifies && f.Predicate != graph.PredTargets && f.Predicate != graph.PredDelivers {
			continue
		}
		k := key{f.Subject, f.Predicate}
		if _, ok := by[k]; !ok {
			keys = append(keys, k)
		}
		by[k] = append(by[k], f)
	}
	var out []Conflict
	for _, k := range keys {
		for _, only := range by[k] {
			if !e.exclusiveClaim(only.Object, only.Detail) {
				continue
			}
			against := map[string][]graph.Fact{}
			var objs []string
			for _, f := range by[k] {
				if f.Object == only.Object || f.Source == only.Source || !shareStem(only.Detail, f.Detail) {
					continue
				}
				if _, ok := against[f.Object]; !ok {
					objs = append(objs, f.Object)
				}
				against[f.Object] = append(against[f.Object], f)
			}
			for _, o := range objs {
				yes := graph.MergeFacts(against[o])[0]
				out = append(out, Conflict{
					Topic: fmt.Sprintf("does %s %s %s?", e.name(k.s), k.p, e.name(o)),
					Sides: []ConflictSide{
						{Claim: "yes: " + strings.Join(yes.Details, " | "), Sources: yes.Sources},
						{Claim: fmt.Sprintf("no, only %s: %s", e.name(only.Object), only.Detail), Sources: []string{only.Source}},
					},
				})
			}
		}
	}
	return out
}

// exclusiveClaim reports whether a detail says its object is the only one
// ("goes out to SNS only", "only to SNS").
func (e *Engine) exclusiveClaim(object, detail string) bool {
	if !onlyWordRe.MatchString(detail) {
		return false
	}
	n := e.names[object]
	lower := " " + strings.Join(ingest.Tokens(detail), " ") + " "
	for _, a := range append([]string{n.Name, shortName(n.Name)}, n.Aliases...) {
		k := ingest.Key(a)
		if k != "" && (strings.Contains(lower, " "+k+" only ") || strings.Contains(lower, " only "+k+" ") || strings.Contains(lower, " only to "+k+" ")) {
			return true
		}
	}
	return false
}

// shareStem reports whether two texts share a word of five letters or more
// by its first five letters ("notifications" ~ "Notification").
func shareStem(a, b string) bool {
	stems := map[string]bool{}
	for _, w := range ingest.Tokens(a) {
		if len(w) >= 5 {
			stems[w[:5]] = true
		}
	}
	for _, w := range ingest.Tokens(b) {
		if len(w) >= 5 && stems[w[:5]] {
			return true
		}
	}
	return false
}

// values finds ranked levels and property values that differ between
// sources for the same service family ("Amazon Kinesis" and "Amazon Kinesis
// Data Streams"). Maximum values ("up to 7 days") are a property of their
// own ("data retention max"), not compared with defaults.
func (e *Engine) values(edges []graph.Edge) []Conflict {
	type key struct{ family, pred string }
	groups := map[key][]graph.Edge{}
	var keys []key
	for _, ed := range edges {
		if !strings.HasPrefix(ed.Predicate, "rank:") && !strings.HasPrefix(ed.Predicate, graph.PredProperty+":") {
			continue
		}
		k := key{e.family(ed.Subject), ed.Predicate}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], ed)
	}
	var out []Conflict
	for _, k := range keys {
		g := groups[k]
		distinct := map[int]bool{}
		for _, ed := range g {
			distinct[ed.Position] = true
		}
		if len(distinct) < 2 {
			continue
		}
		prop := strings.TrimPrefix(strings.TrimPrefix(k.pred, "rank:"), graph.PredProperty+":")
		c := Conflict{Topic: fmt.Sprintf("%s of %s", strings.ReplaceAll(prop, "-", " "), e.name(k.family))}
		sort.SliceStable(g, func(i, j int) bool { return g[i].Position < g[j].Position })
		for _, ed := range g {
			c.Sides = append(c.Sides, ConflictSide{Claim: fmt.Sprintf("%s: %s", e.name(ed.Subject), e.name(ed.Object)), Sources: ed.Sources})
		}
		out = append(out, c)
	}
	return out
}

// family returns the shortest service whose name starts the node's name:
// "Amazon Kinesis Data Streams" → "Amazon Kinesis".
func (e *Engine) family(id string) string {
	name := e.name(id)
	best := id
	for _, n := range e.names {
		if n.Kind != graph.KindService || n.ID == id {
			continue
		}
		if strings.HasPrefix(name, n.Name+" ") && len(n.Name) < len(e.name(best)) {
			best = n.ID
		}
	}
	return best
}
