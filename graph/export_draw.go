package graph

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
)

// The drawing exports: GraphML, GML and Graphviz hold the graph as graph
// tools (networkx, Gephi, yEd, Graphviz) expect it: one node per node of the
// graph, its name, kind and aliases as attributes, and one edge per
// relation (subject, predicate, object), its sources, details and position
// as attributes. Quads of names and kinds would make every kind and name a
// literal node, hundreds of edges on each, that no layout engine draws.

// exportDrawing writes the nodes and edges of qs (in the layout of Quads)
// as format: graphml, gml or graphviz.
func exportDrawing(ctx context.Context, qs []quad.Quad, format string, w io.Writer, opt ExportOptions) error {
	nodes, facts, err := FromQuads(qs)
	if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	edges := MergeFacts(facts) // facts are sorted: so are the edges
	nodes = withEdgeEnds(nodes, edges)
	if err := ctx.Err(); err != nil {
		return &Error{Code: ETIMEOUT, Message: "export " + format, Err: err}
	}
	switch format {
	case "graphviz":
		max := opt.MaxNodes
		if max == 0 {
			max = DefaultMaxNodes
		}
		if len(nodes) > max {
			return Errorf(EINVALID, "the graph has %d nodes, more than --max-nodes %d for a Graphviz export: draw part of it with awskg render (--around NAME, --map NAME), or raise the limit with --max-nodes %d and lay it out with sfdp (dot takes minutes on a graph this size)", len(nodes), max, len(nodes))
		}
		src, err := DOT(Subgraph{Nodes: nodes, Edges: edges}, RenderOptions{MaxNodes: max, Legend: true})
		if err != nil {
			return fmt.Errorf("export graphviz: %w", err)
		}
		if _, err := w.Write(src); err != nil {
			return fmt.Errorf("export graphviz: %w", err)
		}
		return nil
	case "gml":
		return writeGML(w, nodes, edges)
	default:
		return writeGraphML(w, nodes, edges)
	}
}

// withEdgeEnds appends a node (named by its ID, of no kind) for every edge
// end that nodes lacks, so every edge joins two nodes.
func withEdgeEnds(nodes []Node, edges []Edge) []Node {
	seen := make(map[string]bool, len(nodes))
	for _, n := range nodes {
		seen[n.ID] = true
	}
	var extra []Node
	for _, e := range edges {
		for _, id := range []string{e.Subject, e.Object} {
			if !seen[id] {
				seen[id] = true
				extra = append(extra, Node{ID: id, Name: id})
			}
		}
	}
	if len(extra) == 0 {
		return nodes
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i].ID < extra[j].ID })
	return append(nodes, extra...)
}

// writeGML writes a directed multigraph in GML as networkx reads it: keys
// are words, strings are ASCII (other characters as &#N; entities, '&' and
// '"' as &amp; and &quot;), a key repeated in one node or edge is a list.
//
//	node [ id 0 label "service:amazon-s3" name "Amazon S3" kind "service" alias "S3" ]
//	edge [ source 0 target 1 label "supports" position 2
//	       provenance "data/notes/002.txt:745" detail "..." ]
func writeGML(w io.Writer, nodes []Node, edges []Edge) error {
	bw := bufio.NewWriter(w)
	index := make(map[string]int, len(nodes))
	bw.WriteString("graph [\n  directed 1\n  multigraph 1\n")
	for i, n := range nodes {
		index[n.ID] = i
		fmt.Fprintf(bw, "  node [\n    id %d\n    label %s\n    name %s\n", i, gmlString(n.ID), gmlString(n.Name))
		if n.Kind != "" {
			fmt.Fprintf(bw, "    kind %s\n", gmlString(string(n.Kind)))
		}
		for _, a := range n.Aliases {
			fmt.Fprintf(bw, "    alias %s\n", gmlString(a))
		}
		bw.WriteString("  ]\n")
	}
	for _, e := range edges {
		fmt.Fprintf(bw, "  edge [\n    source %d\n    target %d\n    label %s\n", index[e.Subject], index[e.Object], gmlString(e.Predicate))
		if e.Position != 0 {
			fmt.Fprintf(bw, "    position %d\n", e.Position)
		}
		for _, s := range e.Sources {
			fmt.Fprintf(bw, "    provenance %s\n", gmlString(s))
		}
		for _, d := range e.Details {
			fmt.Fprintf(bw, "    detail %s\n", gmlString(d))
		}
		bw.WriteString("  ]\n")
	}
	bw.WriteString("]\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export gml: %w", err)
	}
	return nil
}

// gmlString quotes s as a GML string: printable ASCII as it is, '&' and '"'
// as entities, anything else as a numeric entity.
func gmlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r >= ' ' && r < 0x7f:
			b.WriteRune(r)
		default:
			b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
		}
	}
	b.WriteByte('"')
	return b.String()
}

// writeGraphML writes a directed graph in GraphML. Aliases, sources and
// details, being lists, are written one a line.
func writeGraphML(w io.Writer, nodes []Node, edges []Edge) error {
	bw := bufio.NewWriter(w)
	text := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(strings.ToValidUTF8(s, "\uFFFD"))) // writes to a Builder: no error
		return b.String()
	}
	bw.WriteString(xml.Header)
	bw.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns">` + "\n")
	for _, k := range [][3]string{
		{"name", "node", "string"}, {"kind", "node", "string"}, {"aliases", "node", "string"},
		{"predicate", "edge", "string"}, {"position", "edge", "int"}, {"sources", "edge", "string"}, {"details", "edge", "string"},
	} {
		fmt.Fprintf(bw, `  <key id="%s" for="%s" attr.name="%s" attr.type="%s"/>`+"\n", k[0], k[1], k[0], k[2])
	}
	bw.WriteString(`  <graph id="awskg" edgedefault="directed">` + "\n")
	data := func(key, value string) {
		if value != "" {
			fmt.Fprintf(bw, `      <data key="%s">%s</data>`+"\n", key, text(value))
		}
	}
	for _, n := range nodes {
		fmt.Fprintf(bw, "    <node id=\"%s\">\n", text(n.ID))
		data("name", n.Name)
		data("kind", string(n.Kind))
		data("aliases", strings.Join(n.Aliases, "\n"))
		bw.WriteString("    </node>\n")
	}
	for i, e := range edges {
		fmt.Fprintf(bw, "    <edge id=\"e%d\" source=\"%s\" target=\"%s\">\n", i, text(e.Subject), text(e.Object))
		data("predicate", e.Predicate)
		if e.Position != 0 {
			data("position", strconv.Itoa(e.Position))
		}
		data("sources", strings.Join(e.Sources, "\n"))
		data("details", strings.Join(e.Details, "\n"))
		bw.WriteString("    </edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export graphml: %w", err)
	}
	return nil
}
