package ingest

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// markdownParser is goldmark with GFM tables and strikethrough, and the
// inline bounds (see newMarkdownParser); goldmark parsers are safe for
// concurrent use.
var markdownParser = newMarkdownParser()

// mdHeading is an entry of the heading path.
type mdHeading struct {
	level int
	title string
}

// mdWalker turns a goldmark AST into Blocks.
type mdWalker struct {
	p        *parser
	src      []byte
	starts   []int // byte offset of the start of each line
	headings []mdHeading
	section  []string // current heading path (shared, never mutated in place)
}

// parseMarkdown parses text with goldmark. Skipped lines (invalid UTF-8,
// too long, nested deeper than MaxMarkdownDepth) are blanked first and table
// rows cut after MaxTableColumns cells, so that goldmark's work stays linear
// and byte offsets still map to the right line numbers.
func (p *parser) parseMarkdown(body string) {
	lines := p.scan(body, modeText) // reports the skipped lines
	var (
		b     strings.Builder
		guard mdGuard
		deep  = guardRun{msg: func(first, last int) string {
			return fmt.Sprintf("%s nested deeper than %d lists and block quotes, skipped", linesOf(first, last), MaxMarkdownDepth)
		}}
		wide = guardRun{msg: func(first, last int) string {
			return fmt.Sprintf("table %s wider than %d cells: the cells past the first %d skipped", rowsOf(first, last), MaxTableColumns, MaxTableColumns)
		}}
	)
	b.Grow(len(body))
	w := &mdWalker{p: p, starts: make([]int, 0, len(lines))}
	off := 0
	for i, l := range lines {
		w.starts = append(w.starts, off)
		if l.kind != itemInvalid {
			s, tooDeep, tooWide := guard.line(p.doc.Lines[i])
			if tooDeep {
				deep.add(p, i+1)
			}
			if tooWide {
				wide.add(p, i+1)
			}
			b.WriteString(s)
			off += len(s)
		}
		b.WriteByte('\n')
		off++
	}
	deep.flush(p)
	wide.flush(p)
	w.src = []byte(b.String())
	doc := markdownParser.Parser().Parse(text.NewReader(w.src))
	w.blocks(doc, 0)
}

// lineOf converts a byte offset into a 1-based line number.
func (w *mdWalker) lineOf(off int) int {
	n := sort.Search(len(w.starts), func(i int) bool { return w.starts[i] > off })
	return max(1, min(n, len(w.starts)))
}

// span returns the first and last line of a block's own text segments.
func (w *mdWalker) span(n ast.Node) (first, last int, ok bool) {
	lines := n.Lines()
	if lines == nil || lines.Len() == 0 {
		return 0, 0, false
	}
	a, z := lines.At(0), lines.At(lines.Len()-1)
	stop := z.Stop - 1
	if stop < z.Start {
		stop = z.Start
	}
	return w.lineOf(a.Start), w.lineOf(stop), true
}

// add appends a block under the current heading path.
func (w *mdWalker) add(b Block) {
	if b.EndLine < b.Line {
		b.EndLine = b.Line
	}
	if b.Kind == BlockBullet || b.Kind == BlockParagraph {
		b.Text = propertyMark(b.Text)
	}
	if b.Kind == BlockBullet {
		b.Text = dropCheckbox(b.Text)
	}
	b.Section = w.section
	w.p.doc.Blocks = append(w.p.doc.Blocks, b)
}

// maxPropertyKeyWords bounds the words of a "key:: value" property's key.
const maxPropertyKeyWords = 4

// propertyMark reads an outliner's block property ("trigger types::
// configuration changes, periodic", as Logseq and Roam write them) as the
// label it is: "trigger types: configuration changes, periodic". Any other
// text is returned as it is.
func propertyMark(t string) string {
	k := strings.Index(t, ":: ")
	if k <= 0 || strings.HasSuffix(t[:k], ":") || countFields(t[:k]) > maxPropertyKeyWords || strings.ContainsAny(t[:k], ":;,.()") {
		return t
	}
	return t[:k] + ": " + t[k+3:]
}

// blocks walks the block children of n; depth is the list nesting.
func (w *mdWalker) blocks(n ast.Node, depth int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.one(c, depth)
	}
}

// heading appends a heading of the given level and updates the heading path.
func (w *mdWalker) heading(h ast.Node, level int) {
	first, last, ok := w.span(h)
	if !ok {
		return // an empty "#" heading has no position and no title
	}
	title := w.inline(h)
	for len(w.headings) > 0 && w.headings[len(w.headings)-1].level >= level {
		w.headings = w.headings[:len(w.headings)-1]
	}
	w.section = w.sectionPath()
	w.add(Block{Kind: BlockHeading, Line: first, EndLine: last, Level: level, Text: title})
	w.headings = append(w.headings, mdHeading{level, title})
	w.section = w.sectionPath()
}

// raw reads a paragraph, heading or cell over the inline bounds as plain
// text, with a warning at its first line.
func (w *mdWalker) raw(n *rawInline) {
	first, _, ok := w.span(n)
	if !ok {
		return
	}
	w.p.errorAt(first, fmt.Sprintf("%s read as plain text, markup and all: %s", n.what, n.why))
}

func (w *mdWalker) sectionPath() []string {
	if len(w.headings) == 0 {
		return nil
	}
	s := make([]string, len(w.headings))
	for i, h := range w.headings {
		s[i] = h.title
	}
	return s
}

// list appends one bullet per item: its own first paragraph is the text;
// nested lists, further paragraphs and code are blocks of their own.
func (w *mdWalker) list(l *ast.List, depth int) {
	ordinal := 0
	if l.IsOrdered() {
		ordinal = l.Start
	}
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		first := item.FirstChild()
		if first != nil {
			if r, isRaw := first.(*rawInline); isRaw && r.level == 0 {
				w.raw(r)
			} else if isRaw {
				first = nil // a heading opens the item: walked as a block below
			}
			switch first.(type) {
			case *ast.Paragraph, *ast.TextBlock, *rawInline:
				if a, z, ok := w.span(first); ok {
					own, lazy := w.lazyStatements(first, a, z, depth)
					if own.Line == 0 {
						own = Block{Line: a, EndLine: z, Text: w.inline(first)}
					}
					w.add(Block{Kind: BlockBullet, Line: own.Line, EndLine: own.EndLine, Depth: depth, Ordinal: ordinal, Text: own.Text})
					for _, b := range lazy {
						w.add(b)
					}
				}
				w.blocksAfter(item, first, depth+1)
			case *ast.List:
				// "- 2. Triggers - SNS or Lambda" over "  - Events:": an
				// item that opens with a numbered list is that item, at
				// the bullet's depth, and what is indented under the
				// bullet is under it
				w.list(first.(*ast.List), depth)
				w.blocksAfter(item, first, depth+1)
			default:
				w.blocksAfter(item, nil, depth+1)
			}
		}
		if ordinal > 0 {
			ordinal++
		}
	}
}

// lazyStatements splits a list item's first paragraph where a line that
// Markdown joins to it lazily (written at or left of the item's marker)
// states a fact of its own and does not wrap the line before (see
// wrapsOnto): a labelled line ("Staging labels: AWSCURRENT, ..."), a label
// alone ("Secrets Manager:", which heads the list after it), the line
// after a labelled one, and a line after or holding a chain ("1.
// createSecret -> ..." / "Schedule: ..."). It returns the item's own lines
// and text, and a paragraph at the item's depth for each such statement
// with the lines that wrap onto it; own is the zero Block when the
// paragraph has no such line.
func (w *mdWalker) lazyStatements(n ast.Node, a, z, depth int) (own Block, lazy []Block) {
	if z <= a || a < 1 || z > len(w.starts) {
		return Block{}, nil
	}
	byLine := make([]strings.Builder, z-a+1)
	w.inlineByLine(byLine, a, n)
	marker := w.indentOf(a)
	cur := &own
	*cur = Block{Line: a, EndLine: a, Text: strings.Join(strings.Fields(byLine[0].String()), " ")}
	prev := cur.Text
	for l := a + 1; l <= z; l++ {
		t := strings.Join(strings.Fields(byLine[l-a].String()), " ")
		if t == "" {
			continue
		}
		statement := w.indentOf(l) <= marker && !wrapsOnto(prev, t) &&
			(labelled(t) || colonLabel(t) != "" || labelled(prev) || hasChainArrow(prev) || hasChainArrow(t))
		if statement {
			lazy = append(lazy, Block{Kind: BlockParagraph, Line: l, EndLine: l, Depth: depth, Text: t})
			cur = &lazy[len(lazy)-1]
		} else {
			appendText(cur, l, t)
		}
		prev = t
	}
	if len(lazy) == 0 {
		return Block{}, nil
	}
	return own, lazy
}

// labelled reports a line that opens with a label of up to four words and
// a colon ("Managed rotation templates for: Amazon RDS, ...").
func labelled(s string) bool { return opensWithLabel(s, 4) }

// indentOf is the width of line's leading whitespace (see indentWidth).
func (w *mdWalker) indentOf(line int) int {
	s := w.src[w.starts[line-1]:]
	if k := bytes.IndexByte(s, '\n'); k >= 0 {
		s = s[:k]
	}
	return indentWidth(string(s[:len(s)-len(bytes.TrimLeft(s, " \t"))]))
}

// inlineByLine writes n's inline text as inline does, each piece into
// the builder of the line its segment starts on (by[line-a]); a piece with
// no segment of its own goes with the text before it.
func (w *mdWalker) inlineByLine(by []strings.Builder, a int, n ast.Node) {
	at := 0
	w.inlineInto(n, func(start int) *strings.Builder {
		if l := w.lineOf(start) - a; start >= 0 && l >= 0 && l < len(by) {
			at = l
		}
		return &by[at]
	})
}

// blocksAfter walks the children of item that follow skip (all when nil).
func (w *mdWalker) blocksAfter(item, skip ast.Node, depth int) {
	if skip == nil {
		w.blocks(item, depth)
		return
	}
	// Walk a shallow view of the remaining siblings.
	for c := skip.NextSibling(); c != nil; c = c.NextSibling() {
		w.one(c, depth)
	}
}

// one walks a single block node.
func (w *mdWalker) one(c ast.Node, depth int) {
	switch c := c.(type) {
	case *ast.Heading:
		w.heading(c, c.Level)
	case *rawInline:
		w.raw(c)
		if c.level > 0 {
			w.heading(c, c.level)
			return
		}
		if first, last, ok := w.span(c); ok {
			if t := w.inline(c); t != "" {
				w.add(Block{Kind: BlockParagraph, Line: first, EndLine: last, Text: t})
			}
		}
	case *ast.Paragraph, *ast.TextBlock:
		if first, last, ok := w.span(c); ok {
			if t := w.inline(c); t != "" {
				// depth > 0: a further paragraph of a list item
				w.add(Block{Kind: BlockParagraph, Line: first, EndLine: last, Depth: depth, Text: t})
			}
		}
	case *ast.List:
		w.list(c, depth)
	case *ast.FencedCodeBlock:
		w.code(c, true)
	case *ast.CodeBlock:
		w.code(c, false)
	case *east.Table:
		w.table(c)
	case *ast.Blockquote:
		w.blocks(c, depth)
	case *ast.HTMLBlock:
		w.html(c, depth)
	default:
		// thematic breaks, link reference definitions: no text for the graph.
	}
}

// inlineMarks are the emphasis and code marks Markdown leaves as written
// inside an HTML block.
var inlineMarks = strings.NewReplacer("**", "", "__", "", "`", "")

// emphasisMarks are the emphasis marks alone: code marks kept.
var emphasisMarks = strings.NewReplacer("**", "", "__", "")

// html reads the text of an HTML block, line by line, tags dropped: a
// callout ("<aside>💡 **the one sentence to remember:** ...") is a
// paragraph, and a toggle's summary ("<summary>▸ Toggle: what you can
// attach to which qualifier</summary>") the title of what follows it, a
// paragraph ending with a colon.
func (w *mdWalker) html(n *ast.HTMLBlock, depth int) {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		raw := string(seg.Value(w.src))
		text := inlineMarks.Replace(strings.Join(htmlParts(raw), " "))
		text = strings.TrimSpace(strings.TrimLeft(text, "▸▾►▼ "))
		if text == "" {
			continue
		}
		if strings.Contains(strings.ToLower(raw), "<summary") && !strings.HasSuffix(text, ":") {
			text += ":"
		}
		line := w.lineOf(seg.Start)
		w.add(Block{Kind: BlockParagraph, Line: line, EndLine: line, Depth: depth, Text: text})
	}
}

// code appends a code block; a fenced block spans its fences.
func (w *mdWalker) code(n ast.Node, fenced bool) {
	first, last, ok := w.span(n)
	var body strings.Builder
	if ok {
		for i := 0; i < n.Lines().Len(); i++ {
			s := n.Lines().At(i)
			body.Write(s.Value(w.src))
		}
	}
	if fenced {
		if f, isFenced := n.(*ast.FencedCodeBlock); isFenced && f.Info != nil {
			fl := w.lineOf(f.Info.Segment.Start)
			if !ok {
				first, last, ok = fl, fl, true
			} else {
				first = fl
			}
		} else if ok {
			first = max(1, first-1)
		}
		if ok && last < len(w.starts) && strings.HasPrefix(strings.TrimSpace(w.p.doc.LineText(last+1)), strings.Repeat(string(w.fenceChar(first)), 3)) {
			last++
		}
	}
	if !ok {
		return // an empty fence without info string has no position
	}
	w.add(Block{Kind: BlockCode, Line: first, EndLine: last, Text: strings.TrimRight(body.String(), "\n")})
}

// fenceChar returns the fence character of the opening fence on a line.
func (w *mdWalker) fenceChar(line int) byte {
	s := strings.TrimSpace(w.p.doc.LineText(line))
	if strings.HasPrefix(s, "~~~") {
		return '~'
	}
	return '`'
}

// table appends a GFM table; each cell keeps its own line.
func (w *mdWalker) table(t *east.Table) {
	tb := &Table{}
	first, last := 0, 0
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var row []Cell
		rowLine := 0
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			if raw, ok := c.(*rawInline); ok {
				w.raw(raw)
			}
			// a pipe escaped in a cell ("a \| b") is a pipe of its text
			cell := Cell{Text: strings.ReplaceAll(w.inline(c), `\|`, "|")}
			if a, _, ok := w.span(c); ok {
				cell.Line = a
				rowLine = a
			}
			row = append(row, cell)
		}
		for k := range row {
			if row[k].Line == 0 {
				row[k].Line = rowLine
			}
		}
		if rowLine == 0 {
			continue // a row without any position cannot be cited
		}
		if first == 0 {
			first = rowLine
		}
		last = rowLine
		if _, isHeader := r.(*east.TableHeader); isHeader {
			tb.Header = row
		} else {
			tb.Rows = append(tb.Rows, row)
		}
	}
	if first == 0 || tb.Header == nil {
		return
	}
	for k, row := range tb.Rows { // every row has len(Header) cells
		for len(row) < len(tb.Header) {
			row = append(row, Cell{Line: row[0].Line})
		}
		tb.Rows[k] = row[:len(tb.Header)]
	}
	w.add(Block{Kind: BlockTable, Line: first, EndLine: last, Table: tb})
}

// inline returns the plain text of a node's inline content: markup removed,
// code spans and link texts kept, line breaks as spaces.
func (w *mdWalker) inline(n ast.Node) string {
	var b strings.Builder
	if r, ok := n.(*rawInline); ok {
		for i := 0; i < r.Lines().Len(); i++ {
			seg := r.Lines().At(i)
			b.Write(seg.Value(w.src))
			b.WriteByte(' ')
		}
		return strings.Join(strings.Fields(b.String()), " ")
	}
	w.inlineInto(n, func(int) *strings.Builder { return &b })
	return strings.Join(strings.Fields(b.String()), " ")
}

// inlineInto writes n's inline text, each piece into the builder to gives
// for the byte offset its segment starts at (-1 for a piece with no
// segment of its own): text, emphasis, links, images (alt text), code spans
// and strikethrough, a space at each line break; inline HTML carries none.
func (w *mdWalker) inlineInto(n ast.Node, to func(start int) *strings.Builder) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b := to(c.Segment.Start)
			b.Write(c.Segment.Value(w.src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			to(-1).Write(c.Value)
		case *ast.AutoLink:
			to(-1).Write(c.Label(w.src))
		case *ast.RawHTML:
			// inline HTML carries no text for the graph
		default:
			w.inlineInto(c, to)
		}
	}
}
