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
			if got.Format != tt.want.Format || got.Output != tt.want.Output {
				t.Errorf("format %q output %q, want %q %q", got.Format, got.Output, tt.want.Format, tt.want.Output)
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
	tests := []struct {
		format string
		want   []string // in the output
		source bool     // the output keeps sources
	}{
		{"nquads", []string{`<service:aws-cloudtrail> <supports> <capability:cross-account> "data/notes/002_653d9272087ba1e1.txt:752" .`, `<service:aws-cloudtrail> <name> "AWS CloudTrail" .`}, true},
		{"json", []string{`"subject":"\u003cservice:aws-cloudtrail\u003e","predicate":"\u003csupports\u003e","object":"\u003ccapability:cross-account\u003e","label":"data/notes/002_653d9272087ba1e1.txt:752"`}, true},
		{"graphml", []string{`<graphml`, `<data key="d0">&lt;service:aws-cloudtrail&gt;</data>`}, false},
		{"gml", []string{`graph [`, `<service:aws-cloudtrail>`}, false},
		{"dot", []string{`digraph`, `"<service:aws-cloudtrail>" -> "<capability:cross-account>" [ label = "<supports>" ];`}, false},
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
			if got := strings.Contains(out.String(), "002_653d9272087ba1e1.txt:752"); got != tt.source {
				t.Errorf("%s export has sources: %v, want %v", tt.format, got, tt.source)
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
	for _, format := range []string{"nquads", "json", "pquads"} {
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
