package ingest

import (
	"errors"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// RTF (Rich Text Format 1.9.1): a note saved from WordPad, TextEdit or
// Word. No RTF reader is served by the module proxy here (go-rtf/rtf,
// AOShei/go-fast-rtf, J45k4/rtf-go, aiq/go-rtf were refused), and none
// would say which note line a paragraph comes from, so awskg reads RTF
// itself: rtfLexer splits the note into groups, control words and text, each
// item knowing its line, and rtfToMarkdown writes the Markdown the
// paragraphs say: a heading for a paragraph in a heading style or outline
// level, or one that is all bold and short (a bold paragraph in a larger
// font is the higher heading); a list item for a paragraph with a list
// marker (\listtext, \pntext, or a bullet typed at its start), nested by
// its list level; a pipe-table row for each table row; text for the rest.
// Every Markdown line cites the note line its paragraph's first word is on.
// What holds no note text is skipped: font, colour, style and list tables,
// document info, pictures, objects, headers and footers, footnotes,
// hidden text, field instructions (a link's text is kept) and every
// ignorable destination ({\*\...}).

// isRTF reports whether a note is RTF: named *.rtf, or a text that opens
// with "{\rtf".
func isRTF(name, text string) bool {
	if strings.EqualFold(path.Ext(name), ".rtf") {
		return true
	}
	return strings.HasPrefix(strings.TrimLeft(text, " \t\r\n\ufeff"), `{\rtf`)
}

// rtfItemType is the kind of an RTF lexical item.
type rtfItemType int

const (
	rtfOpen   rtfItemType = iota // "{": a group opens
	rtfClose                     // "}": the group closes
	rtfWord                      // a control word: val "par", param and hasParam for "\li720"
	rtfSymbol                    // a control symbol: val "~" for "\~", "\n" for a backslash ending a line
	rtfHex                       // "\'hh": param the byte
	rtfText                      // a run of text (never holding a line break)
	rtfEOF                       // the end of the note
)

// rtfItem is one lexical item of an RTF note: its type, byte offset, text
// or control word, numeric parameter and 1-based line.
type rtfItem struct {
	typ      rtfItemType
	pos      int
	val      string
	param    int
	hasParam bool
	line     int
}

// rtfLexer holds the state of one scan: the items scanned and not yet
// taken, and the state to run for more.
type rtfLexer struct {
	src   string
	pos   int
	line  int
	items []rtfItem
	state rtfStateFn
}

// rtfStateFn is one state of the lexer, returning the next.
type rtfStateFn func(*rtfLexer) rtfStateFn

// newRTFLexer returns a lexer over an RTF note. It never fails: a stray
// backslash at the end is dropped, "\bin N" skips at most the rest of the
// note.
func newRTFLexer(src string) *rtfLexer {
	return &rtfLexer{src: src, line: 1, state: lexRTFText}
}

// peek returns the next item without taking it, an rtfEOF item at the
// end.
func (l *rtfLexer) peek() rtfItem {
	for len(l.items) == 0 && l.state != nil {
		l.state = l.state(l)
	}
	if len(l.items) == 0 {
		return rtfItem{typ: rtfEOF, pos: len(l.src), line: l.line}
	}
	return l.items[0]
}

// next takes the next item, an rtfEOF item at the end.
func (l *rtfLexer) next() rtfItem {
	it := l.peek()
	if it.typ != rtfEOF {
		l.items = l.items[1:]
	}
	return it
}

func (l *rtfLexer) emit(typ rtfItemType, pos int, val string) {
	l.items = append(l.items, rtfItem{typ: typ, pos: pos, val: val, line: l.line})
}

// lexRTFText scans text up to the next brace, backslash or line break.
func lexRTFText(l *rtfLexer) rtfStateFn {
	start := l.pos
	for l.pos < len(l.src) {
		switch c := l.src[l.pos]; c {
		case '{', '}', '\\', '\n', '\r':
			if l.pos > start {
				l.emit(rtfText, start, l.src[start:l.pos])
			}
			switch c {
			case '{':
				l.emit(rtfOpen, l.pos, "")
				l.pos++
				return lexRTFText
			case '}':
				l.emit(rtfClose, l.pos, "")
				l.pos++
				return lexRTFText
			case '\\':
				return lexRTFControl
			case '\n':
				l.line++
				l.pos++
			default:
				l.pos++ // a carriage return, no text
			}
			start = l.pos
			continue
		}
		l.pos++
	}
	if l.pos > start {
		l.emit(rtfText, start, l.src[start:l.pos])
	}
	return nil
}

// isASCIILetter reports whether c is a letter of a control word.
func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// lexRTFControl scans what follows a backslash: a control word with its
// parameter and delimiting space, a hex byte, or a control symbol.
func lexRTFControl(l *rtfLexer) rtfStateFn {
	start := l.pos
	l.pos++ // the backslash
	if l.pos >= len(l.src) {
		return nil
	}
	c := l.src[l.pos]
	switch {
	case isASCIILetter(c):
		w := l.pos
		for l.pos < len(l.src) && l.pos-w < 32 && isASCIILetter(l.src[l.pos]) {
			l.pos++
		}
		it := rtfItem{typ: rtfWord, pos: start, val: l.src[w:l.pos], line: l.line}
		p := l.pos
		if p < len(l.src) && l.src[p] == '-' {
			p++
		}
		d := p
		for p < len(l.src) && p-d < 10 && l.src[p] >= '0' && l.src[p] <= '9' {
			p++
		}
		if p > d {
			n, err := strconv.Atoi(l.src[l.pos:p])
			if err == nil {
				it.param, it.hasParam = n, true
			}
			l.pos = p
		}
		if l.pos < len(l.src) && l.src[l.pos] == ' ' {
			l.pos++ // the delimiting space belongs to the control word
		}
		l.items = append(l.items, it)
		if it.val == "bin" && it.param > 0 {
			l.pos += min(it.param, len(l.src)-l.pos) // binary data, no text
		}
	case c == '\'':
		l.pos++
		if l.pos+2 <= len(l.src) {
			if b, err := strconv.ParseUint(l.src[l.pos:l.pos+2], 16, 8); err == nil {
				l.items = append(l.items, rtfItem{typ: rtfHex, pos: start, param: int(b), line: l.line})
				l.pos += 2
			}
		}
	case c == '\n' || c == '\r':
		l.emit(rtfSymbol, start, "\n") // a backslash ending a line: \par
		if c == '\n' {
			l.line++
		}
		l.pos++
		if c == '\r' && l.pos < len(l.src) && l.src[l.pos] == '\n' {
			l.line++
			l.pos++
		}
	default:
		l.emit(rtfSymbol, start, l.src[l.pos:l.pos+1])
		l.pos++
	}
	return lexRTFText
}

// rtfSkipped are the destinations that hold no note text.
var rtfSkipped = map[string]bool{
	"fonttbl": true, "colortbl": true, "info": true, "pict": true, "object": true, "header": true,
	"headerl": true, "headerr": true, "headerf": true, "footer": true, "footerl": true, "footerr": true,
	"footerf": true, "footnote": true, "listtable": true, "listoverridetable": true, "revtbl": true,
	"rsidtbl": true, "generator": true, "xmlnstbl": true, "fldinst": true, "themedata": true,
	"colorschememapping": true, "datastore": true, "latentstyles": true, "pgdsctbl": true,
	"filetbl": true, "nonshppict": true, "shppict": true, "bkmkstart": true, "bkmkend": true,
	"xe": true, "tc": true, "private": true, "annotation": true, "atnid": true, "atnauthor": true,
	"pn": true, "pntxta": true, "pntxtb": true,
}

// rtfChars are the control words that stand for a character.
var rtfChars = map[string]string{
	"tab": "\t", "emdash": "—", "endash": "–", "bullet": "•", "lquote": "‘", "rquote": "’",
	"ldblquote": "“", "rdblquote": "”", "emspace": " ", "enspace": " ", "qmspace": " ",
}

// rtfSymbols are the control symbols that stand for a character.
var rtfSymbols = map[string]string{"\\": "\\", "{": "{", "}": "}", "~": " ", "_": "-", "-": ""}

// rtfCodePages are the Windows code pages \ansicpgN may name for \'hh
// bytes; any other reads as 1252, the default.
var rtfCodePages = map[int]*charmap.Charmap{
	1250: charmap.Windows1250, 1251: charmap.Windows1251, 1252: charmap.Windows1252,
	1253: charmap.Windows1253, 1254: charmap.Windows1254, 1255: charmap.Windows1255,
	1256: charmap.Windows1256, 1257: charmap.Windows1257, 1258: charmap.Windows1258,
	437: charmap.CodePage437, 850: charmap.CodePage850, 10000: charmap.Macintosh,
}

// maxRTFDepth bounds the groups whose state is kept: a deeper group reads
// with the state of the group at this depth, so hostile nesting costs no
// memory.
const maxRTFDepth = 128

// rtfState is the state a group scopes: what its text is, the character
// formatting and the paragraph properties.
type rtfState struct {
	dest    string // "": text; "listtext": a list marker; "skip": no text; "style": a style's name
	uc      int    // characters a \uN's fallback takes
	bold    bool
	hidden  bool
	size    int // font size in half-points
	style   int // paragraph style number (\sN)
	outline int // outline level + 1 (\outlinelevelN); 0 for none
	level   int // list level (\ilvlN); -1 for none written
	list    bool
	indent  int // left indent in twips
	inTable bool
}

// rtfPara is one paragraph of the note: its text, the note lines it
// spans, and what it is.
type rtfPara struct {
	text    string
	line    int
	bold    bool // every letter bold
	size    int  // largest font size of its text
	style   int
	outline int
	marker  string // the list marker (\listtext), "" for none
	list    bool
	level   int
	indent  int
	row     []string // a table row's cells
}

// rtfConv is the state of one rtfToMarkdown run.
type rtfConv struct {
	stack    []rtfState
	overflow int // groups opened past maxRTFDepth
	cp       *charmap.Charmap
	skipN    int  // fallback characters still to skip after \uN
	surr     rune // a high surrogate waiting for its low one

	cur      strings.Builder
	curLine  int
	curBold  bool
	curSize  int
	marker   strings.Builder
	cells    []string // the open table row's cells
	cellLine []int    // the note line of each cell's first word

	styles    map[int]string // style number → name
	styleName strings.Builder
	styleNum  int

	paras  []rtfPara
	quoted []strings.Builder
	sep    bool // a paragraph or cell ended since the last quoted text
}

// errNoRTFText is the error of an RTF note that holds no text to read.
var errNoRTFText = errors.New("no text outside its tables of fonts, colours and styles")

// rtfToMarkdown rewrites an RTF note as Markdown (see isRTF). It fails on a
// text that does not open with "{\rtf", or one that holds no text.
func rtfToMarkdown(src string) (noteMarkdown, error) {
	if !strings.HasPrefix(strings.TrimLeft(src, " \t\r\n\ufeff"), `{\rtf`) {
		return noteMarkdown{}, errors.New(`no "{\rtf" header`)
	}
	c := &rtfConv{
		cp:     charmap.Windows1252,
		styles: map[int]string{},
		stack:  []rtfState{{uc: 1, size: 24, level: -1}},
		quoted: make([]strings.Builder, strings.Count(src, "\n")+1),
	}
	lx := newRTFLexer(src)
	for it := lx.next(); it.typ != rtfEOF; it = lx.next() {
		switch it.typ {
		case rtfOpen:
			c.open(lx.peek())
		case rtfClose:
			c.close()
		case rtfWord:
			c.word(it)
		case rtfSymbol:
			if it.val == "\n" {
				c.endPara()
			} else if s, ok := rtfSymbols[it.val]; ok {
				c.text(s, it.line)
			}
		case rtfHex:
			r := c.cp.DecodeByte(byte(it.param))
			c.text(string(r), it.line)
		case rtfText:
			c.text(it.val, it.line)
		}
	}
	c.endPara()
	out := c.markdown()
	out.text = make([]string, len(c.quoted))
	for i := range c.quoted {
		out.text[i] = clipQuoted(strings.Join(strings.Fields(c.quoted[i].String()), " "))
	}
	if len(c.paras) == 0 {
		return noteMarkdown{}, errNoRTFText
	}
	return out, nil
}

// top returns the state of the innermost group.
func (c *rtfConv) top() *rtfState { return &c.stack[len(c.stack)-1] }

// open opens a group whose first item is next: its state is its
// parent's, unless next is a control word that names a destination with no
// note text, or "\*" marking it ignorable.
func (c *rtfConv) open(next rtfItem) {
	if len(c.stack) >= maxRTFDepth {
		c.overflow++
		return
	}
	s := *c.top()
	switch {
	case s.dest == "skip":
	case s.dest == "stylesheet":
		s.dest = "style"
		c.styleName.Reset()
		c.styleNum = 0
	case next.typ == rtfSymbol && next.val == "*":
		s.dest = "skip"
	case next.typ == rtfWord && rtfSkipped[next.val]:
		s.dest = "skip"
	case next.typ == rtfWord && next.val == "stylesheet":
		s.dest = "stylesheet"
	case next.typ == rtfWord && (next.val == "listtext" || next.val == "pntext"):
		s.dest = "listtext"
		c.marker.Reset()
	}
	c.stack = append(c.stack, s)
}

// close closes the innermost group.
func (c *rtfConv) close() {
	if c.overflow > 0 {
		c.overflow--
		return
	}
	if len(c.stack) == 1 {
		return // a stray "}": the note's outermost group stays open
	}
	if s := c.top(); s.dest == "style" {
		name := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(c.styleName.String()), ";"))
		c.styles[c.styleNum] = strings.ToLower(name)
	}
	c.stack = c.stack[:len(c.stack)-1]
}

// word applies a control word.
func (c *rtfConv) word(it rtfItem) {
	s := c.top()
	if s.dest == "skip" {
		return
	}
	if s.dest == "style" {
		if it.val == "s" {
			c.styleNum = it.param
		}
		return
	}
	if r, ok := rtfChars[it.val]; ok {
		c.text(r, it.line)
		return
	}
	on := !it.hasParam || it.param != 0
	switch it.val {
	case "par", "sect", "line":
		c.endPara()
	case "ansicpg":
		if cp, ok := rtfCodePages[it.param]; ok {
			c.cp = cp
		}
	case "uc":
		s.uc = max(0, min(it.param, 8))
	case "u":
		c.unicode(it.param, it.line)
		c.skipN = s.uc
	case "b":
		s.bold = on
	case "v":
		s.hidden = on
	case "fs":
		if it.param > 0 {
			s.size = it.param
		}
	case "plain":
		s.bold, s.hidden, s.size = false, false, 24
	case "pard":
		s.style, s.outline, s.level, s.list, s.indent, s.inTable = 0, 0, -1, false, 0, false
	case "s":
		s.style = it.param
	case "outlinelevel":
		s.outline = it.param + 1
	case "ilvl":
		s.level, s.list = max(0, min(it.param, 8)), true
	case "ls":
		s.list = true
	case "li":
		s.indent = it.param
	case "intbl":
		s.inTable = true
	case "cell", "nestcell":
		c.endCell()
	case "row", "nestrow":
		c.endRow()
	}
}

// unicode writes the character of "\uN" (N negative for code points over
// 32767; a surrogate pair as two).
func (c *rtfConv) unicode(n, line int) {
	if n < 0 {
		n += 65536
	}
	r := rune(n)
	switch {
	case utf16.IsSurrogate(r) && r < 0xDC00:
		c.surr = r
		return
	case utf16.IsSurrogate(r):
		if c.surr != 0 {
			r = utf16.DecodeRune(c.surr, r)
		}
	}
	c.surr = 0
	c.text(string(r), line)
}

// text adds text to the open paragraph (or list marker, or style name),
// skipping a \uN's fallback characters.
func (c *rtfConv) text(t string, line int) {
	s := c.top()
	if c.skipN > 0 {
		rs := []rune(t)
		if len(rs) <= c.skipN {
			c.skipN -= len(rs)
			return
		}
		t, c.skipN = string(rs[c.skipN:]), 0
	}
	switch s.dest {
	case "skip", "stylesheet":
		return
	case "style":
		c.styleName.WriteString(t)
		return
	case "listtext":
		c.marker.WriteString(t)
		return
	}
	if s.hidden || t == "" {
		return
	}
	c.quote(t, line)
	if c.cur.Len() == 0 || strings.TrimSpace(c.cur.String()) == "" {
		if strings.TrimSpace(t) == "" {
			c.cur.WriteString(t)
			return
		}
		c.curLine, c.curBold, c.curSize = line, true, 0
	}
	c.cur.WriteString(t)
	if strings.TrimSpace(t) != "" {
		c.curBold = c.curBold && s.bold
		c.curSize = max(c.curSize, s.size)
	}
}

// quote adds text to the note line it is on, for quoting.
func (c *rtfConv) quote(t string, line int) {
	if line < 1 || line > len(c.quoted) {
		return
	}
	q := &c.quoted[line-1]
	if q.Len() >= maxQuotedLine {
		return
	}
	if c.sep && q.Len() > 0 {
		q.WriteByte(' ') // a cell or paragraph ended: its words stay apart
	}
	c.sep = false
	q.WriteString(t)
}

// takeText returns the open paragraph's text with its white space
// collapsed, and empties it.
func (c *rtfConv) takeText() string {
	t := strings.Join(strings.Fields(c.cur.String()), " ")
	c.cur.Reset()
	return t
}

// endPara ends the open paragraph (in a table: the open cell's paragraph,
// which the cell keeps).
func (c *rtfConv) endPara() {
	c.sep = true
	s := c.top()
	if s.inTable {
		c.cur.WriteByte(' ') // a cell's paragraphs are one cell
		return
	}
	t := c.takeText()
	marker := strings.TrimSpace(strings.ReplaceAll(c.marker.String(), "\t", " "))
	c.marker.Reset()
	if t == "" {
		return
	}
	p := rtfPara{text: t, line: c.curLine, bold: c.curBold, size: c.curSize, style: s.style,
		outline: s.outline, marker: marker, list: s.list || marker != "", level: s.level, indent: s.indent}
	if !p.list {
		// a bullet typed at the paragraph's start is a list marker
		if r, rest, ok := typedBullet(t); ok {
			p.text, p.marker, p.list = rest, r, true
		}
	}
	c.paras = append(c.paras, p)
}

// typedBullet splits a paragraph that starts with a bullet character and
// a space into the bullet and the rest.
func typedBullet(t string) (bullet, rest string, ok bool) {
	for _, b := range []string{"•", "◦", "▪", "‣", "·", "-", "*", "–"} {
		if r, found := strings.CutPrefix(t, b+" "); found && strings.TrimSpace(r) != "" {
			return b, strings.TrimSpace(r), true
		}
	}
	return "", "", false
}

// endCell ends the open table cell.
func (c *rtfConv) endCell() {
	c.sep = true
	line := c.curLine
	t := c.takeText()
	if t == "" {
		line = 0
	}
	c.cells = append(c.cells, t)
	c.cellLine = append(c.cellLine, line)
}

// endRow ends the open table row: a paragraph of its cells, citing the
// line of its first word.
func (c *rtfConv) endRow() {
	if t := c.takeText(); t != "" { // text after the last \cell
		c.cells = append(c.cells, t)
		c.cellLine = append(c.cellLine, c.curLine)
	}
	line := 0
	for _, n := range c.cellLine {
		if n > 0 {
			line = n
			break
		}
	}
	if line > 0 {
		c.paras = append(c.paras, rtfPara{row: c.cells, line: line})
	}
	c.cells, c.cellLine = nil, nil
	c.marker.Reset()
}

// maxRTFHeading is the longest paragraph, in bytes, read as a heading for
// being all bold.
const maxRTFHeading = 100

// headingLevel returns the Markdown heading level of a paragraph, 0 for
// none: a heading style's ("heading 2") or outline level's, else, for a
// short paragraph all bold that ends in no full stop, its font size's rank
// among such paragraphs' sizes (the largest 1), below the styled levels.
func (c *rtfConv) headingLevel(p rtfPara, boldSizes []int, styled int) int {
	if p.row != nil || p.list {
		return 0
	}
	name := c.styles[p.style]
	if n, ok := strings.CutPrefix(name, "heading "); ok {
		if lvl, err := strconv.Atoi(strings.TrimSpace(n)); err == nil && lvl >= 1 {
			return min(lvl, 6)
		}
	}
	if name == "title" {
		return 1
	}
	if p.outline > 0 {
		return min(p.outline, 6)
	}
	if !boldHeading(p) {
		return 0
	}
	return min(styled+1+slices.Index(boldSizes, p.size), 6)
}

// boldHeading reports whether a paragraph reads as a heading for being
// all bold: short, and no sentence.
func boldHeading(p rtfPara) bool {
	return p.bold && p.row == nil && !p.list && len(p.text) <= maxRTFHeading && !strings.HasSuffix(p.text, ".")
}

// markdown writes the paragraphs as Markdown.
func (c *rtfConv) markdown() noteMarkdown {
	var out noteMarkdown
	// the font sizes of bold headings, largest first, and the deepest
	// styled heading level
	var boldSizes []int
	styled := 0
	indents := []int{}
	for _, p := range c.paras {
		if boldHeading(p) && !slices.Contains(boldSizes, p.size) {
			boldSizes = append(boldSizes, p.size)
		}
		if lvl := c.headingLevel(p, nil, 0); lvl > 0 && !boldHeading(p) {
			styled = max(styled, lvl)
		}
		if p.list && p.level < 0 && !slices.Contains(indents, p.indent) {
			indents = append(indents, p.indent)
		}
	}
	slices.Sort(boldSizes)
	slices.Reverse(boldSizes)
	slices.Sort(indents)
	inList, inTable := false, false
	for _, p := range c.paras {
		if p.row == nil && inTable {
			out.add("", p.line)
			inTable = false
		}
		switch {
		case p.row != nil:
			if !inTable {
				out.add("", p.line)
			}
			for _, l := range tableRow(p.row, !inTable) {
				out.add(l, p.line)
			}
			inTable, inList = true, false
		case p.list:
			level := p.level
			if level < 0 {
				level = slices.Index(indents, p.indent)
			}
			mark := "- "
			if num := strings.TrimRight(p.marker, ".)"); num != p.marker && num != "" && isDigits(num) {
				mark = num + ". "
			}
			if !inList {
				out.add("", p.line)
			}
			out.add(strings.Repeat("    ", max(level, 0))+mark+p.text, p.line)
			inList = true
		default:
			if inList {
				out.add("", p.line)
				inList = false
			}
			if lvl := c.headingLevel(p, boldSizes, styled); lvl > 0 {
				out.add(strings.Repeat("#", lvl)+" "+p.text, p.line)
			} else {
				out.add(p.text, p.line)
			}
			out.add("", p.line)
		}
	}
	return out
}
