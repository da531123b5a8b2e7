package ingest

import (
	"path"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// MediaWiki notes (a personal wiki's page source, a page exported as
// wikitext) keep their structure in marks: "== Heading ==" headings,
// "*" and "#" list items nested by repeating the mark, "; term : text"
// definitions, "{| ... |}" tables whose rows open with "|-", header
// cells with "!" (split by "!!") and cells with "|" (split by "||"),
// '''bold''' and ''italic'' text. wikitextToMarkdown writes the Markdown
// those marks say and records for each Markdown line the note line it
// comes from (a table row written over several lines cites its first), so
// the Markdown reader reads the note and every fact cites the note's own
// line.

// isWikitext reports whether a note is MediaWiki source: named *.mediawiki
// or *.wiki, or it has at least two "== Heading ==" lines and a wiki mark
// (”'bold”', a "{|" table or a "[[link]]").
func isWikitext(name, text string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".mediawiki", ".wiki", ".wikitext":
		return true
	}
	if !strings.Contains(text, "==") {
		return false // most notes: no line need be read
	}
	heads, marks := 0, 0
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		if _, _, ok := wikiHeading(t); ok && strings.HasPrefix(t, "==") {
			heads++
		}
		if strings.Contains(t, "'''") || strings.HasPrefix(t, "{|") || strings.Contains(t, "[[") {
			marks++
		}
	}
	return heads >= 2 && marks > 0
}

// wikiHeading reads "== Title ==": its level (the number of "=") and text.
func wikiHeading(t string) (int, string, bool) {
	n := 0
	for n < len(t) && t[n] == '=' {
		n++
	}
	if n == 0 || n > 6 || len(t) < 2*n+1 || !strings.HasSuffix(t, strings.Repeat("=", n)) {
		return 0, "", false
	}
	title := strings.TrimSpace(t[n : len(t)-n])
	if title == "" || strings.HasPrefix(title, "=") || strings.HasSuffix(title, "=") {
		return 0, "", false
	}
	return n, title, true
}

// wikiInline rewrites a line's inline marks: bold and italic quotes
// dropped, <code> as a code span, [[Page|label]] as its label, [url label]
// as its label, HTML comments and <ref> notes dropped.
func wikiInline(s string) string {
	s = strings.ReplaceAll(s, "'''", "")
	s = strings.ReplaceAll(s, "''", "")
	s = strings.ReplaceAll(s, "<code>", "`")
	s = strings.ReplaceAll(s, "</code>", "`")
	for _, tag := range []string{"<nowiki>", "</nowiki>", "<br>", "<br/>", "<br />"} {
		s = strings.ReplaceAll(s, tag, " ")
	}
	s = cutBetween(s, "<!--", "-->", func(string) string { return "" })
	s = cutBetween(s, "<ref>", "</ref>", func(string) string { return " " })
	s = cutBetween(s, "{{", "}}", func(string) string { return "" }) // templates: no note text
	s = cutBetween(s, "[[", "]]", func(in string) string {
		if ns, _, ok := strings.Cut(in, ":"); ok && wikiNamespaces[strings.ToLower(strings.TrimSpace(ns))] {
			return "" // a file, an image or a category: no text of the page
		}
		if k := strings.LastIndexByte(in, '|'); k >= 0 {
			return in[k+1:]
		}
		return in
	})
	s = cutBetween(s, "[http", "]", func(in string) string {
		if _, label, ok := strings.Cut(in, " "); ok {
			return label
		}
		return ""
	})
	return html.UnescapeString(s)
}

// wikiNamespaces are the link prefixes that embed or file a page rather
// than link text: [[File:...]], [[Category:...]].
var wikiNamespaces = map[string]bool{"file": true, "image": true, "media": true, "category": true}

// cutBetween replaces each open...close span of s by what repl makes of
// its inside; an unclosed span is left as written.
func cutBetween(s, open, close string, repl func(string) string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, open)
		if i < 0 {
			break
		}
		j := strings.Index(s[i+len(open):], close)
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		b.WriteString(repl(s[i+len(open) : i+len(open)+j]))
		s = s[i+len(open)+j+len(close):]
	}
	b.WriteString(s)
	return b.String()
}

// wikitextToMarkdown reads a MediaWiki note. It never fails: a line it
// does not recognise is a paragraph line.
func wikitextToMarkdown(lines []string) noteMarkdown {
	var out noteMarkdown
	emit := out.add
	out.text = make([]string, len(lines))
	var (
		inTable bool
		tbl     tableRows
		inPre   bool
		list    markedList
	)
	cells := func(t, sep string, line int) {
		for _, c := range strings.Split(t, sep) {
			if k := strings.Index(c, "|"); k >= 0 && !strings.Contains(c[:k], "[[") && strings.Contains(c[:k], "=") {
				c = c[k+1:] // a cell's attributes: style="..." | text
			}
			tbl.add(strings.TrimSpace(wikiInline(c)), line)
		}
	}
	for i, raw := range lines {
		n := i + 1
		if i == 0 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		t := strings.TrimSpace(raw)
		if _, _, ok := wikiHeading(t); ok && inTable {
			tbl.end(&out) // a table its author did not close ends at the next heading
			inTable = false
			emit("", n)
		}
		out.text[i] = strings.TrimSpace(wikiInline(t))
		switch {
		case inPre:
			if strings.Contains(t, "</pre>") || strings.Contains(t, "</syntaxhighlight>") {
				emit("```", n)
				inPre = false
				continue
			}
			emit(raw, n)
			continue
		case strings.HasPrefix(t, "<pre") || strings.HasPrefix(t, "<syntaxhighlight"):
			emit("```", n)
			inPre = true
			continue
		case strings.HasPrefix(t, "{|"):
			inTable, tbl = true, tableRows{}
			emit("", n)
			continue
		case inTable && strings.HasPrefix(t, "|}"):
			tbl.end(&out)
			inTable = false
			emit("", n)
			continue
		case inTable && strings.HasPrefix(t, "|-"):
			tbl.end(&out)
			continue
		case inTable && strings.HasPrefix(t, "|+"):
			continue // the caption
		case inTable && strings.HasPrefix(t, "!"):
			cells(t[1:], "!!", n)
			continue
		case inTable && strings.HasPrefix(t, "|"):
			cells(t[1:], "||", n)
			continue
		case inTable:
			if t != "" {
				tbl.extend(strings.TrimSpace(wikiInline(t))) // a cell's further line
			}
			continue
		}
		if lvl, title, ok := wikiHeading(t); ok {
			emit(strings.Repeat("#", lvl)+" "+wikiInline(title), n)
			emit("", n)
			list.open = false
			continue
		}
		if t == "" || t == "----" || strings.HasPrefix(t, "__") && strings.HasSuffix(t, "__") {
			emit("", n)
			list.open, list.numbers = false, list.numbers[:0]
			continue
		}
		if k := strings.IndexFunc(t, func(r rune) bool { return r != '*' && r != '#' && r != ':' && r != ';' }); k > 0 {
			marks, body := t[:k], strings.TrimSpace(wikiInline(t[k:]))
			if marks[len(marks)-1] == ';' {
				// "; term : text" is a term and its definition
				if term, def, ok := strings.Cut(body, " : "); ok {
					body = term + ": " + def
				}
			}
			list.item(&out, marks, body, n)
			continue
		}
		if list.open {
			emit("", n)
			list.open = false
		}
		list.numbers = list.numbers[:0]
		emit(wikiInline(t), n)
	}
	if inTable {
		tbl.end(&out)
	}
	return out
}

// markedList writes the items of a list whose marks nest by repeating
// ("*", "**", "#", "##" in MediaWiki and Textile): a "#" item numbered in
// order at its depth, any other an item with a dash.
type markedList struct {
	numbers []int // the next number of each open numbered list, by depth
	open    bool  // the last line written is an item
}

// item writes an item of marks ("*#") and body, from note line n, after a
// blank line when it opens the list.
func (l *markedList) item(out *noteMarkdown, marks, body string, n int) {
	if !l.open {
		out.add("", n)
	}
	depth := len(marks)
	indent := strings.Repeat("  ", depth-1)
	for len(l.numbers) < depth {
		l.numbers = append(l.numbers, 1)
	}
	l.numbers = l.numbers[:depth]
	if marks[depth-1] == '#' {
		out.add(indent+strconv.Itoa(l.numbers[depth-1])+". "+body, n)
		l.numbers[depth-1]++
	} else {
		out.add(indent+"- "+body, n)
		l.numbers[depth-1] = 1
	}
	l.open = true
}
