package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The line lexer follows the design of text/template/parse/lex.go: state
// functions scan the input and emit items; the format parsers group the items
// into Blocks. Every source line produces either one "line" item (itemBlank,
// itemInvalid, itemHeading, itemHashRule, itemCell, itemPipeRow, itemPipeSep,
// itemCode, itemText), optionally preceded by an itemIndent and by a list
// marker (itemBullet or itemNumber, always followed by the itemText of the
// list item), or the final itemEOF / itemError.

// MaxLineBytes is the longest line the parsers accept; longer lines are
// skipped with an Error at their line.
const MaxLineBytes = 64 << 10

// maxLineErrors caps the positioned errors reported for one note.
const maxLineErrors = 100

// item is a token returned by the lexer.
type item struct {
	typ  itemType // type of this item
	pos  int      // byte offset of this item in the input
	val  string   // value of this item, see itemType
	line int      // 1-based line number of the start of this item
}

func (i item) String() string {
	switch i.typ {
	case itemEOF:
		return "EOF"
	case itemError:
		return "error: " + i.val
	}
	return fmt.Sprintf("%d:%s %q", i.line, i.typ, i.val)
}

// itemType identifies the type of lex items.
type itemType int

const (
	itemError    itemType = iota // error that ends the scan; val is the message
	itemEOF                      // end of the input
	itemInvalid                  // line skipped (invalid UTF-8 or too long); val says why
	itemBlank                    // empty or whitespace-only line
	itemIndent                   // leading whitespace of a line; val is the raw whitespace
	itemHeading                  // marked heading line ("↖↑↓ Title"); val is the title without marker
	itemHashRule                 // line that is exactly "#", the underline of a blog heading
	itemBullet                   // bullet marker "•", "-", "*" or "+"; val is the marker
	itemNumber                   // numbered-list marker "12.", "12)" or "2.1.3"; val is the last level's number
	itemCell                     // one-cell-per-line table cell "text |"; val is the cell text ("" for ".")
	itemPipeRow                  // pipe-table row "| a | b |"; val is the trimmed row
	itemPipeSep                  // pipe-table separator row "|---|:--:|"; val is the trimmed row
	itemCode                     // line that is clearly code ("$ ls", "aws s3 ls", "{", ...); val is the line
	itemText                     // other text, or the text of a list item; val is trimmed
)

var itemNames = [...]string{
	itemError: "error", itemEOF: "EOF", itemInvalid: "invalid", itemBlank: "blank",
	itemIndent: "indent", itemHeading: "heading", itemHashRule: "hashrule",
	itemBullet: "bullet", itemNumber: "number", itemCell: "cell", itemPipeRow: "piperow",
	itemPipeSep: "pipesep", itemCode: "code", itemText: "text",
}

func (t itemType) String() string {
	if int(t) >= 0 && int(t) < len(itemNames) {
		return itemNames[t]
	}
	return fmt.Sprintf("item(%d)", int(t))
}

// lexMode selects the line syntax a format recognises.
type lexMode struct {
	bullets     string // runes accepted as bullet markers when followed by a space
	numbers     bool   // "1. text" numbered items
	pdfHeadings bool   // "↖↑↓ Title" / "↖↓ Title" headings
	hashRule    bool   // "#" alone on a line
	cells       bool   // "text |" one-cell-per-line table cells
	pipeRows    bool   // "| a | b |" rows and "|---|" separators
	bareBullet  bool   // a bullet marker alone on its line ("-") is a bullet with no text
	// subBullets are runes accepted as bullet markers, when followed by a
	// space, on an indented line only: the second-level "o" and "◦" of
	// slides and word processors ("  o scan on push")
	subBullets string
}

var (
	modeWiki = lexMode{bullets: "•", numbers: true, subBullets: "◦▪"}
	modeBlog = lexMode{bullets: "•-*+", numbers: true, hashRule: true}
	modePDF  = lexMode{bullets: "-", pdfHeadings: true, cells: true, bareBullet: true}
	modeText = lexMode{bullets: "-*•+", numbers: true, cells: true, pipeRows: true, subBullets: "o◦▪"}
)

// pdfHeadingMarks are the heading markers of the PDF export, longest first;
// an extraction may leave out the space after one ("↖↑↓Rolling Update").
var pdfHeadingMarks = []string{"↖↑↓", "↖↓"}

// stateFn represents the state of the lexer as a function that returns the next state.
type stateFn func(*lexer) stateFn

// lexer holds the state of the scanner.
type lexer struct {
	input   string  // the string being scanned
	mode    lexMode // line syntax of the format
	start   int     // start position of the current item
	pos     int     // current position in the input
	lineEnd int     // end of the current line's content (before "\r\n" or "\n")
	line    int     // 1-based number of the current line
	items   []item  // items emitted so far
}

// lex scans the whole input and returns its items, ending with itemEOF or itemError.
func lex(input string, mode lexMode) []item {
	l := &lexer{input: input, mode: mode, line: 1, items: make([]item, 0, 2*strings.Count(input, "\n")+2)}
	for state := lexLine; state != nil; {
		state = state(l)
	}
	return l.items
}

// emit passes the text between start and pos back to the client.
func (l *lexer) emit(t itemType) {
	l.emitVal(t, l.input[l.start:l.pos])
}

// emitVal passes an item with an explicit value back to the client.
func (l *lexer) emitVal(t itemType, val string) {
	l.items = append(l.items, item{typ: t, pos: l.start, val: val, line: l.line})
	l.start = l.pos
}

// errorf emits an error item and terminates the scan by returning nil as the next state.
func (l *lexer) errorf(format string, args ...any) stateFn {
	l.items = append(l.items, item{typ: itemError, pos: l.start, val: fmt.Sprintf(format, args...), line: l.line})
	return nil
}

// rest returns the unscanned part of the current line.
func (l *lexer) rest() string {
	return l.input[l.pos:l.lineEnd]
}

// lexLine scans the start of a line.
func lexLine(l *lexer) stateFn {
	l.start = l.pos
	if l.pos >= len(l.input) {
		l.emit(itemEOF)
		return nil
	}
	end := strings.IndexByte(l.input[l.pos:], '\n')
	if end < 0 {
		end = len(l.input)
	} else {
		end += l.pos
	}
	l.lineEnd = end
	if end > l.pos && l.input[end-1] == '\r' {
		l.lineEnd = end - 1
	}
	text := l.input[l.pos:l.lineEnd]
	switch {
	case strings.IndexByte(text, 0) >= 0:
		return l.errorf("NUL byte: binary content, rest of the note skipped")
	case len(text) > MaxLineBytes:
		l.pos = l.lineEnd
		l.emitVal(itemInvalid, fmt.Sprintf("line too long (%d bytes, limit %d), skipped", len(text), MaxLineBytes))
		return lexEOL
	case !utf8.ValidString(text):
		l.pos = l.lineEnd
		l.emitVal(itemInvalid, "invalid UTF-8, line skipped")
		return lexEOL
	case strings.TrimSpace(text) == "", isPageMark(text):
		// a slide deck's or a PDF's "Slide 3" / "Page 2 of 10" footer
		// separates what is around it and states nothing
		l.pos = l.lineEnd
		l.emitVal(itemBlank, "")
		return lexEOL
	case text[0] == ' ' || text[0] == '\t':
		return lexIndent
	}
	return lexContent
}

// lexIndent scans the leading whitespace of a line.
func lexIndent(l *lexer) stateFn {
	for l.pos < l.lineEnd && (l.input[l.pos] == ' ' || l.input[l.pos] == '\t') {
		l.pos++
	}
	l.emit(itemIndent)
	return lexContent
}

// lexContent classifies the rest of the line.
func lexContent(l *lexer) stateFn {
	s := l.rest()
	trimmed := strings.TrimRight(s, " \t")
	switch {
	case l.mode.pdfHeadings && hasPDFHeadingMark(s):
		return lexHeading
	case l.mode.hashRule && trimmed == "#":
		l.pos = l.lineEnd
		l.emit(itemHashRule)
		return lexEOL
	case l.mode.pipeRows && isPipeSep(trimmed):
		l.pos = l.lineEnd
		l.emitVal(itemPipeSep, trimmed)
		return lexEOL
	case l.mode.pipeRows && isPipeRow(trimmed):
		l.pos = l.lineEnd
		l.emitVal(itemPipeRow, trimmed)
		return lexEOL
	case l.mode.cells && isCellLine(trimmed):
		return lexCell
	case l.bulletMarker(s) > 0:
		return lexBullet
	case l.mode.numbers && (numberMarker(s) > 0 || enumMarker(s) > 0):
		return lexNumber
	case isCodeLine(trimmed):
		l.pos = l.lineEnd
		l.emitVal(itemCode, trimmed)
		return lexEOL
	}
	return lexText
}

// lexHeading scans a marked heading.
func lexHeading(l *lexer) stateFn {
	s := l.rest()
	for _, m := range pdfHeadingMarks {
		if strings.HasPrefix(s, m) {
			s = s[len(m):]
			break
		}
	}
	l.pos = l.lineEnd
	l.emitVal(itemHeading, strings.TrimSpace(s))
	return lexEOL
}

// lexCell scans a one-cell-per-line table cell.
func lexCell(l *lexer) stateFn {
	l.pos = l.lineEnd
	l.emitVal(itemCell, cellText(l.input[l.start:l.pos]))
	return lexEOL
}

// lexBullet scans a bullet marker; the item text follows.
func lexBullet(l *lexer) stateFn {
	_, size := utf8.DecodeRuneInString(l.rest())
	l.pos += size
	l.emit(itemBullet)
	return lexText
}

// lexNumber scans a numbered-list marker; the item text follows.
func lexNumber(l *lexer) stateFn {
	n := numberMarker(l.rest())
	if n == 0 {
		// "(a)  AWS CloudTrail management events;": its ordinal
		n = enumMarker(l.rest())
		l.pos += n
		l.emitVal(itemNumber, strconv.Itoa(enumOrdinal(l.input[l.pos-n:l.pos])))
		return lexText
	}
	marker := lastLevel(l.input[l.pos : l.pos+n])
	l.pos += n
	l.emitVal(itemNumber, marker)
	return lexText
}

// lexText scans the rest of the line as text.
func lexText(l *lexer) stateFn {
	for l.pos < l.lineEnd && (l.input[l.pos] == ' ' || l.input[l.pos] == '\t') {
		l.pos++
	}
	l.start = l.pos
	l.pos = l.lineEnd
	l.emitVal(itemText, strings.TrimSpace(l.input[l.start:l.pos]))
	return lexEOL
}

// lexEOL skips the line terminator and moves to the next line.
func lexEOL(l *lexer) stateFn {
	l.pos = l.lineEnd
	if l.pos < len(l.input) && l.input[l.pos] == '\r' {
		l.pos++
	}
	l.start = l.pos
	if l.pos < len(l.input) && l.input[l.pos] == '\n' {
		l.pos++
		l.start = l.pos
		l.line++
	}
	return lexLine
}

// bulletMarker returns the byte length of the bullet marker (marker rune plus
// following blanks) at the start of s, or 0.
func (l *lexer) bulletMarker(s string) int {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || r == utf8.RuneError {
		return 0
	}
	if !strings.ContainsRune(l.mode.bullets, r) && !(strings.ContainsRune(l.mode.subBullets, r) && l.indented()) {
		return 0
	}
	if size == len(s) {
		if l.mode.bareBullet {
			return size
		}
		return 0
	}
	if s[size] != ' ' && s[size] != '\t' {
		return 0
	}
	n := size
	for n < len(s) && (s[n] == ' ' || s[n] == '\t') {
		n++
	}
	return n
}

// isPageMark reports a page or slide footer on a line of its own: "Slide
// 3", "Page 2 of 10", "page 4/12", "- 7 -".
func isPageMark(s string) bool {
	f := strings.Fields(s)
	number := func(w string) bool {
		if a, b, ok := strings.Cut(w, "/"); ok {
			return isDigits(a) && isDigits(b)
		}
		return isDigits(w)
	}
	switch {
	case len(f) == 3 && f[0] == "-" && f[2] == "-":
		return isDigits(f[1])
	case len(f) < 2 || len(f) > 4:
		return false
	case !strings.EqualFold(f[0], "page") && !strings.EqualFold(f[0], "slide"):
		return false
	case len(f) == 2:
		return number(f[1])
	case len(f) == 4:
		return isDigits(f[1]) && (strings.EqualFold(f[2], "of") || f[2] == "/") && isDigits(f[3])
	}
	return false
}

// indented reports whether the current line opened with blanks.
func (l *lexer) indented() bool {
	n := len(l.items)
	return n > 0 && l.items[n-1].typ == itemIndent && l.items[n-1].line == l.line
}

// numberMarker returns the byte length of a numbered-list marker at the
// start of s, without the blank after it, or 0: "12." or "12)", a
// thread's "12/", and the levels of an outline, "2.1" or "2.1.3." (each
// level at most three digits, at most four levels).
func numberMarker(s string) int {
	n, levels := 0, 0
	for {
		d := 0
		for n+d < len(s) && d < 4 && s[n+d] >= '0' && s[n+d] <= '9' {
			d++
		}
		if d == 0 || d > 3 {
			return 0
		}
		n += d
		levels++
		if n+1 < len(s) && s[n] == '.' && s[n+1] >= '0' && s[n+1] <= '9' && levels < 4 {
			n++ // another level: "2.1"
			continue
		}
		break
	}
	switch {
	case n < len(s) && (s[n] == '.' || s[n] == ')'):
		n++
	case levels == 1 && n < len(s) && s[n] == '/':
		n++ // "12/ ECS hooks, in order: ...": a thread's post number
	case levels == 1:
		return 0 // "12 text" is no marker
	}
	if n+1 >= len(s) || (s[n] != ' ' && s[n] != '\t') {
		return 0
	}
	return n
}

// enumMarker returns the byte length of an enumeration marker in
// parentheses at the start of s, without the blank after it, or 0: one
// letter or up to three digits, "(a)", "(B)", "(12)", as outlines of
// specifications and legal text number their items.
func enumMarker(s string) int {
	if len(s) < 4 || s[0] != '(' {
		return 0
	}
	n := 1
	switch c := s[1]; {
	case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		n = 2
	default:
		for n < len(s) && n < 4 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 1 {
			return 0
		}
	}
	if n >= len(s) || s[n] != ')' || n+2 >= len(s) || s[n+1] != ' ' && s[n+1] != '\t' {
		return 0
	}
	return n + 1
}

// enumOrdinal returns the number of an enumeration marker: "(b)" → 2,
// "(12)" → 12.
func enumOrdinal(marker string) int {
	m := strings.Trim(marker, "()")
	if c := m[0]; c < '0' || c > '9' {
		return int(unicode.ToLower(rune(c))-'a') + 1
	}
	return markerOrdinal(m)
}

// lastLevel returns the digits of a number marker's last level: "2.1.3."
// → "3", "12)" → "12".
func lastLevel(marker string) string {
	m := strings.TrimRight(marker, ".)/")
	return m[strings.LastIndexByte(m, '.')+1:]
}

// markerLevels returns how many levels a number marker has: "2.1.3." →
// 3, "12)" → 1.
func markerLevels(marker string) int {
	return 1 + strings.Count(strings.TrimRight(marker, ".)/ \t"), ".")
}

// markerOrdinal returns the number of a number marker's last level: "2)"
// → 2, "2.1.3" → 3.
func markerOrdinal(marker string) int {
	n := 0
	for _, d := range lastLevel(marker) {
		n = n*10 + int(d-'0')
	}
	return n
}

func hasPDFHeadingMark(s string) bool {
	for _, m := range pdfHeadingMarks {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	return false
}

// isCellLine reports whether a right-trimmed line is a one-cell-per-line table cell.
func isCellLine(s string) bool {
	return s == "|" || strings.HasSuffix(s, " |")
}

// cellText returns the text of a cell line: trimmed, without the final "|";
// "." (the empty-cell marker) gives "".
func cellText(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimSpace(strings.TrimSuffix(s, "|"))
	if s == "." {
		return ""
	}
	return s
}

// isPipeRow reports whether a trimmed line is a "| a | b |" table row.
func isPipeRow(s string) bool {
	return len(s) >= 3 && s[0] == '|' && s[len(s)-1] == '|' && strings.Count(s, "|") >= 3
}

// isPipeSep reports whether a trimmed line is a "|---|:--:|" separator row
// (or Org-mode's "|---+---|").
func isPipeSep(s string) bool {
	if len(s) < 3 || s[0] != '|' || !strings.Contains(s, "-") {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '|', '-', ':', ' ', '\t', '+':
		default:
			return false
		}
	}
	return true
}

// cliCommands are program names that start a shell command line in the notes.
var cliCommands = []string{"aws ", "sudo ", "yum ", "apt-get ", "pip ", "npm ", "docker ", "kubectl ", "curl ", "wget ", "chmod ", "export ", "echo "}

// isCodeLine reports whether a trimmed, non-empty line is clearly code.
func isCodeLine(s string) bool {
	if s == "" {
		return false
	}
	switch s {
	case "{", "}", "[", "]", "},", "],", "{}", "[]", "});", ");":
		return true
	}
	switch {
	case strings.HasPrefix(s, "$ "), strings.HasPrefix(s, "#!"), strings.HasPrefix(s, "# "):
		return true
	case strings.HasPrefix(s, "!") && isYAMLTag(s[1:]):
		return true
	}
	for _, c := range cliCommands {
		if strings.HasPrefix(s, c) && len(s) > len(c) && isLowerASCII(s[len(c)]) {
			// "aws s3 ls" needs a service and a command; "aws devops" is prose.
			if c != "aws " || countFields(s) >= 3 {
				return true
			}
		}
	}
	if isCallLine(s) {
		return true
	}
	if s[0] == '"' {
		// JSON member: "Key": value
		if i := strings.Index(s[1:], `"`); i >= 0 {
			rest := strings.TrimLeft(s[i+2:], " ")
			if strings.HasPrefix(rest, ":") {
				return true
			}
		}
	}
	if key, val, ok := yamlKeyValue(s); ok {
		// YAML with a tag, a block scalar or a CloudFormation type.
		if strings.HasPrefix(val, "!") || val == "|" || val == ">" || strings.Contains(val, "::") || strings.Contains(key, "::") {
			return true
		}
	}
	// A command line with two or more --flags.
	if strings.Count(s, " --") >= 2 && !strings.Contains(s, ". ") {
		first := s
		if i := strings.IndexByte(s, ' '); i > 0 {
			first = s[:i]
		}
		if first == strings.ToLower(first) {
			return true
		}
	}
	return false
}

// isCallLine reports a bare function call such as "assert()" or "main(x);".
func isCallLine(s string) bool {
	s = strings.TrimSuffix(s, ";")
	i := strings.IndexByte(s, '(')
	if i <= 0 || !strings.HasSuffix(s, ")") || strings.ContainsAny(s[:i], " \t") {
		return false
	}
	for _, r := range s[:i] {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

// isWeakCode reports whether a trimmed line may be code (YAML keys, "...",
// "---", "- !Ref x", "--flag" continuations, comments): it is code only next
// to other code lines.
func isWeakCode(s string) bool {
	return s != "" && (isCodeLine(s) || isWeakOnlyCode(s))
}

// isWeakOnlyCode is isWeakCode for a line already known not to be clear code
// (the lexer's itemText lines).
func isWeakOnlyCode(s string) bool {
	if s == "" {
		return false
	}
	switch {
	case s == "..." || s == "---":
		return true
	case strings.HasPrefix(s, "--") && len(s) > 2 && isLowerASCII(s[2]):
		return true
	case strings.HasPrefix(s, "- ") && len(s) > 2 && (s[2] == '!' || s[2] == '"' || s[2] == '\''):
		return true
	case strings.HasPrefix(s, "#"):
		return true
	case len(s) >= 2 && s[0] == '"' && (strings.HasSuffix(s, `"`) || strings.HasSuffix(s, `",`)):
		return true // a JSON string element
	case strings.HasSuffix(s, " \\"):
		return true
	}
	_, _, ok := yamlKeyValue(s)
	return ok
}

// yamlKeyValue splits "Key: value" / "Key:" where Key is one token.
func yamlKeyValue(s string) (key, val string, ok bool) {
	i := strings.Index(s, ":")
	for i >= 0 && i+1 < len(s) && s[i+1] == ':' { // skip "::" inside keys like Fn::Base64
		j := strings.Index(s[i+2:], ":")
		if j < 0 {
			i = -1
			break
		}
		i = i + 2 + j
	}
	if i <= 0 {
		return "", "", false
	}
	key = strings.Trim(s[:i], `"'`)
	if key == "" || strings.ContainsAny(key, " \t") {
		return "", "", false
	}
	for _, r := range key {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("_-.:@/", r)) {
			return "", "", false
		}
	}
	rest := s[i+1:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return "", "", false
	}
	return key, strings.TrimSpace(rest), true
}

func isYAMLTag(s string) bool {
	for _, t := range []string{"Ref", "Sub", "GetAtt", "ImportValue", "FindInMap", "Join", "Select", "Split", "Equals", "If", "Not", "And", "Or", "Base64", "Cidr", "GetAZs", "Transform", "Condition"} {
		if strings.HasPrefix(s, t) && (len(s) == len(t) || s[len(t)] == ' ') {
			return true
		}
	}
	return false
}

func isLowerASCII(b byte) bool { return b >= 'a' && b <= 'z' }
