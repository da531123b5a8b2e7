package graph_test

import (
	"bytes"
	"context"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/graph/storetest"
	"github.com/cayleygraph/quad"
)

// trickyGraph is the storetest graph plus values that trip naive encoders:
// quotes (also around the whole string), backslashes, newlines and tabs,
// strings that look like IRIs, blank nodes or typed literals, non-ASCII text,
// a fact with detail and position, and one fact stated by three sources.
func trickyGraph() ([]graph.Node, []graph.Fact) {
	nodes := append(storetest.Nodes(),
		graph.Node{ID: "service:élan-ü", Name: `Élan "Ü" 東京`, Kind: graph.KindService, Aliases: []string{`<not an iri>`, `"quoted"`, "_:b1"}},
		graph.Node{ID: "concept:us-east-1", Name: "us-east-1", Kind: graph.KindConcept},
	)
	facts := append(storetest.Facts(),
		graph.Fact{Subject: "service:élan-ü", Predicate: graph.PredOnlyIn, Object: "concept:us-east-1", Detail: `"All at once"`, Source: "notes/ü.txt:1"},
		graph.Fact{Subject: "service:élan-ü", Predicate: graph.PredOnlyIn, Object: "concept:us-east-1", Detail: "tab\there\nnew line \\ backslash", Position: 7, Source: `notes/"q".txt:2`},
		graph.Fact{Subject: "service:élan-ü", Predicate: graph.PredOnlyIn, Object: "concept:us-east-1", Detail: `"3"^^<xsd:integer>`, Source: "notes/c.txt:3"},
		graph.Fact{Subject: "service:élan-ü", Predicate: graph.PredSupports, Object: storetest.X, Detail: "<http://example.com/>", Source: "notes/c.txt:4"},
		graph.Fact{Subject: storetest.A, Predicate: graph.PredSupports, Object: storetest.X, Source: "z.txt:99"},
	)
	return nodes, facts
}

// wantGraph is what FromQuads must give back for nodes and facts.
func wantGraph(nodes []graph.Node, facts []graph.Fact) ([]graph.Node, []graph.Fact) {
	n := make([]graph.Node, len(nodes))
	for i, x := range nodes {
		x.Aliases = slices.Clone(x.Aliases)
		sort.Strings(x.Aliases)
		n[i] = x
	}
	sort.Slice(n, func(i, j int) bool { return n[i].ID < n[j].ID })
	f := slices.Clone(facts)
	graph.SortFacts(f)
	return n, f
}

func loadedMem(t *testing.T, nodes []graph.Node, facts []graph.Fact) *graph.CayleyStore {
	t.Helper()
	s, err := graph.NewMemStore()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Load(context.Background(), nodes, facts); err != nil {
		t.Fatalf("Load: %v", err)
	}
	return s
}

func TestExportImportRoundTrip(t *testing.T) {
	ctx := context.Background()
	nodes, facts := trickyGraph()
	wantNodes, wantFacts := wantGraph(nodes, facts)
	src := loadedMem(t, nodes, facts)
	wantStoreFacts, err := src.Facts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"nquads", "json", "pquads", "json-stream", "nq"} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := graph.Export(ctx, src, format, &buf); err != nil {
				t.Fatalf("Export: %v", err)
			}
			qs, err := graph.Import(ctx, format, bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("Import: %v", err)
			}
			if want := len(graph.Quads(nodes, facts)); len(qs) != want {
				t.Errorf("Import: %d quads, want %d", len(qs), want)
			}
			gotNodes, gotFacts, err := graph.FromQuads(qs)
			if err != nil {
				t.Fatalf("FromQuads: %v", err)
			}
			if !reflect.DeepEqual(gotNodes, wantNodes) {
				t.Errorf("nodes:\n got %+v\nwant %+v", gotNodes, wantNodes)
			}
			if !reflect.DeepEqual(gotFacts, wantFacts) {
				t.Errorf("facts:\n got %+v\nwant %+v", gotFacts, wantFacts)
			}
			// Loaded into a new store, the import answers like the original.
			dst := loadedMem(t, gotNodes, gotFacts)
			storeFacts, err := dst.Facts(ctx)
			if err != nil || !reflect.DeepEqual(storeFacts, wantStoreFacts) {
				t.Errorf("Facts of the re-imported store = %+v, %v; want %+v", storeFacts, err, wantStoreFacts)
			}
			// And exports to the same bytes.
			var again bytes.Buffer
			if err := graph.Export(ctx, dst, format, &again); err != nil {
				t.Fatalf("re-Export: %v", err)
			}
			if !bytes.Equal(again.Bytes(), buf.Bytes()) {
				t.Errorf("re-export differs from the first export")
			}
		})
	}
}

// TestExportDeterministic: the same graph loaded in another order exports
// to the same bytes, in every format.
func TestExportDeterministic(t *testing.T) {
	ctx := context.Background()
	nodes, facts := trickyGraph()
	a := loadedMem(t, nodes, facts)
	rn, rf := slices.Clone(nodes), slices.Clone(facts)
	slices.Reverse(rn)
	slices.Reverse(rf)
	b := loadedMem(t, rn, rf)
	for _, format := range graph.ExportFormats() {
		var ba, bb bytes.Buffer
		if err := graph.Export(ctx, a, format, &ba); err != nil {
			t.Errorf("%s: Export: %v", format, err)
			continue
		}
		if err := graph.Export(ctx, b, format, &bb); err != nil {
			t.Errorf("%s: Export: %v", format, err)
			continue
		}
		if ba.Len() == 0 || !bytes.Equal(ba.Bytes(), bb.Bytes()) {
			t.Errorf("%s: export is empty or depends on load order (%d vs %d bytes)", format, ba.Len(), bb.Len())
		}
	}
}

// TestExportLabels checks the sources survive where the format has a label.
func TestExportLabels(t *testing.T) {
	ctx := context.Background()
	s := loadedMem(t, storetest.Nodes(), storetest.Facts())
	tests := []struct {
		format string
		want   []string
	}{
		{"nquads", []string{
			`<service:aws-alpha> <supports> <capability:cross-account> "a.txt:1" .`,
			`<service:aws-alpha> <supports> <capability:cross-account> "b.txt:2" .`,
			`<service:aws-alpha> <name> "AWS Alpha" .`,
			`<fact:`, `<position> "2"^^<`, `"d.txt:2" .`,
		}},
		{"json", []string{`"label":"a.txt:1"`, `"label":"b.txt:2"`, `"object":"AWS Alpha"}`}},
		{"jsonld", []string{`"@id":"\"a.txt:1\""`}},
		{"graphml", []string{`<graphml`, `&lt;supports&gt;`}},
		{"gml", []string{`graph [`, `label "<supports>"`}},
		{"dot", []string{`digraph`, `"<service:aws-alpha>" -> "<capability:cross-account>" [ label = "<supports>" ];`}},
	}
	for _, tc := range tests {
		var buf bytes.Buffer
		if err := graph.Export(ctx, s, tc.format, &buf); err != nil {
			t.Errorf("%s: %v", tc.format, err)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("%s export lacks %q:\n%s", tc.format, w, buf.String())
			}
		}
	}
}

func TestExportFormats(t *testing.T) {
	got := graph.ExportFormats()
	for _, want := range []string{"gml", "graphml", "graphviz", "json", "jsonld", "nquads", "pquads"} {
		if !slices.Contains(got, want) {
			t.Errorf("ExportFormats() = %v, lacks %q", got, want)
		}
	}
	if !sort.StringsAreSorted(got) {
		t.Errorf("ExportFormats() = %v, not sorted", got)
	}
	in := graph.ImportFormats()
	for _, f := range []string{"graphml", "gml", "graphviz", "jsonld"} {
		if slices.Contains(in, f) {
			t.Errorf("ImportFormats() = %v lists %q, which cannot be read back", in, f)
		}
	}
}

func TestExportImportErrors(t *testing.T) {
	ctx := context.Background()
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	s := loadedMem(t, storetest.Nodes(), storetest.Facts())
	tests := []struct {
		name string
		call func() error
		code string
	}{
		{"export unknown format", func() error { return graph.Export(ctx, s, "yaml", &bytes.Buffer{}) }, graph.EINVALID},
		{"export cancelled", func() error { return graph.Export(cancelled, s, "nquads", &bytes.Buffer{}) }, graph.ETIMEOUT},
		{"import unknown format", func() error { _, err := graph.Import(ctx, "yaml", strings.NewReader("")); return err }, graph.EINVALID},
		{"import write-only format", func() error { _, err := graph.Import(ctx, "graphml", strings.NewReader("<graphml/>")); return err }, graph.EINVALID},
		{"import jsonld", func() error { _, err := graph.Import(ctx, "jsonld", strings.NewReader("[]")); return err }, graph.EINVALID},
		{"import malformed nquads", func() error {
			_, err := graph.Import(ctx, "nquads", strings.NewReader("<a> <b> \"unterminated .\n"))
			return err
		}, graph.EINVALID},
		{"import malformed json", func() error { _, err := graph.Import(ctx, "json", strings.NewReader("[{")); return err }, graph.EINVALID},
		{"import cancelled", func() error { _, err := graph.Import(cancelled, "nquads", strings.NewReader("")); return err }, graph.ETIMEOUT},
	}
	for _, tc := range tests {
		if err := tc.call(); graph.ErrorCode(err) != tc.code {
			t.Errorf("%s: %v (code %q), want code %q", tc.name, err, graph.ErrorCode(err), tc.code)
		}
	}
	// An empty import is not an error.
	if qs, err := graph.Import(ctx, "nquads", strings.NewReader("# nothing\n")); err != nil || len(qs) != 0 {
		t.Errorf("Import of a comment = %v, %v; want nothing", qs, err)
	}
}

func TestFromQuadsErrors(t *testing.T) {
	fid := quad.IRI(graph.FactID(storetest.A, graph.PredSupports, storetest.X))
	name := quad.Make(quad.IRI(storetest.A), quad.IRI(graph.PredName), quad.String("AWS Alpha"), nil)
	fact := quad.Make(quad.IRI(storetest.A), quad.IRI(graph.PredSupports), quad.IRI(storetest.X), quad.String("a.txt:1"))
	reif := func(label string, extra ...quad.Quad) []quad.Quad {
		l := quad.String(label)
		return append([]quad.Quad{
			quad.Make(fid, quad.IRI(graph.PredFactSubject), quad.IRI(storetest.A), l),
			quad.Make(fid, quad.IRI(graph.PredFactPredicate), quad.IRI(graph.PredSupports), l),
			quad.Make(fid, quad.IRI(graph.PredFactObject), quad.IRI(storetest.X), l),
		}, extra...)
	}
	tests := []struct {
		name string
		qs   []quad.Quad
		ok   bool
	}{
		{"valid", append([]quad.Quad{name, fact}, reif("a.txt:1", quad.Make(fid, quad.IRI(graph.PredFactPosition), quad.Int(2), quad.String("a.txt:1")))...), true},
		{"position as plain string", append([]quad.Quad{name, fact}, reif("a.txt:1", quad.Make(fid, quad.IRI(graph.PredFactPosition), quad.String("2"), quad.String("a.txt:1")))...), true},
		{"fact node of another source", append([]quad.Quad{name, fact}, reif("b.txt:9")...), false},
		{"fact node without its fact", append([]quad.Quad{name}, reif("a.txt:1")...), false},
		{"bad position", append([]quad.Quad{name, fact}, reif("a.txt:1", quad.Make(fid, quad.IRI(graph.PredFactPosition), quad.String("second"), quad.String("a.txt:1")))...), false},
		{"fact node lacking its object", []quad.Quad{name, fact, quad.Make(fid, quad.IRI(graph.PredFactDetail), quad.String("d"), quad.String("a.txt:1"))}, false},
		{"node without a name", []quad.Quad{quad.Make(quad.IRI(storetest.A), quad.IRI(graph.PredKind), quad.String("service"), nil)}, false},
		{"relation without a source", []quad.Quad{name, quad.Make(quad.IRI(storetest.A), quad.IRI(graph.PredSupports), quad.IRI(storetest.X), nil)}, false},
		{"incomplete quad", []quad.Quad{{Subject: quad.IRI(storetest.A)}}, false},
	}
	for _, tc := range tests {
		nodes, facts, err := graph.FromQuads(tc.qs)
		if tc.ok {
			if err != nil || len(nodes) != 1 || len(facts) != 1 || facts[0].Position != 2 {
				t.Errorf("%s: FromQuads = %v, %v, %v; want one node and one fact at position 2", tc.name, nodes, facts, err)
			}
			continue
		}
		if graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("%s: FromQuads error %v (code %q), want code %q", tc.name, err, graph.ErrorCode(err), graph.EINVALID)
		}
	}
}
