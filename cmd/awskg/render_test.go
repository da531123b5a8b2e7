package main

import (
	"encoding/xml"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
)

func TestNewCmdRenderFlags(t *testing.T) {
	tests := []struct {
		name    string
		cli     string
		check   func(*RenderOptions) bool
		wantErr string
	}{
		{name: "question", cli: `"which services support cross-account" -o x.svg`, check: func(o *RenderOptions) bool {
			return o.Question == "which services support cross-account" && o.Output == "x.svg" && o.MaxNodes == 150 && o.RankDir == "LR"
		}},
		{name: "around", cli: `--around CodeDeploy --depth 2 --kind service,feature`, check: func(o *RenderOptions) bool {
			return o.Around == "CodeDeploy" && o.Depth == 2 && strings.Join(o.Kinds, ",") == "service,feature"
		}},
		{name: "path", cli: `--from logs --to athena --format png -o -`, check: func(o *RenderOptions) bool {
			return o.From == "logs" && o.To == "athena" && o.Format == "png" && o.Output == "-"
		}},
		{name: "map", cli: `--map notifies --predicate notifies --max-nodes 40 --rankdir TB --no-legend`, check: func(o *RenderOptions) bool {
			return o.Map == "notifies" && o.MaxNodes == 40 && o.RankDir == "TB" && o.NoLegend
		}},
		{name: "no selection", cli: `-o x.svg`, wantErr: "exactly one selection"},
		{name: "two selections", cli: `"what is S3" --around S3`, wantErr: "exactly one selection"},
		{name: "from without to", cli: `--from logs`, wantErr: "--from and --to go together"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, _, _, _ := Test()
			var got *RenderOptions
			cmd := NewCmdRender(NewFactory(io), func(o *RenderOptions) error { got = o; return nil })
			if !execFlags(t, cmd, tt.cli, tt.wantErr) {
				return
			}
			if !tt.check(got) {
				t.Errorf("options = %+v", *got)
			}
		})
	}
}

// svgDoc is the part of a Graphviz SVG the tests read.
type svgDoc struct {
	Groups []svgGroup `xml:"g>g"`
}

type svgGroup struct {
	Class string   `xml:"class,attr"`
	Title string   `xml:"title"`
	Texts []string `xml:"text"`
	Links []struct {
		Texts []string `xml:"text"`
	} `xml:"g>a"`
}

func renderSVG(t *testing.T, args ...string) svgDoc {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out.svg")
	io, _, _, errOut := Test()
	if code := run(append(args, "-o", out), io); code != exitOK {
		t.Fatalf("render %v: exit %d: %s", args, code, errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc svgDoc
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("parse SVG: %v", err)
	}
	return doc
}

func (d svgDoc) titles(class string) map[string]bool {
	set := map[string]bool{}
	for _, g := range d.Groups {
		if g.Class == class && !strings.HasPrefix(g.Title, "legend") {
			set[g.Title] = true
		}
	}
	return set
}

func TestRenderQuestionSVG(t *testing.T) {
	doc := renderSVG(t, "render", "which services support cross-account")
	nodes, edges := doc.titles("node"), doc.titles("edge")
	for _, n := range []string{"capability:cross-account", "service:aws-cloudtrail", "service:aws-config", "feature:aws-cloudformation-stacksets"} {
		if !nodes[n] {
			t.Errorf("node %s missing; nodes %v", n, nodes)
		}
	}
	for _, e := range []string{"service:aws-cloudtrail->capability:cross-account", "service:aws-cloudformation->feature:aws-cloudformation-stacksets"} {
		if !edges[e] {
			t.Errorf("edge %s missing; edges %v", e, edges)
		}
	}
}

func TestRenderNeighbourhoodSVG(t *testing.T) {
	doc := renderSVG(t, "render", "--around", "CodeCommit", "--depth", "1")
	nodes, edges := doc.titles("node"), doc.titles("edge")
	if !nodes["service:aws-codecommit"] || !nodes["service:amazon-sns"] {
		t.Errorf("nodes %v lack CodeCommit and SNS", nodes)
	}
	if !edges["service:aws-codecommit->service:amazon-sns"] {
		t.Errorf("edges %v lack CodeCommit->SNS", edges)
	}
}

func TestRenderPathSVG(t *testing.T) {
	doc := renderSVG(t, "render", "--from", "CloudWatch Logs", "--to", "Athena")
	edges := doc.titles("edge")
	want := []string{
		"service:amazon-cloudwatch-logs->component:subscription-filter",
		"component:subscription-filter->service:amazon-kinesis-data-firehose",
		"service:amazon-kinesis-data-firehose->service:amazon-s3",
		"service:amazon-s3->service:amazon-athena",
	}
	for i, e := range want {
		if !edges[e] {
			t.Errorf("hop %d edge %s missing; edges %v", i+1, e, edges)
		}
	}
	labels := map[string]bool{}
	for _, g := range doc.Groups {
		if g.Class == "edge" {
			for _, l := range g.Links {
				for _, x := range l.Texts {
					labels[x] = true
				}
			}
			for _, x := range g.Texts {
				labels[x] = true
			}
		}
	}
	for _, l := range []string{"1", "2", "3", "4"} {
		if !labels[l] {
			t.Errorf("hop label %q missing; labels %v", l, labels)
		}
	}
}

func TestRenderPNGAndDOT(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "map.png")
	io, _, _, errOut := Test()
	if code := run([]string{"render", "--map", "multi-region", "-o", out}, io); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	fh, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	img, err := png.Decode(fh)
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 200 || b.Dy() < 100 {
		t.Errorf("PNG is %v", b)
	}
	io2, _, stdout, _ := Test()
	if code := run([]string{"render", "--from", "CloudWatch Logs", "--to", "Athena", "-o", "-"}, io2); code != exitOK {
		t.Fatalf("dot to stdout: exit %d", code)
	}
	if !strings.HasPrefix(stdout.String(), "digraph") || !strings.Contains(stdout.String(), `"service:amazon-athena"`) {
		t.Errorf("stdout is not DOT of the path:\n%.300s", stdout)
	}
}

func TestRenderErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"render", "--around", "CloudWatch", "--depth", "3", "--max-nodes", "5", "-o", filepath.Join(dir, "a.svg")}, exitUsage, "narrow it"},
		{[]string{"render", "--around", "S3", "-o", filepath.Join(dir, "a.jpg")}, exitUsage, ".jpg"},
		{[]string{"render", "--around", "Cloudtrial", "-o", filepath.Join(dir, "a.svg")}, exitUsage, "did you mean"},
		{[]string{"render", "--map", "nonsense-relation", "-o", filepath.Join(dir, "a.svg")}, exitUsage, "--map"},
	}
	for _, tt := range tests {
		io, _, _, errOut := Test()
		code := run(tt.args, io)
		if code != tt.code || !strings.Contains(errOut.String(), tt.msg) || strings.Count(errOut.String(), "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and one line with %q", tt.args, code, errOut, tt.code, tt.msg)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("failed renders left files: %v", entries)
	}
}

// TestRenderPNGWarnsOfMissingGlyphs: a PNG whose labels hold characters no
// font has ("Deploy time 🕑" with only the Go fonts) is written, exit 0,
// with one warning on stderr naming them; SVG needs no warning.
func TestRenderPNGWarnsOfMissingGlyphs(t *testing.T) {
	f := queryFactory(t)
	out := filepath.Join(t.TempDir(), "deploy.png")
	goFontsOnly := &graph.Renderer{FontDirs: []string{}}
	defer goFontsOnly.Close()
	for _, tc := range []struct {
		output string
		warn   bool
	}{{out, true}, {filepath.Join(t.TempDir(), "deploy.svg"), false}} {
		io, _, _, errOut := Test()
		opts := &RenderOptions{IO: io, Engine: f.Engine, Around: "Single target deployment", Depth: 1, Output: tc.output, RankDir: "LR", MaxNodes: 150,
			Renderer: func() *graph.Renderer { return goFontsOnly }}
		if err := runRender(opts); err != nil {
			t.Fatalf("render %s: %v", tc.output, err)
		}
		warned := regexp.MustCompile(`(?m)^warning: PNG: no font has 🕑 \(U\+1F551\): drawn as boxes`).MatchString(errOut.String())
		if warned != tc.warn || strings.Count(errOut.String(), "warning:") > 1 {
			t.Errorf("render %s: stderr %q, want a warning naming 🕑: %v", tc.output, errOut, tc.warn)
		}
		if fi, err := os.Stat(tc.output); err != nil || fi.Size() < 1000 {
			t.Errorf("render %s wrote nothing (%v)", tc.output, err)
		}
	}
}
