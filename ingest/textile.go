package ingest

import (
	"path"
	"strconv"
	"strings"
)

// Textile notes (a Redmine or Textpattern wiki page, a page exported as
// Textile) keep their structure in block signatures at the start of a line:
// "h1. " to "h6. " headings, "p. " paragraphs, "bq. " quotes, "bc. " and
// "pre. " code, each optionally with attributes before the dot ("p=. ",
// "p(warning). ", "h2(#id). "); "*" and "#" list items nested by repeating
// the mark; "- term := definition" lists; "|_. Head |" and "| cell |"
// table rows ("||Head||" in Jira's dialect); and inline marks: *strong*,
// _emphasis_, @code@, -deleted-, "link text":url, !image!, [[Wiki
// page|label]], {{macro}} and Jira's {macro}.
// textileToMarkdown writes the Markdown those marks say and records for
// each Markdown line the note line it comes from, so the Markdown reader
// reads the note and every fact cites the note's own line.

// isTextile reports whether a note is Textile: named *.textile, or a text
// note (see sniffedByContent: "page.confluence", "notes.txt") with two "hN. "
// headings.
func isTextile(name, text string) bool {
	if strings.ToLower(path.Ext(name)) == ".textile" {
		return true
	}
	if !sniffedByContent(name) {
		return false
	}
	if !strings.HasPrefix(text, "h") && !strings.Contains(text, "\nh") {
		return false // most notes: no line need be read
	}
	heads := 0
	for _, l := range strings.Split(text, "\n") {
		if sig, _, _ := textileBlock(strings.TrimRight(l, " \t\r")); len(sig) == 2 && sig[0] == 'h' {
			heads++
		}
	}
	return heads >= 2
}

// textileBlock reads a line's block signature: "h2(#id). Title" gives
// ("h2", "Title", false); "bc.. code" an extended block (true), which runs
// to the next signature rather than the next blank line. sig is "" when
// the line has none.
func textileBlock(t string) (sig, rest string, extended bool) {
	n := 0
	for n < len(t) && t[n] >= 'a' && t[n] <= 'z' {
		n++
	}
	switch name := t[:n]; {
	case name == "h" && n < len(t) && t[n] >= '1' && t[n] <= '6':
		sig = t[:n+1]
		n++
	case name == "p", name == "bq", name == "bc", name == "pre", name == "notextile":
		sig = name
	case name == "fn" && n < len(t) && t[n] >= '0' && t[n] <= '9':
		for n < len(t) && t[n] >= '0' && t[n] <= '9' {
			n++
		}
		sig = t[:n]
	default:
		return "", t, false
	}
	n = skipTextileAttrs(t, n)
	if n >= len(t) || t[n] != '.' {
		return "", t, false
	}
	n++
	if n < len(t) && t[n] == '.' {
		extended = true
		n++
	}
	if n < len(t) && t[n] != ' ' {
		return "", t, false // "pre.existing", "p.s.": a word
	}
	return sig, strings.TrimSpace(t[n:]), extended
}

// skipTextileAttrs returns the offset after the attributes at t[n:]:
// "(class#id)", "{style}", "[lang]" and the alignment and padding marks
// "<", ">", "=", "(", ")", "^", "~".
func skipTextileAttrs(t string, n int) int {
	for n < len(t) {
		switch c := t[n]; c {
		case '(', '{', '[':
			end := map[byte]byte{'(': ')', '{': '}', '[': ']'}[c]
			k := strings.IndexByte(t[n:], end)
			if k < 0 || c == '(' && k == 1 {
				if c == '(' {
					n++ // a lone "(": left padding
					continue
				}
				return n
			}
			n += k + 1
		case '<', '>', '=', ')', '^', '~', '\\', '/':
			n++
		case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			if n > 0 && (t[n-1] == '\\' || t[n-1] == '/' || t[n-1] >= '0' && t[n-1] <= '9') {
				n++ // a cell's span: "\2", "/3"
				continue
			}
			return n
		default:
			return n
		}
	}
	return n
}

// textileCell reads a table cell: its header mark ("_."), attributes and
// text.
func textileCell(c string) string {
	c = strings.TrimSpace(c)
	if strings.HasPrefix(c, "_") {
		c = c[1:]
	}
	if n := skipTextileAttrs(c, 0); n < len(c) && c[n] == '.' && (n+1 == len(c) || c[n+1] == ' ') {
		c = c[n+1:]
	}
	return strings.TrimSpace(textileInline(c))
}

// textileInline rewrites a line's inline marks: @code@ as a code span,
// strong, emphasis and other phrase marks dropped, deleted text dropped,
// "text":url and [[Page|label]] as their text, images and {{macros}}
// dropped.
func textileInline(s string) string {
	s = cutBetween(s, "{{", "}}", func(string) string { return "" })
	s = dropBraceMacros(s)
	s = cutBetween(s, "[[", "]]", func(in string) string {
		if k := strings.LastIndexByte(in, '|'); k >= 0 {
			return in[k+1:]
		}
		return in
	})
	var b strings.Builder
	// code spans first: their insides keep every mark ("leader_only")
	for {
		i := strings.IndexByte(s, '@')
		j := -1
		if i >= 0 {
			j = strings.IndexByte(s[i+1:], '@')
		}
		if i < 0 || j <= 0 {
			b.WriteString(textilePhrase(s))
			break
		}
		b.WriteString(textilePhrase(s[:i]))
		b.WriteString("`" + s[i+1:i+1+j] + "`")
		s = s[i+2+j:]
	}
	return b.String()
}

// textilePhrase rewrites the phrase marks of text outside code spans.
func textilePhrase(s string) string {
	s = textileLinks(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !strings.ContainsRune("*_+-^~%!?", rune(c)) || !phraseOpens(s, i) {
			b.WriteByte(c)
			continue
		}
		mark := string(c)
		if (c == '*' || c == '_' || c == '?') && i+1 < len(s) && s[i+1] == c {
			mark += string(c)
		}
		end := phraseEnd(s, i+len(mark), mark)
		if end < 0 {
			b.WriteByte(c)
			continue
		}
		inner := s[i+len(mark) : end]
		switch c {
		case '-', '!':
			// deleted text, an image: not what the note says
		default:
			b.WriteString(inner)
		}
		i = end + len(mark) - 1
	}
	return b.String()
}

// phraseOpens reports whether the mark at s[i] may open a phrase: at the
// start or after a space or an opening bracket, before a non-space.
func phraseOpens(s string, i int) bool {
	if i > 0 && !strings.ContainsRune(" \t([", rune(s[i-1])) {
		return false
	}
	k := i + 1
	for k < len(s) && s[k] == s[i] {
		k++
	}
	return k < len(s) && s[k] != ' '
}

// phraseEnd returns the offset of the mark closing a phrase that opens
// before s[from:], where the mark follows a non-space and comes before
// the end, a space or punctuation; -1 when none does.
func phraseEnd(s string, from int, mark string) int {
	for k := from + 1; k+len(mark) <= len(s); k++ {
		if s[k:k+len(mark)] != mark || s[k-1] == ' ' {
			continue
		}
		if after := k + len(mark); after == len(s) || strings.ContainsRune(" \t.,;:!?)]'\"", rune(s[after])) {
			return k
		}
	}
	return -1
}

// textileLinks rewrites "link text":url as its text.
func textileLinks(s string) string {
	var b strings.Builder
	for {
		k := strings.Index(s, `":`)
		if k < 0 {
			break
		}
		open := strings.LastIndexByte(s[:k], '"')
		end := k + 2
		for end < len(s) && s[end] != ' ' && s[end] != '\t' {
			end++
		}
		if open < 0 || end == k+2 {
			b.WriteString(s[:k+2])
			s = s[k+2:]
			continue
		}
		for end > k+2 && strings.ContainsRune(".,;:!?)", rune(s[end-1])) {
			end-- // the sentence's punctuation, not the URL's
		}
		text := s[open+1 : k]
		if t := strings.LastIndexByte(text, '('); t > 0 && strings.HasSuffix(text, ")") {
			text = strings.TrimSpace(text[:t]) // "text(title)"
		}
		b.WriteString(s[:open] + text)
		s = s[end:]
	}
	b.WriteString(s)
	return b.String()
}

// textileToMarkdown reads a Textile note. It never fails: a line it does
// not recognise is a paragraph line.
func textileToMarkdown(lines []string) noteMarkdown {
	var out noteMarkdown
	emit := out.add
	out.text = make([]string, len(lines))
	var (
		inCode, extended bool // in a bc./pre. block; one that runs to the next signature
		tbl              tableRows
		inTable          bool
		list             markedList
	)
	endTable := func(n int) {
		if inTable {
			tbl.end(&out)
			inTable = false
			emit("", n)
		}
	}
	for i, raw := range lines {
		n := i + 1
		if i == 0 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		t := strings.TrimRight(raw, " \t\r")
		sig, rest, ext := textileBlock(t)
		out.text[i] = strings.TrimSpace(textileInline(rest))
		if inCode {
			if sig == "" && (extended || t != "") {
				emit(raw, n)
				continue
			}
			emit("```", n)
			inCode = false
		}
		if strings.HasPrefix(t, "|") || strings.HasPrefix(t, "table") && strings.HasSuffix(t, ".") {
			if strings.HasPrefix(t, "table") {
				continue // the table's attributes
			}
			if !inTable {
				inTable, tbl = true, tableRows{}
				emit("", n)
			}
			sep := "|"
			if strings.HasPrefix(t, "||") {
				sep = "||" // Jira's and Confluence's header row
			}
			row := strings.TrimSuffix(strings.TrimPrefix(t, sep), sep)
			for _, c := range strings.Split(row, sep) {
				tbl.add(textileCell(c), n)
			}
			tbl.end(&out)
			continue
		}
		endTable(n)
		switch sig {
		case "":
		case "bc", "pre", "notextile":
			emit("", n)
			emit("```", n)
			if rest != "" {
				emit(rest, n)
			}
			inCode, extended, list.open = true, ext, false
			continue
		default:
			if sig[0] == 'h' && len(sig) == 2 {
				lvl, _ := strconv.Atoi(sig[1:])
				emit("", n)
				emit(strings.Repeat("#", lvl)+" "+textileInline(rest), n)
				emit("", n)
				list.open, list.numbers = false, list.numbers[:0]
				continue
			}
			// p., bq., fnN.: a paragraph
			t = rest
		}
		t = strings.TrimSpace(t)
		if t == "" {
			emit("", n)
			list.open, list.numbers = false, list.numbers[:0]
			continue
		}
		if k := strings.IndexFunc(t, func(r rune) bool { return r != '*' && r != '#' }); k > 0 && k < len(t) && t[k] == ' ' && !strings.HasPrefix(t, "#{") {
			list.item(&out, t[:k], strings.TrimSpace(textileInline(t[k:])), n)
			continue
		}
		if strings.HasPrefix(t, "- ") && strings.Contains(t, " := ") {
			// "- term := definition"
			term, def, _ := strings.Cut(t[2:], " := ")
			list.item(&out, "-", textileInline(strings.TrimSpace(term))+": "+textileInline(strings.TrimSpace(def)), n)
			continue
		}
		if list.open {
			emit("", n)
			list.open = false
		}
		list.numbers = list.numbers[:0]
		emit(textileInline(t), n)
	}
	if inCode {
		emit("```", len(lines))
	}
	endTable(len(lines))
	return out
}

// dropBraceMacros drops the single-brace macros of Jira's and Confluence's
// Textile ("{note}", "{code:yaml}", "{color:red}"): a name of letters and
// its parameters after a colon. Other braces ("{style}" attributes are
// read before, JSON in prose) stay.
func dropBraceMacros(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		name, _, _ := strings.Cut(s[i+1:i+j], ":")
		if name == "" || strings.IndexFunc(name, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}
