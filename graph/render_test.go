package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/png"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// testRenderer is shared by the tests: creating go-graphviz is costly.
var testRenderer = NewRenderer()

func rnode(kind NodeKind, name string) Node {
	return Node{ID: NodeID(kind, name), Name: name, Kind: kind}
}

func redge(s Node, p string, o Node, sources ...string) Edge {
	return Edge{Subject: s.ID, Predicate: p, Object: o.ID, Sources: sources}
}

// questionSubgraph: which services work across accounts?
func questionSubgraph() Subgraph {
	ca := rnode(KindCapability, "Cross-account")
	cfn := rnode(KindService, "AWS CloudFormation")
	cfg := rnode(KindService, "AWS Config")
	cp := rnode(KindService, "AWS CodePipeline")
	ss := rnode(KindFeature, "StackSets")
	return Subgraph{
		Title: "Which services work across accounts?",
		Nodes: []Node{ca, cfn, cfg, cp, ss},
		Edges: []Edge{
			redge(cfn, PredFeature, ss, "data/notes/001.txt:10"),
			redge(ss, PredProvides, ca, "data/notes/001.txt:11", "data/notes/004.txt:3"),
			redge(cfg, PredSupports, ca, "data/notes/002.txt:745"),
			redge(cp, PredSupports, ca, "data/notes/003.txt:20"),
		},
	}
}

// neighbourhoodSubgraph: AWS CodeCommit and 6 edges of different predicates.
func neighbourhoodSubgraph() Subgraph {
	cc := rnode(KindService, "AWS CodeCommit")
	ca := rnode(KindCapability, "Cross-account")
	sns := rnode(KindService, "Amazon SNS")
	eb := rnode(KindService, "Amazon EventBridge")
	art := rnode(KindFeature, "Approval rule templates")
	trig := rnode(KindComponent, "trigger")
	ct := rnode(KindLog, "CloudTrail logs")
	return Subgraph{
		Title: "AWS CodeCommit",
		Nodes: []Node{cc, ca, sns, eb, art, trig, ct},
		Edges: []Edge{
			redge(cc, PredSupports, ca, "n.txt:1"),
			redge(cc, PredNotifies, sns, "n.txt:2"),
			redge(cc, PredFeature, art, "n.txt:3"),
			redge(eb, PredTargets, cc, "n.txt:4"),
			redge(trig, PredPartOf, cc, "n.txt:5"),
			redge(cc, PredDelivers, ct, "n.txt:6", "n.txt:7"),
		},
	}
}

// pathSubgraph: VPC Flow Logs → … → Amazon S3, 5 hops.
func pathSubgraph() Subgraph {
	hops := []Node{
		rnode(KindLog, "VPC Flow Logs"),
		rnode(KindService, "CloudWatch Logs"),
		rnode(KindComponent, "subscription filter"),
		rnode(KindService, "Kinesis Data Firehose"),
		rnode(KindService, "Amazon S3"),
	}
	sg := Subgraph{Title: "VPC Flow Logs → Amazon S3", Nodes: hops}
	for i := 0; i+1 < len(hops); i++ {
		e := redge(hops[i], PredFlowsTo, hops[i+1], "p.txt:"+strconv.Itoa(40+i))
		e.Position = i + 1
		sg.Edges = append(sg.Edges, e)
	}
	return sg
}

// ---- SVG parsing ----

type xmlElem struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Content  string     `xml:",chardata"`
	Children []xmlElem  `xml:",any"`
}

func (e *xmlElem) attr(local string) string {
	for _, a := range e.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (e *xmlElem) walk(f func(*xmlElem)) {
	f(e)
	for i := range e.Children {
		e.Children[i].walk(f)
	}
}

func (e *xmlElem) child(local string) *xmlElem {
	for i := range e.Children {
		if e.Children[i].XMLName.Local == local {
			return &e.Children[i]
		}
	}
	return nil
}

// svgItem is one node, edge or cluster group of a Graphviz SVG.
type svgItem struct {
	Title    string   // node ID, "a->b" or cluster name
	Texts    []string // text elements, in order
	Tooltips []string // xlink:title of its anchors
	Elem     *xmlElem
}

type svgDoc struct {
	Root     xmlElem
	Nodes    map[string]svgItem
	Edges    map[string]svgItem
	Clusters map[string]svgItem
}

func parseSVG(t *testing.T, b []byte) *svgDoc {
	t.Helper()
	d := &svgDoc{Nodes: map[string]svgItem{}, Edges: map[string]svgItem{}, Clusters: map[string]svgItem{}}
	if err := xml.Unmarshal(b, &d.Root); err != nil {
		t.Fatalf("SVG does not parse: %v\n%s", err, b)
	}
	d.Root.walk(func(e *xmlElem) {
		if e.XMLName.Local != "g" {
			return
		}
		class := e.attr("class")
		if class != "node" && class != "edge" && class != "cluster" {
			return
		}
		it := svgItem{Elem: e}
		if title := e.child("title"); title != nil {
			it.Title = title.Content
		}
		e.walk(func(c *xmlElem) {
			switch c.XMLName.Local {
			case "text":
				it.Texts = append(it.Texts, c.Content)
			case "a":
				it.Tooltips = append(it.Tooltips, c.attr("title"))
			}
		})
		switch class {
		case "node":
			d.Nodes[it.Title] = it
		case "edge":
			d.Edges[it.Title] = it
		case "cluster":
			d.Clusters[it.Title] = it
		}
	})
	return d
}

func renderBytes(t testing.TB, sg Subgraph, opt RenderOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := testRenderer.Render(context.Background(), sg, opt, &buf); err != nil {
		t.Fatalf("Render %s: %v", opt.Format, err)
	}
	if buf.Len() == 0 {
		t.Fatalf("Render %s: empty output", opt.Format)
	}
	return buf.Bytes()
}

func svgOptions() RenderOptions {
	opt := DefaultRenderOptions()
	opt.Format = FormatSVG
	return opt
}

// checkSubgraphSVG checks that every node of sg is drawn with its name and
// kind tooltip, and every edge with its sources as tooltip.
func checkSubgraphSVG(t *testing.T, sg Subgraph, d *svgDoc) {
	t.Helper()
	for _, n := range sg.Nodes {
		it, ok := d.Nodes[n.ID]
		if !ok {
			t.Errorf("node %s not drawn", n.ID)
			continue
		}
		if got := strings.Join(it.Texts, "\n"); got != n.Name {
			t.Errorf("node %s label = %q, want %q", n.ID, got, n.Name)
		}
		if want := string(n.Kind) + ": " + n.Name; len(it.Tooltips) == 0 || it.Tooltips[0] != want {
			t.Errorf("node %s tooltip = %q, want %q", n.ID, it.Tooltips, want)
		}
	}
	for _, e := range sg.Edges {
		title := e.Subject + "->" + e.Object
		it, ok := d.Edges[title]
		if !ok {
			t.Errorf("edge %s not drawn", title)
			continue
		}
		want := strings.Join(e.Sources, "\n")
		if len(it.Tooltips) == 0 || it.Tooltips[0] != want {
			t.Errorf("edge %s tooltip = %q, want %q", title, it.Tooltips, want)
		}
	}
	if len(d.Edges) < len(sg.Edges) {
		t.Errorf("%d edges drawn, want at least %d", len(d.Edges), len(sg.Edges))
	}
}

// edgeLabel returns the label of the edge a->b ("" for none).
func edgeLabel(t *testing.T, d *svgDoc, title string) string {
	t.Helper()
	it, ok := d.Edges[title]
	if !ok {
		t.Fatalf("edge %s not drawn; edges: %v", title, keys(d.Edges))
	}
	return strings.Join(it.Texts, "\n")
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// legendTexts returns the texts of the legend's sample nodes and edges.
func legendTexts(d *svgDoc) (kinds, preds []string) {
	for id, it := range d.Nodes {
		if strings.HasPrefix(id, "legend:kind:") {
			kinds = append(kinds, strings.Join(it.Texts, " "))
		}
	}
	for id, it := range d.Edges {
		if strings.HasPrefix(id, "legend:pred:") {
			preds = append(preds, strings.Join(it.Texts, " "))
		}
	}
	return kinds, preds
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, v := range m {
		if v != 0 {
			return false
		}
	}
	return true
}

func TestRenderQuestionSVG(t *testing.T) {
	sg := questionSubgraph()
	d := parseSVG(t, renderBytes(t, sg, svgOptions()))
	checkSubgraphSVG(t, sg, d)

	// supports / provides / feature are told by their line style, unlabelled.
	for _, e := range sg.Edges {
		if got := edgeLabel(t, d, e.Subject+"->"+e.Object); got != "" {
			t.Errorf("edge %s %s has label %q, want none", e.Subject, e.Predicate, got)
		}
	}
	// The capability and its four supporters are one cluster; AWS
	// CloudFormation only has the feature, so it stays out.
	if len(d.Clusters) != 2 { // the capability group and the legend
		t.Fatalf("clusters = %v, want cluster_cap_0 and cluster_legend", keys(d.Clusters))
	}
	if _, ok := d.Clusters["cluster_cap_0"]; !ok {
		t.Fatalf("no capability cluster: %v", keys(d.Clusters))
	}
	dot, err := DOT(sg, svgOptions())
	if err != nil {
		t.Fatal(err)
	}
	cluster := regexp.MustCompile(`(?s)subgraph "cluster_cap_0" \{(.*?)\n  \}`).FindSubmatch(dot)
	if cluster == nil {
		t.Fatalf("no capability cluster in DOT:\n%s", dot)
	}
	for _, id := range []string{"capability:cross-account", "feature:stacksets", "service:aws-config", "service:aws-codepipeline"} {
		if !bytes.Contains(cluster[1], []byte(`"`+id+`" [`)) {
			t.Errorf("%s not in the capability cluster:\n%s", id, cluster[1])
		}
	}
	if bytes.Contains(cluster[1], []byte(`"service:aws-cloudformation" [`)) {
		t.Errorf("AWS CloudFormation in the capability cluster:\n%s", cluster[1])
	}

	kinds, preds := legendTexts(d)
	if want := []string{"service", "feature", "capability"}; !sameSet(kinds, want) {
		t.Errorf("legend kinds = %q, want %q", kinds, want)
	}
	if want := []string{"supports", "provides", "has feature"}; !sameSet(preds, want) {
		t.Errorf("legend predicates = %q, want %q", preds, want)
	}
	if got := d.Root.attr("width"); got == "" {
		t.Errorf("svg has no width")
	}
	var title []string
	for _, c := range d.Root.Children {
		if c.XMLName.Local == "g" {
			for _, cc := range c.Children {
				if cc.XMLName.Local == "text" {
					title = append(title, cc.Content)
				}
			}
		}
	}
	if len(title) != 1 || title[0] != sg.Title {
		t.Errorf("graph title = %q, want %q", title, sg.Title)
	}
}

func TestRenderNeighbourhoodSVG(t *testing.T) {
	sg := neighbourhoodSubgraph()
	d := parseSVG(t, renderBytes(t, sg, svgOptions()))
	checkSubgraphSVG(t, sg, d)
	want := map[string]string{
		PredSupports: "",
		PredNotifies: "notifies",
		PredFeature:  "",
		PredTargets:  "targets",
		PredPartOf:   "",
		PredDelivers: "delivers to",
	}
	for _, e := range sg.Edges {
		if got := edgeLabel(t, d, e.Subject+"->"+e.Object); got != want[e.Predicate] {
			t.Errorf("%s edge label = %q, want %q", e.Predicate, got, want[e.Predicate])
		}
	}
	// One service supporting one capability is no group.
	if _, ok := d.Clusters["cluster_cap_0"]; ok {
		t.Errorf("unexpected capability cluster")
	}
	kinds, preds := legendTexts(d)
	if want := []string{"service", "capability", "feature", "component", "log"}; !sameSet(kinds, want) {
		t.Errorf("legend kinds = %q, want %q", kinds, want)
	}
	if want := []string{"supports", "notifies", "has feature", "targets", "part of", "delivers to"}; !sameSet(preds, want) {
		t.Errorf("legend predicates = %q, want %q", preds, want)
	}
	// Line styles: notifies dashed, targets and deliversTo dotted, partOf
	// with a diamond, feature without an arrowhead.
	style := func(p string) (dash string, polygons int) {
		for _, e := range sg.Edges {
			if e.Predicate != p {
				continue
			}
			d.Edges[e.Subject+"->"+e.Object].Elem.walk(func(x *xmlElem) {
				switch x.XMLName.Local {
				case "path":
					dash = x.attr("stroke-dasharray")
				case "polygon":
					polygons++
				}
			})
		}
		return dash, polygons
	}
	if dash, _ := style(PredNotifies); dash != "5,2" {
		t.Errorf("notifies dasharray = %q, want dashed 5,2", dash)
	}
	if dash, _ := style(PredTargets); dash != "1,5" {
		t.Errorf("targets dasharray = %q, want dotted 1,5", dash)
	}
	if dash, n := style(PredSupports); dash != "" || n != 1 {
		t.Errorf("supports dasharray %q, %d arrowheads; want solid with 1", dash, n)
	}
	if _, n := style(PredFeature); n != 0 {
		t.Errorf("feature edge has %d arrowheads, want none", n)
	}
}

func TestRenderPathSVG(t *testing.T) {
	sg := pathSubgraph()
	opt := svgOptions()
	d := parseSVG(t, renderBytes(t, sg, opt))
	checkSubgraphSVG(t, sg, d)
	for i, e := range sg.Edges {
		if got := edgeLabel(t, d, e.Subject+"->"+e.Object); got != strconv.Itoa(i+1) {
			t.Errorf("hop %d label = %q, want %d", i+1, got, i+1)
		}
	}
	// Left to right, the hops are in order.
	var xs []float64
	for _, n := range sg.Nodes {
		x := -1.0
		d.Nodes[n.ID].Elem.walk(func(e *xmlElem) {
			if e.XMLName.Local == "text" && x < 0 {
				x, _ = strconv.ParseFloat(e.attr("x"), 64)
			}
		})
		xs = append(xs, x)
	}
	for i := 1; i < len(xs); i++ {
		if xs[i] <= xs[i-1] {
			t.Errorf("hops not left to right: x = %v", xs)
			break
		}
	}
	// Top to bottom with TB.
	opt.RankDir = "TB"
	d = parseSVG(t, renderBytes(t, sg, opt))
	var ys []float64
	for _, n := range sg.Nodes {
		y := 0.0
		found := false
		d.Nodes[n.ID].Elem.walk(func(e *xmlElem) {
			if e.XMLName.Local == "text" && !found {
				y, _ = strconv.ParseFloat(e.attr("y"), 64)
				found = true
			}
		})
		ys = append(ys, y)
	}
	for i := 1; i < len(ys); i++ {
		if ys[i] <= ys[i-1] {
			t.Errorf("TB hops not top to bottom: y = %v", ys)
			break
		}
	}
}

const hostileName = `He said "hi" <b>&amp;</b> \n back\slash` + "\n" + "Café – ü"

func hostileSubgraph() Subgraph {
	a := Node{ID: "service:hostile", Name: hostileName, Kind: KindService}
	b := rnode(KindConcept, "Plain")
	e := redge(a, PredNotifies, b, `notes/a "b".txt:1`, `notes/c\d&e.txt:2`)
	return Subgraph{Title: hostileName, Nodes: []Node{a, b}, Edges: []Edge{e}}
}

func TestRenderHostileLabel(t *testing.T) {
	sg := hostileSubgraph()
	opt := DefaultRenderOptions()
	dot, err := DOT(sg, opt)
	if err != nil {
		t.Fatal(err)
	}
	wantLabel := `label="He said \"hi\" <b>&amp;amp;</b> \\n back\\slash\nCafé – ü"`
	if !bytes.Contains(dot, []byte(`"service:hostile" [`+wantLabel)) {
		t.Errorf("DOT does not contain %s:\n%s", wantLabel, dot)
	}
	if want := `tooltip="notes/a \"b\".txt:1\nnotes/c\\d&amp;e.txt:2"`; !bytes.Contains(dot, []byte(want)) {
		t.Errorf("DOT does not contain %s:\n%s", want, dot)
	}
	// Every statement is on one line: no raw line break inside a string.
	for _, line := range strings.Split(strings.TrimSpace(string(dot)), "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasSuffix(line, "]") && !strings.HasSuffix(line, "{") && !strings.HasSuffix(line, "}") {
			t.Errorf("DOT line %q is not a whole statement", line)
		}
	}

	opt.Format = FormatSVG
	d := parseSVG(t, renderBytes(t, sg, opt))
	it, ok := d.Nodes["service:hostile"]
	if !ok {
		t.Fatalf("hostile node not drawn: %v", keys(d.Nodes))
	}
	if want := strings.Split(hostileName, "\n"); len(it.Texts) != 2 || it.Texts[0] != want[0] || it.Texts[1] != want[1] {
		t.Errorf("SVG label lines = %q, want %q", it.Texts, want)
	}
	if want := "service: " + hostileName; len(it.Tooltips) == 0 || it.Tooltips[0] != want {
		t.Errorf("SVG node tooltip = %q, want %q", it.Tooltips, want)
	}
	e := d.Edges["service:hostile->concept:plain"]
	if want := sg.Edges[0].Sources[0] + "\n" + sg.Edges[0].Sources[1]; len(e.Tooltips) == 0 || e.Tooltips[0] != want {
		t.Errorf("SVG edge tooltip = %q, want %q", e.Tooltips, want)
	}

	opt.Format = FormatPNG
	img := decodePNG(t, renderBytes(t, sg, opt))
	if b := img.Bounds(); b.Dx() < 100 || b.Dy() < 40 {
		t.Errorf("hostile PNG is %v", b)
	}
	// The PNG draws the texts of Graphviz's json layout: they are intact.
	var layout bytes.Buffer
	if err := testRenderer.layout(context.Background(), dot, "json", &layout); err != nil {
		t.Fatal(err)
	}
	var g xdotGraph
	if err := json.Unmarshal(layout.Bytes(), &g); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, o := range append(append([]xdotObject{g.xdotObject}, g.Objects...), g.Edges...) {
		for _, op := range o.LDraw {
			if op.Op == "T" {
				texts = append(texts, xdotText(op))
			}
		}
	}
	for _, want := range strings.Split(hostileName, "\n") {
		if n := slices.Index(texts, want); n < 0 {
			t.Errorf("PNG texts %q lack %q", texts, want)
		}
	}
}

func TestRenderTrailingBackslashAndControls(t *testing.T) {
	a := Node{ID: `service:a\`, Name: "ends with \\", Kind: KindService}
	b := Node{ID: "concept:b", Name: "tab\there\r\nnext\x00line", Kind: KindConcept}
	sg := Subgraph{Nodes: []Node{a, b}, Edges: []Edge{redge(a, PredSupports, b)}}
	d := parseSVG(t, renderBytes(t, sg, svgOptions()))
	if got := d.Nodes[`service:a\\`].Texts; len(got) != 1 || got[0] != `ends with \` {
		t.Errorf("label = %q, want %q (nodes %q)", got, `ends with \`, keys(d.Nodes))
	}
	if got := d.Nodes["concept:b"].Texts; len(got) != 2 || got[0] != "tab here" || got[1] != "next line" {
		t.Errorf("label = %q", got)
	}
}

// ---- PNG ----

func decodePNG(t *testing.T, b []byte) image.Image {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatalf("not a PNG: % x", b[:min(len(b), 16)])
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("PNG does not decode: %v", err)
	}
	return img
}

func luminance(img image.Image, x, y int) float64 {
	r, g, b, a := img.At(x, y).RGBA()
	if a == 0 {
		return 255 // transparent: background
	}
	return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 257
}

// darkest returns the lowest luminance within r pixels of (x, y).
func darkest(img image.Image, x, y float64, r int) float64 {
	best := 255.0
	cx, cy := int(x+0.5), int(y+0.5)
	for dy := -r; dy <= r; dy++ {
		for dx := -r; dx <= r; dx++ {
			best = min(best, luminance(img, cx+dx, cy+dy))
		}
	}
	return best
}

var numRE = regexp.MustCompile(`-?[0-9]+(?:\.[0-9]+)?`)

func floats(s string) []float64 {
	var out []float64
	for _, m := range numRE.FindAllString(s, -1) {
		f, _ := strconv.ParseFloat(m, 64)
		out = append(out, f)
	}
	return out
}

// box is a node's bounding box in SVG user units.
type box struct{ minX, minY, maxX, maxY float64 }

func polygonBox(t *testing.T, it svgItem) box {
	t.Helper()
	var pts []float64
	it.Elem.walk(func(e *xmlElem) {
		if e.XMLName.Local == "polygon" && pts == nil {
			pts = floats(e.attr("points"))
		}
	})
	if len(pts) < 4 {
		t.Fatalf("node %s has no polygon", it.Title)
	}
	b := box{pts[0], pts[1], pts[0], pts[1]}
	for i := 0; i+1 < len(pts); i += 2 {
		b.minX, b.maxX = min(b.minX, pts[i]), max(b.maxX, pts[i])
		b.minY, b.maxY = min(b.minY, pts[i+1]), max(b.maxY, pts[i+1])
	}
	return b
}

func TestRenderPNGStrokes(t *testing.T) {
	a := rnode(KindService, "Alpha")
	b := rnode(KindService, "Beta")
	sg := Subgraph{Nodes: []Node{a, b}, Edges: []Edge{redge(a, PredSupports, b, "x.txt:1")}}
	opt := RenderOptions{RankDir: "LR", Format: FormatSVG}
	svg := renderBytes(t, sg, opt)
	d := parseSVG(t, svg)
	opt.Format = FormatPNG
	img := decodePNG(t, renderBytes(t, sg, opt))

	// SVG user units are points; the PNG is 96 dpi. Map with the ratio of
	// the sizes and the graph's translate().
	svgW := floats(d.Root.attr("width"))[0]
	svgH := floats(d.Root.attr("height"))[0]
	sx := float64(img.Bounds().Dx()) / svgW
	sy := float64(img.Bounds().Dy()) / svgH
	if sx < 1.3 || sx > 1.37 || sy < 1.3 || sy > 1.37 {
		t.Errorf("PNG %v for SVG %vx%vpt: scale %.3f x %.3f, want 96/72", img.Bounds(), svgW, svgH, sx, sy)
	}
	var tx, ty float64
	d.Root.walk(func(e *xmlElem) {
		if e.XMLName.Local == "g" && e.attr("id") == "graph0" {
			if m := regexp.MustCompile(`translate\(([-0-9.]+) ([-0-9.]+)\)`).FindStringSubmatch(e.attr("transform")); m != nil {
				tx, _ = strconv.ParseFloat(m[1], 64)
				ty, _ = strconv.ParseFloat(m[2], 64)
			}
		}
	})
	px := func(x, y float64) (float64, float64) { return (x + tx) * sx, (y + ty) * sy }

	// Background is white, not transparent nor black.
	if l := luminance(img, 1, 1); l < 250 {
		t.Errorf("background luminance %.0f at (1,1), want white", l)
	}

	for _, n := range []Node{a, b} {
		bx := polygonBox(t, d.Nodes[n.ID])
		midX, midY := (bx.minX+bx.maxX)/2, (bx.minY+bx.maxY)/2
		outline := map[string][2]float64{
			"left":   {bx.minX, midY},
			"right":  {bx.maxX, midY},
			"top":    {midX, bx.minY},
			"bottom": {midX, bx.maxY},
		}
		for side, p := range outline {
			x, y := px(p[0], p[1])
			if l := darkest(img, x, y, 1); l > 120 {
				t.Errorf("%s %s outline at (%.0f,%.0f): luminance %.0f, want dark", n.Name, side, x, y, l)
			}
		}
		// Inside, between the outline and the text: the light blue fill.
		x, y := px(bx.minX+4, bx.minY+4)
		if l := luminance(img, int(x), int(y)); l < 190 || l > 245 {
			t.Errorf("%s fill at (%.0f,%.0f): luminance %.0f, want light blue", n.Name, x, y, l)
		}
		// The label is drawn: some dark pixels around the centre.
		x, y = px(midX, midY)
		if l := darkest(img, x, y, 6); l > 120 {
			t.Errorf("%s label not drawn near (%.0f,%.0f): luminance %.0f", n.Name, x, y, l)
		}
	}

	// The edge: dark all along its (straight) path, white just beside it.
	var path []float64
	d.Edges[a.ID+"->"+b.ID].Elem.walk(func(e *xmlElem) {
		if e.XMLName.Local == "path" {
			path = floats(e.attr("d"))
		}
	})
	if len(path) < 4 {
		t.Fatalf("edge path not found")
	}
	x0, y0 := path[0], path[1]
	x1, y1 := path[len(path)-2], path[len(path)-1]
	for _, f := range []float64{0.2, 0.5, 0.8} {
		x, y := px(x0+(x1-x0)*f, y0+(y1-y0)*f)
		if l := darkest(img, x, y, 1); l > 120 {
			t.Errorf("edge at %.0f%% (%.0f,%.0f): luminance %.0f, want dark", f*100, x, y, l)
		}
		if l := luminance(img, int(x), int(y+8)); l < 250 {
			t.Errorf("beside the edge at %.0f%% (%.0f,%.0f): luminance %.0f, want background (no blob)", f*100, x, y+8, l)
		}
	}
	// The arrowhead: dark between the path's end and the node.
	bb := polygonBox(t, d.Nodes[b.ID])
	x, y := px((x1+bb.minX)/2, y1)
	if l := darkest(img, x, y, 1); l > 120 {
		t.Errorf("arrowhead at (%.0f,%.0f): luminance %.0f, want dark", x, y, l)
	}
}

func TestRenderPNGSubgraphs(t *testing.T) {
	for name, sg := range map[string]Subgraph{
		"question":      questionSubgraph(),
		"neighbourhood": neighbourhoodSubgraph(),
		"path":          pathSubgraph(),
	} {
		opt := DefaultRenderOptions()
		opt.Format = FormatPNG
		img := decodePNG(t, renderBytes(t, sg, opt))
		dark := 0
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				if luminance(img, x, y) < 100 {
					dark++
				}
			}
		}
		// Strokes and text, not blobs: a few percent of the pixels.
		if frac := float64(dark) / float64(b.Dx()*b.Dy()); frac < 0.005 || frac > 0.2 {
			t.Errorf("%s: %.1f%% dark pixels", name, frac*100)
		}
	}
}

// TestRenderEncodePNG checks the banded PNG encoder against image/png.
func TestRenderEncodePNG(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	img := image.NewRGBA(image.Rect(0, 0, 301, 777))
	x := uint32(1)
	for i := 0; i < len(img.Pix); i += 4 {
		x = x*1664525 + 1013904223
		a := uint8(x >> 24)
		if x&0x300 != 0 {
			a = 255 // mostly opaque, like a rendered page
		}
		// Premultiplied: colour at most alpha.
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = uint8(x>>8)&a, uint8(x>>16)&a, uint8(x>>4)&a, a
	}
	var buf bytes.Buffer
	if err := renderEncodePNG(&buf, img); err != nil {
		t.Fatal(err)
	}
	got := decodePNG(t, buf.Bytes())
	if got.Bounds() != img.Bounds() {
		t.Fatalf("bounds %v, want %v", got.Bounds(), img.Bounds())
	}
	for y := 0; y < 777; y++ {
		for x := 0; x < 301; x++ {
			c := img.RGBAAt(x, y)
			want := [3]uint8{c.R + 255 - c.A, c.G + 255 - c.A, c.B + 255 - c.A}
			r, g, b, a := got.At(x, y).RGBA()
			if a != 0xffff || [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)} != want {
				t.Fatalf("pixel (%d,%d) = %v %v %v %v, want %v over white", x, y, r>>8, g>>8, b>>8, a>>8, want)
			}
		}
	}
}

// ---- options, errors, determinism ----

func TestRenderMaxNodes(t *testing.T) {
	var sg Subgraph
	for i := 0; i < DefaultMaxNodes+1; i++ {
		sg.Nodes = append(sg.Nodes, rnode(KindService, fmt.Sprintf("Service %d", i)))
	}
	for _, format := range []RenderFormat{FormatDOT, FormatSVG, FormatPNG} {
		opt := DefaultRenderOptions()
		opt.Format = format
		err := testRenderer.Render(context.Background(), sg, opt, &bytes.Buffer{})
		var e *Error
		if !errors.As(err, &e) || e.Code != EINVALID {
			t.Fatalf("%s: err = %v, want EINVALID", format, err)
		}
		msg := e.Error()
		for _, want := range []string{"151 nodes", "150", "--depth 1", "--kind service", "--max-nodes"} {
			if !strings.Contains(msg, want) {
				t.Errorf("message %q does not mention %q", msg, want)
			}
		}
		if strings.Contains(msg, "\n") {
			t.Errorf("message %q has several lines", msg)
		}
	}
	if _, err := DOT(sg, RenderOptions{MaxNodes: 200}); err != nil {
		t.Errorf("MaxNodes 200: %v", err)
	}
	if _, err := DOT(sg, RenderOptions{MaxNodes: 10}); ErrorCode(err) != EINVALID {
		t.Errorf("MaxNodes 10: err = %v, want EINVALID", err)
	}
	if _, err := DOT(sg, RenderOptions{MaxNodes: -1}); ErrorCode(err) != EINVALID {
		t.Errorf("MaxNodes -1: err = %v, want EINVALID", err)
	}
}

func TestRenderOptionsErrors(t *testing.T) {
	sg := pathSubgraph()
	for _, opt := range []RenderOptions{
		{Format: "jpg"},
		{Format: FormatSVG, RankDir: "sideways"},
	} {
		err := testRenderer.Render(context.Background(), sg, opt, &bytes.Buffer{})
		if ErrorCode(err) != EINVALID {
			t.Errorf("%+v: err = %v, want EINVALID", opt, err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 0)
	defer cancel()
	err := testRenderer.Render(ctx, sg, DefaultRenderOptions(), &bytes.Buffer{})
	if ErrorCode(err) != ETIMEOUT {
		t.Errorf("expired ctx: err = %v, want ETIMEOUT", err)
	}
	// rankdir is case-insensitive; DOT ignores the format.
	dot, err := DOT(sg, RenderOptions{RankDir: "tb", Format: "jpg"})
	if err != nil || !bytes.Contains(dot, []byte(`rankdir="TB"`)) {
		t.Errorf("DOT rankdir tb: %v\n%s", err, dot)
	}
}

func TestFormatFromPath(t *testing.T) {
	for _, tc := range []struct {
		path string
		want RenderFormat
		ok   bool
	}{
		{"out.dot", FormatDOT, true},
		{"dir/out.gv", FormatDOT, true},
		{"out.svg", FormatSVG, true},
		{"/tmp/a.b/OUT.SVG", FormatSVG, true},
		{"out.png", FormatPNG, true},
		{"out.Png", FormatPNG, true},
		{"out.jpg", "", false},
		{"out.pdf", "", false},
		{"out", "", false},
		{"out.png/", "", false},
		{"", "", false},
	} {
		got, err := FormatFromPath(tc.path)
		if tc.ok && (err != nil || got != tc.want) {
			t.Errorf("FormatFromPath(%q) = %q, %v; want %q", tc.path, got, err, tc.want)
		}
		if !tc.ok {
			var e *Error
			if !errors.As(err, &e) || e.Code != EINVALID {
				t.Errorf("FormatFromPath(%q) = %q, %v; want EINVALID", tc.path, got, err)
			}
		}
	}
}

func TestRenderDOTDeterministic(t *testing.T) {
	opt := DefaultRenderOptions()
	for _, sg := range []Subgraph{questionSubgraph(), neighbourhoodSubgraph(), pathSubgraph(), synthSubgraph(100, 150), randomSubgraph(100, 150)} {
		first, err := DOT(sg, opt)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 5; i++ {
			again, err := DOT(sg, opt)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first, again) {
				t.Fatalf("DOT differs between runs:\n%s\n----\n%s", first, again)
			}
		}
	}
	// Format is irrelevant to DOT; Render dot writes the same bytes.
	sg := questionSubgraph()
	want, _ := DOT(sg, opt)
	opt.Format = FormatDOT
	if got := renderBytes(t, sg, opt); !bytes.Equal(got, want) {
		t.Errorf("Render dot differs from DOT")
	}
	// SVG is deterministic too.
	opt.Format = FormatSVG
	if a, b := renderBytes(t, sg, opt), renderBytes(t, sg, opt); !bytes.Equal(a, b) {
		t.Errorf("SVG differs between runs")
	}
}

func TestRenderLargeSubgraphLabels(t *testing.T) {
	// Beyond renderNamedLabelsMaxEdges edges, predicate names are left to
	// the legend; positions stay.
	sg := synthSubgraph(100, 150)
	d := parseSVG(t, renderBytes(t, sg, svgOptions()))
	checkSubgraphSVG(t, sg, d)
	for _, e := range sg.Edges {
		got := edgeLabel(t, d, e.Subject+"->"+e.Object)
		want := ""
		if renderPredStyle(e.Predicate).positioned && e.Position > 0 {
			want = strconv.Itoa(e.Position)
		}
		if got != want {
			t.Errorf("%s edge label = %q, want %q", e.Predicate, got, want)
		}
	}
	_, preds := legendTexts(d)
	if len(preds) < 8 {
		t.Errorf("legend predicates = %q", preds)
	}
}

func TestRenderNoLegendAndEmpty(t *testing.T) {
	opt := svgOptions()
	opt.Legend = false
	d := parseSVG(t, renderBytes(t, pathSubgraph(), opt))
	if _, ok := d.Clusters["cluster_legend"]; ok {
		t.Errorf("legend drawn with Legend false")
	}
	for _, format := range []RenderFormat{FormatSVG, FormatPNG} {
		opt := DefaultRenderOptions()
		opt.Format = format
		renderBytes(t, Subgraph{}, opt)
	}
	// An edge whose end is not among the nodes is drawn with its ID.
	sg := pathSubgraph()
	sg.Nodes = sg.Nodes[1:]
	d = parseSVG(t, renderBytes(t, sg, svgOptions()))
	if it, ok := d.Nodes[sg.Edges[0].Subject]; !ok || it.Texts[0] != sg.Edges[0].Subject {
		t.Errorf("missing edge end not drawn with its ID: %+v", it)
	}
}

func TestRendererConcurrentAndClose(t *testing.T) {
	r := NewRenderer()
	defer r.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			opt := DefaultRenderOptions()
			if i%2 == 1 {
				opt.Format = FormatPNG
			}
			var buf bytes.Buffer
			if err := r.Render(context.Background(), neighbourhoodSubgraph(), opt, &buf); err != nil {
				errs <- err
			} else if buf.Len() == 0 {
				errs <- fmt.Errorf("empty %s", opt.Format)
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	// Usable again after Close.
	var buf bytes.Buffer
	if err := r.Render(context.Background(), pathSubgraph(), DefaultRenderOptions(), &buf); err != nil || buf.Len() == 0 {
		t.Errorf("render after Close: %v", err)
	}
}

// ---- benchmarks ----

// synthSubgraph returns a deterministic subgraph of n nodes shaped like the
// knowledge graph: capabilities supported by services and provided by their
// features, notifications, targets, deliveries, a data path, DR levels. m
// is the number of edges wanted (about 1.5 n).
func synthSubgraph(n, m int) Subgraph {
	sg := Subgraph{Title: fmt.Sprintf("synthetic %d nodes", n)}
	byKind := map[NodeKind][]Node{}
	add := func(k NodeKind, i int) {
		nd := rnode(k, fmt.Sprintf("%s %d", k, i))
		sg.Nodes = append(sg.Nodes, nd)
		byKind[k] = append(byKind[k], nd)
	}
	// Of every 20 nodes: 9 services, 4 features, 2 capabilities, and one of
	// each of strategy, component, log, event, level.
	mix := []NodeKind{KindService, KindFeature, KindService, KindCapability, KindService, KindFeature,
		KindService, KindStrategy, KindService, KindComponent, KindService, KindFeature, KindService,
		KindLog, KindService, KindCapability, KindService, KindFeature, KindEvent, KindLevel}
	for i := 0; i < n; i++ {
		add(mix[i%len(mix)], i)
	}
	x := uint32(12345)
	pick := func(list []Node) Node {
		x = x*1664525 + 1013904223
		return list[int(x>>8)%len(list)]
	}
	seen := map[[2]string]bool{}
	edge := func(s Node, p string, o Node, pos int) {
		if s.ID == o.ID || seen[[2]string{s.ID, o.ID}] || len(sg.Edges) >= m {
			return
		}
		seen[[2]string{s.ID, o.ID}] = true
		e := redge(s, p, o, fmt.Sprintf("data/notes/%03d.txt:%d", len(sg.Edges)%40, len(sg.Edges)))
		e.Position = pos
		sg.Edges = append(sg.Edges, e)
	}
	svc, feat, capb := byKind[KindService], byKind[KindFeature], byKind[KindCapability]
	for i, f := range feat { // every feature belongs to a service and provides a capability
		edge(svc[i%len(svc)], PredFeature, f, 0)
		edge(f, PredProvides, pick(capb), 0)
	}
	for _, s := range svc { // every service supports a capability
		edge(s, PredSupports, pick(capb), 0)
	}
	for _, k := range []NodeKind{KindStrategy, KindComponent, KindLog, KindEvent, KindLevel} {
		for _, o := range byKind[k] {
			switch k {
			case KindStrategy:
				edge(pick(svc), PredConfig, o, 0)
			case KindComponent:
				edge(o, PredPartOf, pick(svc), 0)
			case KindLog:
				edge(o, PredDelivers, pick(svc), 0)
			case KindEvent:
				edge(pick(svc), PredEvent, o, 1)
			case KindLevel:
				edge(pick(svc), PredRank+":rpo", o, 0)
			}
		}
	}
	// A 6-hop data path.
	for i := 0; i < 5 && i+1 < len(svc); i++ {
		edge(svc[i*3%len(svc)], PredFlowsTo, svc[(i*3+3)%len(svc)], i+1)
	}
	// The rest: service-to-service relations.
	preds := []string{PredNotifies, PredTargets, PredDelivers, PredAggregate, PredSupports}
	for i := 0; len(sg.Edges) < m && i < 10*m; i++ {
		p := preds[i%len(preds)]
		if p == PredSupports {
			edge(pick(svc), p, pick(capb), 0)
		} else {
			edge(pick(svc), p, pick(svc), 0)
		}
	}
	return sg
}

// randomSubgraph returns n nodes and m edges between random nodes: a worst
// case for dot (long edges over many ranks, many crossings).
func randomSubgraph(n, m int) Subgraph {
	kinds := renderKindOrder
	sg := Subgraph{Title: fmt.Sprintf("random %d nodes", n)}
	for i := 0; i < n; i++ {
		k := kinds[i%len(kinds)]
		if i%3 == 0 {
			k = KindService
		}
		sg.Nodes = append(sg.Nodes, rnode(k, fmt.Sprintf("%s node %d", k, i)))
	}
	preds := []string{PredSupports, PredNotifies, PredTargets, PredDelivers, PredFlowsTo, PredFeature, PredPartOf, PredProvides, PredConfig, PredAggregate}
	seen := map[[2]int]bool{}
	x := uint32(12345)
	for len(sg.Edges) < m {
		x = x*1664525 + 1013904223
		s := int(x>>8) % n
		x = x*1664525 + 1013904223
		o := int(x>>8) % n
		if s == o || seen[[2]int{s, o}] {
			continue
		}
		seen[[2]int{s, o}] = true
		e := redge(sg.Nodes[s], preds[len(sg.Edges)%len(preds)], sg.Nodes[o], fmt.Sprintf("data/notes/%03d.txt:%d", s, o))
		if e.Predicate == PredFlowsTo {
			e.Position = len(sg.Edges)%5 + 1
		}
		sg.Edges = append(sg.Edges, e)
	}
	return sg
}

func benchmarkRender(b *testing.B, sg Subgraph, format RenderFormat) {
	opt := DefaultRenderOptions()
	opt.Format = format
	r := NewRenderer()
	defer r.Close()
	var buf bytes.Buffer
	if err := r.Render(context.Background(), sg, opt, &buf); err != nil { // warm up
		b.Fatal(err)
	}
	size := buf.Len()
	cpu0 := processCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		if err := r.Render(context.Background(), sg, opt, &buf); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	// CPU time of the process per render: less sensitive to a busy machine
	// than ns/op.
	b.ReportMetric(float64((processCPU()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(size), "bytes")
}

func BenchmarkRenderSVG100(b *testing.B) { benchmarkRender(b, synthSubgraph(100, 150), FormatSVG) }
func BenchmarkRenderPNG100(b *testing.B) { benchmarkRender(b, synthSubgraph(100, 150), FormatPNG) }
func BenchmarkRenderDOT100(b *testing.B) { benchmarkRender(b, synthSubgraph(100, 150), FormatDOT) }

// Worst case: random edges.
func BenchmarkRenderSVG100Random(b *testing.B) {
	benchmarkRender(b, randomSubgraph(100, 150), FormatSVG)
}
func BenchmarkRenderPNG100Random(b *testing.B) {
	benchmarkRender(b, randomSubgraph(100, 150), FormatPNG)
}
