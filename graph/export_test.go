package graph_test

import (
	"bytes"
	"context"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
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
		// one line stating one fact twice: two wordings, two positions
		graph.Fact{Subject: "service:élan-ü", Predicate: graph.PredFeature, Object: storetest.A, Detail: "StackSets", Source: "notes/c.txt:5"},
		graph.Fact{Subject: "service:élan-ü", Predicate: graph.PredFeature, Object: storetest.A, Detail: "AWS StackSets", Source: "notes/c.txt:5"},
		graph.Fact{Subject: "service:élan-ü", Predicate: graph.PredHop, Object: storetest.X, Position: 1, Source: "notes/c.txt:6"},
		graph.Fact{Subject: "service:élan-ü", Predicate: graph.PredHop, Object: storetest.X, Position: 2, Source: "notes/c.txt:6"},
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
	for _, format := range []string{"nquads", "cayley-nquads", "jsonld", "json", "pquads", "json-stream", "nq"} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := graph.Export(ctx, src, format, &buf); err != nil {
				t.Fatalf("Export: %v", err)
			}
			qs, err := graph.Import(ctx, format, "export", bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("Import: %v", err)
			}
			if want := distinctQuads(graph.Quads(nodes, facts)); len(qs) != want {
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
	ns := graph.RDFBase
	s := loadedMem(t, storetest.Nodes(), storetest.Facts())
	tests := []struct {
		format string
		want   []string
	}{
		{"nquads", []string{
			`<` + ns + `service:aws-alpha> <` + ns + `supports> <` + ns + `capability:cross-account> <` + ns + `source:a.txt:1> .`,
			`<` + ns + `service:aws-alpha> <` + ns + `supports> <` + ns + `capability:cross-account> <` + ns + `source:b.txt:2> .`,
			`<` + ns + `service:aws-alpha> <` + ns + `name> "AWS Alpha" .`,
			`<` + ns + `fact:`, `<` + ns + `position> "2"^^<http://www.w3.org/2001/XMLSchema#integer> <` + ns + `source:d.txt:2> .`,
		}},
		{"cayley-nquads", []string{
			`<service:aws-alpha> <supports> <capability:cross-account> "a.txt:1" .`,
			`<service:aws-alpha> <supports> <capability:cross-account> "b.txt:2" .`,
			`<service:aws-alpha> <name> "AWS Alpha" .`,
			`<fact:`, `<position> "2"^^<`, `"d.txt:2" .`,
		}},
		{"json", []string{`"label":"a.txt:1"`, `"label":"b.txt:2"`, `"object":"AWS Alpha"}`}},
		{"jsonld", []string{`"@id":"` + ns + `source:a.txt:1"`, `"@id":"` + ns + `service:aws-alpha"`}},
		{"graphml", []string{`<graphml`, ` source="service:aws-alpha" target="capability:cross-account">`, `<data key="predicate">supports</data>`, `<data key="sources">a.txt:1&#xA;b.txt:2</data>`, `<data key="name">AWS Alpha</data>`}},
		{"gml", []string{"graph [\n  directed 1\n  multigraph 1\n", `label "service:aws-alpha"`, `name "AWS Alpha"`, `label "supports"`, `provenance "a.txt:1"`, `provenance "b.txt:2"`}},
		{"dot", []string{`digraph`, `"service:aws-alpha" -> "capability:cross-account" [`, `tooltip="a.txt:1\nb.txt:2"`}},
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
	for _, f := range []string{"cayley-nquads", "json", "json-stream", "jsonld", "nquads", "pquads"} {
		if !slices.Contains(in, f) {
			t.Errorf("ImportFormats() = %v, lacks %q", in, f)
		}
	}
	for _, f := range []string{"graphml", "gml", "graphviz"} {
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
		{"import unknown format", func() error { _, err := graph.Import(ctx, "yaml", "in", strings.NewReader("")); return err }, graph.EINVALID},
		{"import write-only format", func() error {
			_, err := graph.Import(ctx, "graphml", "in", strings.NewReader("<graphml/>"))
			return err
		}, graph.EINVALID},
		{"import jsonld of another base", func() error {
			_, err := graph.Import(ctx, "jsonld", "in", strings.NewReader(`[{"@id":"http://example.com/a","http://example.com/p":[{"@value":"x"}]}]`))
			return err
		}, graph.EINVALID},
		{"import malformed nquads", func() error {
			_, err := graph.Import(ctx, "nquads", "in", strings.NewReader("<a> <b> \"unterminated .\n"))
			return err
		}, graph.EINVALID},
		{"import malformed json", func() error { _, err := graph.Import(ctx, "json", "in", strings.NewReader("[{")); return err }, graph.EINVALID},
		{"import cancelled", func() error { _, err := graph.Import(cancelled, "nquads", "in", strings.NewReader("")); return err }, graph.ETIMEOUT},
	}
	for _, tc := range tests {
		if err := tc.call(); graph.ErrorCode(err) != tc.code {
			t.Errorf("%s: %v (code %q), want code %q", tc.name, err, graph.ErrorCode(err), tc.code)
		}
	}
	// An empty import is not an error.
	if qs, err := graph.Import(ctx, "nquads", "in", strings.NewReader("# nothing\n")); err != nil || len(qs) != 0 {
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

// oddNames trip N-Quads and JSON encoders when they are IDs, names,
// details or sources.
var oddNames = []string{
	"my tool", `say "hi"`, `back\slash`, "new\nline", "tab\tstop", "cr\rhere", "a>b", "a<b", "<a>", "a> <b",
	"Deploy time 🕑🕑", "100%", "%20", "%zz", "{x}|^`", "ctrl\x01\x7f", "é 東京", " lead", "trail ", "", `"`, `\`, ">", ".", "_:b1", "#hash",
	"..", "dir/../up", "./here", "a?q=1#f", "[v6]", "priv\ue000ate", "nonchar\ufffe",
}

// oddGraph has one node per odd name with its slug ID, and one whose ID is
// the raw name, every fact citing an odd source with an odd detail.
func oddGraph() ([]graph.Node, []graph.Fact) {
	var nodes []graph.Node
	var facts []graph.Fact
	seen := map[string]bool{}
	for i, n := range oddNames {
		name := "name " + n
		for _, id := range []string{graph.NodeID(graph.KindConcept, n), "service:" + n} {
			if seen[id] {
				continue
			}
			seen[id] = true
			nodes = append(nodes, graph.Node{ID: id, Name: name, Kind: graph.KindConcept, Aliases: []string{n, "alias " + n}})
			facts = append(facts,
				graph.Fact{Subject: id, Predicate: graph.PredSupports, Object: storetest.X, Detail: n, Source: n + ":" + strconv.Itoa(i)},
				graph.Fact{Subject: storetest.A, Predicate: "property:" + n, Object: id, Position: i + 1, Source: "src " + n})
		}
	}
	return append(nodes, storetest.Nodes()...), append(facts, storetest.Facts()...)
}

// TestExportImportOddNames: any ID, name, detail and source survives export
// and import exactly, in every format that reads back; N-Quads IRIs hold no
// character N-Quads forbids.
func TestExportImportOddNames(t *testing.T) {
	ctx := context.Background()
	nodes, facts := oddGraph()
	wantNodes, wantFacts := wantGraph(nodes, facts)
	src := loadedMem(t, nodes, facts)
	for _, format := range graph.ImportFormats() {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := graph.Export(ctx, src, format, &buf); err != nil {
				t.Fatalf("Export: %v", err)
			}
			if format == "nquads" || format == "cayley-nquads" {
				for i, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
					if !nquadLine.MatchString(line) {
						t.Errorf("line %d is not well-formed N-Quads: %q", i+1, line)
					}
				}
			}
			qs, err := graph.Import(ctx, format, "export", bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("Import: %v", err)
			}
			if want := distinctQuads(graph.Quads(nodes, facts)); len(qs) != want {
				t.Errorf("Import: %d quads, want %d", len(qs), want)
			}
			gotNodes, gotFacts, err := graph.FromQuads(qs)
			if err != nil {
				t.Fatalf("FromQuads: %v", err)
			}
			if !reflect.DeepEqual(gotNodes, wantNodes) {
				t.Errorf("nodes:\n got %#v\nwant %#v", gotNodes, wantNodes)
			}
			if !reflect.DeepEqual(gotFacts, wantFacts) {
				t.Errorf("facts:\n got %#v\nwant %#v", gotFacts, wantFacts)
			}
			var again bytes.Buffer
			if err := graph.Export(ctx, loadedMem(t, gotNodes, gotFacts), format, &again); err != nil {
				t.Fatalf("re-Export: %v", err)
			}
			if !bytes.Equal(again.Bytes(), buf.Bytes()) {
				t.Errorf("re-export differs from the first export")
			}
		})
	}
}

// nquadLine is one N-Quads line of W3C terms (IRIs without the characters
// N-Quads forbids, escaped literals) with a literal or IRI label.
var nquadLine = regexp.MustCompile(`^(?:(?:<[^\x00-\x20<>"{}|^` + "`" + `\\]*>|"(?:[^"\\\n\r]|\\.)*"(?:\^\^<[^\x00-\x20<>"{}|^` + "`" + `\\]*>)?) ){3,4}\.$`)

// TestImportNQuadsErrors: a malformed line is rejected with the file and
// line, never read with shifted fields.
func TestImportNQuadsErrors(t *testing.T) {
	ctx := context.Background()
	tests := []struct{ line, want string }{
		{`<service:my tool> <name> "My Tool" .`, `IRI <service:my tool> holds a space`},
		{`<service:my tool> <name> "My Tool" "a.txt:1" .`, `IRI <service:my tool> holds a space`},
		{"<a\tb> <name> \"x\" .", `IRI <a	b> holds a tab`},
		{`<a{b}> <name> "x" .`, `holds '{'`},
		{`<a> <name> <o"> .`, `holds '"'`},
		{`<a\u0020b> <name> "x" .`, `holds '\\'`},
		{`<a> <name> foo .`, `unexpected "foo"`},
		{`<a> <name> "x" "l" extra .`, `unexpected "extra"`},
		{`<a> <name> "unterminated .`, `no closing quote`},
		{`<a> <name> <o`, `no closing ">"`},
		{`<a> <name> <o>`, `does not end with "."`},
		{`<a> <name> .`, `2 terms`},
		{`"s" <name> <o> .`, `subject is a literal`},
		{`<a> "name" <o> .`, `predicate is not an <IRI>`},
		{`<a> <name> <o> <g> <h> .`, `more than four terms`},
		{`<a%zz> <name> "x" .`, `invalid URL escape "%zz"`},
		{`<a> <name> "x\q" .`, `bad escape \q`},
		{`<a> <name> "x\u12" .`, `bad \u escape`},
		{`<a> <name> "x"^^xsd .`, `not an <IRI>`},
		{`<a> <name> "x"@ .`, `empty language tag`},
		{`<a> <name> _: .`, `blank node "_:" has no label`},
		{`<a> <name> "x" . junk`, `unexpected "junk" after the final "."`},
	}
	for _, tc := range tests {
		in := "# header\n\n<ok> <name> \"fine\" \"a.txt:1\" .\n" + tc.line + "\n<ok2> <name> \"fine\" .\n"
		qs, err := graph.Import(ctx, "cayley-nquads", "g.nq", strings.NewReader(in))
		if graph.ErrorCode(err) != graph.EINVALID || !strings.HasPrefix(err.Error(), "g.nq:4: ") || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: Import = %d quads, %v; want EINVALID \"g.nq:4: ...%s...\"", tc.line, len(qs), err, tc.want)
		}
	}
	// Well-formed lines in other spellings are read.
	good := []struct {
		line string
		want quad.Quad
	}{
		{`<a> <p> <o>.`, quad.Make(quad.IRI("a"), quad.IRI("p"), quad.IRI("o"), nil)},
		{"\t<a>\t<p> \"x\"@en   .  # comment", quad.Make(quad.IRI("a"), quad.IRI("p"), quad.LangString{Value: "x", Lang: "en"}, nil)},
		{`_:b1 <p> "\u00e9\t\"" "l" .`, quad.Make(quad.BNode("b1"), quad.IRI("p"), quad.String("é\t\""), quad.String("l"))},
		{`<service:my%20tool> <p> "3"^^<xsd:integer> <g> .`, quad.Make(quad.IRI("service:my tool"), quad.IRI("p"), quad.Int(3), quad.IRI("g"))},
		{`<a%3Cb%3E%25> <p> <o> .`, quad.Make(quad.IRI("a<b>%"), quad.IRI("p"), quad.IRI("o"), nil)},
	}
	for _, tc := range good {
		qs, err := graph.Import(ctx, "cayley-nquads", "g.nq", strings.NewReader(tc.line+"\n"))
		if err != nil || len(qs) != 1 || qs[0] != tc.want {
			t.Errorf("%s: Import = %#v, %v; want %#v", tc.line, qs, err, tc.want)
		}
	}
}

// TestImportStandardNQuads: the standard N-Quads import maps IRIs under
// RDFBase back to IDs and source graphs back to sources, and refuses what
// is not an awskg export with a line saying why.
func TestImportStandardNQuads(t *testing.T) {
	ctx := context.Background()
	ns := graph.RDFBase
	good := []struct {
		line string
		want quad.Quad
	}{
		{`<` + ns + `service:my%20tool> <` + ns + `rel:send%20event%20to> <` + ns + `x> <` + ns + `source:notes/a%20b.txt:1> .`,
			quad.Make(quad.IRI("service:my tool"), quad.IRI("rel:send event to"), quad.IRI("x"), quad.String("notes/a b.txt:1"))},
		{`<` + ns + `fact:1> <` + ns + `position> "3"^^<http://www.w3.org/2001/XMLSchema#integer> <` + ns + `source:a.txt:2> .`,
			quad.Make(quad.IRI("fact:1"), quad.IRI("position"), quad.Int(3), quad.String("a.txt:2"))},
		{`<` + ns + `a%23b%3Fc/%2E%2E/d> <` + ns + `name> "x" .`, quad.Make(quad.IRI("a#b?c/../d"), quad.IRI("name"), quad.String("x"), nil)},
	}
	for _, tc := range good {
		qs, err := graph.Import(ctx, "nquads", "g.nq", strings.NewReader(tc.line+"\n"))
		if err != nil || len(qs) != 1 || qs[0] != tc.want {
			t.Errorf("%s: Import = %#v, %v; want %#v", tc.line, qs, err, tc.want)
		}
	}
	bad := []struct{ line, want string }{
		{`<service:a> <name> "x" .`, `IRI <service:a> is not under the awskg base <` + ns + `>: only awskg exports can be read back (Cayley's dialect, with relative IRIs, is --format cayley-nquads)`},
		{`<` + ns + `a> <` + ns + `supports> <` + ns + `b> "a.txt:1" .`, `graph label "a.txt:1" is a literal, not a source IRI`},
		{`<` + ns + `a> <` + ns + `supports> <` + ns + `b> <` + ns + `a.txt:1> .`, `graph <` + ns + `a.txt:1> is not a source`},
		{`<http://example.com/a> <` + ns + `name> "x" .`, `IRI <http://example.com/a> is not under the awskg base`},
	}
	for _, tc := range bad {
		in := "<" + ns + "ok> <" + ns + "name> \"fine\" .\n" + tc.line + "\n"
		qs, err := graph.Import(ctx, "nquads", "g.nq", strings.NewReader(in))
		if graph.ErrorCode(err) != graph.EINVALID || !strings.HasPrefix(err.Error(), "g.nq:2: ") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Import = %d quads, %v; want EINVALID \"g.nq:2: ...%s...\"", tc.line, len(qs), err, tc.want)
		}
	}
}

// distinctQuads counts the distinct quads of qs, as a store keeps them.
func distinctQuads(qs []quad.Quad) int {
	seen := map[[4]string]bool{}
	for _, q := range qs {
		seen[[4]string{quad.StringOf(q.Subject), quad.StringOf(q.Predicate), quad.StringOf(q.Object), quad.StringOf(q.Label)}] = true
	}
	return len(seen)
}
