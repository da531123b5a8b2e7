package graph

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"sort"
	"strings"
	"unicode"
)

// Node is an entity of the graph.
type Node struct {
	ID      string   // "<kind>:<slug>"
	Name    string   // display name
	Kind    NodeKind // node kind
	Aliases []string // dictionary aliases, for linking and completion
}

// Fact is one relation as extracted from one note line.
type Fact struct {
	Subject   string // node ID
	Predicate string // one of the Pred* constants
	Object    string // node ID
	Detail    string // the note's own words about the relation, may be empty
	Position  int    // order among siblings (lifecycle events, path hops), 0 when unordered
	Source    string // "file:line"
}

// Edge is a relation with every source that states it.
type Edge struct {
	Subject   string
	Predicate string
	Object    string
	Details   []string // distinct details, in source order
	Position  int      // smallest position stated, 0 when unordered
	Sources   []string // sorted, distinct
}

// Reader reads a graph of nodes and sourced facts.
//
// Error contract: methods return an *Error with code ENOTFOUND when a node
// does not exist, ETIMEOUT when ctx expires, and EINTERNAL (or a wrapped
// backend error) for anything else. Results are always in a stable order.
type Reader interface {
	// Node returns one node; ENOTFOUND when it does not exist.
	Node(ctx context.Context, id string) (Node, error)
	// Nodes returns every node of a kind ("" for all), ordered by name.
	Nodes(ctx context.Context, kind NodeKind) ([]Node, error)
	// Out returns the edges leaving id, restricted to preds when given,
	// ordered by predicate, position and object name.
	Out(ctx context.Context, id string, preds ...string) ([]Edge, error)
	// In returns the edges entering id, restricted to preds when given.
	In(ctx context.Context, id string, preds ...string) ([]Edge, error)
	// Facts returns every fact, ordered by subject, predicate, object, source.
	Facts(ctx context.Context) ([]Fact, error)
}

// Store is a persistent or in-memory Reader that facts are loaded into.
//
// Error contract: as Reader, plus ECONFLICT when a persistent store is
// locked by another writer.
type Store interface {
	Reader
	// Load adds nodes and facts in one batch. Loading a fact already present
	// with the same source is a no-op.
	Load(ctx context.Context, nodes []Node, facts []Fact) error
	// Close releases the store.
	Close() error
}

// Statement is one unit of a note as read: a sentence, a list item, a table
// row or a heading. Statements are the evidence questions fall back on when
// no relation answers them.
type Statement struct {
	Source   string   // "file:line" of the statement's line
	Text     string   // the statement's text, markup removed
	Section  string   // the heading path above it, outermost first, joined by " > "
	Subject  string   // node ID of what it is about: its own subject, else its section's; "" when none
	Mentions []string // node IDs it names, in text order, distinct
	Terms    []string // its content words, stemmed (see ingest.Stem), for ranking
}

// FactID is the ID of the reification node of (subject, predicate, object).
func FactID(subject, predicate, object string) string {
	h := sha1.Sum([]byte(subject + "\x00" + predicate + "\x00" + object))
	return "fact:" + hex.EncodeToString(h[:8])
}

// NodeID returns the ID of a node of kind named name: "service:amazon-s3".
func NodeID(kind NodeKind, name string) string {
	return string(kind) + ":" + Slug(name)
}

// Slug is the part of a node ID after "<kind>:". It is readable and stable
// for ordinary names, and two names share it only when they are spellings of
// one name. The rule, rune by rune:
//
//   - letters and digits are kept, lower-cased;
//   - '@', '$' and '&' are spelt "at", "usd" and "and" ("Lambda@Edge" →
//     "lambdaatedge", "Costs $$" → "costs-usdusd");
//   - spaces, control characters, punctuation, arrows and the ASCII marks
//     notes use as markup or arrows (| ` ~ ^ < > =) separate words: a run of
//     them between two words is one "-", at either end nothing. So names
//     that differ only in letter case, spacing or the punctuation between
//     their words share a slug: "Blue/Green", "Blue-Green" and "blue green"
//     are one node, and so are "AWS -> S3", "AWS → S3" and "AWS > S3";
//   - every other character is a symbol that carries meaning and is kept as
//     it is: '+', '#', '%', emoji and other non-ASCII symbols, marks and
//     format characters ("Deploy time 🕑🕑" → "deploy-time-🕑🕑", "C++" →
//     "c++", "C#" → "c#", "99.9%" → "99-9%");
//   - a run of '<', '>' and '=' right before a number (after spaces) is a
//     comparison, kept as it is, unless a '-' touches it ("< 1 min" →
//     "<-1-min", but "A -> 2" → "a-2").
//
// A slug may thus hold characters that N-Quads IRIs cannot ('<', '%', ...):
// Export escapes them (see escapeIRI).
func Slug(name string) string {
	rs := []rune(strings.ToLower(name))
	var b strings.Builder
	dash := false
	word := func(s string) {
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(s)
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word(string(r))
		case r == '@':
			word("at")
		case r == '$':
			word("usd")
		case r == '&':
			word("and")
		case r == '<' || r == '>' || r == '=':
			j := i
			for j < len(rs) && (rs[j] == '<' || rs[j] == '>' || rs[j] == '=') {
				j++
			}
			if isComparison(rs, i, j) {
				word(string(rs[i:j]))
			} else {
				dash = true
			}
			i = j - 1
		case separates(r):
			dash = true
		default:
			word(string(r))
		}
	}
	return b.String()
}

// separates reports a rune that only separates words in a name: a space, a
// control character, punctuation other than '#', '%', '@' and '&', an arrow,
// or one of the ASCII marks notes use as markup or arrows.
func separates(r rune) bool {
	switch r {
	case '#', '%', '@', '&':
		return false
	case '|', '`', '~', '^', '<', '>', '=':
		return true
	}
	return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.IsPunct(r) || unicode.Is(arrows, r)
}

// arrows are the Unicode arrow blocks: "→", "⇒", "⟶", "↖↑↓" (heading marks).
var arrows = &unicode.RangeTable{R16: []unicode.Range16{
	{Lo: 0x2190, Hi: 0x21ff, Stride: 1},
	{Lo: 0x27f0, Hi: 0x27ff, Stride: 1},
	{Lo: 0x2900, Hi: 0x297f, Stride: 1},
	{Lo: 0x2b00, Hi: 0x2b2f, Stride: 1},
}}

// isComparison reports whether rs[i:j], a run of '<', '>' and '=', compares
// with the number after it ("< 1 min", ">=3") rather than being an arrow or
// markup ("->", "logs > metric").
func isComparison(rs []rune, i, j int) bool {
	if i > 0 && rs[i-1] == '-' || j < len(rs) && rs[j] == '-' {
		return false
	}
	for j < len(rs) && rs[j] == ' ' {
		j++
	}
	return j < len(rs) && unicode.IsDigit(rs[j])
}

// MergeFacts groups facts by (subject, predicate, object) into edges. It is
// linear in the facts: a fact stated in many notes costs no more per source.
func MergeFacts(facts []Fact) []Edge {
	type key struct{ s, p, o string }
	idx := map[key]int{}
	var edges []Edge
	var seenSrc, seenDetail []map[string]bool
	for _, f := range facts {
		k := key{f.Subject, f.Predicate, f.Object}
		i, ok := idx[k]
		if !ok {
			i = len(edges)
			idx[k] = i
			edges = append(edges, Edge{Subject: f.Subject, Predicate: f.Predicate, Object: f.Object, Position: f.Position})
			seenSrc = append(seenSrc, map[string]bool{})
			seenDetail = append(seenDetail, map[string]bool{})
		}
		e := &edges[i]
		if f.Source != "" && !seenSrc[i][f.Source] {
			seenSrc[i][f.Source] = true
			e.Sources = append(e.Sources, f.Source)
		}
		if f.Detail != "" && !seenDetail[i][f.Detail] {
			seenDetail[i][f.Detail] = true
			e.Details = append(e.Details, f.Detail)
		}
		if f.Position > 0 && (e.Position == 0 || f.Position < e.Position) {
			e.Position = f.Position
		}
	}
	for i := range edges {
		sort.Strings(edges[i].Sources)
	}
	return edges
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
