package graph

import (
	"bytes"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// renderNodeStyle is how a node kind is drawn.
type renderNodeStyle struct {
	shape, style, fill, color, fontsize string
}

// renderKindOrder is the order of node kinds in the legend.
var renderKindOrder = []NodeKind{
	KindService, KindFeature, KindCapability, KindStrategy, KindDR, KindLevel,
	KindComponent, KindEvent, KindLog, KindPath, KindConcept,
}

// renderKindStyles is one shape and colour per node kind. Every node is
// filled, so that PNG and SVG look the same.
var renderKindStyles = map[NodeKind]renderNodeStyle{
	KindService:    {shape: "box", style: "filled", fill: "#cfe2ff", color: "#1f4e9c"},
	KindFeature:    {shape: "box", style: "rounded,filled", fill: "#d8f3e3", color: "#2f7d57"},
	KindCapability: {shape: "hexagon", style: "filled", fill: "#ffe3a3", color: "#b7791f"},
	KindStrategy:   {shape: "parallelogram", style: "filled", fill: "#eadcff", color: "#6b46c1"},
	KindDR:         {shape: "octagon", style: "filled", fill: "#ffd6d6", color: "#c53030"},
	KindLevel:      {shape: "box", style: "rounded,filled,dashed", fill: "#f1f1f1", color: "#4a5568", fontsize: "9"},
	KindComponent:  {shape: "ellipse", style: "filled", fill: "#ffe8d1", color: "#c05621", fontsize: "9"},
	KindEvent:      {shape: "cds", style: "filled", fill: "#fde2f3", color: "#97266d", fontsize: "10"},
	KindLog:        {shape: "note", style: "filled", fill: "#fefcbf", color: "#975a16"},
	KindPath:       {shape: "rarrow", style: "filled", fill: "#c6f6d5", color: "#276749"},
	KindConcept:    {shape: "ellipse", style: "filled", fill: "#f4f6f8", color: "#718096"},
}

// renderUnknownKind styles a node of a kind the ontology does not know, or an
// edge end missing from the subgraph's nodes.
var renderUnknownKind = renderNodeStyle{shape: "ellipse", style: "filled,dashed", fill: "#ffffff", color: "#a0aec0"}

func renderKindStyle(k NodeKind) renderNodeStyle {
	if s, ok := renderKindStyles[k]; ok {
		return s
	}
	return renderUnknownKind
}

// renderEdgeStyle is how a predicate is drawn. label is the edge's label, ""
// for none; positioned predicates show their position instead.
type renderEdgeStyle struct {
	style, color, arrowhead, penwidth, label string
	legend                                   string // name in the legend when label is ""
	positioned                               bool
}

// renderPredOrder is the order of predicates in the legend.
var renderPredOrder = []string{
	PredSupports, PredProvides, PredFeature, PredPartOf, PredIsA, PredHelper,
	PredNotifies, PredNoNotify, PredTargets, PredDelivers, PredFlowsTo, PredHop,
	PredConfig, PredDeployType, PredEvent, PredAggregate, PredRank, PredProperty, PredLimit, PredOnlyIn,
	PredSameRegion, PredIntegrates, PredWarns, PredDoes,
}

// renderPredStyles is one line style per predicate. Arrowheads are all
// filled (or none): the PNG renderer cannot tell open ones apart.
var renderPredStyles = map[string]renderEdgeStyle{
	PredSupports:   {style: "solid", color: "#2d3748", arrowhead: "normal", legend: "supports"},
	PredProvides:   {style: "solid", color: "#2f7d57", arrowhead: "normal", legend: "provides"},
	PredFeature:    {style: "solid", color: "#2f7d57", arrowhead: "none", penwidth: "1.6", legend: "has feature"},
	PredPartOf:     {style: "solid", color: "#4a5568", arrowhead: "diamond", legend: "part of"},
	PredIsA:        {style: "solid", color: "#718096", arrowhead: "normal", label: "is a"},
	PredHelper:     {style: "solid", color: "#2f7d57", arrowhead: "normal", label: "helper script"},
	PredNotifies:   {style: "dashed", color: "#c05621", arrowhead: "normal", label: "notifies"},
	PredNoNotify:   {style: "dashed", color: "#a0aec0", arrowhead: "tee", label: "no notification"},
	PredTargets:    {style: "dotted", color: "#6b46c1", arrowhead: "normal", label: "targets", penwidth: "1.6"},
	PredDelivers:   {style: "dotted", color: "#2c7a7b", arrowhead: "normal", label: "delivers to", penwidth: "1.6"},
	PredFlowsTo:    {style: "bold", color: "#1a202c", arrowhead: "normal", penwidth: "2.2", legend: "flows to (hop n)", positioned: true},
	PredHop:        {style: "dotted", color: "#718096", arrowhead: "none", legend: "hop (n)", positioned: true},
	PredConfig:     {style: "solid", color: "#6b46c1", arrowhead: "normal", label: "deployment config"},
	PredEvent:      {style: "solid", color: "#97266d", arrowhead: "normal", label: "lifecycle event", legend: "lifecycle event (n)", positioned: true},
	PredAggregate:  {style: "solid", color: "#2b6cb0", arrowhead: "normal", label: "aggregates", penwidth: "1.6"},
	PredRank:       {style: "solid", color: "#c53030", arrowhead: "normal", label: "level"},
	PredProperty:   {style: "solid", color: "#9c4221", arrowhead: "normal", label: "value"},
	PredLimit:      {style: "solid", color: "#744210", arrowhead: "normal", label: "limit"},
	PredDeployType: {style: "solid", color: "#6b46c1", arrowhead: "normal", label: "deployment type"},
	PredSameRegion: {style: "dashed", color: "#4a5568", arrowhead: "normal", label: "same region"},
	PredIntegrates: {style: "dashed", color: "#718096", arrowhead: "normal", label: "integrates with"},
	PredOnlyIn:     {style: "dashed", color: "#4a5568", arrowhead: "normal", label: "only in"},
	PredWarns:      {style: "solid", color: "#c53030", arrowhead: "normal", label: "warns about"},
	PredDoes:       {style: "solid", color: "#4a5568", arrowhead: "normal", label: "does"},
}

func renderPredStyle(p string) renderEdgeStyle {
	if s, ok := renderPredStyles[p]; ok {
		return s
	}
	// "rank:rto", "property:data-retention": the family's style, named by the column.
	if base, name, ok := strings.Cut(p, ":"); ok {
		if s, ok := renderPredStyles[base]; ok {
			s.label = strings.ReplaceAll(name, "-", " ")
			s.legend = ""
			return s
		}
	}
	return renderEdgeStyle{style: "solid", color: "#4a5568", arrowhead: "normal", label: p}
}

// renderLegendLabel is a predicate's name in the legend.
func renderLegendLabel(p string) string {
	s := renderPredStyle(p)
	switch {
	case s.legend != "":
		return s.legend
	case s.label != "":
		return s.label
	}
	return p
}

// DOT returns Graphviz DOT source for sg: one node per node (shape and colour
// by kind), one edge per edge (line style by predicate, sources as tooltip),
// capability clusters and a legend. The output depends only on sg and opt:
// rendering the same input twice gives the same bytes. opt.Format is ignored.
// It returns EINVALID when sg has more than opt.MaxNodes nodes or opt is bad.
func DOT(sg Subgraph, opt RenderOptions) ([]byte, error) {
	opt, err := opt.normalize(false)
	if err != nil {
		return nil, err
	}
	if err := opt.checkSize(sg); err != nil {
		return nil, err
	}
	w := &renderDOTWriter{}
	w.write(sg, opt)
	return w.buf.Bytes(), nil
}

// renderNamedLabelsMaxEdges is the most edges a subgraph may have for its
// edges to be labelled with predicate names. Edge labels take ranks of their
// own in dot: beyond this they make the layout slow and the drawing
// crowded, and the legend (line style and colour) tells predicates apart.
// Positions (path hops, lifecycle events) are always shown.
const renderNamedLabelsMaxEdges = 60

type renderDOTWriter struct {
	buf         bytes.Buffer
	namedLabels bool // label edges with predicate names
}

func (w *renderDOTWriter) line(indent int, s string) {
	for i := 0; i < indent; i++ {
		w.buf.WriteString("  ")
	}
	w.buf.WriteString(s)
	w.buf.WriteByte('\n')
}

func (w *renderDOTWriter) write(sg Subgraph, opt RenderOptions) {
	// Nodes, distinct by ID in their given order, then the edge ends the
	// subgraph does not list (drawn as unknown nodes named by their ID).
	var nodes []Node
	byID := map[string]int{}
	for _, n := range sg.Nodes {
		if _, ok := byID[n.ID]; ok {
			continue
		}
		byID[n.ID] = len(nodes)
		nodes = append(nodes, n)
	}
	for _, e := range sg.Edges {
		for _, id := range []string{e.Subject, e.Object} {
			if _, ok := byID[id]; !ok {
				byID[id] = len(nodes)
				nodes = append(nodes, Node{ID: id, Name: id})
			}
		}
	}
	w.namedLabels = len(sg.Edges) <= renderNamedLabelsMaxEdges
	title := opt.Title
	if title == "" {
		title = sg.Title
	}

	w.line(0, "digraph "+renderQuote("awskg")+" {")
	graphAttrs := []string{
		"rankdir", opt.RankDir,
		"fontname", "Helvetica-Bold", // the title's; clusters set their own
		"fontsize", "14",
		"bgcolor", "white",
		"pad", "0.2",
		"nodesep", "0.25",
		"ranksep", "0.45",
		"outputorder", "edgesfirst",
		"newrank", "true", // rank=same inside the legend cluster
	}
	if title != "" {
		graphAttrs = append(graphAttrs, "label", title, "labelloc", "t", "labeljust", "l")
	}
	w.line(1, "graph "+renderAttrs(graphAttrs...))
	w.line(1, "node "+renderAttrs("fontname", "Helvetica", "fontsize", "11", "margin", "0.12,0.05", "height", "0.4", "penwidth", "1.2"))
	w.line(1, "edge "+renderAttrs("fontname", "Helvetica", "fontsize", "9", "fontcolor", "#4a5568", "arrowsize", "0.7", "penwidth", "1.1"))

	// Capability clusters.
	groups, member := renderCapabilityGroups(nodes, byID, sg.Edges)
	for gi, g := range groups {
		w.line(1, "subgraph "+renderQuote("cluster_cap_"+strconv.Itoa(gi))+" {")
		w.line(2, "graph "+renderAttrs("label", "", "style", "rounded,filled,dashed", "fillcolor", "#fff9ec", "color", "#e2b659", "penwidth", "1", "tooltip", "capability: "+renderNodeName(nodes[g[0]])))
		for _, i := range g {
			w.node(2, nodes[i])
		}
		w.line(1, "}")
	}
	for i, n := range nodes {
		if _, ok := member[i]; ok {
			continue
		}
		w.node(1, n)
	}

	for _, e := range sg.Edges {
		w.edge(1, e, nodes[byID[e.Subject]], nodes[byID[e.Object]])
	}

	if opt.Legend && len(nodes) > 0 {
		kinds := map[NodeKind]bool{}
		for _, n := range nodes {
			kinds[n.Kind] = true
		}
		preds := map[string]bool{}
		for _, e := range sg.Edges {
			preds[e.Predicate] = true
		}
		w.legend(renderOrdered(kinds, renderKindOrder), renderOrdered(preds, renderPredOrder), opt.RankDir)
	}
	w.line(0, "}")
}

// node writes one node statement.
func (w *renderDOTWriter) node(indent int, n Node) {
	st := renderKindStyle(n.Kind)
	kind := string(n.Kind)
	if kind == "" {
		kind = "node"
	}
	attrs := []string{
		"label", renderWrap(renderNodeName(n)),
		"shape", st.shape,
		"style", st.style,
		"fillcolor", st.fill,
		"color", st.color,
		"tooltip", kind + ": " + renderNodeName(n),
	}
	if st.fontsize != "" {
		attrs = append(attrs, "fontsize", st.fontsize)
	}
	w.line(indent, renderQuote(n.ID)+" "+renderAttrs(attrs...))
}

// edge writes one edge statement.
func (w *renderDOTWriter) edge(indent int, e Edge, from, to Node) {
	st := renderPredStyle(e.Predicate)
	tooltip := strings.Join(e.Sources, "\n")
	if tooltip == "" {
		tooltip = renderNodeName(from) + " " + e.Predicate + " " + renderNodeName(to)
	}
	attrs := []string{"style", st.style, "color", st.color, "arrowhead", st.arrowhead}
	if st.penwidth != "" {
		attrs = append(attrs, "penwidth", st.penwidth)
	}
	label := st.label
	if !w.namedLabels {
		label = ""
	}
	if st.positioned && e.Position > 0 {
		label = strconv.Itoa(e.Position)
	}
	if label != "" {
		attrs = append(attrs, "label", label, "fontcolor", st.color)
	}
	attrs = append(attrs, "tooltip", tooltip)
	if label != "" {
		attrs = append(attrs, "labeltooltip", tooltip)
	}
	w.line(indent, renderQuote(e.Subject)+" -> "+renderQuote(e.Object)+" "+renderAttrs(attrs...))
}

// legend writes a cluster with one sample node per kind and one sample edge
// per predicate.
func (w *renderDOTWriter) legend(kinds []NodeKind, preds []string, rankdir string) {
	w.line(1, "subgraph "+renderQuote("cluster_legend")+" {")
	w.line(2, "graph "+renderAttrs("label", "Legend", "labeljust", "l", "labelloc", "t", "fontname", "Helvetica-Bold", "fontsize", "10", "style", "rounded,filled", "fillcolor", "#f8fafc", "color", "#a0aec0", "margin", "8", "tooltip", "legend"))
	w.line(2, "node "+renderAttrs("fontsize", "9", "height", "0.25", "margin", "0.06,0.02"))
	w.line(2, "edge "+renderAttrs("fontsize", "8"))
	// dot lays a rank out left to right, then turns it for LR and RL: the
	// first node declared ends up at the bottom. Declare them bottom up there.
	if rankdir == "LR" || rankdir == "RL" {
		kinds = slices.Clone(kinds)
		slices.Reverse(kinds)
		preds = slices.Clone(preds)
		slices.Reverse(preds)
	}
	var kindIDs, froms, tos []string
	for _, k := range kinds {
		st := renderKindStyle(k)
		name := string(k)
		if name == "" {
			name = "other"
		}
		id := "legend:kind:" + name
		kindIDs = append(kindIDs, id)
		w.line(2, renderQuote(id)+" "+renderAttrs("label", name, "shape", st.shape, "style", st.style, "fillcolor", st.fill, "color", st.color, "tooltip", "node kind: "+name))
	}
	for i, p := range preds {
		st := renderPredStyle(p)
		from := "legend:pred:" + strconv.Itoa(i) + ":from"
		to := "legend:pred:" + strconv.Itoa(i) + ":to"
		froms = append(froms, from)
		tos = append(tos, to)
		w.line(2, renderQuote(from)+" "+renderAttrs("label", "", "shape", "box", "style", "invis", "width", "0.1", "height", "0.3", "fixedsize", "true"))
		w.line(2, renderQuote(to)+" "+renderAttrs("label", "", "shape", "box", "style", "invis", "width", "0.1", "height", "0.3", "fixedsize", "true"))
		attrs := []string{"style", st.style, "color", st.color, "arrowhead", st.arrowhead}
		if st.penwidth != "" {
			attrs = append(attrs, "penwidth", st.penwidth)
		}
		attrs = append(attrs, "label", renderLegendLabel(p), "fontcolor", st.color, "tooltip", "predicate: "+p)
		w.line(2, renderQuote(from)+" -> "+renderQuote(to)+" "+renderAttrs(attrs...))
	}
	// Kinds in one rank, the sample edges beside them: an invisible edge puts
	// their tails one rank further.
	w.sameRank(2, kindIDs)
	w.sameRank(2, froms)
	w.sameRank(2, tos)
	if len(kindIDs) > 0 && len(froms) > 0 {
		w.line(2, renderQuote(kindIDs[0])+" -> "+renderQuote(froms[0])+" "+renderAttrs("style", "invis"))
	}
	w.line(1, "}")
}

// sameRank writes a rank=same group of ids.
func (w *renderDOTWriter) sameRank(indent int, ids []string) {
	if len(ids) < 2 {
		return
	}
	var b strings.Builder
	b.WriteString("{ rank=\"same\"; ")
	for _, id := range ids {
		b.WriteString(renderQuote(id))
		b.WriteString("; ")
	}
	b.WriteString("}")
	w.line(indent, b.String())
}

// renderCapabilityGroups groups the nodes that support or provide exactly
// one capability of the subgraph with that capability, when it has at least
// two such supporters. Each group lists node indexes, capability first, in
// node order; member maps a grouped node index to its group.
func renderCapabilityGroups(nodes []Node, byID map[string]int, edges []Edge) ([][]int, map[int]int) {
	caps := map[int][]int{} // supporter -> distinct capabilities
	for _, e := range edges {
		if e.Predicate != PredSupports && e.Predicate != PredProvides {
			continue
		}
		s, o := byID[e.Subject], byID[e.Object]
		if nodes[o].Kind != KindCapability || nodes[s].Kind == KindCapability || s == o {
			continue
		}
		if !renderContainsInt(caps[s], o) {
			caps[s] = append(caps[s], o)
		}
	}
	supporters := map[int][]int{} // capability -> exclusive supporters
	for s, cs := range caps {
		if len(cs) == 1 {
			supporters[cs[0]] = append(supporters[cs[0]], s)
		}
	}
	var groups [][]int
	member := map[int]int{}
	for i, n := range nodes {
		ss := supporters[i]
		if n.Kind != KindCapability || len(ss) < 2 {
			continue
		}
		sort.Ints(ss)
		g := append([]int{i}, ss...)
		for _, j := range g {
			member[j] = len(groups)
		}
		groups = append(groups, g)
	}
	return groups, member
}

func renderContainsInt(list []int, x int) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

// renderOrdered returns the keys of set: those of order first, in order,
// then the others sorted.
func renderOrdered[K ~string](set map[K]bool, order []K) []K {
	var out []K
	seen := map[K]bool{}
	for _, k := range order {
		if set[k] {
			out = append(out, k)
			seen[k] = true
		}
	}
	var rest []K
	for k := range set {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i] < rest[j] })
	return append(out, rest...)
}

func renderNodeName(n Node) string {
	if strings.TrimSpace(n.Name) != "" {
		return n.Name
	}
	return n.ID
}

// renderWrap breaks a long single-line name on spaces into lines of about
// 28 characters. Names that already have several lines are kept as they are.
func renderWrap(s string) string {
	const width = 28
	if strings.ContainsAny(s, "\r\n") || utf8.RuneCountInString(s) <= width+4 {
		return s
	}
	var lines []string
	var cur string
	for _, word := range strings.Fields(s) {
		switch {
		case cur == "":
			cur = word
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(word) > width:
			lines = append(lines, cur)
			cur = word
		default:
			cur += " " + word
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return strings.Join(lines, "\n")
}

// renderAttrs formats "[k1="v1", k2="v2"]" from key, value pairs.
func renderAttrs(kv ...string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(kv[i])
		b.WriteByte('=')
		b.WriteString(renderQuote(kv[i+1]))
	}
	b.WriteByte(']')
	return b.String()
}

// renderQuote returns s as a quoted DOT string whose rendered text is s.
//
// Graphviz reads a quoted string as an escString: the lexer only unescapes
// \", label processing then turns \\ into \ and \n into a line break (other
// backslash sequences such as \N or \l are expanded), and HTML entities such
// as &amp; are decoded. So backslashes are doubled, quotes and ampersands
// escaped (& as &amp;), line breaks written \n, other control characters
// replaced by spaces and invalid UTF-8 by U+FFFD. Non-ASCII text is kept as
// UTF-8.
func renderQuote(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r == '&':
			b.WriteString("&amp;")
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
