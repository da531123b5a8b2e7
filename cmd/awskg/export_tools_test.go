package main

import (
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

// TestStandardToolsReadTheEmbeddedGraph is the issue as a new user met it:
// the exports of the embedded graph, read by the standard tools of the
// field. rapper reads every N-Quads line, rdflib every quad of the N-Quads
// and of the JSON-LD export, networkx every node and edge of the GML and
// GraphML exports.
func TestStandardToolsReadTheEmbeddedGraph(t *testing.T) {
	rapper := storetest.Rapper(t)
	rdflib := storetest.Python(t, "rdflib", "python3-rdflib")
	networkx := storetest.Python(t, "networkx", "python3-networkx")
	dir := t.TempDir()
	file := func(ext string) string { return filepath.Join(dir, "graph."+ext) }
	for _, ext := range []string{"nq", "jsonld", "gml", "graphml"} {
		mustRun(t, "export", "-o", file(ext))
	}
	nq, err := os.ReadFile(file("nq"))
	if err != nil {
		t.Fatal(err)
	}
	quads := strings.Count(string(nq), "\n")
	out, err := exec.Command(rapper, "-i", "nquads", "-c", file("nq")).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Parsing returned "+strconv.Itoa(quads)+" triples") || regexp.MustCompile(`(?i)error|warning`).Match(out) {
		t.Errorf("rapper (%v), want %d quads and no error:\n%.2000s", err, quads, out)
	}
	stdout, stderr := storetest.RunPython(t, rdflib, `
import json, sys, rdflib
counts = []
for path, fmt in ((sys.argv[1], "nquads"), (sys.argv[2], "json-ld")):
    ds = rdflib.Dataset()
    ds.parse(path, format=fmt)
    counts.append(len(list(ds.quads((None, None, None, None)))))
print(json.dumps(counts))
`, file("nq"), file("jsonld"))
	var counts []int
	mustUnmarshal(t, []byte(stdout), &counts)
	if len(counts) != 2 || counts[0] != quads || counts[1] != quads || stderr != "" {
		t.Errorf("rdflib read %v quads (N-Quads, JSON-LD), want %d each; stderr:\n%.2000s", counts, quads, stderr)
	}

	edges := strings.Count(mustRun(t, "facts", "--json"), "\n")
	nodes := strings.Count(string(nq), "> <"+graph.RDFBase+"kind> \"")
	stdout, stderr = storetest.RunPython(t, networkx, `
import json, sys, networkx as nx
print(json.dumps([[g.number_of_nodes(), g.number_of_edges()] for g in (nx.read_gml(sys.argv[1]), nx.read_graphml(sys.argv[2]))]))
`, file("gml"), file("graphml"))
	var sizes [][2]int
	mustUnmarshal(t, []byte(stdout), &sizes)
	for i, format := range []string{"GML", "GraphML"} {
		if len(sizes) != 2 || sizes[i] != [2]int{nodes, edges} || stderr != "" {
			t.Errorf("networkx read %s as %v (nodes, edges), want [%d %d]; stderr:\n%.2000s", format, sizes, nodes, edges, stderr)
		}
	}
}
