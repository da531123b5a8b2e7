package ingest

import (
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// reStructuredText notes (Sphinx pages, README.rst cheat sheets) keep
// their structure in marks: section titles underlined (or over- and
// underlined) by a run of one punctuation character, their level the
// order in which the note first uses each style; "-", "*" and "+" bullets
// and "1." or "#." numbered items nested by indentation; "term" over an
// indented definition; ":field: value" lists; simple tables drawn with
// "=== ===" rules and grid tables with "+---+" ones; directives
// (".. note::" whose indented body is the note's own text, ".. code-block::"
// whose body is code, ".. image::" and the like that hold no text); ".."
// comments; a paragraph ending "::" over an indented literal block; and
// inline ``literals``, :role:`text` and `link <url>`_ marks.
// rstToMarkdown writes the Markdown those marks say and records for each
// Markdown line the note line it comes from, so every fact cites the
// note's own line.

// isRST reports whether a note is reStructuredText: named *.rst or *.rest,
// or a text note (see sniffedByContent) that has a ".. name::" directive
// and a section title underlined by a rule.
func isRST(name, text string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".rst", ".rest":
		return true
	}
	if !sniffedByContent(name) || !strings.Contains(text, "\n.. ") && !strings.HasPrefix(text, ".. ") {
		return false
	}
	lines := strings.Split(text, "\n")
	directive, title := false, false
	for i, l := range lines {
		l = strings.TrimRight(l, " \r")
		if rstDirectiveRe.MatchString(l) {
			directive = true
		}
		if i > 0 && rstAdornment(l) && rstTitleText(strings.TrimRight(lines[i-1], " \r"), l) {
			title = true
		}
	}
	return directive && title
}

var (
	// ".. note::", ".. code-block:: yaml", ".. admonition:: Exam tip"
	rstDirectiveRe = regexp.MustCompile(`^(\s*)\.\. ([A-Za-z][\w-]*)::(.*)$`)
	// "1. ", "#. ", "(a) ", "2) "
	rstEnumRe = regexp.MustCompile(`^(\s*)(?:\d+|#|[a-zA-Z])[.)] |^(\s*)\((?:\d+|[a-zA-Z])\) `)
	// ":field: value", no space right inside the colons
	rstFieldRe = regexp.MustCompile(`^:([^:\s][^:]*[^:\s]|[^:\s]):(?:\s+(.*))?$`)
	// a role's mark before a backquoted span: ":ref:`x`", ":code:`x`"
	rstRoleRe = regexp.MustCompile(`:[A-Za-z][\w.-]*:` + "`")
	// "`text <https://...>`_" and "`text`_": a link's text
	rstLinkRe = regexp.MustCompile("`([^`<]+?)\\s*(?:<[^>]*>)?`__?")
)

// rstTextDirectives are the directives whose body is text the note says
// (admonitions and asides); code directives hold code; every other
// directive (image, toctree, contents, include, raw, ...) holds no text.
var (
	rstTextDirectives = map[string]bool{
		"note": true, "warning": true, "tip": true, "important": true, "caution": true, "attention": true,
		"hint": true, "danger": true, "error": true, "admonition": true, "seealso": true, "topic": true,
		"sidebar": true, "rubric": true, "versionadded": true, "versionchanged": true, "deprecated": true,
		"container": true, "epigraph": true, "highlights": true, "pull-quote": true, "compound": true,
	}
	rstCodeDirectives = map[string]bool{"code": true, "code-block": true, "sourcecode": true, "parsed-literal": true}
)

// rstAdornmentChars are the punctuation characters a section title's
// rules may be drawn with.
const rstAdornmentChars = "=-~^\"'`#*+:._<>!$%&,/;?@\\|"

// rstAdornment reports whether a line is a rule of one repeated
// punctuation character, at least three long ("=====", "-----").
func rstAdornment(l string) bool {
	if len(l) < 3 || !strings.ContainsRune(rstAdornmentChars, rune(l[0])) {
		return false
	}
	return strings.Count(l, l[:1]) == len(l)
}

// rstTitleText reports whether line is a section title the rule under it
// draws: unindented text, no rule itself, and the rule at least as long
// as the title but for two characters (writers miscount).
func rstTitleText(line, rule string) bool {
	t := strings.TrimSpace(line)
	return t != "" && line == strings.TrimLeft(line, " \t") && !rstAdornment(t) && utf8.RuneCountInString(rule) >= utf8.RuneCountInString(t)-2
}

// rstInline rewrites a line's inline marks: “literal“ as a code span,
// a role's text without its role, a link as its text.
func rstInline(s string) string {
	if !strings.ContainsAny(s, "`") {
		return s
	}
	s = strings.ReplaceAll(s, "``", "`")
	s = rstRoleRe.ReplaceAllString(s, "`")
	return rstLinkRe.ReplaceAllString(s, "$1")
}

// indentOf returns the number of leading spaces of a line (a tab counts
// as the spaces to the next multiple of eight, as in reStructuredText).
func indentOf(l string) int {
	n := 0
	for _, r := range l {
		switch r {
		case ' ':
			n++
		case '\t':
			n += 8 - n%8
		default:
			return n
		}
	}
	return n
}

// rstSimpleRule reports whether a line is a simple table's rule: two or
// more runs of "=" parted by spaces; it returns the runs' start and end
// columns.
func rstSimpleRule(l string) (cols [][2]int, ok bool) {
	t := strings.TrimRight(l, " ")
	if t == "" || strings.TrimLeft(t, " ") != t || t[0] != '=' {
		return nil, false
	}
	for i := 0; i < len(t); {
		if t[i] == ' ' {
			i++
			continue
		}
		if t[i] != '=' {
			return nil, false
		}
		j := i
		for j < len(t) && t[j] == '=' {
			j++
		}
		cols = append(cols, [2]int{i, j})
		i = j
	}
	return cols, len(cols) >= 2
}

// rstSimpleTable reads the simple table whose top rule is lines[at]: its
// rows (the header first: the rows above the second rule, or the first
// row when the table has but two rules), each cell the text between its
// column's start and the next column's, a row whose first cell is blank
// going on with the row above; end is the index after its last rule, at
// when no table of two rows or more starts there.
func rstSimpleTable(lines []string, at int) (end int, rows []gridRow) {
	cols, ok := rstSimpleRule(lines[at])
	if !ok {
		return at, nil
	}
	cellsOf := func(l string) []string {
		rs := []rune(l)
		out := make([]string, len(cols))
		for k, c := range cols {
			from, to := c[0], len(rs)
			if k+1 < len(cols) {
				to = cols[k+1][0]
			}
			if from < len(rs) {
				out[k] = strings.TrimSpace(string(rs[from:min(to, len(rs))]))
			}
		}
		return out
	}
	rules := 1
	for i := at + 1; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], " \r")
		if _, ok := rstSimpleRule(l); ok {
			rules++
			if i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) == "" || rules == 3 {
				if len(rows) < 2 {
					return at, nil
				}
				return i + 1, rows
			}
			continue
		}
		if strings.TrimSpace(l) == "" {
			continue
		}
		cells := cellsOf(l)
		if cells[0] == "" && len(rows) > 0 && (rules > 1 || len(rows) > 1) {
			prev := rows[len(rows)-1].cells
			for k, c := range cells {
				if c != "" {
					prev[k] = strings.TrimSpace(prev[k] + " " + c)
				}
			}
			continue
		}
		rows = append(rows, gridRow{cells: cells, line: i + 1})
	}
	return at, nil
}

// rstTitles finds the section titles of a note: for the index of each
// title line, its level (1 for the style the note uses first) and the
// indices of its rule lines (to be dropped).
func rstTitles(lines []string) (levels map[int]int, rules map[int]bool) {
	levels, rules = map[int]int{}, map[int]bool{}
	styles := map[string]int{}
	for i := 1; i < len(lines); i++ {
		under := strings.TrimRight(lines[i], " \r")
		if !rstAdornment(under) || rules[i] {
			continue
		}
		title := strings.TrimRight(lines[i-1], " \r")
		if !rstTitleText(title, under) || rules[i-1] {
			continue
		}
		if _, simple := rstSimpleRule(under); simple {
			continue
		}
		if i >= 2 && strings.TrimSpace(lines[i-2]) != "" && !(strings.TrimRight(lines[i-2], " \r") == under) {
			continue // the last line of a paragraph over a rule is no title
		}
		style := under[:1]
		if i >= 2 && strings.TrimRight(lines[i-2], " \r") == under {
			style += "/over"
			rules[i-2] = true
		}
		lvl, ok := styles[style]
		if !ok {
			lvl = len(styles) + 1
			styles[style] = lvl
		}
		levels[i-1], rules[i] = lvl, true
	}
	// an overlined title whose rules stand above and below it, and any
	// title whose overline was read first as a rule under nothing
	for i := 0; i+2 < len(lines); i++ {
		over, under := strings.TrimRight(lines[i], " \r"), strings.TrimRight(lines[i+2], " \r")
		if rules[i] || !rstAdornment(over) || over != under || rules[i+2] && levels[i+1] == 0 {
			continue
		}
		title := strings.TrimSpace(lines[i+1])
		if title == "" || rstAdornment(title) || levels[i+1] > 0 {
			continue
		}
		style := over[:1] + "/over"
		lvl, ok := styles[style]
		if !ok {
			lvl = len(styles) + 1
			styles[style] = lvl
		}
		levels[i+1], rules[i], rules[i+2] = lvl, true, true
	}
	return levels, rules
}

// rstToMarkdown rewrites a reStructuredText note as Markdown; lineOf maps
// each Markdown line to its note line. It never fails: a line it does not
// recognise is a paragraph line.
func rstToMarkdown(lines []string) noteMarkdown {
	var out noteMarkdown
	out.text = make([]string, len(lines))
	for i, l := range lines {
		out.text[i] = strings.TrimSpace(rstInline(strings.TrimRight(l, " \r")))
	}
	levels, rules := rstTitles(lines)
	var (
		// skipUnder drops the lines indented past it (a comment's or a
		// textless directive's body); -1 when none is being dropped
		skipUnder = -1
		// codeUnder is the indentation a literal block's lines go past
		// (-1 outside one); codeOpen says its fence is written
		codeUnder = -1
		codeOpen  bool
		// literalNext says the paragraph before ended with "::": the
		// indented block after it is literal
		literalNext bool
		// dedent is how far a directive's text body is indented: its
		// lines are read at the note's margin
		dedent    = 0
		dedentTop = -1 // the directive's own indentation, -1 outside one
		inList    bool // the last text written was a list item or its continuation
		level     int  // the level of the last section title
	)
	closeCode := func(n int) {
		if codeOpen {
			out.add("```", n)
		}
		codeOpen, codeUnder = false, -1
	}
	for i := 0; i < len(lines); i++ {
		n := i + 1
		raw := strings.TrimRight(lines[i], " \r")
		if i == 0 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		t := strings.TrimSpace(raw)
		ind := indentOf(raw)
		if skipUnder >= 0 {
			if t == "" || ind > skipUnder {
				out.add("", n)
				continue
			}
			skipUnder = -1
		}
		if codeUnder >= 0 {
			if t == "" || ind > codeUnder {
				if t != "" && !codeOpen {
					out.add("```", n)
					codeOpen = true
				}
				if codeOpen {
					out.add(raw, n)
				} else {
					out.add("", n)
				}
				continue
			}
			closeCode(n)
		}
		if dedentTop >= 0 && t != "" && ind <= dedentTop {
			dedent, dedentTop = 0, -1
		}
		if t == "" {
			out.add("", n)
			continue
		}
		if literalNext {
			literalNext = false
			if ind > 0 {
				codeUnder = ind - 1
				out.add("```", n)
				codeOpen = true
				out.add(raw, n)
				continue
			}
		}
		if rules[i] {
			out.add("", n)
			continue
		}
		if lvl, ok := levels[i]; ok {
			out.add(strings.Repeat("#", min(lvl, 6))+" "+rstInline(t), n)
			out.add("", n)
			inList, level = false, lvl
			continue
		}
		if dedentTop < 0 && ind == 0 && rstLabelLine(lines, i) {
			// "Tiers" alone over a list or a table: the title of what
			// follows, a level below the section's
			out.add(strings.Repeat("#", min(level+1, 6))+" "+rstInline(t), n)
			out.add("", n)
			inList = false
			continue
		}
		if _, ok := rstSimpleRule(raw); ok {
			if end, rows := rstSimpleTable(lines, i); end > i {
				out.addTable(rows, n, end)
				i = end - 1
				inList = false
				continue
			}
		}
		if isGridRule(raw) {
			if end, rows := gridTable(lines, i); end > i {
				out.addTable(rows, n, end)
				i = end - 1
				inList = false
				continue
			}
		}
		if m := rstDirectiveRe.FindStringSubmatch(raw); m != nil {
			name, arg := strings.ToLower(m[2]), strings.TrimSpace(m[3])
			switch {
			case rstCodeDirectives[name]:
				codeUnder = ind
				out.add("", n)
			case rstTextDirectives[name]:
				// the body is the note's text; an argument on the
				// directive's line ("Exam tip", or the note itself) is too
				dedentTop = ind
				dedent = -1
				if arg != "" {
					out.add(rstInline(arg), n)
				} else {
					out.add("", n)
				}
			default:
				skipUnder = ind
				out.add("", n)
			}
			inList = false
			continue
		}
		if strings.HasPrefix(t, "..") && (t == ".." || strings.HasPrefix(t, ".. ")) {
			skipUnder = ind // a comment, or a link target ".. _name: url"
			out.add("", n)
			continue
		}
		if dedentTop >= 0 {
			if dedent < 0 {
				dedent = ind
			}
			raw = strings.Repeat(" ", max(0, ind-dedent)) + t
			ind = max(0, ind-dedent)
		}
		if strings.HasSuffix(t, "::") {
			literalNext = true
			t = strings.TrimSuffix(t, ":")
			if t == ":" || t == "" {
				out.add("", n)
				continue
			}
			raw = strings.TrimSuffix(raw, ":")
		}
		if strings.HasPrefix(t, "| ") || t == "|" {
			out.add(rstInline(strings.TrimSpace(strings.TrimPrefix(t, "|"))), n) // a line block's line
			continue
		}
		// a definition list's term: a line of its own over a line indented
		// more (no blank between), neither an item nor a field
		if i+1 < len(lines) && !rstItem(t) && !rstFieldRe.MatchString(t) {
			next := strings.TrimRight(lines[i+1], " \r")
			if strings.TrimSpace(next) != "" && indentOf(next)-dedentShift(dedent, dedentTop) > ind && !rstAdornment(strings.TrimSpace(next)) && (i == 0 || strings.TrimSpace(lines[i-1]) == "" || inDefinition(lines, i)) {
				def := []string{strings.TrimSpace(next)}
				j := i + 2
				for ; j < len(lines); j++ {
					l := strings.TrimRight(lines[j], " \r")
					if strings.TrimSpace(l) == "" || indentOf(l) <= indentOf(next)-1 {
						break
					}
					def = append(def, strings.TrimSpace(l))
				}
				pad := strings.Repeat(" ", ind)
				out.add(pad+"- "+rstInline(t)+": "+rstInline(def[0]), n)
				for k, d := range def[1:] {
					out.add(pad+"  "+rstInline(d), i+3+k)
				}
				i = j - 1
				inList = true
				continue
			}
		}
		if m := rstFieldRe.FindStringSubmatch(t); m != nil {
			out.add(strings.Repeat(" ", ind)+"- "+rstInline(m[1])+": "+rstInline(m[2]), n)
			inList = true
			continue
		}
		if loc := rstEnumRe.FindStringIndex(raw); loc != nil {
			body := strings.TrimSpace(raw[loc[1]:])
			out.add(strings.Repeat(" ", ind)+"1. "+rstInline(body), n)
			inList = true
			continue
		}
		if rstItem(t) {
			mark := t[:1]
			if mark == "+" || mark == "•" {
				mark = "-"
			}
			body := strings.TrimSpace(strings.TrimPrefix(t, t[:strings.IndexByte(t, ' ')]))
			out.add(strings.Repeat(" ", ind)+mark+" "+rstInline(body), n)
			inList = true
			continue
		}
		if inList && ind > 0 {
			out.add(strings.Repeat(" ", ind)+rstInline(t), n) // an item's further line
			continue
		}
		inList = false
		out.add(rstInline(t), n) // a block quote's indentation would make Markdown code
	}
	closeCode(len(lines))
	return out
}

// maxRSTLabelWords bounds the words of a paragraph line rstLabelLine reads
// as the title of the list or table under it.
const maxRSTLabelWords = 4

// rstLabelLine reports whether line i is a paragraph of one short line
// ("Tiers") between blank lines, no sentence and no item, over a list (of
// items, fields or definitions) or a table: the title of what follows it.
func rstLabelLine(lines []string, i int) bool {
	t := strings.TrimSpace(lines[i])
	if countFields(t) > maxRSTLabelWords || strings.ContainsAny(t[len(t)-1:], ".:;,!?") || rstItem(t) || rstEnumRe.MatchString(t) || rstFieldRe.MatchString(t) {
		return false
	}
	if i > 0 && strings.TrimSpace(lines[i-1]) != "" || i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) != "" {
		return false
	}
	for j := i + 2; j < len(lines); j++ {
		next := strings.TrimRight(lines[j], " \r")
		if strings.TrimSpace(next) == "" {
			continue
		}
		_, simple := rstSimpleRule(next)
		nt := strings.TrimSpace(next)
		term := j+1 < len(lines) && strings.TrimSpace(lines[j+1]) != "" && indentOf(lines[j+1]) > indentOf(next)
		return rstItem(nt) || rstEnumRe.MatchString(next) || rstFieldRe.MatchString(nt) || simple || isGridRule(next) || term
	}
	return false
}

// dedentShift is how far a directive's body is read left of where it is
// written (see rstToMarkdown), 0 outside one.
func dedentShift(dedent, top int) int {
	if top < 0 || dedent < 0 {
		return 0
	}
	return dedent
}

// rstItem reports whether a trimmed line is a bullet item ("- x", "* x",
// "+ x", "• x").
func rstItem(t string) bool {
	for _, m := range []string{"- ", "* ", "+ ", "• "} {
		if strings.HasPrefix(t, m) && len(strings.TrimSpace(t)) > len(m)-1 {
			return true
		}
	}
	return false
}

// inDefinition reports whether line i follows a definition's body
// directly (definition list entries need no blank line between them).
func inDefinition(lines []string, i int) bool {
	if i == 0 {
		return false
	}
	prev := strings.TrimRight(lines[i-1], " \r")
	return indentOf(prev) > indentOf(lines[i]) && strings.TrimSpace(prev) != "" && !unicode.IsSpace(rune(lines[i][0]))
}
