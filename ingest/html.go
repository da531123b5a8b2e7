package ingest

import (
	"bytes"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// HTML notes (a wiki or Confluence page saved from the browser, an
// Evernote or OneNote export) keep their structure in elements: h1-h6
// headings, ul/ol lists of li items (nested lists nest), p paragraphs,
// table rows of th/td cells, pre code. htmlToMarkdown writes the Markdown
// those elements say, one line per heading, item, paragraph and row, and
// records for each Markdown line the note line its text starts on, so the
// Markdown reader reads the note and every fact cites the note's own line.
// Elements that hold no note text (head, script, style, template, svg)
// are skipped.

// noteMarkdown is a note written in markup (HTML, MediaWiki, OPML, JSON,
// two columns) rewritten as Markdown, with the note line each Markdown
// line comes from.
type noteMarkdown struct {
	lines  []string // Markdown lines
	lineOf []int    // lineOf[i]: 1-based note line that lines[i] comes from
	text   []string // the note's lines with their markup removed, for quoting
}

// add appends Markdown line s, which comes from note line n.
func (m *noteMarkdown) add(s string, n int) {
	m.lines = append(m.lines, s)
	m.lineOf = append(m.lineOf, n)
}

// quote sets the quoted text of note line n (1-based) to q, clipped; a
// line the note does not have is left alone.
func (m *noteMarkdown) quote(n int, q string) {
	if n >= 1 && n <= len(m.text) {
		m.text[n-1] = clipQuoted(q)
	}
}

// lastLine returns the note line the last Markdown line comes from, 0
// when there is none.
func (m *noteMarkdown) lastLine() int {
	if len(m.lineOf) == 0 {
		return 0
	}
	return m.lineOf[len(m.lineOf)-1]
}

// tableRow returns the Markdown pipe-table lines of one row of cells, a
// pipe in a cell escaped ("a \| b"), with the rule under it when it is the
// table's first (header) row.
func tableRow(cells []string, first bool) []string {
	esc := make([]string, len(cells))
	for k, c := range cells {
		esc[k] = strings.ReplaceAll(c, "|", `\|`)
	}
	out := []string{"| " + strings.Join(esc, " | ") + " |"}
	if first {
		out = append(out, "|"+strings.Repeat(" --- |", len(cells)))
	}
	return out
}

// tableRows gathers the cells of a table a note marks up cell by cell (a
// MediaWiki "{|" table, an AsciiDoc "|===" one) into rows, and writes each
// row when it ends as a pipe-table line (the first with its header rule)
// citing the note line of its first cell.
type tableRows struct {
	cells []string // the row being read
	line  int      // the note line of its first cell
	rows  int      // the rows written
}

// add appends a cell, which note line line holds, to the row being read.
func (t *tableRows) add(cell string, line int) {
	if len(t.cells) == 0 {
		t.line = line
	}
	t.cells = append(t.cells, cell)
}

// extend appends text, a cell's further line, to the last cell read.
func (t *tableRows) extend(text string) {
	if len(t.cells) > 0 {
		t.cells[len(t.cells)-1] += " " + text
	}
}

// end writes the row being read to out, if it has a cell.
func (t *tableRows) end(out *noteMarkdown) {
	if len(t.cells) == 0 {
		return
	}
	for _, l := range tableRow(t.cells, t.rows == 0) {
		out.add(l, t.line)
	}
	t.rows++
	t.cells = nil
}

// clipQuoted cuts a quoted line to maxQuotedLine bytes at most, at a
// rune boundary.
func clipQuoted(q string) string {
	if len(q) <= maxQuotedLine {
		return q
	}
	cut := maxQuotedLine
	for cut > 0 && !utf8.RuneStart(q[cut]) {
		cut--
	}
	return q[:cut]
}

// maxQuotedLine bounds the bytes of a note line kept for quoting (one line
// of minified HTML may hold the whole page).
const maxQuotedLine = 4 << 10

// isHTML reports whether a note is HTML: named *.html or *.htm, or it
// opens with a doctype or an html element.
func isHTML(name, text string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	t := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(text, "\ufeff")))
	return strings.HasPrefix(t, "<!doctype html") || strings.HasPrefix(t, "<html")
}

// htmlSkipped are the elements whose content is not note text.
var htmlSkipped = map[string]bool{"head": true, "script": true, "style": true, "template": true, "svg": true, "noscript": true, "title": true}

// htmlInline are the elements that mark words inside a line of text.
var htmlInline = map[string]bool{
	"a": true, "abbr": true, "b": true, "cite": true, "code": true, "em": true, "font": true, "i": true,
	"kbd": true, "mark": true, "q": true, "s": true, "samp": true, "small": true, "span": true,
	"strong": true, "sub": true, "sup": true, "tt": true, "u": true, "var": true,
}

// htmlBlocks are the elements that end one Markdown block and begin the next.
var htmlBlocks = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "header": true, "footer": true, "main": true,
	"aside": true, "blockquote": true, "dl": true, "dt": true, "dd": true, "figure": true, "figcaption": true,
	"details": true, "summary": true, "nav": true, "caption": true, "hr": true, "body": true,
}

// maxHTMLListDepth is the deepest list nesting written: deeper lists
// (unclosed <ul>s) read as this deep, so indentation never grows with them.
const maxHTMLListDepth = 8

// htmlConv is the state of one htmlToMarkdown run.
type htmlConv struct {
	out noteMarkdown

	cur     strings.Builder // text of the open block
	curLine int             // note line of its first word
	prefix  string          // its Markdown mark ("## ", "  - ")
	blank   bool            // a blank line follows the block

	lists []int // open lists: -1 for ul, else the next number of an ol
	cells []string
	cell  *strings.Builder
	row   int // the row's note line
	rows  int // rows written in the open table
	pre   bool
	skip  int
	sep   bool // an element boundary since the last text: quoted words stay apart

	quoted []strings.Builder // each note line's words, for out.text
}

// htmlToMarkdown reads an HTML note. It never fails: unclosed or stray
// tags end or open blocks as a browser would roughly read them.
func htmlToMarkdown(src string) noteMarkdown {
	c := &htmlConv{}
	c.quoted = make([]strings.Builder, strings.Count(src, "\n")+1)
	z := html.NewTokenizer(strings.NewReader(src))
	line := 1
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start := line
		line += bytes.Count(raw, []byte("\n"))
		switch tt {
		case html.TextToken:
			if c.skip > 0 {
				continue
			}
			c.visible(raw, start)
			c.addText(raw, start)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			c.open(string(name), start, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			c.close(string(name))
		}
	}
	c.flush()
	c.endTable()
	c.out.text = make([]string, len(c.quoted))
	for i := range c.quoted {
		c.out.text[i] = c.quoted[i].String()
	}
	return c.out
}

// visible adds a text token's words to the note lines they are on, up to
// maxQuotedLine bytes a line.
func (c *htmlConv) visible(raw []byte, start int) {
	for k, piece := range strings.Split(string(raw), "\n") {
		at := start + k - 1
		if at >= len(c.quoted) {
			break
		}
		piece = html.UnescapeString(piece)
		t := strings.Join(strings.Fields(piece), " ")
		q := &c.quoted[at]
		if t == "" || q.Len() >= maxQuotedLine {
			continue
		}
		if q.Len() > 0 && (c.sep || strings.TrimLeft(piece, " \t\r") != piece) {
			q.WriteByte(' ') // words apart in the note stay apart
		}
		q.WriteString(t)
		c.sep = false
	}
}

// addText adds a text token to the open cell or block; a block opens on
// the line of its first word.
func (c *htmlConv) addText(raw []byte, start int) {
	s := html.UnescapeString(string(raw))
	if c.pre {
		for k, l := range strings.Split(s, "\n") {
			if k > 0 || l != "" {
				c.emit(l, start+k)
			}
		}
		return
	}
	lead := len(s) - len(strings.TrimLeft(s, " \t\r\n"))
	words := strings.Join(strings.Fields(s), " ")
	if words == "" {
		if s != "" {
			c.space()
		}
		return
	}
	if c.cell != nil {
		if lead > 0 && c.cell.Len() > 0 {
			c.cell.WriteByte(' ')
		}
		c.cell.WriteString(words)
		if strings.TrimRight(s, " \t\r\n") != s {
			c.cell.WriteByte(' ')
		}
		return
	}
	if c.cur.Len() == 0 {
		c.curLine = start + strings.Count(s[:lead], "\n")
	} else if lead > 0 {
		c.space()
	}
	c.cur.WriteString(words)
	if strings.TrimRight(s, " \t\r\n") != s {
		c.space()
	}
}

// space puts one space after the open text, if it has any.
func (c *htmlConv) space() {
	if c.cell != nil {
		if c.cell.Len() > 0 && !strings.HasSuffix(c.cell.String(), " ") {
			c.cell.WriteByte(' ')
		}
		return
	}
	if c.cur.Len() > 0 && !strings.HasSuffix(c.cur.String(), " ") {
		c.cur.WriteByte(' ')
	}
}

func (c *htmlConv) open(name string, line int, selfClosing bool) {
	if htmlSkipped[name] {
		if !selfClosing {
			c.skip++
		}
		return
	}
	if c.skip > 0 {
		return
	}
	c.sep = c.sep || !htmlInline[name]
	if c.cell != nil && name != "td" && name != "th" && name != "tr" && name != "table" && !htmlInline[name] {
		// a list or paragraphs inside a cell: its parts, one after another
		c.cellBreak()
		return
	}
	switch {
	case len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6':
		c.flush()
		c.prefix, c.blank = strings.Repeat("#", int(name[1]-'0'))+" ", true
	case name == "ul" || name == "ol" || name == "menu":
		c.flush()
		n := -1
		if name == "ol" {
			n = 1
		}
		c.lists = append(c.lists, n)
	case name == "li":
		c.flush()
		depth := len(c.lists)
		if depth == 0 {
			depth = 1
			c.lists = append(c.lists, -1)
		}
		depth = min(depth, maxHTMLListDepth)
		mark := "- "
		if n := c.lists[depth-1]; n > 0 {
			mark = strconv.Itoa(n) + ". "
			c.lists[depth-1]++
		}
		c.prefix, c.blank = strings.Repeat("  ", depth-1)+mark, false
	case name == "table":
		c.flush()
		c.endTable()
	case name == "tr":
		c.flush()
		c.endRow()
		c.cells, c.row = []string{}, line
	case name == "td" || name == "th":
		c.flush()
		c.endCell()
		if c.cells == nil {
			c.cells, c.row = []string{}, line
		}
		c.cell = &strings.Builder{}
	case name == "pre":
		c.flush()
		c.emit("```", line)
		c.pre = true
	case name == "br":
		if c.cell != nil {
			c.space()
			return
		}
		prefix, blank := c.prefix, c.blank
		c.flush()
		if len(c.lists) > 0 && prefix != "" && !strings.HasPrefix(prefix, "#") {
			c.prefix = strings.Repeat(" ", len(prefix)) // the item goes on
		} else if strings.HasPrefix(prefix, "#") {
			c.prefix, c.blank = prefix, blank
		}
	case htmlBlocks[name]:
		if c.cell != nil {
			c.space()
			return
		}
		c.flush()
	}
}

func (c *htmlConv) close(name string) {
	if htmlSkipped[name] {
		if c.skip > 0 {
			c.skip--
		}
		return
	}
	if c.skip > 0 {
		return
	}
	c.sep = c.sep || !htmlInline[name]
	if c.cell != nil && name != "td" && name != "th" && name != "tr" && name != "table" {
		return // (the end of a list or paragraph inside a cell)
	}
	switch {
	case len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6', name == "li":
		c.flush()
	case name == "ul" || name == "ol" || name == "menu":
		c.flush()
		if len(c.lists) > 0 {
			c.lists = c.lists[:len(c.lists)-1]
		}
		if len(c.lists) == 0 {
			c.emitBlank()
		}
	case name == "td" || name == "th":
		c.endCell()
	case name == "tr":
		c.endRow()
	case name == "table":
		c.endTable()
	case name == "pre":
		c.pre = false
		c.emit("```", c.lastLine())
		c.emitBlank()
	case htmlBlocks[name]:
		if c.cell == nil {
			c.flush()
		}
	}
}

// flush writes the open block as one Markdown line.
func (c *htmlConv) flush() {
	if c.cell != nil {
		return // a cell's text waits for its row
	}
	t := strings.TrimSpace(c.cur.String())
	if t == "" {
		return // (an item's mark waits for its text: <li><p>X</p></li>)
	}
	c.cur.Reset()
	prefix, blank := c.prefix, c.blank
	c.prefix, c.blank = "", true
	if len(c.lists) > 0 && prefix == "" {
		// text between a list's items (a nested list's heading line) reads
		// as the item it follows
		prefix, blank = strings.Repeat("  ", min(len(c.lists), maxHTMLListDepth)), false
	}
	if prefix == "" && (strings.HasPrefix(t, "#") || strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "|")) {
		t = `\` + t // text that would read as a mark
	}
	c.emit(prefix+t, c.curLine)
	if blank {
		c.emitBlank()
	}
}

// cellBreak separates the parts of a cell (its list items, paragraphs,
// lines) with "; ".
func (c *htmlConv) cellBreak() {
	t := strings.TrimRight(c.cell.String(), " ")
	if t != "" && !strings.HasSuffix(t, ";") {
		c.cell.Reset()
		c.cell.WriteString(t + "; ")
	}
}

func (c *htmlConv) endCell() {
	if c.cell == nil {
		return
	}
	t := strings.TrimSuffix(strings.TrimSpace(c.cell.String()), ";")
	c.cells = append(c.cells, strings.ReplaceAll(t, "|", "/"))
	c.cell = nil
}

func (c *htmlConv) endRow() {
	c.endCell()
	if len(c.cells) == 0 {
		c.cells = nil
		return
	}
	if c.rows == 0 && len(c.out.lines) > 0 && c.out.lines[len(c.out.lines)-1] != "" {
		c.emitBlank()
	}
	c.emit("| "+strings.Join(c.cells, " | ")+" |", c.row)
	if c.rows == 0 {
		c.emit("|"+strings.Repeat(" --- |", len(c.cells)), c.row)
	}
	c.rows++
	c.cells = nil
}

func (c *htmlConv) endTable() {
	c.endRow()
	if c.rows > 0 {
		c.emitBlank()
	}
	c.rows = 0
}

func (c *htmlConv) emit(s string, line int) { c.out.add(s, line) }

func (c *htmlConv) emitBlank() {
	if n := len(c.out.lines); n > 0 && c.out.lines[n-1] != "" {
		c.emit("", c.lastLine())
	}
}

func (c *htmlConv) lastLine() int {
	if n := len(c.out.lineOf); n > 0 {
		return c.out.lineOf[n-1]
	}
	return 1
}
