package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
)

func TestNewCmdExportFlags(t *testing.T) {
	tests := []struct {
		name    string
		cli     string
		want    ExportOptions
		wantErr string
	}{
		{name: "nquads to stdout by default", cli: ``, want: ExportOptions{Format: "nquads"}},
		{name: "format", cli: `--format json`, want: ExportOptions{Format: "json"}},
		{name: "dot alias", cli: `--format dot`, want: ExportOptions{Format: "dot"}},
		{name: "format of the file", cli: `-o graph.graphml`, want: ExportOptions{Format: "graphml", Output: "graph.graphml"}},
		{name: "pquads file", cli: `--output g.pq`, want: ExportOptions{Format: "pquads", Output: "g.pq"}},
		{name: "dot file", cli: `-o g.dot`, want: ExportOptions{Format: "graphviz", Output: "g.dot"}},
		{name: "unknown extension", cli: `-o graph.txt`, want: ExportOptions{Format: "nquads", Output: "graph.txt"}},
		{name: "format wins over the extension", cli: `--format gml -o g.nq`, want: ExportOptions{Format: "gml", Output: "g.nq"}},
		{name: "cayley dialect", cli: `--format cayley-nquads`, want: ExportOptions{Format: "cayley-nquads"}},
		{name: "jsonld file", cli: `-o g.jsonld`, want: ExportOptions{Format: "jsonld", Output: "g.jsonld"}},
		{name: "max nodes of dot", cli: `--format dot --max-nodes 2000`, want: ExportOptions{Format: "dot", MaxNodes: 2000}},
		{name: "max nodes of another format", cli: `--format gml --max-nodes 20`, wantErr: `--max-nodes goes with --format dot (graphviz), not gml`},
		{name: "max nodes not positive", cli: `-o g.dot --max-nodes 0`, wantErr: `--max-nodes must be positive, got 0`},
		{name: "unknown format", cli: `--format turtle`, wantErr: `unknown export format "turtle"`},
		{name: "argument", cli: `graph.nq`, wantErr: "export takes no arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, _, _, _ := Test()
			f := NewFactory(io)
			var got *ExportOptions
			cmd := NewCmdExport(f, func(o *ExportOptions) error { got = o; return nil })
			if !execFlags(t, cmd, tt.cli, tt.wantErr) {
				return
			}
			if tt.want.MaxNodes == 0 {
				tt.want.MaxNodes = graph.DefaultMaxNodes
			}
			if got.Format != tt.want.Format || got.Output != tt.want.Output || got.MaxNodes != tt.want.MaxNodes {
				t.Errorf("format %q output %q max nodes %d, want %q %q %d", got.Format, got.Output, got.MaxNodes, tt.want.Format, tt.want.Output, tt.want.MaxNodes)
			}
		})
	}
}

// exportOpts returns options exporting the shared in-memory store.
func exportOpts(t *testing.T, tty bool, format, output string) (*ExportOptions, *bytes.Buffer) {
	t.Helper()
	io, _, out, _ := Test()
	io.SetStdoutTTY(tty)
	return &ExportOptions{IO: io, Store: queryFactory(t).Store, Format: format, Output: output}, out
}

func TestExportFormats(t *testing.T) {
	// CloudTrail supports cross-account according to line 752 of note 002.
	ns := graph.RDFBase
	tests := []struct {
		format string
		want   []string // in the output
	}{
		{"nquads", []string{
			`<` + ns + `service:aws-cloudtrail> <` + ns + `supports> <` + ns + `capability:cross-account> <` + ns + `source:data/notes/002_653d9272087ba1e1.txt:752> .`,
			`<` + ns + `service:aws-cloudtrail> <` + ns + `name> "AWS CloudTrail" .`}},
		{"cayley-nquads", []string{`<service:aws-cloudtrail> <supports> <capability:cross-account> "data/notes/002_653d9272087ba1e1.txt:752" .`, `<service:aws-cloudtrail> <name> "AWS CloudTrail" .`}},
		{"jsonld", []string{`"@id":"` + ns + `source:data/notes/002_653d9272087ba1e1.txt:752"`}},
		{"json", []string{`"subject":"\u003cservice:aws-cloudtrail\u003e","predicate":"\u003csupports\u003e","object":"\u003ccapability:cross-account\u003e","label":"data/notes/002_653d9272087ba1e1.txt:752"`}},
		{"graphml", []string{`<graphml`, `<node id="service:aws-cloudtrail">`, `<data key="name">AWS CloudTrail</data>`}},
		{"gml", []string{`graph [`, `label "service:aws-cloudtrail"`, `name "AWS CloudTrail"`}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			opts, out := exportOpts(t, false, tt.format, "")
			if err := runExport(opts); err != nil {
				t.Fatal(err)
			}
			if tt.format == "json" {
				var quads []map[string]string
				mustUnmarshal(t, out.Bytes(), &quads)
				if len(quads) < 1000 {
					t.Errorf("%d quads in the JSON export", len(quads))
				}
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("%s export lacks %q", tt.format, w)
				}
			}
			if !strings.Contains(out.String(), "002_653d9272087ba1e1.txt:752") {
				t.Errorf("%s export lacks the sources", tt.format)
			}
			again, out2 := exportOpts(t, false, tt.format, "")
			if err := runExport(again); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), out2.Bytes()) {
				t.Errorf("two %s exports of the same graph differ", tt.format)
			}
		})
	}
}

func TestExportBinaryFormatNotToATerminal(t *testing.T) {
	tests := []struct {
		name    string
		tty     bool
		wantErr bool
	}{
		{name: "terminal", tty: true, wantErr: true},
		{name: "pipe", tty: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts, out := exportOpts(t, tt.tty, "pquads", "")
			err := runExport(opts)
			if tt.wantErr {
				if exitCode(err) != exitUsage || !strings.Contains(fmtErr(err), "pquads is a binary format") || out.Len() != 0 {
					t.Errorf("error %v, %d bytes written; want exit 2 and nothing written", err, out.Len())
				}
				return
			}
			if err != nil || out.Len() < 1000 {
				t.Errorf("error %v, %d bytes written", err, out.Len())
			}
		})
	}
}

func fmtErr(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func TestExportToFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "graph.nq")
	opts, _ := exportOpts(t, true, "nquads", file)
	if err := runExport(opts); err != nil {
		t.Fatal(err)
	}
	stdoutOpts, out := exportOpts(t, false, "nquads", "")
	if err := runExport(stdoutOpts); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(file)
	if err != nil || !bytes.Equal(got, out.Bytes()) {
		t.Errorf("file (%v) differs from the stdout export", err)
	}
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("file mode %v (%v), want 0644", fi.Mode(), err)
	}

	// A failed export leaves the previous file whole and no temporary file.
	failing, _ := exportOpts(t, false, "nquads", file)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	failing.Ctx = ctx
	if err := runExport(failing); graph.ErrorCode(err) != graph.ETIMEOUT {
		t.Errorf("cancelled export: %v, want ETIMEOUT", err)
	}
	if again, _ := os.ReadFile(file); !bytes.Equal(again, got) {
		t.Error("a cancelled export changed the previous file")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left in the directory: %v", entries)
	}

	r := runCLI(t, "", "export", "-o", filepath.Join(dir, "missing", "graph.nq"))
	if r.code != exitUsage || !strings.Contains(r.errOut, "no such file or directory") {
		t.Errorf("export into a missing directory: exit %d, stderr %q", r.code, r.errOut)
	}
}

// TestExportImportRoundTrip exports the in-memory graph, imports it into a
// bolt store and exports that store again: the same bytes, every quad read
// and stored (a note line stating one fact twice, with two details or two
// positions, keeps both), and `facts --json` of both stores the same.
func TestExportImportRoundTrip(t *testing.T) {
	t.Parallel()
	want := embeddedFactsJSON(t)
	imported := regexp.MustCompile(`^imported (\d+) quads into .*\((\d+) quads\)\n$`)
	for _, format := range []string{"nquads", "cayley-nquads", "jsonld", "json", "pquads"} {
		t.Run(format, func(t *testing.T) {
			tmp := t.TempDir()
			file, again, db := filepath.Join(tmp, "graph."+format), filepath.Join(tmp, "again."+format), filepath.Join(tmp, "store")
			mustRun(t, "export", "--format", format, "-o", file)
			r := runCLI(t, "", "ingest", "--from-quads", file, "--format", format, "--db", db)
			m := imported.FindStringSubmatch(r.errOut)
			if r.code != exitOK || m == nil {
				t.Fatalf("import: exit %d, stderr %q", r.code, r.errOut)
			}
			if m[1] != m[2] {
				t.Errorf("read %s quads, stored %s: %q", m[1], m[2], r.errOut)
			}
			mustRun(t, "export", "--db", db, "--format", format, "-o", again)
			a, errA := os.ReadFile(file)
			b, errB := os.ReadFile(again)
			if errA != nil || errB != nil || len(a) < 1000 || !bytes.Equal(a, b) {
				t.Errorf("the re-export differs from the export (%d vs %d bytes, %v, %v):\n%s", len(a), len(b), errA, errB, firstDiff(string(b), string(a)))
			}
			if got := mustRun(t, "facts", "--db", db, "--json"); got != want {
				t.Errorf("facts after the round trip differ:\n%s", firstDiff(got, want))
			}
		})
	}
	t.Run("stdin", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "store")
		nq := mustRun(t, "export")
		if r := runCLI(t, nq, "ingest", "--from-quads", "-", "--db", db); r.code != exitOK {
			t.Fatalf("import from stdin: exit %d, stderr %q", r.code, r.errOut)
		}
		if again := mustRun(t, "export", "--db", db); again != nq {
			t.Errorf("the re-export differs from the export:\n%s", firstDiff(again, nq))
		}
	})
}

// TestExportDOTForLayout: the Graphviz export of the whole graph is refused
// past --max-nodes with a hint, and nothing is written; under the limit it
// holds the graph's nodes and relations only, no literal (a kind, a name)
// as a hub node that hundreds of edges point at.
func TestExportDOTForLayout(t *testing.T) {
	r := runCLI(t, "", "export", "--format", "dot")
	if r.code != exitUsage || r.out != "" || !regexp.MustCompile(`^awskg: the graph has \d+ nodes, more than --max-nodes 150 for a Graphviz export: draw part of it with awskg render .*raise the limit with --max-nodes \d+`).MatchString(r.errOut) {
		t.Errorf("export --format dot: exit %d, %d bytes out, stderr %q; want exit 2, nothing written, the hint", r.code, len(r.out), r.errOut)
	}
	dot := mustRun(t, "export", "--format", "dot", "--max-nodes", "100000")
	nodeLine := regexp.MustCompile(`(?m)^  (?:  )?"([^"]+)" \[`)
	edgeLine := regexp.MustCompile(`(?m)^  "([^"]+)" -> "([^"]+)" \[`)
	edges := strings.Split(strings.TrimSpace(mustRun(t, "facts", "--json")), "\n") // one edge a line
	nodes := map[string]bool{}
	for _, m := range nodeLine.FindAllStringSubmatch(dot, -1) {
		if !strings.HasPrefix(m[1], "legend:") {
			nodes[m[1]] = true
		}
	}
	degree := map[string]int{}
	n := 0
	for _, m := range edgeLine.FindAllStringSubmatch(dot, -1) {
		degree[m[1]]++
		degree[m[2]]++
		n++
	}
	want := 0 // the graph's nodes: one <kind> quad each in Cayley's own export
	for _, l := range strings.Split(mustRun(t, "export", "--format", "cayley-nquads"), "\n") {
		if strings.Contains(l, "> <kind> ") {
			want++
		}
	}
	if n != len(edges) || len(nodes) != want {
		t.Errorf("the DOT export has %d nodes and %d edges, want every node (%d) and %d edges (one per relation)", len(nodes), n, want, len(edges))
	}
	for id := range nodes {
		if !strings.Contains(id, ":") {
			t.Errorf("the DOT export has a node %q that is not a node ID (a literal?)", id)
		}
	}
	for _, lit := range []string{"service", "capability", "concept", "AWS CloudTrail"} {
		if nodes[lit] || degree[lit] > 0 {
			t.Errorf("the DOT export draws the literal %q as a node with %d edges", lit, degree[lit])
		}
	}
}
