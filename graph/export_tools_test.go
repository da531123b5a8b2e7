package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/graph/storetest"
)

// rdflibCount parses an N-Quads file and a JSON-LD file with rdflib and
// prints, as JSON, how many quads each holds, whether they are the same
// quads, and the IRIs not under the base. (rdflib names the default graph
// after the file or a urn: of its own: any graph not under the base is
// taken for the default graph.)
const rdflibCount = `
import json, sys, rdflib
base = sys.argv[3]
def load(path, fmt):
    ds = rdflib.Dataset()
    ds.parse(path, format=fmt)
    out = set()
    for s, p, o, g in ds.quads((None, None, None, None)):
        g = str(g.identifier if hasattr(g, "identifier") else g)
        out.add((s, p, o, g if g.startswith(base) else None))
    return out
nq, ld = load(sys.argv[1], "nquads"), load(sys.argv[2], "json-ld")
foreign = sorted({str(t) for q in nq for t in q[:3]
                  if isinstance(t, rdflib.URIRef) and not str(t).startswith(base)})
print(json.dumps({"nquads": len(nq), "jsonld": len(ld), "same": nq == ld, "foreign": foreign[:5]}))
`

// networkxCount reads a GML and a GraphML file with networkx and prints, as
// JSON, their node and edge counts and the attributes of one node.
const networkxCount = `
import json, sys, networkx as nx
gml, graphml, node = nx.read_gml(sys.argv[1]), nx.read_graphml(sys.argv[2]), sys.argv[3]
print(json.dumps({"gml": [gml.number_of_nodes(), gml.number_of_edges(), gml.nodes[node]],
                  "graphml": [graphml.number_of_nodes(), graphml.number_of_edges(), graphml.nodes[node]]}))
`

// TestStandardToolsReadExports: the N-Quads export parses completely with
// rapper and rdflib, every IRI under RDFBase; the JSON-LD export gives
// rdflib the same quads; GML and GraphML give networkx every node, with its
// name, and every edge. Odd names (spaces, quotes, %, #, "..", controls,
// CJK, emoji) included.
func TestStandardToolsReadExports(t *testing.T) {
	rapper := storetest.Rapper(t)
	rdflib := storetest.Python(t, "rdflib", "python3-rdflib")
	networkx := storetest.Python(t, "networkx", "python3-networkx")
	graphs := map[string]func() ([]graph.Node, []graph.Fact){"tricky": trickyGraph, "odd": oddGraph}
	for _, name := range []string{"tricky", "odd"} {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			nodes, facts := graphs[name]()
			wantNodes, wantFacts := wantGraph(nodes, facts)
			s := loadedMem(t, nodes, facts)
			dir := t.TempDir()
			files := map[string]string{}
			for _, format := range []string{"nquads", "jsonld", "gml", "graphml"} {
				var buf bytes.Buffer
				if err := graph.Export(ctx, s, format, &buf); err != nil {
					t.Fatalf("Export %s: %v", format, err)
				}
				files[format] = filepath.Join(dir, "graph."+format)
				if err := os.WriteFile(files[format], buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			quads := distinctQuads(graph.Quads(nodes, facts))

			out, err := exec.Command(rapper, "-i", "nquads", "-c", files["nquads"]).CombinedOutput()
			if err != nil || !strings.Contains(string(out), "Parsing returned "+strconv.Itoa(quads)+" triples") ||
				regexp.MustCompile(`(?i)error|warning`).Match(out) {
				t.Errorf("rapper (%v), want %d quads and no error:\n%s", err, quads, clip(string(out)))
			}

			stdout, stderr := storetest.RunPython(t, rdflib, rdflibCount, files["nquads"], files["jsonld"], graph.RDFBase)
			var rd struct {
				NQuads, JSONLD int
				Same           bool
				Foreign        []string
			}
			if err := json.Unmarshal([]byte(stdout), &rd); err != nil {
				t.Fatalf("rdflib: %v: %q", err, stdout)
			}
			if rd.NQuads != quads || rd.JSONLD != quads || !rd.Same || len(rd.Foreign) > 0 || stderr != "" {
				t.Errorf("rdflib read %d N-Quads and %d JSON-LD quads (the same: %v), want %d; IRIs not under the base: %q; stderr:\n%s",
					rd.NQuads, rd.JSONLD, rd.Same, quads, rd.Foreign, clip(stderr))
			}

			probe := wantNodes[len(wantNodes)-1]
			for _, n := range wantNodes {
				if strings.ContainsAny(n.Name, "東🕑") {
					probe = n
				}
			}
			stdout, stderr = storetest.RunPython(t, networkx, networkxCount, files["gml"], files["graphml"], probe.ID)
			var nx map[string][3]json.RawMessage
			if err := json.Unmarshal([]byte(stdout), &nx); err != nil {
				t.Fatalf("networkx: %v: %q", err, stdout)
			}
			edges := len(graph.MergeFacts(wantFacts))
			for _, format := range []string{"gml", "graphml"} {
				var n, e int
				var attrs struct{ Name, Kind string }
				if json.Unmarshal(nx[format][0], &n) != nil || json.Unmarshal(nx[format][1], &e) != nil || json.Unmarshal(nx[format][2], &attrs) != nil {
					t.Fatalf("networkx %s: %q", format, stdout)
				}
				if n != len(wantNodes) || e != edges || attrs.Name != probe.Name || attrs.Kind != string(probe.Kind) {
					t.Errorf("networkx read %s: %d nodes, %d edges, %s = %+v; want %d, %d, name %q kind %q", format, n, e, probe.ID, attrs, len(wantNodes), edges, probe.Name, probe.Kind)
				}
			}
			if stderr != "" {
				t.Errorf("networkx warned:\n%s", clip(stderr))
			}
		})
	}
}

// clip shortens tool output for a failure message.
func clip(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "\n..."
	}
	return s
}
