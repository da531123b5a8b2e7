package synth

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

func TestGenerateDeterministic(t *testing.T) {
	a, b := Generate(1, 7), Generate(1, 7)
	if len(a) != len(b) {
		t.Fatalf("same seed: %d notes, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("same seed: note %d differs (%s, %s)", i, a[i].Name, b[i].Name)
		}
	}
	c := Generate(1, 8)
	if len(c) == len(a) && bytes.Equal(c[0].Data, a[0].Data) {
		t.Fatal("seeds 7 and 8 gave the same first note")
	}
}

func TestGenerateSize(t *testing.T) {
	unit, err := EmbeddedBytes()
	if err != nil {
		t.Fatal(err)
	}
	if unit < 200<<10 || unit > 300<<10 {
		t.Fatalf("embedded notes are %d bytes, expected about 250 KB", unit)
	}
	for _, n := range []int{1, 3} {
		src := Generate(n, 1)
		size := Size(src)
		// Notes end on a whole section: a few KB over the target at most.
		if size < n*unit || size > n*unit+8<<10 {
			t.Errorf("Generate(%d): %d bytes, want %d..%d", n, size, n*unit, n*unit+8<<10)
		}
		// No note exceeds the largest extraction size (170 KB), so the
		// count has a floor whatever the seed and the dictionary draw.
		const maxNote = 170 << 10
		if len(src) < size/maxNote {
			t.Errorf("Generate(%d): only %d notes for %d bytes", n, len(src), size)
		}
		for _, s := range src {
			if len(s.Data) > maxNote+8<<10 {
				t.Errorf("Generate(%d): note %s is %d bytes, over %d", n, s.Name, len(s.Data), maxNote)
			}
		}
	}
}

// TestGenerateFormats checks that every note is detected as the format it
// was written in, and that all four formats are there.
func TestGenerateFormats(t *testing.T) {
	seen := map[string]int{}
	for _, s := range Generate(2, 3) {
		want := FormatOf(s.Name)
		if want == "" {
			t.Fatalf("note %s: no format in its name", s.Name)
		}
		if got := ingest.DetectFormat(s.Name, s.Data); got != want {
			t.Errorf("note %s detected as %q, want %q", s.Name, got, want)
		}
		if !bytes.HasSuffix(s.Data, []byte("\n")) {
			t.Errorf("note %s does not end with a newline", s.Name)
		}
		seen[want]++
	}
	for _, f := range Formats {
		if seen[f] == 0 {
			t.Errorf("no %s note", f)
		}
	}
}

// TestGenerateBuild ingests a generated corpus: every note parses without
// warnings, facts come out of every format, invented services become nodes
// and capability sentences and tables become capability facts.
func TestGenerateBuild(t *testing.T) {
	src := Generate(1, 1)
	dict, err := ingest.LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	c, err := ingest.Build(context.Background(), src, dict)
	if err != nil {
		t.Fatal(err)
	}
	if c.Files != len(src) {
		t.Errorf("%d of %d notes ingested; warnings: %v", c.Files, len(src), c.Warnings)
	}
	if len(c.Facts) < 500 {
		t.Errorf("only %d facts from %d bytes", len(c.Facts), Size(src))
	}
	perFormat := map[string]int{}
	preds := map[string]int{}
	for _, f := range c.Facts {
		file, _, ok := strings.Cut(f.Source, ":")
		if !ok {
			t.Fatalf("fact source %q is not file:line", f.Source)
		}
		perFormat[FormatOf(file)]++
		preds[f.Predicate]++
	}
	for _, f := range Formats {
		if perFormat[f] == 0 {
			t.Errorf("no fact from a %s note", f)
		}
	}
	for _, p := range []string{graph.PredSupports, graph.PredNotifies, graph.PredFlowsTo, graph.PredEvent} {
		if preds[p] == 0 {
			t.Errorf("no %s fact; predicates: %v", p, preds)
		}
	}
	invented := 0
	for _, n := range c.Nodes {
		if _, ok := dict.Node(n.ID); !ok && n.Kind == graph.KindService && (strings.HasPrefix(n.Name, "AWS ") || strings.HasPrefix(n.Name, "Amazon ")) {
			invented++
		}
	}
	if invented < 10 {
		t.Errorf("only %d new services from invented names", invented)
	}
	xacct := 0
	for _, f := range c.Facts {
		if f.Predicate == graph.PredSupports && f.Object == graph.NodeID(graph.KindCapability, "cross-account") {
			xacct++
		}
	}
	if xacct == 0 {
		t.Error("no service supports cross-account")
	}
}

func TestWriteReadBack(t *testing.T) {
	dir := t.TempDir()
	src := Generate(1, 2)
	if err := Write(dir, src); err != nil {
		t.Fatal(err)
	}
	got, warn, err := ingest.ReadPaths(context.Background(), []string{dir})
	if err != nil || len(warn) > 0 {
		t.Fatalf("ReadPaths: %v %v", err, warn)
	}
	if len(got) != len(src) {
		t.Fatalf("read %d notes back, wrote %d", len(got), len(src))
	}
	for i := range src {
		if filepath.Base(got[i].Name) != filepath.Base(src[i].Name) || !bytes.Equal(got[i].Data, src[i].Data) {
			t.Errorf("note %d: read %s back, wrote %s", i, got[i].Name, src[i].Name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "0000-markdown.md")); err != nil {
		t.Error(err)
	}
}

// TestBullets ingests the memory-per-fact note: each of its bullets is one
// supports fact of AWS CodeDeploy, sourced to its own line.
func TestBullets(t *testing.T) {
	const n = 40
	note := Bullets(n)
	dict, err := ingest.LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	c, err := ingest.Build(context.Background(), []ingest.Source{note}, dict)
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]bool{}
	for _, f := range c.Facts {
		if f.Predicate != graph.PredSupports || f.Subject != graph.NodeID(graph.KindService, "AWS CodeDeploy") {
			t.Errorf("unexpected fact %+v", f)
			continue
		}
		lines[f.Source] = true
	}
	for i := 1; i <= n; i++ {
		if src := fmt.Sprintf("%s:%d", note.Name, i); !lines[src] {
			t.Errorf("no fact from %s", src)
		}
	}
}
