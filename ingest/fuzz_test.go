package ingest_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/awskg/awskg/ingest"
)

// One fuzzer per format parser. Each forces its format (the .md extension,
// or a prefix whose lines decide DetectFormat), skips the inputs that still
// detect as another format, and checks the document model's invariants:
// Lines is the note split into lines, every block lies within 1..len(Lines)
// with Line <= EndLine, tables are rectangular with their cells inside the
// table, and the problems reported cite lines of the note.
//
//	go test -run XXX -fuzz '^FuzzParsePDF$' -fuzztime 60s ./ingest

// fuzzSeeds returns the embedded notes, the extra test notes, and slices of
// 30 lines of each at a few offsets.
func fuzzSeeds(f *testing.F) [][]byte {
	f.Helper()
	src, err := ingest.Embedded()
	if err != nil {
		f.Fatal(err)
	}
	var notes [][]byte
	for _, s := range src {
		notes = append(notes, s.Data)
	}
	extra, err := filepath.Glob("../testdata/notes/*")
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range extra {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		notes = append(notes, b)
	}
	out := append([][]byte{}, notes...)
	for _, n := range notes {
		lines := strings.SplitAfter(string(n), "\n")
		for _, at := range []int{0, len(lines) / 3, len(lines) / 2, 2 * len(lines) / 3} {
			end := min(at+30, len(lines))
			if at < end {
				out = append(out, []byte(strings.Join(lines[at:end], "")))
			}
		}
	}
	return out
}

// fuzzLines is the documented split of a note into lines: on "\n", without
// a "\r" before it, a final newline not starting an extra line.
func fuzzLines(src []byte) []string {
	if len(src) == 0 {
		return nil
	}
	lines := strings.Split(string(src), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// fuzzCheckDoc checks the invariants of a parsed note.
func fuzzCheckDoc(t *testing.T, name string, src []byte, doc *ingest.Document, err error) {
	t.Helper()
	if doc == nil {
		if !errors.Is(err, ingest.ErrBinary) {
			t.Fatalf("nil document with error %v, want ErrBinary", err)
		}
		return
	}
	if doc.File != name {
		t.Fatalf("File = %q, want %q", doc.File, name)
	}
	want := fuzzLines(src)
	if len(doc.Lines) != len(want) {
		t.Fatalf("len(Lines) = %d, want %d", len(doc.Lines), len(want))
	}
	for i := range want {
		if doc.Lines[i] != want[i] {
			t.Fatalf("Lines[%d] = %q, want %q", i, doc.Lines[i], want[i])
		}
	}
	n := len(doc.Lines)
	for i, b := range doc.Blocks {
		if b.Line < 1 || b.Line > n || b.EndLine < b.Line || b.EndLine > n {
			t.Fatalf("block %d (%v %q): lines %d-%d outside 1..%d", i, b.Kind, b.Text, b.Line, b.EndLine, n)
		}
		switch b.Kind {
		case ingest.BlockHeading:
			if b.Level < 1 {
				t.Fatalf("heading %d at line %d: level %d", i, b.Line, b.Level)
			}
		case ingest.BlockBullet:
			if b.Depth < 0 || b.Ordinal < 0 {
				t.Fatalf("bullet %d at line %d: depth %d, ordinal %d", i, b.Line, b.Depth, b.Ordinal)
			}
		case ingest.BlockTable:
			if b.Table == nil || len(b.Table.Header) == 0 {
				t.Fatalf("table %d at line %d without header", i, b.Line)
			}
			cells := append([]ingest.Cell{}, b.Table.Header...)
			for r, row := range b.Table.Rows {
				if len(row) != len(b.Table.Header) {
					t.Fatalf("table at line %d: row %d has %d cells, header %d", b.Line, r, len(row), len(b.Table.Header))
				}
				cells = append(cells, row...)
			}
			for _, c := range cells {
				if c.Text != "" && (c.Line < b.Line || c.Line > b.EndLine) {
					t.Fatalf("table at lines %d-%d: cell %q at line %d", b.Line, b.EndLine, c.Text, c.Line)
				}
			}
		default:
			if b.Table != nil {
				t.Fatalf("%v block %d at line %d has a table", b.Kind, i, b.Line)
			}
		}
	}
	if err != nil {
		var list ingest.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error %v (%T), want a non-empty ErrorList", err, err)
		}
		for _, e := range list {
			if e.Line < 0 || e.Line > n {
				t.Fatalf("problem %q at line %d outside 0..%d", e.Msg, e.Line, n)
			}
		}
	}
}

// fuzzClean rewrites a seed so that it keeps its structure but loses the
// signals of other formats than format: PDF heading marks for all, "#"
// lines for wiki, every Markdown, blog, wiki and PDF signal for text.
func fuzzClean(format string, src []byte) []byte {
	if format == ingest.FormatPDF || format == ingest.FormatMarkdown {
		return src
	}
	lines := strings.SplitAfter(string(src), "\n")
	for i, l := range lines {
		l = strings.ReplaceAll(l, "↖", "^")
		if format == ingest.FormatWiki && strings.TrimRight(l, "\r\n") == "#" {
			l = "\n"
		}
		if format == ingest.FormatText {
			l = strings.TrimLeft(l, "#")
			l = strings.NewReplacer("•", "-", "`", "'", "* ", "- ").Replace(l)
		}
		lines[i] = l
	}
	return []byte(strings.Join(lines, ""))
}

// fuzzFormat runs a fuzzer that parses prefix+input as name, for inputs
// that DetectFormat reports as format.
func fuzzFormat(f *testing.F, format, name, prefix string) {
	for _, s := range fuzzSeeds(f) {
		f.Add(fuzzClean(format, s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		src := append([]byte(prefix), in...)
		if got := ingest.DetectFormat(name, src); got != format {
			t.Skipf("input detected as %s", got)
		}
		doc, err := ingest.Parse(name, src)
		fuzzCheckDoc(t, name, src, doc, err)
		if doc != nil && doc.Format != format {
			t.Fatalf("Format = %q, DetectFormat said %q", doc.Format, format)
		}
	})
}

func FuzzParseMarkdown(f *testing.F) {
	f.Add([]byte("# h\n\n* a `x`\n  1. b\n\n| a | b |\n|---|---|\n| c |\n\n```\ncode\n"))
	fuzzFormat(f, ingest.FormatMarkdown, "fuzz.md", "")
}

func FuzzParseWiki(f *testing.F) {
	f.Add([]byte("Heading\n  • a\n    • b\n      • c > d\n  1. x\n    y\nTasks Details\nRun Command Manage it.\n"))
	fuzzFormat(f, ingest.FormatWiki, "fuzz.txt", "  • fuzz\n")
}

func FuzzParseBlog(f *testing.F) {
	f.Add([]byte("Deploy\n#\n\n  • rolling: eb, asg\n  • logs > subscription filter > s3\n"))
	fuzzFormat(f, ingest.FormatBlog, "fuzz.txt", "Fuzz\n#\nFuzz\n#\n")
}

func FuzzParsePDF(f *testing.F) {
	f.Add([]byte("↖↑↓ T\n. |\n. |\na |\n+ |\nb |\n|\n- x\ncode\n"))
	fuzzFormat(f, ingest.FormatPDF, "fuzz.txt", "↖↓ Fuzz\n")
}

func FuzzParseText(f *testing.F) {
	f.Add([]byte("Title\n\nprose line\n- item\n  - nested\n1. one\n"))
	fuzzFormat(f, ingest.FormatText, "fuzz.txt", "")
}

var (
	fuzzDictOnce sync.Once
	fuzzDict     *ingest.Dictionary
	fuzzDictErr  error
)

// FuzzExtract parses and extracts with the real dictionary: no panic, and
// every fact cites a non-blank line of the note as "name:LINE".
func FuzzExtract(f *testing.F) {
	fuzzDictOnce.Do(func() { fuzzDict, fuzzDictErr = ingest.LoadDictionary() })
	if fuzzDictErr != nil {
		f.Fatal(fuzzDictErr)
	}
	for _, s := range fuzzSeeds(f) {
		f.Add(false, s)
		if len(s) < 8<<10 {
			f.Add(true, s)
		}
	}
	f.Fuzz(func(t *testing.T, markdown bool, src []byte) {
		name := "fuzz.txt"
		if markdown {
			name = "fuzz.md"
		}
		doc, err := ingest.Parse(name, src)
		if doc == nil {
			return
		}
		fuzzCheckDoc(t, name, src, doc, err)
		g := ingest.Extract(doc, fuzzDict)
		nodes := map[string]bool{}
		for _, n := range g.Nodes {
			if n.ID == "" || n.Kind == "" {
				t.Fatalf("node %+v without ID or kind", n)
			}
			nodes[n.ID] = true
		}
		for _, fc := range g.Facts {
			file, line, ok := strings.Cut(fc.Source, ":")
			if !ok || file != name {
				t.Fatalf("fact %+v: source %q is not %s:LINE", fc, fc.Source, name)
			}
			n, err := strconv.Atoi(line)
			if err != nil || n < 1 || n > len(doc.Lines) {
				t.Fatalf("fact %+v: line %q outside 1..%d", fc, line, len(doc.Lines))
			}
			if strings.TrimSpace(doc.Lines[n-1]) == "" {
				t.Fatalf("fact %+v cites a blank line", fc)
			}
			if fc.Subject == "" || fc.Predicate == "" || fc.Object == "" {
				t.Fatalf("fact %+v with an empty part", fc)
			}
			for _, id := range []string{fc.Subject, fc.Object} {
				if _, inDict := fuzzDict.Node(id); !inDict && !nodes[id] {
					t.Fatalf("fact %+v: node %q neither in the dictionary nor in the graph's nodes", fc, id)
				}
			}
		}
	})
}
