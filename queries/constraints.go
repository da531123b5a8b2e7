package queries

import (
	"context"
	"fmt"
	"strings"

	"github.com/awskg/awskg/graph"
)

// The constraint stage of answering: a reading that answers with a list of
// things ("Elastic Beanstalk's deployment policies") is narrowed to those
// whose own attributes the question states ("... keep full capacity during
// the deploy"): a thing keeps when one of its relations is named by words
// of the question its reading does not already hold ("capacity during
// deploy") and its value by more of them ("full"). The narrowed reading is
// a candidate of its own, scored like every other.

// Bounds of the attribute constraint: the best readings it narrows, and
// the answers a reading may have to be narrowed (a list, not a catalogue).
const (
	maxConstrainedReadings = 8
	minConstrainedEnds     = 3
	maxConstrainedEnds     = 60
)

// scored enumerates a question's readings, scores them, adds the readings
// the attribute constraint narrows, and sorts them best first; each
// candidate's keep is set.
func (e *Engine) scored(ctx context.Context, a *analysis) ([]*candidate, error) {
	cands, err := e.candidates(ctx, a)
	if err != nil {
		return nil, err
	}
	for _, c := range cands {
		c.keep = e.score(ctx, a, c)
	}
	sortCandidates(cands)
	var more []*candidate
	for _, c := range cands {
		if len(more) == maxConstrainedReadings {
			break
		}
		d, err := e.attributeConstraint(ctx, a, c)
		if err != nil {
			return nil, err
		}
		if d != nil {
			d.keep = e.score(ctx, a, d)
			more = append(more, d)
		}
	}
	if len(more) > 0 {
		cands = append(cands, more...)
		sortCandidates(cands)
	}
	return cands, nil
}

// attributeConstraint narrows a list reading (a relation's, or every thing
// of a kind) to the answers whose
// attributes the question states (see above); nil when it is no list
// reading, when no answer's attribute is named, or when every answer's is.
func (e *Engine) attributeConstraint(ctx context.Context, a *analysis, c *candidate) (*candidate, error) {
	if c.typ != candRelation && c.typ != candKind || len(c.ends) < minConstrainedEnds || len(c.ends) > maxConstrainedEnds || c.keep != nil {
		return nil, nil
	}
	// the question's words the reading does not already hold
	var free []term
	for _, t := range a.terms {
		if !t.in(c.rel) && !e.lx.IsStop(t.stem) {
			free = append(free, t)
		}
	}
	if len(free) < 2 {
		return nil, nil // an attribute and its value
	}
	// an attribute is a column the list's things share ("capacity during
	// deploy" of each deployment policy in a table), not a relation one
	// of them happens to have
	out := make([][]graph.Edge, len(c.ends))
	shared := map[string]int{}
	for k, end := range c.ends {
		edges, err := e.ix.Out(ctx, end)
		if err != nil {
			return nil, fmt.Errorf("read attributes of %s: %w", end, err)
		}
		out[k] = edges
		seen := map[string]bool{}
		for _, ed := range edges {
			if !seen[ed.Predicate] {
				seen[ed.Predicate] = true
				shared[ed.Predicate]++
			}
		}
	}
	var kept, named []string // named: the things that have an attribute the question names
	var words []string
	for k, end := range c.ends {
		for _, ed := range out[k] {
			if shared[ed.Predicate] < 2 {
				continue
			}
			if _, _, open := graph.ParseRelation(ed.Predicate); !open {
				continue
			}
			if k := e.names[ed.Object].Kind; k != graph.KindValue && k != graph.KindConcept {
				continue // a value ("full", "15 minutes"), not another thing it relates to
			}
			attr := e.relationWords(ed.Predicate, false)
			val := e.nameStems(ed.Object)
			var na, nv []string
			for _, t := range free {
				switch {
				case t.in(attr):
					na = append(na, t.stem)
				case t.in(val):
					nv = append(nv, t.stem)
				}
			}
			if len(na) > 0 && !containsStr(named, end) {
				named = append(named, end)
			}
			if len(na) > 0 && len(nv) > 0 {
				kept = append(kept, end)
				for _, w := range append(na, nv...) {
					if !containsStr(words, w) {
						words = append(words, w)
					}
				}
				break
			}
		}
	}
	if a.negated && len(kept) > 0 {
		// "which policies do not keep full capacity": of the things whose
		// attribute the notes give, those whose value is another
		var other []string
		for _, end := range named {
			if !containsStr(kept, end) {
				other = append(other, end)
			}
		}
		kept = other
	}
	if len(kept) == 0 || len(kept) == len(c.ends) {
		return nil, nil
	}
	d := *c
	d.ends = kept
	d.edges = nil
	for _, ed := range c.edges {
		end := ed.Object
		if c.inverse || c.typ == candKind {
			end = ed.Subject // a kind reading's edges are its things' own
		}
		if containsStr(kept, end) {
			d.edges = append(d.edges, ed)
		}
	}
	// the attribute's words count as the lines' words do: they narrow the
	// reading, they do not name its relation
	d.ctx = append(append([]string{}, c.ctx...), words...)
	d.keep, d.feat, d.score, d.narrowed = nil, features{}, 0, true
	d.reading = c.reading + ", where " + strings.Join(words, " ")
	return &d, nil
}
