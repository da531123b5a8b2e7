package graph

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

// Standard RDF: the N-Quads and JSON-LD exports as RDF tools (rapper,
// rdflib, Jena, ...) read them.
//
// Inside the store, node IDs and predicates are IRIs relative to nothing
// ("service:amazon-s3", "supports") and a fact's source is its graph label, a
// literal ("data/notes/002.txt:745"): Cayley's dialect, which RDF parsers
// reject. The standard exports put every awskg term under one base, RDFBase:
//
//	node "service:amazon-s3"      <https://github.com/awskg/awskg/ns/service:amazon-s3>
//	predicate "supports"          <https://github.com/awskg/awskg/ns/supports>
//	predicate "rel:send event to" <https://github.com/awskg/awskg/ns/rel:send%20event%20to>
//	fact node "fact:1a2b..."      <https://github.com/awskg/awskg/ns/fact:1a2b...>
//	source "data/notes/002.txt:745" is the named graph
//	                              <https://github.com/awskg/awskg/ns/source:data/notes/002.txt:745>
//
// A term is appended to the base with every character an IRI path segment
// cannot hold percent-encoded as UTF-8 (space, %, #, ?, <, >, ", {, }, |, \,
// ^, `, [, ], control characters, invalid UTF-8 and the few non-ASCII code
// points RFC 3987 excludes), and "." or ".." segments written %2E, so
// percent-decoding the rest of the IRI gives the term back exactly.
//
// Names, kinds, aliases and details stay plain literals, positions are
// xsd:integer literals. Node properties (name, kind, alias) are in the
// default graph; every relation, and the reification of its detail and
// position on its fact node (subject, predicate, object, detail, position),
// is in the named graph of its source, as in the store.

// RDFBase is the IRI every node, predicate and source of the standard RDF
// exports is under.
const RDFBase = "https://github.com/awskg/awskg/ns/"

// rdfSourceBase is the IRI prefix of sources, the exports' graph names.
const rdfSourceBase = RDFBase + "source:"

// toRDF returns q with absolute IRIs under RDFBase and its source as a named
// graph IRI.
func toRDF(q quad.Quad) quad.Quad {
	term := func(v quad.Value) quad.Value {
		switch x := v.(type) {
		case quad.IRI:
			return quad.IRI(RDFBase + rdfEscape(string(x)))
		case quad.TypedString: // a datatype by its full IRI, not "xsd:integer"
			x.Type = x.Type.Full()
			return x
		case quad.TypedStringer:
			ts := x.TypedString()
			ts.Type = ts.Type.Full()
			return ts
		}
		return v
	}
	q.Subject, q.Predicate, q.Object = term(q.Subject), term(q.Predicate), term(q.Object)
	if q.Label != nil {
		q.Label = quad.IRI(rdfSourceBase + rdfEscape(literal(q.Label)))
	}
	return q
}

// fromRDF is the inverse of toRDF, on a quad whose IRIs are already
// percent-decoded: it strips RDFBase from every IRI and turns the graph IRI
// back into a source literal. An IRI elsewhere, or a literal graph label, is
// an error saying what was expected.
func fromRDF(q quad.Quad) (quad.Quad, error) {
	var err error
	term := func(v quad.Value) quad.Value {
		i, ok := v.(quad.IRI)
		if !ok || err != nil {
			return v
		}
		rest, ok := strings.CutPrefix(string(i), RDFBase)
		if !ok {
			err = fmt.Errorf("IRI <%s> is not under the awskg base <%s>: only awskg exports can be read back (Cayley's dialect, with relative IRIs, is --format cayley-nquads)", clipText(string(i)), RDFBase)
			return v
		}
		return quad.IRI(rest)
	}
	q.Subject, q.Predicate, q.Object = term(q.Subject), term(q.Predicate), term(q.Object)
	if err != nil {
		return q, err
	}
	switch l := q.Label.(type) {
	case nil:
	case quad.IRI:
		src, ok := strings.CutPrefix(string(l), rdfSourceBase)
		if !ok {
			return q, fmt.Errorf("graph <%s> is not a source <%s...>", clipText(string(l)), rdfSourceBase)
		}
		q.Label = quad.String(src)
	default:
		return q, fmt.Errorf("graph label %s is a literal, not a source IRI <%s...> (Cayley's dialect is --format cayley-nquads)", clipText(quad.StringOf(l)), rdfSourceBase)
	}
	return q, nil
}

// fromJSONLD is fromRDF for a quad read by Cayley's JSON-LD reader, which
// leaves IRIs percent-encoded.
func fromJSONLD(q quad.Quad) (quad.Quad, error) {
	for _, v := range []*quad.Value{&q.Subject, &q.Predicate, &q.Object, &q.Label} {
		if i, ok := (*v).(quad.IRI); ok {
			s, err := url.PathUnescape(string(i))
			if err != nil {
				return q, fmt.Errorf("IRI <%s>: %w", clipText(string(i)), err)
			}
			*v = quad.IRI(s)
		}
	}
	return fromRDF(q)
}

// rdfEscape percent-encodes s for an IRI path (see the comment above).
func rdfEscape(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	seg := 0 // start of the current segment in b
	endSegment := func() {
		if t := b.String()[seg:]; t == "." || t == ".." {
			out := b.String()[:seg] + strings.Repeat("%2E", len(t))
			b.Reset()
			b.WriteString(out)
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, "%%%02X", s[i])
		case r == '/':
			endSegment()
			b.WriteByte('/')
			seg = b.Len()
		case r < utf8.RuneSelf && rdfPathByte(byte(r)):
			b.WriteByte(byte(r))
		case r >= utf8.RuneSelf && rdfUCSChar(r):
			b.WriteString(s[i : i+size])
		default:
			for j := i; j < i+size; j++ {
				fmt.Fprintf(&b, "%%%02X", s[j])
			}
		}
		i += size
	}
	endSegment()
	return b.String()
}

// rdfPathByte reports an ASCII character an IRI path segment holds as it is:
// unreserved, sub-delims, ':' and '@' (RFC 3987 ipchar).
func rdfPathByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		strings.IndexByte("-._~!$&'()*+,;=:@", c) >= 0
}

// rdfUCSChar reports a non-ASCII code point RFC 3987 allows in an IRI path
// (ucschar).
func rdfUCSChar(r rune) bool {
	switch {
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFEF:
		return true
	case r >= 0x10000 && r <= 0xEFFFD && (r < 0xE0000 || r >= 0xE1000):
		return r&0xFFFF <= 0xFFFD
	}
	return false
}
