package ingest

import (
	"strings"
	"unicode"
)

// parseWiki groups the lines of a MediaWiki plain-text export (000/003-style):
// bare short heading lines, "•" bullets indented two spaces per level,
// "  1. " numbered items, prose lines, CLI and YAML examples, and tables
// flattened into a "Key Description" line per row.
func (p *parser) parseWiki(lines []srcLine) {
	code := codeLines(lines, wikiCodeLike, wikiCodeMore)
	for i := 0; i < len(lines); i++ {
		if code[i] {
			i = p.addCode(lines, code, i) - 1
			continue
		}
		l := &lines[i]
		if l.kind != itemText && l.kind != itemCode {
			continue // blank or skipped
		}
		if l.indent == 0 && (tocEntry(lines, i) || tocEntry(lines, i+1) && strings.TrimSpace(l.text) == "Contents") {
			continue // "Contents" over "1 Change Sets", "2 Drift Detection": the page's table of contents, no section
		}
		if l.indent == 0 && pageChrome(lines, i) {
			continue // "From DevOps Pro Wiki", "Jump to navigation Jump to search": the wiki's page frame, no section
		}
		switch {
		case l.list:
			p.add(Block{Kind: BlockBullet, Line: l.num, Depth: wikiDepth(l.indent), Ordinal: l.ordinal, Text: l.text})
			p.listIndent = l.indent
		case l.indent > 0 && p.inList(lines, i) && wrappedItem(lines[i-1].text, l.text):
			// "• Cluster: logical grouping of capacity (EC2 instances," /
			// "  Fargate, or on-premises via ECS Anywhere)": the item's
			// text broken at the column's width
			appendText(p.last(), l.num, l.text)
		case l.indent > 0 && p.inList(lines, i):
			// An indented plain line under a list item is a nested item
			// ("  1. Resource provisioning:" / "    AWS CloudFormation").
			p.add(Block{Kind: BlockBullet, Line: l.num, Depth: wikiDepth(l.indent), Text: l.text})
		default:
			if end := p.wikiTable(lines, i); end > i {
				i = end
				continue
			}
			if isWikiHeading(l.text) && l.indent == 0 {
				p.heading(l.num, l.text)
				continue
			}
			p.add(Block{Kind: BlockParagraph, Line: l.num, Text: l.text})
			i = p.wrapAfterBlank(lines, i)
		}
	}
}

// pageChrome reports whether line i is a line the wiki puts around every
// page's title, not the page's own: "From <wiki name>" among the page's
// first lines, and "Jump to navigation Jump to search" (or "Jump to:
// navigation, search").
func pageChrome(lines []srcLine, i int) bool {
	t := strings.TrimSpace(lines[i].raw)
	if strings.HasPrefix(t, "Jump to") && strings.Contains(t, "navigation") && strings.Contains(t, "search") {
		return true
	}
	if !strings.HasPrefix(t, "From ") || !strings.HasSuffix(strings.ToLower(t), "wiki") {
		return false
	}
	text := 0 // the lines with text before it: the title only
	for j := 0; j < i; j++ {
		if strings.TrimSpace(lines[j].raw) != "" {
			text++
		}
	}
	return text <= 1
}

// tocEntryRe matches an entry of a wiki page's table of contents: a
// section number and a title ("1 Change Sets", "2.3 Hooks").
var tocEntryRe = lazyRE(`^\d+(\.\d+)*\s+\S`)

// tocEntry reports whether line i is an entry of the table of contents a
// MediaWiki export puts under "Contents": a numbered title line in the run
// of such lines (blank lines between them allowed) that follows the
// "Contents" line.
func tocEntry(lines []srcLine, i int) bool {
	if i >= len(lines) {
		return false
	}
	for j := i; j >= 0; j-- {
		t := strings.TrimSpace(lines[j].raw) // as written: "3.1 .ebextensions", not the item it reads as
		switch {
		case t == "":
			continue
		case t == "Contents":
			return j < i
		case !tocEntryRe.MatchString(t) || lines[j].indent > 0:
			return false
		}
	}
	return false
}

// wrappedItem reports an indented plain line that continues the list item
// line before it rather than nesting under it: the item stops mid-phrase
// (see wrapsOnto), it ends no sentence and the line goes on in lower case,
// or an arrow links the two ("BeforeInstall -> AfterInstall" / "->
// BeforeAllowTraffic"). A nested item follows a line ending with ":" and starts with a name.
func wrappedItem(prev, cur string) bool {
	return wrapsOnto(prev, cur) || startsLower(cur) && !endsSentence(prev) || startsArrow(cur) || endsArrow(prev)
}

// wikiDepth converts an indentation into a bullet depth: "  • " is depth 0,
// each further two columns one level deeper.
func wikiDepth(indent int) int {
	return max(0, (indent-2)/2)
}

// inList reports whether line i directly follows a list item (or an item's
// nested plain line) and is indented deeper than that item's marker line.
func (p *parser) inList(lines []srcLine, i int) bool {
	b := p.last()
	return b != nil && b.Kind == BlockBullet && b.EndLine == lines[i].num-1 && p.listIndent < lines[i].indent
}

// wikiCodeLike reports lines that may belong to a code sample in the wiki.
func wikiCodeLike(l *srcLine) bool {
	switch {
	case l.kind == itemCode:
		return true
	case l.kind != itemText || l.list:
		return false
	}
	return isWeakOnlyCode(l.text) // itemText lines are not clear code
}

// wikiCodeMore reports indented lines that continue a code sample already
// started (YAML values, "--flag" continuations).
func wikiCodeMore(l *srcLine) bool {
	return l.kind == itemText && !l.list && l.indent > 0
}

// isWikiHeading reports a bare heading line: short, starting with an
// upper-case letter or a digit, without final punctuation (a final "?" is
// allowed), not a "Label: text" line and not code.
func isWikiHeading(s string) bool {
	if s == "" || runeLen(s) > 100 || countFields(s) > 12 || !startsUpperOrDigit(s) {
		return false
	}
	if strings.ContainsAny(s[len(s)-1:], ".!;:,") {
		return false
	}
	if i := strings.Index(s, ": "); i >= 0 {
		label := s[:i]
		if strings.ToUpper(label) == label || startsLower(s[i+2:]) {
			return false // "SEE: AWS - ...", "Jump to: navigation"
		}
	}
	return !strings.ContainsAny(s, "(){}=") || strings.Contains(s, " (")
}

// wrapAfterBlank joins to the paragraph just added at line i a continuation
// after one blank line: the paragraph does not end a sentence and the next
// non-blank line starts in lower case. It returns the last line consumed.
func (p *parser) wrapAfterBlank(lines []srcLine, i int) int {
	if i+2 >= len(lines) || endsSentence(lines[i].text) || lines[i+1].kind != itemBlank {
		return i
	}
	n := &lines[i+2]
	if n.kind != itemText || n.list || n.indent > 0 || !startsLower(n.text) {
		return i
	}
	appendText(p.last(), n.num, n.text)
	return i + 2
}

// wikiTable rebuilds a flattened two-column table at line i: a header line
// of two capitalised words ("Tasks Details") followed directly by two or
// more "Key Description ..." lines, where the key is the leading run of
// capitalised words minus its last word, which starts the description. A
// lower-case continuation after one blank line is joined to the last cell.
// It returns the last line of the table, or i when there is none.
func (p *parser) wikiTable(lines []srcLine, i int) int {
	h := strings.Fields(lines[i].text)
	if len(h) != 2 || !isTitleWord(h[0]) || !isTitleWord(h[1]) || lines[i].indent > 0 {
		return i
	}
	var rows [][]Cell
	j := i + 1
	for ; j < len(lines); j++ {
		l := &lines[j]
		if l.kind != itemText || l.list || l.indent > 0 {
			break
		}
		key, desc, ok := splitKeyDesc(l.text)
		if !ok {
			break
		}
		rows = append(rows, []Cell{{Text: key, Line: l.num}, {Text: desc, Line: l.num}})
	}
	if len(rows) < 2 {
		return i
	}
	t := &Table{Header: []Cell{{Text: h[0], Line: lines[i].num}, {Text: h[1], Line: lines[i].num}}, Rows: rows}
	b := Block{Kind: BlockTable, Line: lines[i].num, EndLine: lines[j-1].num, Table: t}
	last := &rows[len(rows)-1][1]
	if j+1 < len(lines) && lines[j].kind == itemBlank && !endsSentence(last.Text) {
		if n := &lines[j+1]; n.kind == itemText && !n.list && n.indent == 0 && startsLower(n.text) {
			last.Text += " " + n.text
			b.EndLine = n.num
			j += 2
		}
	}
	p.add(b)
	return j - 1
}

// splitKeyDesc splits "Run Command Manage the configuration ..." into
// "Run Command" and "Manage the configuration ...".
func splitKeyDesc(s string) (key, desc string, ok bool) {
	if k := strings.Index(s, "  "); k > 0 {
		// "missing  Missing datapoints are not considered": the export
		// kept the columns apart
		key, desc = strings.TrimSpace(s[:k]), strings.TrimSpace(s[k:])
		if desc != "" && countFields(key) <= maxGapKeyWords {
			return key, desc, true
		}
	}
	words := strings.Fields(s)
	k := 0
	for k < len(words) && startsUpperOrDigit(words[k]) {
		k++
	}
	if k < 2 || k == len(words) && len(words) < 3 {
		return "", "", false
	}
	key = strings.Join(words[:k-1], " ")
	desc = strings.Join(words[k-1:], " ")
	return key, desc, true
}

// isTitleWord reports a capitalised word of letters.
func isTitleWord(w string) bool {
	if !startsUpperOrDigit(w) {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
