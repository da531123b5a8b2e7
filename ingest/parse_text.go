package ingest

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseText groups the lines of any other plain-text note (Org-mode,
// AsciiDoc and YAML-shaped notes read as readMarkup rewrites them): "- ", "* ", "• ",
// "+ " and "1. " list items (depth by indentation: two spaces or a tab per
// level; a more indented plain line continues the item), headings (a short
// line ending with ":", or a short capitalised line followed by a blank
// line), "| a | b |" tables with a "|---|" separator row, 002-style
// one-cell-per-line tables, code samples, and paragraphs.
func (p *parser) parseText(lines []srcLine) {
	levels := readMarkup(lines, p.doc.Lines, p.name)
	cards := deckCards(lines)
	sheetDeck := false // a .csv or .tsv deck: its records are cards, not table rows
	if cards == nil {
		cards = csvDeck(p.name, strings.Join(p.doc.Lines, "\n"))
		sheetDeck = cards != nil
	}
	tables := map[int]flatTable{}
	var titles map[int]string
	if !sheetDeck {
		tables = p.flatTables(lines)
		var file map[int]flatTable
		if cards == nil {
			file, titles = csvFileTable(p.name, lines, strings.Join(p.doc.Lines, "\n"))
		}
		for _, more := range []map[int]flatTable{gridTextTables(p.doc.Lines, lines), file, csvTables(lines), gapTables(lines)} {
			for k, t := range more {
				if _, taken := tables[k]; !taken {
					tables[k] = t
				}
			}
		}
	}
	speakers := turnLabels(lines)
	numbered := numberedTitles(lines)
	width := noteWidth(lines)
	code := codeLines(lines, func(l *srcLine) bool {
		// a card is no code, though its HTML field looks like some
		return textCodeLike(l) && !cards.has(l.num)
	}, nil)
	noteTitle := titleOverSections(lines, func(k int) bool { return levels[k] > 0 || underlined(lines, k) || isTextHeading(lines, k) })
	for i := 0; i < len(lines); i++ {
		if i == noteTitle && levels[i] == 0 && !underlined(lines, i) {
			// "CODEPIPELINE - DOP-C02 outline" / "(last reviewed week 6)"
			// over "Structure", "Action categories and providers": the
			// note's title, over its sections
			p.headingAt(lines[i].num, p.ruleLevel(titleRule), strings.TrimSpace(strings.TrimSuffix(lines[i].text, ":")))
			continue
		}
		if title, ok := titles[i]; ok {
			// "ROUTE 53 ROUTING POLICIES,,,," over a sheet's next table
			p.headingAt(lines[i].num, 1, title)
			p.outline = false
			continue
		}
		if t, ok := tables[i]; ok {
			p.add(t.block)
			i = t.last
			continue
		}
		if end := p.pipeTable(lines, i); end > i {
			i = end
			continue
		}
		if c, ok := cards[lines[i].num]; ok {
			p.addCard(lines[i].num, c)
			for i+1 < len(lines) && lines[i+1].num <= c.end {
				i++ // the lines of a quoted field that spans them
			}
			p.outline = false
			continue
		}
		if code[i] {
			i = p.addCode(lines, code, i) - 1
			continue
		}
		l := &lines[i]
		if levels[i] > 0 {
			// "** Flow", "=== Lambda", ".Cache options": a marked heading
			p.headingAt(l.num, levels[i], l.text)
			p.outline = false
			continue
		}
		switch l.kind {
		case itemText, itemCode, itemCell, itemPipeRow, itemPipeSep:
		default:
			continue // blank or skipped
		}
		text := l.text
		if l.kind != itemText {
			text = l.raw
		}
		switch {
		case numbered[i] > 0:
			// "3.4 Aurora" over its bullets: a word processor's numbered
			// heading, at the level its number says
			p.headingAt(l.num, numbered[i], strings.TrimSpace(text))
			p.outline = false
		case l.list:
			p.add(Block{Kind: BlockBullet, Line: l.num, Depth: l.indent / 2, Ordinal: l.ordinal, Text: text})
			p.listIndent, p.outline = l.indent, false
		case !l.list && l.kind == itemText && !l.stray && hardWrapped(lines, i, width) && p.canJoin(l.num, BlockBullet, BlockParagraph):
			// "Snapshot only for: EBS volume, RDS DB instance," /
			// "ElastiCache, Redshift cluster" at the same indentation: a
			// line the note's width broke, not an item of an outline
			appendText(p.last(), l.num, text)
		case outlineItem(lines, i, p.outline) && (p.outline || !p.continuesItem(lines, i) || strings.HasSuffix(lines[i-1].text, ":")):
			// "\tview types you pick when enabling:" / "\t\tKEYS_ONLY": an
			// outline by indentation alone, each deeper line a child; so
			// are the deeper lines under a list item that ends with ":"
			// ("- event types:" / "    mgmt events (control plane)"),
			// which opens a list, not a sentence that wraps
			p.add(Block{Kind: BlockBullet, Line: l.num, Depth: l.indent / 2, Text: text})
			p.listIndent, p.outline = l.indent, true
		case underlined(lines, i):
			// "EB DEPLOYMENTS - CRAM SHEET" over a line of "=": a title
			p.headingAt(l.num, p.ruleLevel(strings.TrimSpace(lines[i+1].raw)[0]), strings.TrimSpace(text))
			p.outline = false
			i++
		case p.continuesItem(lines, i) && labelLine(text):
			// "types: rolling based on health | ..." under an item: a
			// labelled fact of its own, nested by its indentation
			p.add(Block{Kind: BlockBullet, Line: l.num, Depth: l.indent / 2, Text: text})
			p.listIndent, p.outline = l.indent, true
		case p.continuesItem(lines, i):
			appendText(p.last(), l.num, text)
		case l.kind == itemText && !l.stray && p.canJoin(l.num, BlockBullet, BlockParagraph) && wrapsOnto(lines[i-1].text, text):
			// "• Provisioned - you choose the" / "number of shards"
			appendText(p.last(), l.num, text)
		case isTextHeading(lines, i) && !speakers[speakerLabel(text)]:
			// "Tutor: There are three families:" over bullets is a turn
			// of a dialogue, no title
			p.headingAt(l.num, p.bareLevel(), strings.TrimSpace(strings.TrimSuffix(text, ":")))
			p.outline = false
		case l.kind == itemText && l.indent == 0 && (i == 0 || lines[i-1].kind == itemBlank) && titlesBlock(lines, i) && startsUpperOrDigit(text) && !endsSentence(text):
			// a block's title sits under the note's titles: "Quotas worth
			// memorising" over a table, under "CLOUDFORMATION"
			level := 1
			if len(p.levels) > 0 {
				level = p.levels[0] + 1
			}
			p.headingAt(l.num, level, strings.TrimSpace(text))
			p.outline = false
		case ruledTitle(text) != "":
			p.heading(l.num, ruledTitle(text))
			p.outline = false
		case p.continues(lines, i) && startsLower(text) && !selfContained(lines, i):
			appendText(p.last(), l.num, text)
		default:
			p.add(Block{Kind: BlockParagraph, Line: l.num, Text: text})
			p.outline = false
		}
	}
}

// titleRule stands for the rule under a note's title line (see
// titleOverSections) among the rule characters of p.rules: no character a
// note writes.
const titleRule = 0

// maxTitleAsideWords is the most words of the one line (a date, "(last
// reviewed week 6)") a note's title may carry under it.
const maxTitleAsideWords = 8

// titleOverSections returns the index of the line that titles a plain note
// over its sections, or -1: its first line, short, unindented and no
// sentence or label, that at most one short line follows before a blank
// line and then a section's title (heading reports one: marked, underlined
// or bare, see isTextHeading). A first line with text of its own under it
// is the first section's title, not the note's.
func titleOverSections(lines []srcLine, heading func(k int) bool) int {
	i := slices.IndexFunc(lines, func(l srcLine) bool { return l.kind != itemBlank })
	if i < 0 {
		return -1
	}
	l := &lines[i]
	if l.kind != itemText || l.list || l.indent > 0 || countFields(l.text) > 10 || runeLen(l.text) > 80 ||
		!startsUpperOrDigit(l.text) || endsSentence(l.text) || strings.Contains(l.text, ": ") {
		return -1
	}
	k := i + 1
	if k < len(lines) && lines[k].kind != itemBlank {
		if lines[k].kind != itemText || lines[k].list || lines[k].indent > 0 || countFields(lines[k].text) > maxTitleAsideWords {
			return -1
		}
		k++
	}
	if k >= len(lines) || lines[k].kind != itemBlank {
		return -1
	}
	for k < len(lines) && lines[k].kind == itemBlank {
		k++
	}
	if k >= len(lines) || !heading(k) {
		return -1
	}
	return i
}

// speakerLabel returns the label a dialogue's turn opens with, "Me" of
// "Me: Which compute platforms ...?": one or two words of letters, the
// first capitalised, before ": "; "" for any other text.
func speakerLabel(text string) string {
	label, rest, ok := strings.Cut(strings.TrimSpace(text), ": ")
	if !ok || label == "" || strings.TrimSpace(rest) == "" || countFields(label) > 2 || !unicode.IsUpper([]rune(label)[0]) ||
		strings.ContainsFunc(label, func(r rune) bool { return !unicode.IsLetter(r) && r != ' ' }) {
		return ""
	}
	return label
}

// minTurns is how many lines a speaker's label must open for a note to be
// read as a dialogue.
const minTurns = 3

// turnLabels returns the speakers of a note written as a dialogue (a saved
// chat, an interview), read from its unindented lines (see
// dialogueLabels); nil for any other note.
func turnLabels(lines []srcLine) map[string]bool {
	var texts []string
	for _, l := range lines {
		if l.kind == itemText && l.indent == 0 && !l.list {
			texts = append(texts, l.text)
		}
	}
	return dialogueLabels(texts, nil)
}

// dialogueLabels returns the speakers of a dialogue whose turns are texts:
// the speaker labels (see speakerLabel) that open at least minTurns texts
// each and that keep accepts (every one when keep is nil), when two or more
// do and one of the turns asks a question ("Author:", "Date:" of a log ask
// nothing); nil otherwise.
func dialogueLabels(texts []string, keep func(label string) bool) map[string]bool {
	count := map[string]int{}
	asks := false
	for _, t := range texts {
		if label := speakerLabel(t); label != "" {
			count[label]++
			asks = asks || strings.HasSuffix(strings.TrimSpace(t), "?")
		}
	}
	if !asks {
		return nil
	}
	out := map[string]bool{}
	for label, n := range count {
		if n >= minTurns && (keep == nil || keep(label)) {
			out[label] = true
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// ruledTitle returns the title of a line ruled on both sides, "--- CW
// agent ---", "=== Kinesis ===", "== kds core ==", "*** Limits ***"; ""
// for any other line.
func ruledTitle(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 7 || strings.IndexByte("-=*#~", s[0]) < 0 {
		return ""
	}
	c := s[0]
	n := 3
	if c == '=' {
		n = 2 // MediaWiki's "== kds core =="
	}
	rule := strings.Repeat(string(c), n)
	if !strings.HasPrefix(s, rule) || !strings.HasSuffix(s, rule) {
		return ""
	}
	title := strings.TrimSpace(strings.Trim(s, string(c)))
	if title == "" || runeLen(title) > 80 {
		return ""
	}
	return title
}

// selfContained reports a lower-case line of plain text that states its
// own fact rather than continuing the line before: it follows a short line
// (wrapped lines are long), a ruled title, or it opens with a label
// ("near-real-time archive: CWL -> SF -> KDF -> S3", "max record = 1 mb")
// or holds an arrow.
func selfContained(lines []srcLine, i int) bool {
	prev, cur := lines[i-1].text, lines[i].text
	if runeLen(prev) < 40 || ruledTitle(prev) != "" {
		return true
	}
	if hasChainArrow(cur) || strings.Count(cur, " > ") >= 2 {
		return true
	}
	for _, sep := range []string{": ", " = "} {
		if k := strings.Index(cur, sep); k > 0 && countFields(cur[:k]) <= 4 {
			return true // "max record (payload) = 1 mb"
		}
		if k := strings.Index(prev, sep); k > 0 && countFields(prev[:k]) <= 4 && !endsMidPhrase(prev) {
			// "param policies (advanced only): Expiration, ..." /
			// "hierarchy up to 15 levels": a cram sheet's labelled line
			// is a fact of its own, and so is the line after it
			return true
		}
	}
	return false
}

// textCodeLike reports lines that may belong to a code sample in plain text.
func textCodeLike(l *srcLine) bool {
	switch {
	case l.kind == itemCode:
		return true
	case l.kind != itemText || l.list:
		return false
	}
	return isWeakOnlyCode(l.text) // itemText lines are not clear code
}

// continuesItem reports a plain line indented deeper than the list item
// that ends on the line before: the item's wrapped text.
func (p *parser) continuesItem(lines []srcLine, i int) bool {
	return lines[i].kind == itemText && p.canJoin(lines[i].num, BlockBullet) && lines[i].indent > p.listIndent
}

// outlineItem reports an indented plain line that is an item of an outline
// written by indentation alone: the line before it is no wrapped prose (it
// is short, or ends a sentence or with ':'), and less or as deeply indented
// unless the outline (inOutline) returns to a shallower level.
func outlineItem(lines []srcLine, i int, inOutline bool) bool {
	l := &lines[i]
	if l.kind != itemText || l.indent == 0 || i == 0 {
		return false
	}
	prev := &lines[i-1]
	if prev.kind != itemText && prev.kind != itemHeading || prev.indent > l.indent && !inOutline {
		return false
	}
	if inOutline && prev.indent >= l.indent && !endsMidPhrase(prev.text) &&
		(labelLine(l.text) || startsUpperOrDigit(l.text) || labelLine(prev.text) || hasChainArrow(prev.text)) {
		// "a failed stage can be retried ... without re-running the whole
		// pipeline" / "pipeline types: V1 and V2": a long item does not
		// wrap onto a labelled or capitalised line at its indentation or
		// above, nor does a labelled line or a chain ("flow: ... ->
		// Approve / Reject" / "reviewer needs IAM permission ...")
		return true
	}
	return runeLen(prev.text) < maxWrappedLine || endsSentence(prev.text) || strings.HasSuffix(prev.text, ":")
}

// noteWidth returns the width a hard-wrapped note was broken at: the
// columns (indentation included) that nine in ten of its lines over half
// as wide as its widest stay within, when at least minWrappedLines of
// those lines, and four in ten, reach within wrapSlack columns of it (a
// writer wraps near one column, not at it); 0 for a note whose lines run
// as long as their text.
func noteWidth(lines []srcLine) int {
	var ws []int
	for k := range lines {
		if lines[k].kind == itemText {
			ws = append(ws, lines[k].indent+runeLen(lines[k].text))
		}
	}
	if len(ws) == 0 {
		return 0
	}
	slices.Sort(ws)
	wide := ws[slices.IndexFunc(ws, func(n int) bool { return n >= ws[len(ws)-1]/2 }):]
	w := wide[len(wide)*9/10]
	near := 0
	for _, n := range wide {
		if n >= w-wrapSlack && n <= w {
			near++
		}
	}
	if near < minWrappedLines || near*10 < len(wide)*wrappedTenths {
		return 0 // an outline's long items run to many lengths
	}
	return w
}

// minWrappedLines, wrappedTenths and wrapSlack: see noteWidth.
const (
	minWrappedLines = 3
	wrappedTenths   = 4
	wrapSlack       = 10
)

// endsMidPhrase reports a line that stops where no phrase ends: inside
// parentheses, after a comma, "/" or "+", or at an article, preposition or
// conjunction.
func endsMidPhrase(p string) bool {
	if strings.Count(p, "(") > strings.Count(p, ")") || strings.ContainsAny(p[len(p)-1:], ",/+") {
		return true
	}
	if endsArrow(strings.TrimSpace(p)) {
		return true // "ApplicationStop -> DownloadBundle ->": the chain goes on
	}
	f := strings.Fields(p)
	return len(f) > 0 && phraseWords[strings.ToLower(f[len(f)-1])]
}

// hardWrapped reports whether line i is the rest of the line before it,
// broken at the note's width: both at the same indentation, the one
// before ends no sentence and no list head (":"), and it stops mid-phrase
// (see endsMidPhrase) or its next word would not have fitted within width (a
// man page's or an editor's column 72-80 wrap of an indented paragraph).
// A line an outline lists ("Pending" / "Pending:Wait") fits many words
// more.
func hardWrapped(lines []srcLine, i, width int) bool {
	if i == 0 {
		return false
	}
	prev, cur := &lines[i-1], &lines[i]
	if prev.kind != itemText || prev.list || prev.indent != cur.indent || cur.indent == 0 {
		return false
	}
	p, c := strings.TrimSpace(prev.text), strings.TrimSpace(cur.text)
	if p == "" || c == "" || endsSentence(p) || strings.HasSuffix(p, ":") || startsArrow(c) || strings.Contains(c, "   ") || labelLine(c) {
		// ("--automation        runbooks": a row of columns; ":Hooks:
		// PreTraffic", "Rollback: ...": a field of its own)
		return false
	}
	if r, _ := utf8.DecodeRuneInString(c); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false // "[Rolling], [no], ..." after "columns: 4,": a row, not a phrase's rest
	}
	if endsMidPhrase(p) {
		return true
	}
	return width > 0 && prev.indent+runeLen(p)+1+runeLen(firstWord(c)) > width
}

// maxWrappedLine is the length from which a plain line may be prose wrapped
// onto the next.
const maxWrappedLine = 80

// isTextHeading reports a heading line in plain text: a short line ending
// with ":", or a short capitalised line without final punctuation that
// follows a blank line (or the start) and is followed by a blank line (or
// the end), a list, or an indented body.
func isTextHeading(lines []srcLine, i int) bool {
	s := lines[i].text
	if lines[i].kind != itemText || lines[i].indent > 0 || s == "" || runeLen(s) > 80 || countFields(s) > 10 {
		return false
	}
	if strings.HasSuffix(s, ":") {
		return true
	}
	if !startsUpperOrDigit(s) || endsSentence(s) || strings.HasSuffix(s, ",") {
		return false
	}
	blankBefore := i == 0 || lines[i-1].kind == itemBlank
	blankAfter := i+1 == len(lines) || lines[i+1].kind == itemBlank
	// a slide's title over its bullets: "Amazon Inspector - what it
	// scans" / "• Amazon EC2 instances"
	titlesList := i+1 < len(lines) && lines[i+1].list && lines[i+1].indent == 0
	// a man page's section name over its indented body: "CLOUDFORMATION"
	// / "       Helper scripts (on the instance ...):"
	titlesBody := i+1 < len(lines) && lines[i+1].kind == itemText && lines[i+1].indent > 0 && countFields(s) <= maxBlockTitleWords
	return blankBefore && (blankAfter || titlesList || titlesBody)
}

// maxBlockTitleWords is the most words a block's title line holds.
const maxBlockTitleWords = 6

// titlesBlock reports a short line that titles the lines under it, as a
// phone's or a desktop notes app writes a note ("SCPs" / "Do not affect
// the management account" / "Do affect every user ... in member
// accounts"): at least two lines follow it up to the next blank line, none
// indented, and none continues the one before (each opens with a capital,
// a digit or a mark, never a lower-case word that wrapped prose carries
// on with, nor an arrow that carries a chain on); the title holds no label
// (": ") of a fact of its own.
func titlesBlock(lines []srcLine, i int) bool {
	if countFields(lines[i].text) > maxBlockTitleWords || strings.Contains(lines[i].text, ": ") {
		return false
	}
	n := 0
	for k := i + 1; k < len(lines) && lines[k].kind != itemBlank; k++ {
		t := strings.TrimSpace(lines[k].text)
		if lines[k].kind != itemText || lines[k].indent > 0 || startsLower(t) || slices.ContainsFunc(chainArrows, func(a string) bool { return strings.HasPrefix(t, a) }) {
			return false // "DNS" / "-> LB0": a chain's next hops
		}
		n++
	}
	return n >= 2
}

// pipeTable rebuilds a "| a | b |" table whose header row at line i is
// followed by a "|---|---|" separator row. It returns the last line of the
// table, or i when there is none.
func (p *parser) pipeTable(lines []srcLine, i int) int {
	if end := p.borderlessTable(lines, i); end > i {
		return end
	}
	if i+1 >= len(lines) || lines[i].kind != itemPipeRow || lines[i+1].kind != itemPipeSep {
		return i
	}
	header := pipeCells(lines[i].text, lines[i].num, 0)
	t := &Table{Header: header}
	j := i + 2
	for ; j < len(lines) && lines[j].kind == itemPipeRow; j++ {
		t.Rows = append(t.Rows, pipeCells(lines[j].text, lines[j].num, len(header)))
	}
	p.add(Block{Kind: BlockTable, Line: lines[i].num, EndLine: lines[j-1].num, Table: t})
	return j - 1
}

// borderlessTable rebuilds a table whose rows have no outer pipes, as psql
// prints a query's result and GFM allows: a header row "resolution | kept
// for", a separator under it of dashes joined by as many "+" or "|" as the
// header has pipes ("-----+-----"), then the rows with as many pipes; a
// line with another count ("(4 rows)") ends it. It returns the last line of
// the table, or i when there is none.
func (p *parser) borderlessTable(lines []srcLine, i int) int {
	if i+2 >= len(lines) {
		return i
	}
	head, sep := lines[i].raw, lines[i+1].raw
	pipes := strings.Count(head, "|")
	if pipes == 0 || strings.HasPrefix(head, "|") || !borderlessSep(sep) || strings.Count(sep, "+")+strings.Count(sep, "|") != pipes {
		return i
	}
	header := pipeCells(head, lines[i].num, 0)
	t := &Table{Header: header}
	j := i + 2
	for ; j < len(lines) && lines[j].kind != itemBlank && strings.Count(lines[j].raw, "|") == pipes && !strings.HasPrefix(lines[j].raw, "|"); j++ {
		t.Rows = append(t.Rows, pipeCells(lines[j].raw, lines[j].num, len(header)))
	}
	if len(t.Rows) == 0 {
		return i
	}
	p.add(Block{Kind: BlockTable, Line: lines[i].num, EndLine: lines[j-1].num, Table: t})
	return j - 1
}

// borderlessSep reports whether a trimmed line separates a borderless
// table's header from its rows: dashes (three or more), joined by "+" or
// "|", colons for alignment, nothing else, with no pipe or plus at either
// end ("-----+------", "---|:--:").
func borderlessSep(s string) bool {
	if strings.Count(s, "-") < 3 || !strings.ContainsAny(s, "+|") || strings.ContainsAny(s[:1]+s[len(s)-1:], "+|") {
		return false
	}
	return strings.Trim(s, "-+|: \t") == ""
}

// pipeCells splits "| a | b |" into trimmed cells; with n > 0 the row is
// padded or cut to n cells.
func pipeCells(row string, line, n int) []Cell {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	row = strings.TrimSuffix(row, "|")
	parts := strings.Split(row, "|")
	if n > 0 {
		for len(parts) < n {
			parts = append(parts, "")
		}
		parts = parts[:n]
	}
	cells := make([]Cell, len(parts))
	for k, s := range parts {
		cells[k] = Cell{Text: strings.TrimSpace(s), Line: line}
	}
	return cells
}

// underlined reports a short line over a rule of "=" or "-" (three or more,
// nothing else): a setext-style title in plain text.
func underlined(lines []srcLine, i int) bool {
	if i+1 >= len(lines) || lines[i].kind != itemText || lines[i].list || lines[i].indent > 0 || runeLen(lines[i].text) > 100 {
		return false
	}
	r := strings.TrimSpace(lines[i+1].raw)
	if len(r) < 3 || strings.Trim(r, "=") != "" && strings.Trim(r, "-") != "" {
		return false
	}
	return true
}

// labelLine reports a line that opens with a short label of its own
// ("types: rolling based on health | rolling based on time"): a fact of its
// own under the item above, not the item's wrapped text.
func labelLine(text string) bool { return opensWithLabel(text, 2) }

// opensWithLabel reports text that opens with a label of at most maxWords
// words, no parentheses or quotes in it, and ": ".
func opensWithLabel(text string, maxWords int) bool {
	k := strings.Index(text, ": ")
	return k > 0 && countFields(text[:k]) <= maxWords && !strings.ContainsAny(text[:k], "()\"")
}

// hasChainArrow reports text that holds a chain arrow.
func hasChainArrow(s string) bool {
	return slices.ContainsFunc(chainArrows, func(a string) bool { return strings.Contains(s, a) })
}

// maxNumberedTitleWords is the most words a numbered heading's title holds.
const maxNumberedTitleWords = 8

// minNumberedTitles is how many outline-numbered titles ("2.3 Route 53
// failover") make a note's numbered titles headings.
const minNumberedTitles = 2

// numberedTitles returns, by line index, the heading level of each line a
// note written in a word processor numbers as a heading ("2. Route 53",
// "2.3 Route 53 failover"): an unindented numbered line with a short title
// (no sentence), over a list item or a more indented line. Such lines are
// headings only in a note with at least minNumberedTitles of them numbered
// in two levels or more ("2.3"); a note whose numbers are one level reads
// them as the steps of a list. The level is the number's count of parts.
func numberedTitles(lines []srcLine) map[int]int {
	out := map[int]int{}
	deep := 0
	for i, l := range lines {
		if !l.list || l.indent != 0 || l.ordinal == 0 || l.kind != itemText {
			continue
		}
		n := numberMarker(l.raw)
		if n == 0 {
			continue
		}
		text := strings.TrimSpace(l.text)
		if endsSentence(text) || !startsUpperOrDigit(text) || countFields(text) > maxNumberedTitleWords || strings.HasSuffix(text, ":") {
			continue
		}
		next := i + 1
		for next < len(lines) && lines[next].kind == itemBlank {
			next++
		}
		if next == len(lines) || !lines[next].list && lines[next].indent == 0 {
			continue
		}
		level := markerLevels(l.raw[:n])
		if level > 1 {
			deep++
		}
		out[i] = level
	}
	if deep < minNumberedTitles {
		return nil
	}
	return out
}
