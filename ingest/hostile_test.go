package ingest

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
)

// Hostile notes: each is read in bounded work, and what a bound skips is a
// positioned warning while the rest of the note is still read. The figures
// are in BenchmarkHostile; these tests assert the bounds, the warnings and
// the content read, never a time.

// hostile notes, by name: file name and content.
var hostileNotes = map[string]func() (string, string){
	// issue 10 item 7
	"md-nested-list-2000": func() (string, string) { return "nest.md", nestedList(2000) },
	"md-quotes-65000x10": func() (string, string) {
		return "quotes.md", strings.Repeat(strings.Repeat(">", 65000)+" x\n", 10)
	},
	"md-table-10000x200": func() (string, string) { return "table.md", pipeTable(10000, 200) },
	"md-dashes-32000":    func() (string, string) { return "dashes.md", strings.Repeat("- ", 32000) + "x\n" },
	"md-emphasis-500k": func() (string, string) {
		return "emph.md", strings.Repeat("*a_b*c_d**e_f*g**h*i_j**\n", 20000)
	},
	"md-backticks-300k": func() (string, string) { return "ticks.md", strings.Repeat(strings.Repeat("\\``", 20)+"\n", 5000) },
	"md-long-heading-20k": func() (string, string) {
		return "heading.md", "# " + numbered("word%d ", 6000) + "\n\n" + strings.Repeat("S3 integrates with SNS.\n\n", 20000)
	},
	"md-links-20x63k": func() (string, string) { return "links.md", strings.Repeat(strings.Repeat("[](", 21000)+"\n\n", 20) },
	// issue 10 item 8
	"aws-names-5000": func() (string, string) {
		return "names.txt", "S3 integrates with " + awsNames(5000, ", ") + ".\n"
	},
	"chain-hops-3000":  func() (string, string) { return "chain.txt", awsNames(3000, " > ") + "\n" },
	"arrow-lines-100k": func() (string, string) { return "arrows.txt", "DNS\n" + numbered("-> LB%d (x)\n", 100000) },
	"generic-heads-50k": func() (string, string) {
		return "heads.txt", strings.Repeat("Overview:\nS3 can replicate across accounts.\n\n", 50000)
	},
	"flat-cells-400k": func() (string, string) { return "cells.txt", strings.Repeat("a |\nbb |\n", 200000) },
	"long-cells-1000": func() (string, string) {
		return "long.txt", numbered(strings.Repeat("w%[1]d ", 4000)+"|\n", 1000)
	},
}

func nestedList(depth int) string {
	var b strings.Builder
	for i := 0; i < depth; i++ {
		b.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	return b.String()
}

func pipeTable(cols, rows int) string {
	var b strings.Builder
	b.WriteString("|" + numbered("h%d|", cols) + "\n")
	b.WriteString("|" + strings.Repeat("-|", cols) + "\n")
	for r := 0; r < rows; r++ {
		b.WriteString("|" + strings.Repeat("a|", cols) + "\n")
	}
	return b.String()
}

// awsNames returns "AWS Foo0", "AWS Foo1", ... joined by sep.
func awsNames(n int, sep string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf("AWS Foo%d", i)
	}
	return strings.Join(parts, sep)
}

// numbered repeats format n times with the numbers 0..n-1.
func numbered(format string, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, format, i)
	}
	return b.String()
}

// BenchmarkHostile ingests each hostile note alone (go test -bench Hostile
// -benchmem ./ingest): every one takes well under a second.
func BenchmarkHostile(b *testing.B) {
	dict, err := LoadDictionary()
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range sortedKeys(hostileNotes) {
		file, text := hostileNotes[name]()
		src := []Source{{Name: file, Data: []byte(text)}}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				c, err := Build(context.Background(), src, dict)
				if err != nil || c.Files != 1 {
					b.Fatalf("Build: %v, %d files", err, c.Files)
				}
			}
		})
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// buildOneNote ingests one note and returns the corpus.
func buildOneNote(t *testing.T, name, text string) *Corpus {
	t.Helper()
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	c, err := Build(context.Background(), []Source{{Name: name, Data: []byte(text)}}, dict)
	if err != nil || c.Files != 1 {
		t.Fatalf("Build: %v, %d files", err, c.Files)
	}
	return c
}

// wantWarning fails unless the warnings hold exactly one at file:line whose
// message contains msg.
func wantWarning(t *testing.T, warns ErrorList, file string, line int, msg string) {
	t.Helper()
	n := 0
	for _, w := range warns {
		if strings.Contains(w.Msg, msg) {
			n++
			if w.File != file || w.Line != line {
				t.Errorf("warning %q at %s:%d, want %s:%d", w.Msg, w.File, w.Line, file, line)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d warnings containing %q, want 1; warnings:\n%s", n, msg, warns.Details())
	}
}

// allocated returns the bytes f allocates.
//
// The heap counters are process-wide, so a run also counts what other
// goroutines allocate meanwhile, such as the lemma tables an earlier test
// started loading in the background (megabytes). allocated waits for that
// load and returns the least of three runs, which is f's own figure.
func allocated(f func()) uint64 {
	settleBackground()
	best := uint64(math.MaxUint64)
	for range 3 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		best = min(best, after.TotalAlloc-before.TotalAlloc)
	}
	return best
}

// settleBackground waits for the background work a Build starts (the lemma
// tables' load), so it is not counted in a measurement of something else.
func settleBackground() { Lemma("is") }

func TestMarkdownNestingBounded(t *testing.T) {
	const depth = 300
	text := nestedList(depth) + "\nAmazon S3 integrates with Amazon SNS.\n"
	doc, err := Parse("nest.md", []byte(text))
	list, _ := err.(ErrorList)
	wantWarning(t, list, "nest.md", MaxMarkdownDepth+1, fmt.Sprintf("%d lines (through line %d) nested deeper than %d", depth-MaxMarkdownDepth, depth, MaxMarkdownDepth))
	var bullets, paras int
	for _, b := range doc.Blocks {
		switch b.Kind {
		case BlockBullet:
			if b.Line != bullets+1 || b.Depth != bullets || b.Text != "x" {
				t.Errorf("bullet %d: line %d depth %d %q", bullets, b.Line, b.Depth, b.Text)
			}
			bullets++
		case BlockParagraph:
			paras++
			if b.Line != depth+2 {
				t.Errorf("paragraph at line %d, want %d", b.Line, depth+2)
			}
		}
	}
	if bullets != MaxMarkdownDepth || paras != 1 {
		t.Errorf("%d bullets and %d paragraphs read, want the %d levels within the bound and the paragraph after", bullets, paras, MaxMarkdownDepth)
	}

	// Block quotes and markers on one line count the same.
	text = strings.Repeat(strings.Repeat(">", 5000)+" x\n", 3) + strings.Repeat("- ", 1000) + "y\n\n> > quoted\n"
	doc, err = Parse("quotes.md", []byte(text))
	list, _ = err.(ErrorList)
	wantWarning(t, list, "quotes.md", 1, "4 lines (through line 4) nested deeper than")
	if len(doc.Blocks) != 1 || doc.Blocks[0].Text != "quoted" || doc.Blocks[0].Line != 6 {
		t.Errorf("blocks %+v, want the quote of line 6 alone", doc.Blocks)
	}
}

func TestMarkdownTableWidthBounded(t *testing.T) {
	const cols = 1000
	text := pipeTable(cols, 3) + "\nAmazon S3 integrates with Amazon SNS.\n"
	doc, err := Parse("table.md", []byte(text))
	list, _ := err.(ErrorList)
	wantWarning(t, list, "table.md", 1, fmt.Sprintf("table rows (5 lines, through line 5) wider than %d cells", MaxTableColumns))
	if len(doc.Blocks) != 2 || doc.Blocks[0].Kind != BlockTable || doc.Blocks[1].Kind != BlockParagraph {
		t.Fatalf("blocks %+v, want the table and the paragraph", doc.Blocks)
	}
	tb := doc.Blocks[0].Table
	if len(tb.Header) != MaxTableColumns || len(tb.Rows) != 3 || tb.Header[MaxTableColumns-1].Text != fmt.Sprintf("h%d", MaxTableColumns-1) {
		t.Errorf("table of %d columns (last %q) and %d rows, want the first %d columns of 3 rows", len(tb.Header), tb.Header[len(tb.Header)-1].Text, len(tb.Rows), MaxTableColumns)
	}
	// A table within the bound is read whole, without warning.
	if doc, err := Parse("ok.md", []byte(pipeTable(MaxTableColumns, 2))); err != nil || len(doc.Blocks[0].Table.Header) != MaxTableColumns {
		t.Errorf("table of %d columns: %v", MaxTableColumns, err)
	}
}

func TestMentionsPerTextBounded(t *testing.T) {
	const n = 3000
	text := "S3 integrates with " + awsNames(n, ", ") + ".\nAmazon S3 integrates with Amazon SNS.\n"
	// the vocabulary is loaded before the measurement: what is bounded is
	// the note's ingest, not the lexicon's size
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	var c *Corpus
	alloc := allocated(func() {
		if c, err = Build(context.Background(), []Source{{Name: "names.txt", Data: []byte(text)}}, dict); err != nil || c.Files != 1 {
			t.Fatalf("Build: %v", err)
		}
	})
	wantWarning(t, c.Warnings, "names.txt", 1, fmt.Sprintf("%d names in one text, over the limit of %d", n+1, MaxMentions))
	line1, objects, sns := 0, map[string]bool{}, false
	for _, f := range c.Facts {
		if f.Source == "names.txt:1" {
			line1++
			if f.Predicate == graph.PredIntegrates {
				objects[f.Object] = true
			}
		}
		sns = sns || f.Source == "names.txt:2" && f.Object == "service:amazon-sns"
	}
	if len(objects) == 0 || len(objects) > MaxMentions || line1 > MaxLineFacts || !sns {
		t.Errorf("line 1 integrates S3 with %d services (want 1..%d), %d facts in all (at most %d); the fact of line 2 read: %v", len(objects), MaxMentions, line1, MaxLineFacts, sns)
	}
	// Every fact cites the whole sentence: clipping it must not cost its
	// length per fact.
	if limit := uint64(200 * len(text)); alloc > limit {
		t.Errorf("ingesting a %d-byte note allocated %d bytes, over %d", len(text), alloc, limit)
	}
}

func TestFactsPerLineBounded(t *testing.T) {
	// "Targets: a, b, c, ..." makes one fact per item without linking names.
	text := "Amazon EventBridge\n\nBuilt-in targets:\n" + "- Built-in targets: " + numbered("Target %d, ", 1000) + "last\n"
	c := buildOneNote(t, "targets.txt", text)
	wantWarning(t, c.Warnings, "targets.txt", 4, fmt.Sprintf("more than %d facts from one line", MaxLineFacts))
	if n := len(c.Facts); n != MaxLineFacts {
		t.Errorf("%d facts, want %d", n, MaxLineFacts)
	}
}

func TestClipReadsOnlyWhatItKeeps(t *testing.T) {
	for _, s := range []string{"", "  a  b ", strings.Repeat("x", 299), strings.Repeat("x", 300), strings.Repeat("x", 301),
		strings.Repeat("é", 200), strings.Repeat("ab\t\n ", 100), strings.Repeat(" ", 1000) + "z", strings.Repeat("word ", 100000)} {
		want := strings.Join(strings.Fields(s), " ")
		if len(want) > clipBytes {
			cut := clipBytes
			for cut > 0 && !utf8Start(want[cut]) {
				cut--
			}
			want = want[:cut] + "…"
		}
		if got := clip(s); got != want {
			t.Errorf("clip(%.20q…) = %.40q…, want %.40q…", s, got, want)
		}
	}
	long := strings.Repeat("word ", 100000)
	settleBackground()
	if a := testing.AllocsPerRun(10, func() { clip(long) }); a > 3 {
		t.Errorf("clip of 500 KB: %v allocations, want at most 3", a)
	}
	if b := allocated(func() { clip(long) }); b > 4096 {
		t.Errorf("clip of 500 KB allocated %d bytes", b)
	}
}

func TestChainHopsBounded(t *testing.T) {
	text := awsNames(100, " > ") + "\n"
	c := buildOneNote(t, "chain.txt", text)
	wantWarning(t, c.Warnings, "chain.txt", 1, fmt.Sprintf("arrow chain of 100 hops, over the limit of %d", MaxChainHops))
	hops := 0
	for _, f := range c.Facts {
		if f.Predicate == "hop" {
			hops++
		}
	}
	if hops != MaxChainHops {
		t.Errorf("%d hops read, want %d", hops, MaxChainHops)
	}

	// One hop per line: "DNS" / "-> LB0 (x)" / "-> LB1 (x)" ...
	text = "DNS\n" + numbered("-> LB%d (x)\n", 100) + "\nAmazon S3 integrates with Amazon SNS.\n"
	c = buildOneNote(t, "arrows.txt", text)
	wantWarning(t, c.Warnings, "arrows.txt", MaxChainHops+1, fmt.Sprintf("arrow chain of 101 hops, over the limit of %d", MaxChainHops))
	hops, sns := 0, false
	for _, f := range c.Facts {
		if f.Predicate == "hop" {
			hops++
		}
		sns = sns || f.Object == "service:amazon-sns"
	}
	if hops != MaxChainHops || !sns {
		t.Errorf("%d hops read (want %d), the fact after the chain read: %v", hops, MaxChainHops, sns)
	}
}

// Thousands of generic headings ("Overview") that name no service: finding
// a section's subject looks at a bounded number of headings per block.
func TestGenericHeadingsContextBounded(t *testing.T) {
	const n = 2000
	text := "Amazon S3\n\n" + strings.Repeat("Overview:\nIt can replicate across accounts.\n\n", n)
	doc, err := Parse("heads.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	x := newExtractor(doc, dict)
	g := x.run()
	if x.contextSteps > 11*len(doc.Blocks) {
		t.Errorf("context() looked at %d headings for %d blocks", x.contextSteps, len(doc.Blocks))
	}
	facts := 0
	for _, f := range g.Facts {
		if f.Subject == "service:amazon-s3" && f.Predicate == "supports" {
			facts++
		}
	}
	if facts != n {
		t.Errorf("%d facts about S3, want one per section (%d)", facts, n)
	}
}

func TestFlatCellsBounded(t *testing.T) {
	// Tables of a header and ten rows, one after the other.
	table := "Service |\nCost |\n" + numbered("Item number %[1]d |\n%[1]d |\n", 10)
	text := strings.Repeat(table, MaxFlatCells/len(splitLines(table))+1)
	first := len(splitLines(text)) + 1
	text += "Amazon S3 integrates with Amazon SNS.\n"
	doc, err := Parse("cells.txt", []byte(text))
	list, _ := err.(ErrorList)
	wantWarning(t, list, "cells.txt", MaxFlatCells+1, fmt.Sprintf("over %d one-cell-per-line table cells", MaxFlatCells))
	cells, last := 0, doc.Blocks[len(doc.Blocks)-1]
	for _, b := range doc.Blocks {
		if b.Kind == BlockTable {
			cells += len(b.Table.Header) * (1 + len(b.Table.Rows))
		}
	}
	if cells < MaxFlatCells/2 || cells > MaxFlatCells || last.Kind != BlockParagraph || last.Line != first {
		t.Errorf("%d cells in tables (want 1..%d); last block %+v", cells, MaxFlatCells, last)
	}
	// A cell's vocabulary is compared over its first words only.
	if f := featuresOf(numbered("w%d ", 5000)); len(f.tokens) != maxCellTokens {
		t.Errorf("a cell of 5000 words keeps %d words, want %d", len(f.tokens), maxCellTokens)
	}
}

func TestMarkdownInlineBounded(t *testing.T) {
	emph := strings.Repeat("*a_b*c_d**e_f*g**h*i_j**", 500)
	ticks := strings.Repeat("\\``", 4) + strings.Repeat("\nx", 499) + "\n"
	links := strings.Repeat("[](", 1000)
	text := emph + "\n\n" + // line 1
		"Amazon S3 **integrates** with `Amazon SNS` and [SQS](https://x).\n\n" + // line 3: within the bounds
		ticks + "\n" + // lines 5-504
		"# " + links + "\n\n" + // line 506
		"| Service | Notes |\n|---|---|\n| S3 | " + links + " |\n" // lines 508-510
	var doc *Document
	var err error
	alloc := allocated(func() { doc, err = Parse("inline.md", []byte(text)) })
	list, _ := err.(ErrorList)
	wantWarning(t, list, "inline.md", 1, "paragraph read as plain text, markup and all: 7000 markup characters, over the limit of 256")
	wantWarning(t, list, "inline.md", 5, "paragraph read as plain text, markup and all: 4 backtick runs that never close over 500 lines")
	wantWarning(t, list, "inline.md", 506, "heading read as plain text, markup and all: 3000 markup characters")
	wantWarning(t, list, "inline.md", 510, "table cell read as plain text, markup and all: 3000 markup characters")
	if len(list) != 4 {
		t.Errorf("%d warnings, want 4:\n%s", len(list), list.Details())
	}
	want := []struct {
		kind BlockKind
		line int
		text string
	}{
		{BlockParagraph, 1, emph},
		{BlockParagraph, 3, "Amazon S3 integrates with Amazon SNS and SQS."},
		{BlockParagraph, 5, strings.Join(strings.Fields(ticks), " ")},
		{BlockHeading, 506, links},
		{BlockTable, 508, ""},
	}
	if len(doc.Blocks) != len(want) {
		t.Fatalf("%d blocks, want %d: %+v", len(doc.Blocks), len(want), doc.Blocks)
	}
	for i, w := range want {
		b := doc.Blocks[i]
		if b.Kind != w.kind || b.Line != w.line || b.Text != w.text {
			t.Errorf("block %d: %s at line %d %.60q, want %s at line %d %.60q", i, b.Kind, b.Line, b.Text, w.kind, w.line, w.text)
		}
	}
	if cell := doc.Blocks[4].Table.Rows[0][1]; cell.Text != links || cell.Line != 510 {
		t.Errorf("cell %.40q at line %d, want the links as text at line 510", cell.Text, cell.Line)
	}
	if limit := uint64(100 * len(text)); alloc > limit {
		t.Errorf("parsing %d bytes allocated %d bytes, over %d", len(text), alloc, limit)
	}
}

// The stem cache lives as long as the process: a note of many distinct
// words may not grow it past its bound.
func TestStemCacheBounded(t *testing.T) {
	for i := 0; i < 2*maxStemCache; i++ {
		Stem(fmt.Sprintf("hostileword%dx", i))
	}
	n := 0
	stemCache.Range(func(_, _ any) bool { n++; return true })
	if n > maxStemCache {
		t.Errorf("the stem cache holds %d words, over %d", n, maxStemCache)
	}
}

// What a statement takes from the heading and list head it sits under is
// bounded and derived once: a long heading over many lines costs its length
// once, not once per line.
func TestStatementContextBounded(t *testing.T) {
	const lines = 2000
	text := "# " + numbered("word%d ", 1000) + "\n\n" + strings.Repeat("Amazon S3 integrates with Amazon SNS.\n\n", lines)
	var c *Corpus
	alloc := allocated(func() { c = buildOneNote(t, "heading.md", text) })
	n := 0
	for _, st := range c.Statements {
		if st.Source == "heading.md:1" {
			continue
		}
		n++
		if len(st.Terms) > 10+maxContextTerms {
			t.Fatalf("statement %s has %d terms, want its own and at most %d of its heading", st.Source, len(st.Terms), maxContextTerms)
		}
	}
	if n < lines {
		t.Errorf("%d statements, want one per line (%d)", n, lines)
	}
	if limit := uint64(400 * len(text)); alloc > limit {
		t.Errorf("ingesting %d bytes allocated %d bytes, over %d", len(text), alloc, limit)
	}
}
