package graph_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/awskg/awskg/graph"
)

// fuzzDOTNormalize is the documented normalisation of a string written into
// DOT (graph.DOT, renderQuote): invalid UTF-8 becomes U+FFFD (one per run of
// bad bytes), "\r\n" and "\r" become "\n", other control characters spaces.
func fuzzDOTNormalize(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\r' || r == '\n':
			b.WriteByte('\n')
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fuzzDOTQuoted reads the DOT quoted string at the start of s and returns
// its text with the escapes graph.DOT writes undone: \" \\ \n and &amp;.
// Any other escape, a raw '&', a raw control character or a missing closing
// quote is an error.
func fuzzDOTQuoted(s string) (text, rest string, err error) {
	if !strings.HasPrefix(s, `"`) {
		return "", s, fmt.Errorf("no quoted string at %.20q", s)
	}
	var b strings.Builder
	for i := 1; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '"':
			return b.String(), s[i+1:], nil
		case r == '\\':
			if i+1 >= len(s) {
				return "", "", fmt.Errorf("backslash at the end")
			}
			switch s[i+1] {
			case '"':
				b.WriteByte('"')
			case '\\':
				b.WriteByte('\\')
			case 'n':
				b.WriteByte('\n')
			default:
				return "", "", fmt.Errorf("unexpected escape \\%c", s[i+1])
			}
			i += 2
			continue
		case r == '&':
			if !strings.HasPrefix(s[i:], "&amp;") {
				return "", "", fmt.Errorf("raw & at %.20q", s[i:])
			}
			b.WriteByte('&')
			i += len("&amp;")
			continue
		case r == utf8.RuneError && size == 1:
			return "", "", fmt.Errorf("invalid UTF-8")
		case unicode.IsControl(r):
			return "", "", fmt.Errorf("raw control character %U", r)
		}
		b.WriteRune(r)
		i += size
	}
	return "", "", fmt.Errorf("unterminated string")
}

// fuzzDOTAttrs reads an attribute list `[k="v", k="v"]` at the start of s.
func fuzzDOTAttrs(s string) (map[string]string, error) {
	if !strings.HasPrefix(s, "[") {
		return nil, fmt.Errorf("no attribute list at %.20q", s)
	}
	s = s[1:]
	attrs := map[string]string{}
	for {
		key, after, ok := strings.Cut(s, "=")
		if !ok || key == "" || strings.ContainsAny(key, ` "[],`) {
			return nil, fmt.Errorf("bad attribute at %.30q", s)
		}
		v, rest, err := fuzzDOTQuoted(after)
		if err != nil {
			return nil, fmt.Errorf("attribute %s: %w", key, err)
		}
		if _, dup := attrs[key]; dup {
			return nil, fmt.Errorf("attribute %s twice", key)
		}
		attrs[key] = v
		switch {
		case rest == "]":
			return attrs, nil
		case strings.HasPrefix(rest, ", "):
			s = rest[2:]
		default:
			return nil, fmt.Errorf("after attribute %s: %.20q", key, rest)
		}
	}
}

// fuzzDOTStmt is one parsed node or edge statement.
type fuzzDOTStmt struct {
	from, to string // to is "" for a node
	attrs    map[string]string
}

// fuzzDOTStatements parses the node and edge statements of DOT output (one
// per line, as graph.DOT writes them) and the attributes of the first graph
// statement (the top graph's).
func fuzzDOTStatements(t *testing.T, out []byte) (graphAttrs map[string]string, stmts []fuzzDOTStmt) {
	t.Helper()
	for i, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		l := strings.TrimLeft(line, " ")
		switch {
		case strings.HasPrefix(l, "graph ["):
			a, err := fuzzDOTAttrs(strings.TrimPrefix(l, "graph "))
			if err != nil {
				t.Fatalf("line %d %q: %v", i+1, line, err)
			}
			if graphAttrs == nil {
				graphAttrs = a
			}
		case strings.HasPrefix(l, `"`):
			from, rest, err := fuzzDOTQuoted(l)
			if err != nil {
				t.Fatalf("line %d %q: %v", i+1, line, err)
			}
			st := fuzzDOTStmt{from: from}
			if strings.HasPrefix(rest, " -> ") {
				if st.to, rest, err = fuzzDOTQuoted(rest[len(" -> "):]); err != nil {
					t.Fatalf("line %d %q: %v", i+1, line, err)
				}
			}
			if st.attrs, err = fuzzDOTAttrs(strings.TrimPrefix(rest, " ")); err != nil {
				t.Fatalf("line %d %q: %v", i+1, line, err)
			}
			stmts = append(stmts, st)
		}
	}
	return graphAttrs, stmts
}

// FuzzDOTLabel puts the fuzz input in a subgraph's title, a node's name, a
// node's ID and an edge's source, and checks that graph.DOT writes each so
// that reading the quoted string back gives the input after the documented
// normalisation. Long names may be wrapped at spaces: the words stay the
// same.
//
//	go test -run XXX -fuzz '^FuzzDOTLabel$' -fuzztime 60s ./graph
func FuzzDOTLabel(f *testing.F) {
	for _, s := range []string{
		"Amazon S3", `say "hi" \ back\slash`, "a\nb\r\nc\rd", "tab\there\x00nul\x7f", "AT&T &amp; co",
		"\xff\xfe bad utf8 \xc3", "ünïcødé ↖↑↓ 🕑", "\\", `\"`, "a very long service name that the renderer wraps onto several lines",
		"\u0085nel\u00a0nbsp\u2028ls", "\\N \\l \\G", "",
		"a very long service name that the renderer wraps onto several lines\x9e\v\x1e",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		const svcID, capID = "service:fuzz", "capability:x"
		idNode := "id:" + s
		sg := graph.Subgraph{
			Title: s,
			Nodes: []graph.Node{
				{ID: svcID, Name: s, Kind: graph.KindService},
				{ID: capID, Name: "x", Kind: graph.KindCapability},
				{ID: idNode, Kind: graph.KindFeature}, // no name: labelled by its ID
			},
			Edges: []graph.Edge{{Subject: svcID, Predicate: graph.PredSupports, Object: capID, Sources: []string{s}}},
		}
		out, err := graph.DOT(sg, graph.RenderOptions{Legend: true})
		if err != nil {
			t.Fatalf("DOT: %v", err)
		}
		again, err := graph.DOT(sg, graph.RenderOptions{Legend: true})
		if err != nil || !bytes.Equal(out, again) {
			t.Fatalf("DOT is not deterministic (err %v)", err)
		}
		if !utf8.Valid(out) {
			t.Fatal("DOT output is not valid UTF-8")
		}
		if !bytes.HasPrefix(out, []byte(`digraph "awskg" {`+"\n")) || !bytes.HasSuffix(out, []byte("}\n")) {
			t.Fatalf("DOT output is not one digraph:\n%s", out)
		}

		norm := fuzzDOTNormalize(s)
		graphAttrs, stmts := fuzzDOTStatements(t, out)
		if s != "" && graphAttrs["label"] != norm {
			t.Errorf("title: got %q, want %q", graphAttrs["label"], norm)
		}
		nodes := map[string]map[string]string{}
		var edge map[string]string
		for _, st := range stmts {
			switch {
			case st.to == "":
				nodes[st.from] = st.attrs
			case st.from == svcID && st.to == capID:
				edge = st.attrs
			}
		}

		// The named node: its tooltip is the name as is, its label the name
		// or, for a long one-line name, its words wrapped.
		name := norm
		if strings.TrimSpace(s) == "" {
			name = svcID
		}
		svc, ok := nodes[svcID]
		if !ok {
			t.Fatalf("no node statement for %s in:\n%s", svcID, out)
		}
		if want := "service: " + name; svc["tooltip"] != want {
			t.Errorf("node tooltip: got %q, want %q", svc["tooltip"], want)
		}
		if label := svc["label"]; label != name {
			// Wrapping happens before the normalisation: a control character
			// inside a word becomes a space there too, so compare words.
			if strings.ContainsAny(s, "\r\n") || utf8.RuneCountInString(s) <= 32 ||
				!slices.Equal(strings.Fields(label), strings.Fields(name)) {
				t.Errorf("node label: got %q, want %q or its words wrapped", label, name)
			}
		}

		// The node named by its ID.
		idn, ok := nodes[fuzzDOTNormalize(idNode)]
		if !ok {
			t.Fatalf("no node statement for ID %q in:\n%s", fuzzDOTNormalize(idNode), out)
		}
		if want := "feature: " + fuzzDOTNormalize(idNode); idn["tooltip"] != want {
			t.Errorf("ID node tooltip: got %q, want %q", idn["tooltip"], want)
		}

		// The edge's source is its tooltip.
		if edge == nil {
			t.Fatalf("no edge statement %s -> %s in:\n%s", svcID, capID, out)
		}
		if s != "" && edge["tooltip"] != norm {
			t.Errorf("edge tooltip: got %q, want %q", edge["tooltip"], norm)
		}
	})
}
