package ingest

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrBinary is returned (wrapped) by Parse for content that is not text.
var ErrBinary = errors.New("binary file, not a note")

// Note formats reported by DetectFormat and stored in Document.Format.
const (
	FormatWiki      = "wiki"
	FormatBlog      = "blog"
	FormatPDF       = "pdf"
	FormatMarkdown  = "markdown"
	FormatText      = "text"
	FormatLaTeX     = "latex"     // read as the Markdown latexToMarkdown writes
	FormatHTML      = "html"      // read as the Markdown htmlToMarkdown writes
	FormatWikitext  = "wikitext"  // MediaWiki source, read as the Markdown wikitextToMarkdown writes
	FormatAsciiDoc  = "asciidoc"  // AsciiDoc source, read as the Markdown asciidocToMarkdown writes
	FormatRST       = "rst"       // reStructuredText source, read as the Markdown rstToMarkdown writes
	FormatZim       = "zim"       // a Zim desktop wiki page, read as the Markdown zimToMarkdown writes
	FormatTextile   = "textile"   // Textile source (a Redmine wiki page), read as the Markdown textileToMarkdown writes
	FormatMermaid   = "mermaid"   // a Mermaid diagram's source, read as the Markdown outline mermaidToMarkdown writes
	FormatJSON      = "json"      // a note app's JSON export, read as the Markdown jsonToMarkdown writes
	FormatColumns   = "columns"   // two-column (Cornell) text notes, read as the Markdown columnsToMarkdown writes
	FormatOPML      = "opml"      // an outliner's OPML export, read as the Markdown opmlToMarkdown writes
	FormatBBCode    = "bbcode"    // a forum post's BBCode source, read as the Markdown bbcodeToMarkdown writes
	FormatSubtitles = "subtitles" // a video's captions (SubRip, WebVTT), read as the Markdown subtitlesToMarkdown writes
	FormatCalendar  = "calendar"  // an iCalendar study plan, read as the Markdown calendarToMarkdown writes
	FormatBibTeX    = "bibtex"    // an annotated BibTeX reading list, read as the Markdown bibtexToMarkdown writes
	FormatScript    = "script"    // a commented script (shell, Terraform, SQL): its comments read as the Markdown scriptToMarkdown writes
	FormatNotebook  = "notebook"  // a Jupyter notebook, read as the Markdown notebookToMarkdown writes
	FormatRTF       = "rtf"       // a word processor's Rich Text Format, read as the Markdown rtfToMarkdown writes
	FormatDrawio    = "drawio"    // a draw.io (diagrams.net) drawing, read as the Markdown drawioToMarkdown writes
)

// sniffBytes is how much of the content the binary check looks at.
const sniffBytes = 8 << 10

// Parse parses one note. name is used in Document.File. It detects the format
// from the extension (.md/.markdown => markdown) and, for .txt and others, by
// sniffing the content (see DetectFormat).
//
// It returns a partial Document plus an ErrorList (nil when empty) for
// problems that let it go on: invalid UTF-8 lines and lines longer than
// MaxLineBytes are skipped, each with an Error at its line. Bounds keep the
// work linear on hostile notes, each with an Error at the first line it
// touched: Markdown lines nested deeper than MaxMarkdownDepth are skipped and
// table rows cut after MaxTableColumns cells; one-cell-per-line cells past
// the note's first MaxFlatCells are read as text lines. It returns
// (nil, error) only when nothing can be parsed: binary content (a NUL byte in
// the first 8 KiB, or mostly non-text), the error wrapping ErrBinary.
//
// Document.Lines holds every line of the note without its line terminator
// ("\n" or "\r\n"), so line N is Lines[N-1]; every Block.Line is within
// 1..len(Lines).
func Parse(name string, src []byte) (*Document, error) {
	if isBinary(src) {
		return nil, fmt.Errorf("parse %s: %w", name, ErrBinary)
	}
	text := strings.TrimPrefix(string(src), "\ufeff") // a UTF-8 byte-order mark is no text
	doc := &Document{File: name, Format: detectFormat(name, text), Lines: splitLines(text)}
	if len(doc.Lines) == 0 {
		return doc, nil
	}
	p := &parser{name: name, doc: doc}
	switch doc.Format {
	case FormatMarkdown:
		if h, ok := gridTablesToMarkdown(doc.Lines); ok {
			// its grid tables as pipe tables, each row citing its first line
			p.parseRewritten(h)
		} else {
			p.parseMarkdown(text)
		}
	case FormatLaTeX:
		// the Markdown the note's lines say, line for line; the note's own
		// lines stay the document's
		orig := doc.Lines
		doc.Lines = latexToMarkdown(orig)
		p.parseMarkdown(strings.Join(doc.Lines, "\n"))
		doc.Lines = orig
	case FormatAsciiDoc:
		p.parseRewritten(asciidocToMarkdown(doc.Lines))
	case FormatRST:
		p.parseRewritten(rstToMarkdown(doc.Lines))
	case FormatTextile:
		p.parseRewritten(textileToMarkdown(doc.Lines))
	case FormatZim:
		p.parseRewritten(zimToMarkdown(doc.Lines))
	case FormatMermaid:
		h, ok := mermaidToMarkdown(doc.Lines)
		var err error
		if !ok {
			err = errors.New("it names no diagram")
		}
		p.parseExport(h, err, text, "a Mermaid diagram")
	case FormatHTML, FormatWikitext:
		// the Markdown the note's elements (or wiki marks) say; each block
		// and cell cites the note line its text starts on, and the note's
		// lines are quoted without their markup
		var h noteMarkdown
		if doc.Format == FormatHTML {
			h = htmlToMarkdown(text)
		} else {
			h = wikitextToMarkdown(doc.Lines)
		}
		p.parseRewritten(h)
	case FormatOPML:
		h, err := opmlToMarkdown(text)
		p.parseExport(h, err, text, "an OPML outline or mind map")
	case FormatSubtitles:
		h, err := subtitlesToMarkdown(name, text)
		p.parseExport(h, err, text, "subtitles")
	case FormatColumns:
		p.parseRewritten(columnsToMarkdown(doc.Lines))
	case FormatCalendar:
		h, err := calendarToMarkdown(text)
		p.parseExport(h, err, text, "an iCalendar file")
	case FormatBibTeX:
		h, err := bibtexToMarkdown(text)
		p.parseExport(h, err, text, "a BibTeX file")
	case FormatScript:
		p.parseRewritten(scriptToMarkdown(name, doc.Lines))
	case FormatBBCode:
		p.parseRewritten(bbcodeToMarkdown(doc.Lines))
	case FormatJSON:
		h, err := jsonToMarkdown(text)
		p.parseExport(h, err, text, "a JSON export")
	case FormatNotebook:
		h, err := notebookToMarkdown(text)
		p.parseExport(h, err, text, "a Jupyter notebook")
	case FormatDrawio:
		h, err := drawioToMarkdown(text)
		p.parseExport(h, err, text, "a draw.io drawing")
	case FormatRTF:
		h, err := rtfToMarkdown(text)
		p.parseExport(h, err, text, "an RTF document")
	case FormatWiki:
		p.parseWiki(p.scan(text, modeWiki))
	case FormatBlog:
		p.parseBlog(p.scan(text, modeBlog))
	case FormatPDF:
		p.parsePDF(p.scan(text, modePDF))
	default:
		p.parseText(p.scan(text, modeText))
	}
	if doc.Format == FormatPDF {
		numberDashedItems(doc)
		nestNumberedRuns(doc)
	}
	nestFlatLists(doc)
	if doc.Format == FormatPDF {
		nestDescriptions(doc)
	}
	continueNumbering(doc)
	splitInlineEnumerations(doc)
	numberColumnLast(doc)
	skipBlankStarts(doc)
	p.errs.Sort()
	return doc, p.errs.Err()
}

// parseExport parses an app's export rewritten as Markdown (OPML, JSON);
// when the rewrite failed (err: the note is no such export after all) its
// lines are read as text, with a problem at line 1 naming what it is not.
func (p *parser) parseExport(h noteMarkdown, err error, text, what string) {
	if err != nil {
		p.errorAt(1, fmt.Sprintf("read as text: not %s (%v)", what, err))
		p.doc.Format = FormatText
		p.parseText(p.scan(text, modeText))
		return
	}
	p.parseRewritten(h)
}

// parseRewritten parses the Markdown a note in markup (HTML, MediaWiki,
// JSON) was rewritten as: every block, cell and problem cites the note line
// lineOf gives, and the document keeps the note's lines without markup.
func (p *parser) parseRewritten(h noteMarkdown) {
	p.doc.Lines = h.lines
	p.parseMarkdown(strings.Join(h.lines, "\n"))
	remapLines(p.doc, h.lineOf)
	for _, e := range p.errs {
		if e.Line > 0 {
			e.Line = mapLine(h.lineOf, e.Line)
		}
	}
	p.doc.Lines = h.text
}

// remapLines moves every block and cell of a document read from
// rewritten lines onto the note lines lineOf gives (lineOf[i] for
// rewritten line i+1).
func remapLines(doc *Document, lineOf []int) {
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		b.Line, b.EndLine = mapLine(lineOf, b.Line), mapLine(lineOf, b.EndLine)
		if b.EndLine < b.Line {
			b.EndLine = b.Line
		}
		if t := b.Table; t != nil {
			for k := range t.Header {
				t.Header[k].Line = mapLine(lineOf, t.Header[k].Line)
			}
			for _, r := range t.Rows {
				for k := range r {
					r[k].Line = mapLine(lineOf, r[k].Line)
				}
			}
		}
	}
}

// mapLine returns the note line of rewritten line n (1-based).
func mapLine(lineOf []int, n int) int {
	switch {
	case len(lineOf) == 0:
		return n
	case n < 1:
		return lineOf[0]
	case n > len(lineOf):
		return lineOf[len(lineOf)-1]
	}
	return lineOf[n-1]
}

// skipBlankStarts moves a block's first line past the lines that hold
// only white space (form feeds, no-break spaces) a parser counted as its
// text: a fact cites the line its words are on.
func skipBlankStarts(doc *Document) {
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		for b.Line < b.EndLine && b.Line >= 1 && b.Line <= len(doc.Lines) && strings.TrimSpace(doc.Lines[b.Line-1]) == "" {
			b.Line++
		}
	}
}

// numberColumnLast moves a table's leading numbering column ("# | Hook |
// Use" with rows 1, 2, 3 ...) to the end: the rows' order already says
// what it says, and the names a reader keys rows by are in the next column.
func numberColumnLast(doc *Document) {
	for i := range doc.Blocks {
		t := doc.Blocks[i].Table
		if doc.Blocks[i].Kind != BlockTable || t == nil || len(t.Header) < 3 || len(t.Rows) < 2 {
			continue
		}
		numbered := true
		for k, r := range t.Rows {
			if n, err := strconv.Atoi(strings.TrimSuffix(r[0].Text, ".")); err != nil || n != k+1 {
				numbered = false
				break
			}
		}
		if !numbered {
			continue
		}
		t.Header = append(append([]Cell{}, t.Header[1:]...), t.Header[0])
		for k, r := range t.Rows {
			t.Rows[k] = append(append([]Cell{}, r[1:]...), r[0])
		}
	}
}

// maxFlatItemWords bounds the words of an item nestFlatLists reads as a name.
const maxFlatItemWords = 6

// inlineEnumRe finds an inline enumerator: "1)", "(2)", "b)" after the
// start of the text or a space.
var inlineEnumRe = lazyRE(`(?:^|\s)\(?([0-9]{1,2}|[a-h])\)\s`)

// splitInlineEnumerations reads a paragraph or bullet that enumerates its
// items inline ("1) configuration recorder  2) delivery channel. Delivery
// channel = S3 bucket ...") as those items: one numbered bullet each,
// under the block's lead-in when it has one ("Setup: 1) ... 2) ..."), the
// text after the last item's sentence a paragraph of its own. The
// enumerators must count up from 1 (or a) in order; each new block cites
// the line of the block it came from.
func splitInlineEnumerations(doc *Document) {
	var out []Block // nil until a block splits: most notes have none
	for i, b := range doc.Blocks {
		if b.Kind != BlockParagraph && b.Kind != BlockBullet || strings.Count(b.Text, ") ") == 0 {
			if out != nil {
				out = append(out, b)
			}
			continue
		}
		text := b.Text
		if b.Kind == BlockBullet && b.Ordinal == 1 {
			// "1) configuration recorder  2) delivery channel": Markdown
			// took the first enumerator for the item's number
			text = "1) " + text
		}
		items, lead, rest, ok := enumeratedItems(text)
		if !ok {
			if out != nil {
				out = append(out, b)
			}
			continue
		}
		if out == nil {
			out = append(make([]Block, 0, len(doc.Blocks)+len(items)+2), doc.Blocks[:i]...)
		}
		depth := b.Depth
		if lead != "" {
			head := b
			head.Text = lead
			out = append(out, head)
			depth++
		}
		for k, it := range items {
			out = append(out, Block{Kind: BlockBullet, Line: b.Line, EndLine: b.EndLine, Depth: depth, Ordinal: k + 1, Text: it})
		}
		if rest != "" {
			out = append(out, Block{Kind: BlockParagraph, Line: b.Line, EndLine: b.EndLine, Depth: b.Depth, Text: rest})
		}
	}
	if out != nil {
		doc.Blocks = out
	}
}

// enumeratedItems splits a text that enumerates items inline (see
// splitInlineEnumerations): the items, the lead-in before the first
// (ending in ":", or none), and the text after the last item's sentence.
func enumeratedItems(text string) (items []string, lead, rest string, ok bool) {
	ms := inlineEnumRe.get().FindAllStringSubmatchIndex(text, -1)
	if len(ms) < 2 {
		return nil, "", "", false
	}
	for k, m := range ms {
		mark := text[m[2]:m[3]]
		want := string(rune('1' + k))
		if mark[0] >= 'a' {
			want = string(rune('a' + k))
		}
		if k >= 9 || mark != want {
			return nil, "", "", false
		}
	}
	lead = strings.TrimSpace(text[:ms[0][0]])
	if lead != "" && !strings.HasSuffix(lead, ":") {
		return nil, "", "", false // "see 1) above": an enumeration inside a sentence
	}
	for k, m := range ms {
		end := len(text)
		if k+1 < len(ms) {
			end = ms[k+1][0]
		}
		it := strings.TrimSpace(text[m[1]:end])
		if k == len(ms)-1 {
			if i := strings.Index(it, ". "); i > 0 {
				it, rest = it[:i+1], strings.TrimSpace(it[i+2:])
			}
		}
		it = strings.TrimRight(it, ".,;")
		if it == "" || countFields(it) > 12 {
			return nil, "", "", false
		}
		items = append(items, it)
	}
	return items, lead, rest, true
}

// dashedNumberRe matches the number a dashed item opens with in a PDF
// export ("- 1. Schedule and duration", "- 2) Registered targets").
var dashedNumberRe = lazyRE(`^(\d{1,2})[.)]\s+\S`)

// numberDashedItems gives a PDF export's bullets that open with a number
// ("- 1. Schedule and duration") that number as their Ordinal, the number
// gone from their text, as Markdown's numbered items have.
func numberDashedItems(doc *Document) {
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		if b.Kind != BlockBullet || b.Ordinal != 0 {
			continue
		}
		m := dashedNumberRe.FindStringSubmatchIndex(b.Text)
		if m == nil {
			continue
		}
		n, err := strconv.Atoi(b.Text[m[2]:m[3]])
		if err != nil || n == 0 {
			continue
		}
		b.Ordinal = n
		b.Text = strings.TrimSpace(b.Text[m[3]+1:])
	}
}

// nestNumberedRuns nests, in a flat export, the numbered items that
// follow a bullet ending with ":" at its own depth ("- Components of a
// maintenance window:" over "- 1. Schedule and duration", "- 2. ...") one
// level under it: the run is 1, 2, 3 ... in order and ends at the first
// item that does not go on with it.
func nestNumberedRuns(doc *Document) {
	bs := doc.Blocks
	for i := 0; i+1 < len(bs); i++ {
		head := bs[i]
		if head.Kind != BlockBullet || head.Ordinal != 0 || !strings.HasSuffix(strings.TrimSpace(head.Text), ":") {
			continue
		}
		j, want := i+1, 1
		for j < len(bs) && bs[j].Kind == BlockBullet && bs[j].Depth == head.Depth && bs[j].Ordinal == want {
			j, want = j+1, want+1
		}
		if want <= 2 {
			continue // one numbered item is no list
		}
		for k := i + 1; k < j; k++ {
			bs[k].Depth++
		}
		i = j - 1
	}
}

// continueNumbering restores the depth of a numbered item whose author
// let its indentation slip: "  - 1. Notifications" under "- There are 3
// ways ...:", then "- 2. Triggers" back at the top. An item numbered n > 1
// whose nearest earlier item numbered n-1 sits one level deeper, with only
// deeper lines between them, under an unnumbered item of b's depth, is
// that list's next item: it and the lines under it move one level down.
func continueNumbering(doc *Document) {
	bs := doc.Blocks
	for i := 0; i < len(bs); i++ {
		b := &bs[i]
		if b.Kind != BlockBullet || b.Ordinal < 2 {
			continue
		}
		prev := -1
		for j := i - 1; j >= 0; j-- {
			p := bs[j]
			if p.Kind != BlockBullet || p.Depth <= b.Depth {
				break
			}
			if p.Ordinal == b.Ordinal-1 && p.Depth == b.Depth+1 {
				prev = j
				break
			}
		}
		if prev < 0 {
			continue
		}
		// the item n-1 sits under an unnumbered head ("There are 3 ways
		// ...:"), not under item n-1 of b's own list ("3.2.1" over
		// "3.2.1.1", then "3.2.2")
		parent := prev - 1
		for parent >= 0 && bs[parent].Kind == BlockBullet && bs[parent].Depth > b.Depth {
			parent--
		}
		if parent < 0 || bs[parent].Kind != BlockBullet || bs[parent].Depth != b.Depth || bs[parent].Ordinal != 0 {
			continue
		}
		d := b.Depth
		b.Depth++
		for k := i + 1; k < len(bs) && bs[k].Kind == BlockBullet && bs[k].Depth > d; k++ {
			bs[k].Depth++
		}
	}
}

// nestFlatLists restores the nesting a format lost (PDF exports, plain
// text, careless Markdown): a bullet that ends with ":" and is followed, at
// its own depth, by bullets that read as names ("- Cannot be combined
// with:", "- provisioned concurrency", "- Amazon EFS") heads them; they move
// one level down. The run ends at the first item that reads as a sentence
// or a "key: value" pair, or at any other block. A name item that lists
// several ("- Can create usage plan:", "- Rate, burst, quota") counts as
// many.
func nestFlatLists(doc *Document) {
	nestListsUnder(doc, func(t string) bool { return strings.HasSuffix(strings.TrimSpace(t), ":") }, flatItems)
	// "- Service type" over "- Replica - places and maintains ...", "-
	// Demon - deploys exactly one task ...": a short name over items that
	// each name a thing and say what it is heads them too
	nestListsUnder(doc, func(t string) bool {
		return FlatItemName(t) && countFields(t) <= maxKindHeadWords && !strings.Contains(t, " - ")
	}, oneItem(definedItem))
}

// maxKindHeadWords bounds the words of a bullet that heads defined items
// (see nestFlatLists).
const maxKindHeadWords = 3

// definedItem reports a list item that names a thing and then says what it
// is after a dash: "Replica - places and maintains the desired number of
// tasks", "Demon – deploys exactly one task". The name is title-cased and
// at most maxTitleNameWords words.
func definedItem(t string) bool {
	for _, sep := range []string{" - ", " – ", " — "} {
		if i := strings.Index(t, sep); i > 0 {
			return titleName(t[:i]) && countFields(t[i+len(sep):]) >= 2
		}
	}
	return false
}

// nestDescriptions restores the nesting a PDF export lost between named
// items and the sentences that describe them: in a run of bullets at one
// depth that opens with a name ("- Geoproximity Routing (Traffic Flow
// Only)") where every name is followed by at least one sentence ("-
// Geoproximity routing lets Amazon Route 53 route traffic ..."), each
// sentence moves under the name before it. The run needs two such names at
// least: one name over sentences is as likely a sibling as a title. A name
// that ends with ":" heads its items already (nestFlatLists).
func nestDescriptions(doc *Document) {
	bs := doc.Blocks
	for i := 0; i < len(bs); i++ {
		if bs[i].Kind != BlockBullet || !titleName(bs[i].Text) {
			continue
		}
		d := bs[i].Depth
		j, names, bare := i, 0, false
		for ; j < len(bs) && bs[j].Kind == BlockBullet && bs[j].Depth == d; j++ {
			if titleName(bs[j].Text) {
				if j > i && titleName(bs[j-1].Text) {
					bare = true // a title no sentence describes: a list of names
					break
				}
				names++
			} else if FlatItemName(bs[j].Text) {
				break // neither title nor sentence ("Fully managed NoSQL database") ends the run
			}
		}
		if bare || names < 2 || titleName(bs[j-1].Text) {
			i = max(i, j-1)
			continue
		}
		for k := i; k < j; k++ {
			if !titleName(bs[k].Text) {
				bs[k].Depth++
			}
		}
		i = j - 1
	}
}

// maxTitleNameWords bounds the words of a titleName, its aside aside.
const maxTitleNameWords = 4

// titleName reports whether a bullet's text reads as the title of what
// the bullets after it describe: at most maxTitleNameWords words outside
// its parentheses, each capitalised ("Multivalue Answer Routing",
// "Geoproximity Routing (Traffic Flow Only)", "In-Place Deployments") or a
// lower-case function word of at most three letters ("Integration with
// ELB"), and no sentence punctuation. "Fully managed NoSQL database" and
// "SSM SecureString is not supported" describe; they are no titles.
func titleName(text string) bool {
	t := strings.TrimSpace(stripParens(text))
	f := strings.Fields(t)
	return len(f) <= maxTitleNameWords && !strings.ContainsAny(t, ",.;:!?") && titleCased(f)
}

// titleCased reports whether words are written in title case: the first
// capitalised (or a number), each other capitalised or a lower-case word
// of at most three letters ("of", "and", "for"). False for no words.
func titleCased(words []string) bool {
	for k, w := range words {
		if startsUpperOrDigit(w) {
			continue
		}
		if k == 0 || len(w) > 3 || strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLower(r) }) {
			return false
		}
	}
	return len(words) > 0
}

// flatItems counts the names a FlatItemName lists, separated by commas:
// 3 for "Rate, burst, quota"; 0 for a text that is no FlatItemName. Its
// asides count for nothing: "Log Archive account (central CloudTrail and
// Config logs)" is one name.
func flatItems(t string) int {
	t = stripParens(t)
	if !FlatItemName(t) {
		return 0
	}
	n := 0
	for _, p := range strings.Split(t, ",") {
		if strings.TrimSpace(p) != "" {
			n++
		}
	}
	return max(n, 1)
}

// oneItem counts a text for which is reports true as one item, any other
// as none (see nestListsUnder).
func oneItem(is func(string) bool) func(string) int {
	return func(t string) int {
		if is(t) {
			return 1
		}
		return 0
	}
}

// nestListsUnder is nestFlatLists for any head: a bullet for which heads
// reports true heads the bullets after it, at its depth, that item counts
// as items (two items at least in all: one bullet may list several); it
// reports whether any moved.
func nestListsUnder(doc *Document, heads func(string) bool, item func(string) int) bool {
	bs := doc.Blocks
	moved := false
	for i := 0; i < len(bs); i++ {
		head := bs[i]
		if head.Kind != BlockBullet || !heads(head.Text) {
			continue
		}
		j, n := i+1, 0
		for j < len(bs) && bs[j].Kind == BlockBullet && bs[j].Depth == head.Depth {
			k := item(bs[j].Text)
			if k == 0 {
				break
			}
			n += k
			j++
		}
		if n < 2 {
			continue // one short item is as likely a sibling as a member
		}
		for k := i + 1; k < j; k++ {
			bs[k].Depth++
		}
		moved = true
		i = j - 1
	}
	return moved
}

// FlatItemName reports whether a list item's text reads as a name, not a
// sentence: at most six words, no sentence punctuation, no "key: value".
func FlatItemName(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" || strings.ContainsAny(t, ":;!?") || strings.Contains(t, ". ") || strings.HasSuffix(t, ".") {
		return false
	}
	return countFields(t) <= maxFlatItemWords
}

// DetectFormat reports the format Parse would use: "wiki", "blog", "pdf",
// "markdown", "latex" or "text". Files named *.md or *.markdown are
// markdown, *.tex or a text that opens a LaTeX document (or has two
// \section commands) latex, *.html or a text that opens with a doctype or
// an html element html, *.mediawiki or *.wiki or a text with two "== Heading
// ==" lines and a wiki mark wikitext; for other names the content decides, in this
// order: a line starting with
// "↖↑↓" or "↖↓" => pdf; a line that is exactly "#" after a non-blank line,
// at least twice => blog; lines starting with "  • " and no "#" line => wiki;
// Org, AsciiDoc, YAML-, INI- and TOML-shaped and drawn-tree notes => text (see readMarkup);
// Markdown signals ("# " / "## " headings, fenced code, or "* " lists
// together with `code` spans) => markdown; else text.
func DetectFormat(name string, src []byte) string {
	return detectFormat(name, string(src))
}

// markupFormats are the formats of marked-up notes and exports, each with
// the detector that tells it by name or content, in the order detectFormat
// tries them.
var markupFormats = []struct {
	is     func(name, text string) bool
	format string
}{
	{isDrawio, FormatDrawio},
	{isRTF, FormatRTF},
	{isLaTeX, FormatLaTeX},
	{isHTML, FormatHTML},
	{isZim, FormatZim},
	{isWikitext, FormatWikitext},
	{isAsciiDoc, FormatAsciiDoc},
	{isRST, FormatRST},
	{isTextile, FormatTextile},
	{isMermaid, FormatMermaid},
	{isBBCode, FormatBBCode},
	{isOPML, FormatOPML},
	{isSubtitles, FormatSubtitles},
	{isNotebook, FormatNotebook},
	{isJSONNote, FormatJSON},
	{isCalendar, FormatCalendar},
	{isBibTeX, FormatBibTeX},
	{isCommentedScript, FormatScript},
}

func detectFormat(name, text string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return FormatMarkdown
	}
	for _, m := range markupFormats {
		if m.is(name, text) {
			return m.format
		}
	}
	if isColumnNote(text) {
		return FormatColumns
	}
	if isYAMLName(name) || iniName(name) {
		return FormatText // read as YAML, INI or TOML: see readMarkup
	}
	var (
		hashRules, hashLines, wikiBullets, atx, fences, starItems, ruled int
		orgHeads, adocHeads, yamlKeys, yamlOther, nonBlank               int
		branches                                                         int
		ini                                                              iniCounts
		backticks, prevBlank                                             = false, true
	)
	for len(text) > 0 {
		var line string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			line, text = text, ""
		}
		line = strings.TrimSuffix(line, "\r")
		if hasPDFHeadingMark(line) {
			return FormatPDF
		}
		trimmed := strings.TrimSpace(line)
		if trimmed != "" {
			nonBlank++
			if _, _, ok := treeBranch(line); ok {
				branches++
			}
			if lvl, _, ok := markerHeading(line, '*'); ok && lvl >= 2 {
				orgHeads++
			}
			if _, _, ok := markerHeading(line, '='); ok {
				adocHeads++
			}
			switch {
			case yamlKey(trimmed) != "":
				yamlKeys++
			case strings.HasPrefix(trimmed, "- ") || strings.HasPrefix(trimmed, "#"):
				yamlOther++
			}
			ini.add(trimmed, line == trimmed)
			if ruledTitle(trimmed) != "" {
				ruled++
			}
		}
		switch {
		case line == "#":
			hashLines++
			if !prevBlank {
				hashRules++
			}
		case strings.HasPrefix(line, "  • "):
			wikiBullets++
		case isATXHeading(line):
			atx++
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			fences++
		case strings.HasPrefix(trimmed, "* "):
			starItems++
		}
		if !backticks && strings.Count(line, "`") >= 2 {
			backticks = true
		}
		prevBlank = trimmed == ""
	}
	switch {
	case hashRules >= 2:
		return FormatBlog
	case wikiBullets > 0 && hashLines == 0:
		return FormatWiki
	case orgHeads > 0, adocHeads >= 2, yamlShaped(yamlKeys, yamlOther, nonBlank), treeShaped(branches, nonBlank), ini.shaped(nonBlank, false):
		// Org-mode, YAML-, INI- and TOML-shaped notes, notes of "= Title"
		// headings that are no AsciiDoc file (a Typst page) and drawn
		// trees: see readMarkup
		return FormatText
	case atx > 0, fences >= 2, starItems > 0 && backticks && ruled < 2:
		// star items with inline code are a weak sign of Markdown: two
		// titles ruled on both sides ("=== Kinesis ===", a plain-text
		// heading Markdown does not have) outweigh it
		return FormatMarkdown
	}
	return FormatText
}

// isYAMLName reports whether a note is named as YAML (*.yaml, *.yml).
func isYAMLName(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// isATXHeading reports a Markdown "# Title" .. "###### Title" line.
func isATXHeading(line string) bool {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && n+1 < len(line) && line[n] == ' ' && strings.TrimSpace(line[n:]) != ""
}

// isBinary reports content with a NUL byte in its first 8 KiB, or whose
// first 8 KiB are mostly not text (control bytes and invalid UTF-8).
func isBinary(src []byte) bool {
	head := src[:min(len(src), sniffBytes)]
	bad, total := 0, 0
	for i := 0; i < len(head); {
		c := head[i]
		if c == 0 {
			return true
		}
		total++
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b {
				bad++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size == 1 {
			if len(head)-i < utf8.UTFMax && len(head) == sniffBytes {
				break // rune cut by the 8 KiB window
			}
			bad++
		}
		i += size
	}
	return total > 0 && bad*10 > total*3
}

// splitLines splits text into lines without their "\n" or "\r\n"
// terminators. A final line without newline is kept; a final newline does
// not start an extra empty line.
func splitLines(text string) []string {
	if text == "" {
		return nil
	}
	lines := strings.Split(text, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// srcLine is one classified source line, assembled from the lexer's items.
type srcLine struct {
	num     int      // 1-based line number
	kind    itemType // itemBlank, itemInvalid, itemHeading, itemHashRule, itemCell, itemPipeRow, itemPipeSep, itemCode or itemText
	indent  int      // indentation in columns (a tab counts 2)
	list    bool     // has a list marker (bullet or number)
	ordinal int      // number of a numbered item
	text    string   // content: heading title, cell text, list item text, line text
	raw     string   // the trimmed line
	stray   bool     // a line of its own, never a wrapped part of the one before: a cell line left out of every table, a chat turn
}

// parser holds what every format parser shares.
type parser struct {
	name    string
	doc     *Document
	errs    ErrorList
	section []string // heading path of level-less formats: [nearest heading]
	levels  []int    // the levels of section's headings
	// listIndent is the indentation of the marker line of the last list item
	// added (plain lines indented deeper nest under it or continue it).
	listIndent int
	// outline is set when the last list item was an indented plain line
	// (see outlineItem): deeper lines are its children, not its wrapped text
	outline   bool
	flatCells int // one-cell-per-line table cells met so far (see MaxFlatCells)
	// deckBase is the heading path the flashcards of a deck sit under (see
	// addCard); nil until the first card
	deckBase []string
	// rules are the characters of the rules under titles met so far
	// ("=", "-"), in the order met: a title's level is its rule's place, as
	// reStructuredText reads them (see underlined)
	rules []byte
}

// ruleLevel returns the level of a title underlined with rule character c:
// its place among the rule characters met so far, 1 for the first.
func (p *parser) ruleLevel(c byte) int {
	if i := slices.Index(p.rules, c); i >= 0 {
		return i + 1
	}
	p.rules = append(p.rules, c)
	return len(p.rules)
}

// bareLevel returns the level of a title that no rule marks (a short line
// between blank lines): below every ruled title, so that "Tiers" under
// "Parameter Store" / "-----" is one of its sections; 1 in a note that
// rules none.
func (p *parser) bareLevel() int {
	return len(p.rules) + 1
}

// maxJoinBytes bounds the text a block gathers from continuation lines, so
// that joining stays linear on adversarial input.
const maxJoinBytes = 8 << 10

// canJoin reports whether the last block may take line num as a continuation.
func (p *parser) canJoin(num int, kinds ...BlockKind) bool {
	b := p.last()
	if b == nil || b.EndLine != num-1 || len(b.Text) >= maxJoinBytes {
		return false
	}
	for _, k := range kinds {
		if b.Kind == k {
			return true
		}
	}
	return false
}

// errorAt records a positioned problem; past maxLineErrors only a summary is kept.
func (p *parser) errorAt(line int, msg string) {
	switch {
	case len(p.errs) < maxLineErrors:
		p.errs.Add(p.name, line, msg)
	case len(p.errs) == maxLineErrors:
		p.errs.Add(p.name, line, "too many errors; further problems not reported")
	}
}

// scan lexes text and returns exactly one srcLine per line of the document.
// Skipped lines come back as itemInvalid, with an Error recorded.
func (p *parser) scan(text string, mode lexMode) []srcLine {
	n := len(p.doc.Lines)
	lines := make([]srcLine, n)
	for i := range lines {
		lines[i] = srcLine{num: i + 1, kind: itemInvalid}
	}
	cur := func(it item) *srcLine {
		if it.line < 1 || it.line > n {
			return nil
		}
		return &lines[it.line-1]
	}
	for _, it := range lex(text, mode) {
		l := cur(it)
		switch it.typ {
		case itemEOF:
			return lines
		case itemError:
			p.errorAt(it.line, it.val)
			return lines
		}
		if l == nil {
			continue
		}
		switch it.typ {
		case itemInvalid:
			p.errorAt(it.line, it.val)
			l.kind = itemInvalid
		case itemIndent:
			l.indent = indentWidth(it.val)
		case itemBullet:
			l.list = true
		case itemNumber:
			l.list = true
			for _, c := range it.val {
				l.ordinal = l.ordinal*10 + int(c-'0')
			}
		default:
			l.kind, l.text = it.typ, it.val
			l.raw = strings.TrimSpace(p.doc.Lines[it.line-1])
		}
	}
	return lines
}

// indentWidth measures leading whitespace: a space counts 1, a tab 2.
func indentWidth(ws string) int {
	w := 0
	for i := 0; i < len(ws); i++ {
		if ws[i] == '\t' {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// add appends a block under the current level-less section.
func (p *parser) add(b Block) {
	if b.EndLine < b.Line {
		b.EndLine = b.Line
	}
	if b.Kind == BlockBullet {
		b.Text = dropCheckbox(b.Text)
	}
	if b.Kind != BlockHeading {
		b.Section = p.section
	}
	p.doc.Blocks = append(p.doc.Blocks, b)
}

// heading appends a level-1 heading and makes it the current section.
func (p *parser) heading(line int, title string) {
	p.headingAt(line, 1, title)
}

// headingAt appends a heading of the given level (1 = top) and makes it
// the current section, under the headings above it of lower levels.
func (p *parser) headingAt(line, level int, title string) {
	p.add(Block{Kind: BlockHeading, Line: line, EndLine: line, Level: level, Text: title})
	for len(p.levels) > 0 && p.levels[len(p.levels)-1] >= level {
		p.levels = p.levels[:len(p.levels)-1]
		p.section = p.section[:len(p.section)-1]
	}
	if len(p.levels) != len(p.section) {
		p.levels, p.section = p.levels[:0], p.section[:0]
	}
	p.levels = append(p.levels, level)
	p.section = append(slices.Clip(p.section), title)
	p.deckBase = nil
}

// last returns the last block, or nil.
func (p *parser) last() *Block {
	if len(p.doc.Blocks) == 0 {
		return nil
	}
	return &p.doc.Blocks[len(p.doc.Blocks)-1]
}

// appendText joins continuation text to a block that ends on the line before.
func appendText(b *Block, line int, text string) {
	switch {
	case b.Text == "":
		b.Text = text
	case strings.HasPrefix(text, ",") || strings.HasPrefix(text, ";"):
		// ", queued": an export that broke a list before its commas
		b.Text += text
	case text != "":
		b.Text += " " + text
	}
	b.EndLine = line
}

// codeLines marks the lines that belong to code samples: maximal groups of
// adjacent code-like lines (clear code, or "weak" code such as YAML keys)
// that hold at least one clear code line or at least three lines. extra
// reports additional lines that may join a group already started (for
// example indented continuation lines in the wiki).
func codeLines(lines []srcLine, weak func(l *srcLine) bool, extra func(l *srcLine) bool) []bool {
	code := make([]bool, len(lines))
	for i := 0; i < len(lines); {
		if !weak(&lines[i]) {
			i++
			continue
		}
		j, strong := i, 0
		for j < len(lines) && (weak(&lines[j]) || (j > i && extra != nil && extra(&lines[j]))) {
			if lines[j].kind == itemCode {
				strong++
			}
			j++
		}
		if strong > 0 || j-i >= 3 && !flatLabels(lines[i:j]) {
			for k := i; k < j; k++ {
				code[k] = true
			}
		}
		i = j
	}
	return code
}

// flatLabels reports a run of lines that are each a "key: value" at no
// indentation ("types: String, StringList, SecureString (KMS)" /
// "tiers: standard 4KB / advanced 8KB" in a cram sheet): labelled facts,
// where a YAML or config sample nests its keys or opens a block with one.
func flatLabels(run []srcLine) bool {
	for k := range run {
		key, val, ok := yamlKeyValue(strings.TrimSpace(run[k].text))
		if !ok || key == "" || strings.TrimSpace(val) == "" || run[k].indent > 0 || run[k].kind != itemText {
			return false
		}
	}
	return true
}

// addCode appends one BlockCode per group of consecutive code lines starting at i
// and returns the index after the group.
func (p *parser) addCode(lines []srcLine, code []bool, i int) int {
	j := i
	var b strings.Builder
	for j < len(lines) && code[j] {
		if j > i {
			b.WriteByte('\n')
		}
		b.WriteString(p.doc.Lines[lines[j].num-1])
		j++
	}
	p.add(Block{Kind: BlockCode, Line: lines[i].num, EndLine: lines[j-1].num, Text: strings.TrimRight(b.String(), " \t\n")})
	return j
}

// endsSentence reports text ending with terminal punctuation.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, ` "')]`)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, ";")
}

// startsLower reports text starting with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// startsUpperOrDigit reports text starting with an upper-case letter or a digit.
func startsUpperOrDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// runeLen is the length of s in runes.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// phraseWords are the closed-class English words (articles, prepositions,
// conjunctions) that cannot end a phrase: a line that stops at one, or a
// line that starts with one of the linking ones, is a phrase broken by the
// width of a column (see wrapsOnto).
var phraseWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "for": true, "with": true, "by": true,
	"from": true, "in": true, "into": true, "on": true, "at": true, "per": true, "via": true, "across": true,
	"and": true, "or": true, "nor": true, "than": true, "as": true, "if": true, "when": true, "that": true,
}

// wrapsOnto reports whether cur is the rest of prev broken at a column's
// width (PDF exports, slides, hard-wrapped notes): prev ends no sentence and
// stops mid-phrase - inside parentheses, after a comma, "/" or "+", or at
// an article, preposition or conjunction - or cur goes on with one ("per
// shard", "across all consumers", "or sinceImagePushed ...").
func wrapsOnto(prev, cur string) bool {
	prev, cur = strings.TrimSpace(prev), strings.TrimSpace(cur)
	if prev == "" || cur == "" || endsSentence(prev) {
		return false
	}
	if endsMidPhrase(prev) {
		return true
	}
	cw := strings.Fields(cur)
	return startsLower(cur) && phraseWords[cw[0]]
}

// chainArrows are the arrows that link the hops of a chain written on a line.
var chainArrows = []string{"->", "→", "=>"}

// startsArrow reports text that opens with a chain arrow.
func startsArrow(s string) bool {
	return slices.ContainsFunc(chainArrows, func(a string) bool { return strings.HasPrefix(s, a) })
}

// endsArrow reports text that ends with a chain arrow.
func endsArrow(s string) bool {
	return slices.ContainsFunc(chainArrows, func(a string) bool { return strings.HasSuffix(s, a) })
}
