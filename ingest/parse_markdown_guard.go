package ingest

import (
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	gparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Bounds on Markdown structure, enforced on the source before goldmark sees
// it. goldmark's work per line grows with the number of containers the line
// is nested in (list items and block quotes), and a line that opens N of
// them ("- - - … x", ">>>> … x") costs N², so a note nested a few thousand
// levels deep takes minutes; every cell of a table row becomes AST nodes, so
// a 4 MB table of 10,000 columns takes gigabytes. Each bound is well above
// what notes use.
const (
	// MaxMarkdownDepth is the deepest nesting of list items and block quotes
	// a Markdown line may have; deeper lines are skipped with a warning.
	MaxMarkdownDepth = 16
	// MaxTableColumns is the widest Markdown table row read; the cells past
	// it are skipped with a warning.
	MaxTableColumns = 64
)

// mdGuard estimates, line by line, how deeply goldmark will nest each line,
// never below the real depth: a line continues an open list item only when
// it is indented at least to the item's content column, and opens one
// container per block-quote marker or list marker at its start. The open
// list items are kept as their smallest possible content columns (marker
// end + 1), so the estimate counts every item goldmark could still hold open.
type mdGuard struct {
	items []int // content columns of the list items that may be open, increasing
}

// line returns line s as goldmark is to see it: "" when it is nested
// deeper than MaxMarkdownDepth (deep), cut after the MaxTableColumns-th
// table cell (wide), else s unchanged. Only kept lines open list items.
func (g *mdGuard) line(s string) (out string, deep, wide bool) {
	col, i, quotes, first := 0, 0, 0, -1
	var opens []int
	for i < len(s) {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			if s[i] == '\t' {
				col += 4 - col%4
			} else {
				col++
			}
			i++
		}
		if i >= len(s) {
			break
		}
		if s[i] == '>' {
			if quotes++; quotes > MaxMarkdownDepth {
				return "", true, false
			}
			i++
			col++
			continue
		}
		n := mdListMarker(s[i:])
		if n == 0 {
			break
		}
		if first < 0 {
			first = col
		}
		i += n
		col += n
		opens = append(opens, col+1)
		if len(opens) > MaxMarkdownDepth {
			return "", true, false // "- - - - …": no need to read further
		}
	}
	if i >= len(s) && len(opens) == 0 && quotes == 0 {
		return s, false, false // blank line: closes nothing, opens nothing
	}
	at := col
	if first >= 0 {
		at = first
	}
	continued := 0
	for continued < len(g.items) && g.items[continued] <= at {
		continued++
	}
	if quotes+continued+len(opens) > MaxMarkdownDepth {
		return "", true, false
	}
	if len(opens) > 0 {
		g.items = append(g.items[:continued], opens...)
	}
	if cut, over := tablePipes(s); over {
		return s[:cut], false, true
	}
	return s, false, false
}

// mdListMarker returns the byte length of a list marker at the start of s
// ("-", "+", "*", or 1-9 digits and "." or ")") when a blank or the end of
// the line follows it, else 0.
func mdListMarker(s string) int {
	n := 0
	switch {
	case s == "":
		return 0
	case s[0] == '-' || s[0] == '+' || s[0] == '*':
		n = 1
	default:
		for n < len(s) && n < 10 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n > 9 || n >= len(s) || (s[n] != '.' && s[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return 0
	}
	return n
}

// tablePipes returns the byte offset in s just past the pipe that closes
// the MaxTableColumns-th cell of a table row, and whether the row has more
// cells than that. Every "|" counts, escaped or in code: an over-count
// only cuts a line of more than MaxTableColumns pipes.
func tablePipes(s string) (cut int, wide bool) {
	pipes := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '|' {
			continue
		}
		pipes++
		if pipes == MaxTableColumns+1 {
			cut = i + 1
		}
		if pipes > MaxTableColumns+1 {
			return cut, true
		}
	}
	return len(s), false
}

// guardRun collects consecutive lines that one bound changed, so that a
// deep list or a wide table gives one warning, not one per line.
type guardRun struct {
	first, last int // 1-based lines; first == 0 when no run is open
	msg         func(first, last int) string
}

func (r *guardRun) add(p *parser, line int) {
	if r.first != 0 && r.last == line-1 {
		r.last = line
		return
	}
	r.flush(p)
	r.first, r.last = line, line
}

func (r *guardRun) flush(p *parser) {
	if r.first == 0 {
		return
	}
	p.errorAt(r.first, r.msg(r.first, r.last))
	r.first = 0
}

// skipped describes the lines first..last that a bound cut: "line" or
// "12 lines (through line 40)".
func linesOf(first, last int) string {
	if first == last {
		return "line"
	}
	return fmt.Sprintf("%d lines (through line %d)", last-first+1, last)
}

// rowsOf is linesOf for table rows: "row" or "rows (12 lines, through line 40)".
func rowsOf(first, last int) string {
	if first == last {
		return "row"
	}
	return fmt.Sprintf("rows (%d lines, through line %d)", last-first+1, last)
}

// Inline markup is parsed per paragraph, heading and table cell, and
// goldmark's inline parsers are superlinear on some markup: emphasis
// delimiters ("*a_b*c_d**…"), backtick runs that never close (each scans to
// the end of the paragraph) and links that never close (each scans to the
// end of the line). A unit with more markup characters than MaxInlineMarks,
// or longer than MaxInlineBytes, is read as plain text instead, its markup
// characters kept, with a warning. The notes' units have at most 29 markup
// characters and 430 bytes.
const (
	// MaxInlineMarks is the most markup characters (*_`[]()<>!~\) a
	// Markdown paragraph, heading or table cell may hold to be parsed for
	// emphasis, code and links.
	MaxInlineMarks = 256
	// MaxInlineBytes is the longest Markdown paragraph, heading or table
	// cell parsed for emphasis, code and links.
	MaxInlineBytes = 32 << 10
)

// kindRawInline is the kind of rawInline nodes.
var kindRawInline = ast.NewNodeKind("RawInline")

// rawInline stands in for a paragraph, heading or table cell over the
// inline bounds: goldmark skips raw nodes when it parses inline markup, and
// the walker reads their lines as they are.
type rawInline struct {
	ast.BaseBlock
	what  string // "paragraph", "heading" or "table cell"
	level int    // heading level; 0 for a paragraph or a cell
	why   string // the bound it is over, for the warning
}

func (n *rawInline) Kind() ast.NodeKind { return kindRawInline }
func (n *rawInline) IsRaw() bool        { return true }
func (n *rawInline) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Level": fmt.Sprint(n.level)}, nil)
}

// overInline says why goldmark must not parse a unit's inline markup, or
// returns "". Besides MaxInlineMarks and MaxInlineBytes, two bounds keep
// goldmark's work within a few steps per byte of the unit: unmatched
// delimiters cost the square of their number, so the square of the markup
// characters may not exceed 16 times the bytes (plus 256); and a backtick
// run that no later run closes makes goldmark read, and allocate for, every
// further line of the unit, so the unclosed runs times the lines may not
// exceed a quarter of the bytes (plus 16).
func overInline(lines *text.Segments, src []byte) (why string) {
	marks, size := 0, 0
	var ticks []tickRun
	run, slashes := 0, 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		for _, c := range seg.Value(src) {
			if c == '`' {
				run++
				continue
			}
			if run > 0 {
				ticks = append(ticks, tickRun{run, run - slashes%2})
				run, slashes = 0, 0
			}
			switch c {
			case '\\':
				slashes++
				marks++
				continue
			case '*', '_', '[', ']', '(', ')', '<', '>', '!', '~':
				marks++
			}
			slashes = 0
		}
		size += seg.Len()
	}
	if run > 0 {
		ticks = append(ticks, tickRun{run, run - slashes%2})
	}
	for _, t := range ticks {
		marks += t.raw
	}
	switch u := unclosedTicks(ticks); {
	case marks > MaxInlineMarks:
		return fmt.Sprintf("%d markup characters, over the limit of %d", marks, MaxInlineMarks)
	case marks*marks > 16*size+256:
		return fmt.Sprintf("%d markup characters in %d bytes", marks, size)
	case size > MaxInlineBytes:
		return fmt.Sprintf("%d bytes, over the limit of %d", size, MaxInlineBytes)
	case u*lines.Len() > 16+size/4:
		return fmt.Sprintf("%d backtick runs that never close over %d lines", u, lines.Len())
	}
	return ""
}

// tickRun is a run of backticks: its length, and the length of the code
// span opener it can be (one less after an escaping backslash).
type tickRun struct{ raw, opens int }

// unclosedTicks counts the backtick runs that open a code span no later run
// closes (CommonMark: the next run of the same length closes it).
func unclosedTicks(ticks []tickRun) int {
	next := make([]int, len(ticks)) // index of the next run of the opener's length, or -1
	after := map[int]int{}          // run length → index of the next run of that length
	for i := len(ticks) - 1; i >= 0; i-- {
		next[i] = -1
		if j, ok := after[ticks[i].opens]; ok {
			next[i] = j
		}
		after[ticks[i].raw] = i
	}
	unclosed := 0
	for i := 0; i < len(ticks); i++ {
		switch {
		case ticks[i].opens == 0:
		case next[i] >= 0:
			i = next[i]
		default:
			unclosed++
		}
	}
	return unclosed
}

// guardInline replaces n by a rawInline when it is over the inline bounds.
func guardInline(n ast.Node, what string, level int, src []byte) {
	why := overInline(n.Lines(), src)
	if why == "" || n.Parent() == nil {
		return
	}
	raw := &rawInline{what: what, level: level, why: why}
	raw.SetLines(n.Lines())
	raw.SetBlankPreviousLines(n.HasBlankPreviousLines())
	n.Parent().ReplaceChild(n.Parent(), n, raw)
}

// guardedParagraphs is the GFM table paragraph transformer followed by the
// inline guard, for the cells of the tables it makes and for the paragraph
// text left over. It runs before the link reference definitions are read.
type guardedParagraphs struct {
	table gparser.ParagraphTransformer
}

func (g guardedParagraphs) Transform(node *ast.Paragraph, reader text.Reader, pc gparser.Context) {
	parent, after := node.Parent(), node.NextSibling()
	g.table.Transform(node, reader, pc)
	src := reader.Source()
	// The tables made sit between the paragraph (or where it was) and after.
	last := parent.LastChild()
	if after != nil {
		last = after.PreviousSibling()
	}
	for c := last; c != nil && c != node; c = c.PreviousSibling() {
		if _, ok := c.(*east.Table); !ok {
			break
		}
		for row := c.FirstChild(); row != nil; row = row.NextSibling() {
			for cell := row.FirstChild(); cell != nil; {
				next := cell.NextSibling()
				guardInline(cell, "table cell", 0, src)
				cell = next
			}
		}
	}
	if node.Parent() != nil {
		guardInline(node, "paragraph", 0, src)
	}
}

// guardedHeadings wraps the ATX and setext heading parsers: a heading over
// the inline bounds is closed as a rawInline.
type guardedHeadings struct {
	gparser.BlockParser
}

func (g guardedHeadings) Close(node ast.Node, reader text.Reader, pc gparser.Context) {
	g.BlockParser.Close(node, reader, pc)
	if h, ok := node.(*ast.Heading); ok {
		guardInline(h, "heading", h.Level, reader.Source())
	}
}

// newMarkdownParser is goldmark with GFM tables and strikethrough, and the
// inline guard on paragraphs, headings and table cells.
func newMarkdownParser() goldmark.Markdown {
	blocks := gparser.DefaultBlockParsers()
	for i, b := range blocks {
		bp, ok := b.Value.(gparser.BlockParser)
		if !ok {
			continue
		}
		switch string(bp.Trigger()) {
		case "#", "-=": // ATX headings, setext headings
			blocks[i].Value = guardedHeadings{bp}
		}
	}
	p := gparser.NewParser(
		gparser.WithBlockParsers(blocks...),
		gparser.WithInlineParsers(gparser.DefaultInlineParsers()...),
		gparser.WithParagraphTransformers(gparser.DefaultParagraphTransformers()...),
		gparser.WithParagraphTransformers(util.Prioritized(guardedParagraphs{extension.NewTableParagraphTransformer()}, 200)),
		gparser.WithASTTransformers(util.Prioritized(extension.NewTableASTTransformer(), 0)),
	)
	return goldmark.New(goldmark.WithParser(p), goldmark.WithExtensions(extension.Strikethrough))
}
