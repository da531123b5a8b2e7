package queries

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/awskg/awskg/graph"
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

// opposite pairs predicates that contradict each other.
var opposite = map[string]string{graph.PredNotifies: graph.PredNoNotify}

// Conflicts finds facts the notes state both ways (X notifies Y / X does
// not notify Y) and ranked values stated differently by different notes.
func (e *Engine) Conflicts(ctx context.Context) ([]Conflict, error) {
	facts, err := e.store.Facts(ctx)
	if err != nil {
		return nil, fmt.Errorf("list facts: %w", err)
	}
	edges := graph.MergeFacts(facts)
	type key struct{ s, p, o string }
	idx := map[key]graph.Edge{}
	for _, ed := range edges {
		idx[key{ed.Subject, ed.Predicate, ed.Object}] = ed
	}
	var out []Conflict
	name := func(id string) string { return e.names[id].Name }
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
			Topic: fmt.Sprintf("does %s %s %s?", name(ed.Subject), ed.Predicate, name(ed.Object)),
			Sides: []ConflictSide{
				{Claim: "yes: " + strings.Join(ed.Details, " | "), Sources: ed.Sources},
				{Claim: "no: " + strings.Join(no.Details, " | "), Sources: no.Sources},
			},
		})
	}
	// The same ranked property with different values in different notes.
	type prop struct{ s, p string }
	byProp := map[prop][]graph.Edge{}
	var props []prop
	for _, ed := range edges {
		if !strings.HasPrefix(ed.Predicate, "rank:") {
			continue
		}
		k := prop{ed.Subject, ed.Predicate}
		if _, ok := byProp[k]; !ok {
			props = append(props, k)
		}
		byProp[k] = append(byProp[k], ed)
	}
	for _, k := range props {
		if v := byProp[k]; len(v) > 1 {
			c := Conflict{Topic: fmt.Sprintf("%s of %s", strings.TrimPrefix(k.p, "rank:"), name(k.s))}
			for _, ed := range v {
				c.Sides = append(c.Sides, ConflictSide{Claim: name(ed.Object), Sources: ed.Sources})
			}
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Topic < out[j].Topic })
	return out, nil
}
