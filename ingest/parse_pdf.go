package ingest

import (
	"fmt"
	"strings"
	"unicode"
)

// parsePDF groups the lines of a PDF/HTML extraction (002-style): "↖↑↓ " /
// "↖↓ " headings, "- " bullets, one-cell-per-line tables, unindented code,
// and prose wrapped at about 100 characters.
func (p *parser) parsePDF(lines []srcLine) {
	tables := p.flatTables(lines)
	code := codeLines(lines, pdfCodeLike, nil)
	absorb := false // the last block is a bare "-" bullet waiting for its text
	terms := -1     // depth of the terms while bullets describe a term line (see termLine), else -1
	for i := 0; i < len(lines); i++ {
		if t, ok := tables[i]; ok {
			p.add(t.block)
			i = t.last
			absorb, terms = false, -1
			continue
		}
		if code[i] {
			i = p.addCode(lines, code, i) - 1
			absorb, terms = false, -1
			continue
		}
		l := &lines[i]
		switch l.kind {
		case itemHeading:
			p.heading(l.num, l.text)
			absorb, terms = false, -1
		case itemText, itemCode, itemCell:
			switch {
			case l.list:
				p.add(Block{Kind: BlockBullet, Line: l.num, Depth: terms + 1, Text: l.text})
				absorb = l.text == ""
			case absorb:
				appendText(p.last(), l.num, l.text)
				absorb = false
			case tokenRun(lines, i) && p.last() != nil && p.last().Kind == BlockBullet && p.last().EndLine == l.num-1:
				// "- Some resourcetypes only" / "AWS::EC2::Volume" /
				// "AWS::RDS::DBCluster": a list of identifiers, one a line,
				// under the bullet that introduces it
				depth := p.last().Depth
				if !tokenRun(lines, i-1) {
					depth++
				}
				p.add(Block{Kind: BlockBullet, Line: l.num, Depth: depth, Text: l.text})
			case termLabel(lines, i):
				// "DeletionPolicy" over "Delete" / "- (default)": the
				// token names the terms that follow; it is their item
				depth := 0
				if b := p.last(); b != nil && b.Kind == BlockBullet && b.EndLine == l.num-1 && FlatItemName(strings.TrimSuffix(b.Text, ":")) {
					depth = b.Depth + 1
				}
				p.add(Block{Kind: BlockBullet, Line: l.num, Depth: depth, Text: l.text})
				terms = depth + 1
			case termLine(lines, i):
				// "container_commands" / "- Executed on ec2 instance": a
				// definition list, the term an item, its bullets under it
				if terms < 0 {
					terms = 0
					if b := p.last(); b != nil && b.Kind == BlockBullet && b.EndLine == l.num-1 && FlatItemName(strings.TrimSuffix(b.Text, ":")) {
						terms = b.Depth + 1 // "- Different projection types" heads them
					}
				}
				p.add(Block{Kind: BlockBullet, Line: l.num, Depth: terms, Text: l.text})
			case valueOverKeys(lines, i):
				// "3000" / "– US West (Oregon), Europe (Ireland)": a value
				// on its line over the dashed list of what it holds for
				// is one item, "3000 – US West (Oregon), ...", under the
				// label bullet right above the run of them
				depth := 0
				if b := p.last(); b != nil && b.Kind == BlockBullet {
					depth = b.Depth
					if b.EndLine == l.num-1 && FlatItemName(b.Text) {
						depth++
					}
				}
				p.add(Block{Kind: BlockBullet, Line: l.num, EndLine: lines[i+1].num, Depth: depth, Text: l.text + " " + lines[i+1].text})
				i++
			case p.continues(lines, i):
				if b := p.last(); b.Kind == BlockBullet && b.EndLine == b.Line && b.Line == lines[i-1].num && labelsList(lines, i) {
					// "- Supported languages" / "nodejs" / ", Java" / ",
					// Python": a label over the list the export broke
					// before its commas is the list's label
					b.Text += ":"
				}
				appendText(p.last(), l.num, l.text)
			default:
				p.add(Block{Kind: BlockParagraph, Line: l.num, Text: l.text})
				terms = -1
			}
		default: // blank or skipped line
			absorb = false
		}
	}
}

// valueOverKeys reports whether lines[i] is a number alone on its line
// ("3000") and lines[i+1] opens with an en dash and a list of what the
// number holds for ("– US West (Oregon), US East (N. Virginia)").
func valueOverKeys(lines []srcLine, i int) bool {
	if i+1 >= len(lines) || lines[i+1].list || !strings.HasPrefix(lines[i+1].text, "– ") {
		return false
	}
	ns := Numbers(lines[i].text)
	return len(ns) == 1 && ns[0].Start == 0 && ns[0].End == len(lines[i].text)
}

// labelsList reports whether lines[i-1] labels a list that starts at
// lines[i]: the label a name of a few words ("Supported languages"), the
// list's first item one short line, and the next line goes on with ", ".
func labelsList(lines []srcLine, i int) bool {
	return i+1 < len(lines) && FlatItemName(lines[i-1].text) && countFields(lines[i].text) <= maxFlatItemWords &&
		!strings.ContainsAny(lines[i].text, ",;") && strings.HasPrefix(lines[i+1].text, ",")
}

// termLine reports the term of a definition list that the export flattened:
// a line of one name or code token ("KEYS_ONLY", "Retain",
// "container_commands") directly followed by a "- " bullet that describes it, and
// following a heading, a blank line, a bullet, a line ending with ":" or a
// lone code token that heads the list - not a word left over from wrapped
// text (see wrapsOnto).
func termLine(lines []srcLine, i int) bool {
	l := &lines[i]
	if l.kind != itemText || l.list || l.stray || i+1 >= len(lines) || !lines[i+1].list || lines[i+1].text == "" {
		return false
	}
	if strings.ContainsAny(l.text, " \t") || strings.IndexFunc(l.text, unicode.IsLetter) < 0 || endsSentence(l.text) {
		return false
	}
	if startsLower(l.text) && !isIdentifier(l.text) {
		return false // a plain word ("- Stack has" / "name") ends wrapped text
	}
	if i == 0 {
		return true
	}
	prev := &lines[i-1]
	switch prev.kind {
	case itemBlank, itemHeading:
		return true
	case itemText:
		// after a bullet (the last term's description, or a label
		// bullet) or a line ending with ":", not inside wrapped text
		if !prev.list && isCodeToken(prev.text) {
			// "DeletionPolicy" / "Delete" / "- (default)"; a lower-case
			// word goes on with the token's phrase ("Will raise" /
			// "InsufficientCapabilities" / "otherwise")
			return startsUpperOrDigit(l.text)
		}
		return (prev.list && countFields(prev.text) > 1 || strings.HasSuffix(prev.text, ":")) && !wrapsOnto(prev.raw, l.text)
	}
	return false
}

// tokenRun reports a line that is one identifier with a colon or dot in it
// ("AWS::EC2::Volume", "CodeDeployDefault.OneAtATime") next to another such
// line: one item of a list the export put one a line.
func tokenRun(lines []srcLine, i int) bool {
	lone := func(k int) bool {
		if k < 0 || k >= len(lines) {
			return false
		}
		l := &lines[k]
		return l.kind == itemText && !l.list && !l.stray && isCodeToken(l.text) && strings.ContainsAny(l.text, ":.") &&
			!strings.HasSuffix(l.text, ":") && unicode.IsLetter([]rune(l.text)[0])
	}
	if !lone(i) {
		return false
	}
	if lone(i - 1) {
		return true
	}
	// the first of the run: not a wrapped phrase's word ("puts instance
	// into" / "pending:wait" / "/terminating:wait")
	return lone(i+1) && i > 0 && !wrapsOnto(lines[i-1].raw, lines[i].text)
}

// termLabel reports a lone code token that heads a flattened definition
// list: "DeletionPolicy" directly over the term "Delete" and its "- (default)"
// bullet. Its terms nest under it.
func termLabel(lines []srcLine, i int) bool {
	l := &lines[i]
	if l.kind != itemText || l.list || l.stray || !isCodeToken(l.text) || strings.ContainsAny(l.text, " \t") {
		return false
	}
	return i+1 < len(lines) && termLine(lines, i+1)
}

// pdfCodeLike reports lines that may belong to a code sample in the PDF export.
func pdfCodeLike(l *srcLine) bool {
	switch {
	case l.kind == itemCode:
		return true
	case l.kind != itemText:
		return false
	case l.list:
		return l.text != "" && l.text[0] == '!' && isCodeLine(l.text)
	}
	return isWeakOnlyCode(l.text) // itemText lines are not clear code
}

// continues reports whether line i continues the last block (a bullet or a
// paragraph ending on the line before): the wrapped remainder of a long line,
// a fragment that starts in lower case or with ",", ")", ";", an aside's "("
// after a line that ends no sentence, or the "|"
// between alternatives ("- ROLLBACK" / "| DELETE" / "| DO_NOTHING"), or an inline
// code token the export put on its own line ("- Also" / "DependsOn" /
// "attribute").
func (p *parser) continues(lines []srcLine, i int) bool {
	if i == 0 || !p.canJoin(lines[i].num, BlockBullet, BlockParagraph) {
		return false
	}
	prev, cur := lines[i-1].raw, lines[i].text
	if strings.TrimSpace(lines[i].raw) == "|" && !endsSentence(prev) && i+1 < len(lines) && alternativeToken(lines[i+1].raw) ||
		strings.TrimSpace(prev) == "|" && alternativeToken(cur) {
		// "require" / "CAPABILITY_IAM" / "|" / "CAPABILITY_NAMED_IAM":
		// the bar between two alternatives the export put on lines of
		// their own, and the alternative after it
		return true
	}
	if cur == "" || lines[i].kind != itemText || lines[i-1].stray || lines[i].stray {
		return false
	}
	if startsLower(cur) || strings.IndexByte(",);|", cur[0]) >= 0 || wrapsOnto(prev, cur) {
		return true
	}
	if cur[0] == '(' && !endsSentence(prev) && !strings.HasSuffix(strings.TrimSpace(prev), ":") && !hasChainArrow(prev) {
		// "- Precendence:" / "start-build" / "(CLI), project definition,
		// buildspec.yml": an aside the export put at a line's start (a
		// chain's line is whole: "(real time)" under "CloudWatch Logs ->
		// ... -> AWS ES" stays a line of its own, as the lines around
		// read it)
		return true
	}
	if !endsSentence(prev) && isCodeToken(cur) {
		return true
	}
	return runeLen(prev) >= 80 && !endsSentence(prev) && (runeLen(cur) >= 40 || endsSentence(cur))
}

// flatTable is a table rebuilt from cell lines lines[first..last].
type flatTable struct {
	block       Block
	first, last int // indexes in lines
}

// flatCell is one cell of a run: its text and the lines it spans.
type flatCell struct {
	text        string
	first, last int // indexes in lines
}

// flatTables finds the runs of one-cell-per-line cells, segments each run
// into tables (see segmentCells) and returns them by the index of their
// first line. Cells left out of every table are turned back into text lines.
// A cell may span several lines when fragment lines ("DiskReadOps ,",
// "GroupMinSize") sit between cell lines.
func (p *parser) flatTables(lines []srcLine) map[int]flatTable {
	tables := map[int]flatTable{}
	for i := 0; i < len(lines); {
		if lines[i].kind != itemCell {
			i++
			continue
		}
		var run []flatCell
		j := i
		for j < len(lines) {
			if lines[j].kind == itemCell {
				run = append(run, flatCell{text: lines[j].text, first: j, last: j})
				j++
				continue
			}
			k := fragmentLines(lines, j)
			if k == j {
				break
			}
			frag := make([]string, 0, k-j+1)
			for m := j; m <= k; m++ {
				if m < k {
					frag = append(frag, lines[m].raw)
				} else if lines[m].text != "" {
					frag = append(frag, lines[m].text)
				}
			}
			run = append(run, flatCell{text: strings.Join(frag, " "), first: j, last: k})
			j = k + 1
		}
		keep := min(len(run), max(0, MaxFlatCells-p.flatCells))
		if keep < len(run) && p.flatCells <= MaxFlatCells {
			p.errorAt(lines[run[keep].first].num, fmt.Sprintf("over %d one-cell-per-line table cells in the note: the cell lines from here on read as text", MaxFlatCells))
		}
		p.flatCells += len(run)
		if keep < len(run) {
			strayLines(lines, run[keep].first, run[len(run)-1].last)
			run = run[:keep]
		}
		texts := make([]string, len(run))
		for k, c := range run {
			texts[k] = c.text
		}
		for _, s := range segmentCells(texts) {
			if s.cols == 0 {
				strayLines(lines, run[s.start].first, run[s.end-1].last)
				continue
			}
			cells := make([]Cell, 0, s.end-s.start)
			for _, c := range run[s.start:s.end] {
				cells = append(cells, Cell{Text: c.text, Line: lines[c.first].num})
			}
			first, last := run[s.start].first, run[s.end-1].last
			tables[first] = flatTable{
				block: Block{Kind: BlockTable, Line: lines[first].num, EndLine: lines[last].num, Table: buildTable(cells, s.cols)},
				first: first, last: last,
			}
		}
		i = j
	}
	return tables
}

// strayLines turns the cell lines lines[first..last], left out of every
// table, back into text lines.
func strayLines(lines []srcLine, first, last int) {
	for k := first; k <= last; k++ {
		l := &lines[k]
		l.kind, l.text, l.stray = itemText, l.raw, true
		if isCodeLine(l.raw) { // "Fn::Base64: |", "!Sub |"
			l.kind = itemCode
		}
	}
}

// fragmentLines looks for fragment lines starting at j that complete the next
// cell line: up to 4 plain text lines followed by a cell line, each looking
// like a piece of a cell. It returns the index of that cell line, or j.
func fragmentLines(lines []srcLine, j int) int {
	k := j
	for k < len(lines) && k-j < 4 && lines[k].kind == itemText && !lines[k].list && lines[k].indent == 0 {
		k++
	}
	if k == j || k >= len(lines) || lines[k].kind != itemCell {
		return j
	}
	next := lines[k].text
	for m := j; m < k; m++ {
		if !isCellFragment(lines[m].raw, next) {
			return j
		}
	}
	return k
}

// isCellFragment reports whether a text line between cell lines reads as the
// first part of the next cell.
func isCellFragment(s, next string) bool {
	switch {
	case s == "" || runeLen(s) > 120:
		return false
	case strings.HasSuffix(s, ","), !strings.ContainsAny(s, " \t"), strings.Contains(s, " : "):
		return true
	case isIdentifier(strings.Fields(s)[0]):
		return true
	case next != "" && (startsLower(next) || unicode.IsDigit(rune(next[0]))) && !endsSentence(s):
		return true
	}
	return false
}

// alternativeToken reports whether a line is one code token that may be an
// alternative after a bar ("CAPABILITY_NAMED_IAM"), not a YAML key that
// opens a code sample ("AutoScalingGroup:").
func alternativeToken(line string) bool {
	t := strings.TrimSpace(line)
	return isCodeToken(t) && !strings.HasSuffix(t, ":")
}

// isCodeToken reports a single token that reads as code: an identifier
// ("DependsOn", "CAPABILITY_IAM") or a name with "-", ":", "/", "." inside.
func isCodeToken(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t") {
		return false
	}
	return isIdentifier(s) || strings.ContainsAny(s, "-:/._") && strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// isIdentifier reports a token like "LambdaCanary10Percent5Minutes" or
// "HTTPCode_ELB_4XX": letters with digits, underscores or inner capitals.
func isIdentifier(tok string) bool {
	inner, other, lower := false, false, false
	for _, r := range tok {
		switch {
		case unicode.IsDigit(r) || r == '_':
			other = true
		case unicode.IsUpper(r):
			inner = inner || lower
		case unicode.IsLower(r):
			lower = true
		default:
			return false
		}
	}
	return inner || other
}
