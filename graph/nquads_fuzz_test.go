package graph_test

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/graph/storetest"
)

// FuzzNQuadsRoundTrip: a node with any ID, name and alias, and a fact with
// any detail and source, come back exactly from an N-Quads export. IDs may
// hold any bytes; literals are valid UTF-8 (N-Quads has no escape for other
// bytes, and ingest reads only valid UTF-8 lines).
func FuzzNQuadsRoundTrip(f *testing.F) {
	for _, n := range oddNames {
		f.Add(n, n, n)
	}
	f.Add("service:my tool", "My Tool", "a.txt:1")
	f.Add("a\xffb", "x", "y")
	f.Fuzz(func(t *testing.T, id, name, text string) {
		name, text = strings.ToValidUTF8(name, "?"), strings.ToValidUTF8(text, "?")
		if name == "" {
			name = "n"
		}
		if "concept:"+id == graph.NodeID(graph.KindConcept, name)+"+" {
			id += "x" // two nodes, not one
		}
		nodes := append(storetest.Nodes(),
			graph.Node{ID: "concept:" + id, Name: name, Kind: graph.KindConcept, Aliases: []string{text}},
			graph.Node{ID: graph.NodeID(graph.KindConcept, name) + "+", Name: name, Kind: graph.KindConcept})
		facts := []graph.Fact{
			{Subject: "concept:" + id, Predicate: graph.PredSupports, Object: storetest.X, Detail: text, Position: 2, Source: text},
			{Subject: storetest.A, Predicate: "property:" + id, Object: graph.NodeID(graph.KindConcept, name) + "+", Detail: name, Source: name},
		}
		wantNodes, wantFacts := wantGraph(nodes, facts)
		ctx := context.Background()
		src := loadedMem(t, nodes, facts)
		for _, format := range []string{"nquads", "cayley-nquads"} {
			var buf bytes.Buffer
			if err := graph.Export(ctx, src, format, &buf); err != nil {
				t.Fatalf("Export %s: %v", format, err)
			}
			qs, err := graph.Import(ctx, format, "f.nq", bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("Import %s: %v\n%s", format, err, buf.String())
			}
			gotNodes, gotFacts, err := graph.FromQuads(qs)
			if err != nil {
				t.Fatalf("FromQuads %s: %v", format, err)
			}
			if !reflect.DeepEqual(gotNodes, wantNodes) || !reflect.DeepEqual(gotFacts, wantFacts) {
				t.Fatalf("%s round trip differs:\n got %#v\n     %#v\nwant %#v\n     %#v", format, gotNodes, gotFacts, wantNodes, wantFacts)
			}
		}
	})
}

// FuzzImportNQuads: any input is read or rejected with one line naming the
// file and line, never a panic, in both N-Quads dialects.
func FuzzImportNQuads(f *testing.F) {
	f.Add("<a> <name> \"x\" \"s:1\" .\n")
	f.Add("<service:my tool> <name> \"My Tool\" .\n")
	f.Add("_:b <p> \"\\u00e9\"@en .\n# c\n<a> <p> \"1\"^^<xsd:integer> .")
	f.Add("<a%2> <p> <o> .\n")
	f.Add("<https://github.com/awskg/awskg/ns/a> <https://github.com/awskg/awskg/ns/p> <https://github.com/awskg/awskg/ns/o> <https://github.com/awskg/awskg/ns/source:s%201> .\n")
	f.Fuzz(func(t *testing.T, data string) {
		for _, format := range []string{"nquads", "cayley-nquads"} {
			_, err := graph.Import(context.Background(), format, "f.nq", strings.NewReader(data))
			if err == nil {
				continue
			}
			if graph.ErrorCode(err) != graph.EINVALID || !strings.HasPrefix(err.Error(), "f.nq:") {
				t.Fatalf("%s: error %v (code %q), want EINVALID f.nq:LINE: ...", format, err, graph.ErrorCode(err))
			}
		}
	})
}
