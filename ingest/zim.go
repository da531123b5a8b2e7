package ingest

import (
	"strings"
)

// Zim notes (pages of the Zim desktop wiki, stored as .txt files) open with
// a header of "Key: value" lines, the first "Content-Type:
// text/x-zim-wiki", and keep their structure in marks: "====== Title
// ======" headings whose level falls as the marks grow fewer (six marks
// are the page title, two the deepest heading), "*" and "1." list items
// and "[ ]" checkboxes nested by leading tabs, **bold**, //italic//,
// ''verbatim'' spans and blocks, [[page|label]] links and Markdown-style
// "|a|b|" tables. zimToMarkdown writes the Markdown those marks say and
// records for each Markdown line the note line it comes from, so every
// fact cites the note's own line.

// zimContentType is the first header line of every Zim page.
const zimContentType = "Content-Type: text/x-zim-wiki"

// isZim reports whether a note is a Zim page: its first line is Zim's
// content-type header.
func isZim(_, text string) bool {
	return strings.HasPrefix(strings.TrimPrefix(text, "\ufeff"), zimContentType)
}

// zimHeading reads "==== Title ====": its Markdown level (1 for six
// marks, 5 for two) and its text.
func zimHeading(t string) (int, string, bool) {
	n, title, ok := wikiHeading(t)
	if !ok || n < 2 {
		return 0, "", false
	}
	return 7 - n, title, true
}

// zimInline rewrites a line's inline marks: bold kept as Markdown bold,
// //italic// and __highlight__ dropped to their text, ”verbatim” as a
// code span, [[target|label]] as its label ([[target]] as the target's
// last page name), {{image}} dropped.
func zimInline(s string) string {
	s = cutBetween(s, "{{", "}}", func(string) string { return "" })
	s = cutBetween(s, "[[", "]]", func(in string) string {
		if k := strings.LastIndexByte(in, '|'); k >= 0 {
			return in[k+1:]
		}
		in = strings.TrimPrefix(strings.TrimPrefix(in, "+"), ":")
		if k := strings.LastIndexByte(in, ':'); k >= 0 && !strings.Contains(in, "://") {
			in = in[k+1:]
		}
		return in
	})
	s = strings.ReplaceAll(s, "''", "`")
	s = strings.ReplaceAll(s, "__", "")
	// "//" marks italic unless it is a URL's ("https://")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '/' && i+1 < len(s) && s[i+1] == '/' && (i == 0 || s[i-1] != ':') {
			i++
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// zimItem reads a list item: its depth (1 + leading tabs, or four spaces
// each), its mark ('#' numbered, '*' otherwise) and its body; ok is false
// for a line that is no item.
func zimItem(raw string) (depth int, mark byte, body string, ok bool) {
	i, tabs := 0, 0
	for i < len(raw) {
		switch {
		case raw[i] == '\t':
			tabs++
			i++
			continue
		case strings.HasPrefix(raw[i:], "    "):
			tabs++
			i += 4
			continue
		}
		break
	}
	t := raw[i:]
	switch {
	case strings.HasPrefix(t, "* "):
		return tabs + 1, '*', strings.TrimSpace(t[2:]), true
	case len(t) > 4 && t[0] == '[' && t[2] == ']' && t[3] == ' ' && strings.IndexByte(" *x><", t[1]) >= 0:
		return tabs + 1, '*', strings.TrimSpace(t[4:]), true // a checkbox
	}
	n := 0
	for n < len(t) && (t[n] >= '0' && t[n] <= '9' || n == 0 && t[n] >= 'a' && t[n] <= 'z') {
		n++
	}
	if n > 0 && n+1 < len(t) && t[n] == '.' && t[n+1] == ' ' && (n <= 3 && t[0] >= '0' && t[0] <= '9' || n == 1) {
		return tabs + 1, '#', strings.TrimSpace(t[n+2:]), true
	}
	return 0, 0, "", false
}

// zimToMarkdown rewrites a Zim page as Markdown; lineOf maps each
// Markdown line to its note line.
func zimToMarkdown(lines []string) noteMarkdown {
	var out noteMarkdown
	out.text = make([]string, len(lines))
	var (
		list     markedList
		verbatim bool
		header   = true // the page's "Key: value" header, up to its first blank line
		title    = false
	)
	for i, raw := range lines {
		n := i + 1
		if i == 0 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		raw = strings.TrimRight(raw, " \r")
		t := strings.TrimSpace(raw)
		out.text[i] = strings.TrimSpace(zimInline(t))
		if header {
			if t == "" {
				header = false
			}
			out.add("", n)
			continue
		}
		if t == "'''" {
			out.add("```", n)
			verbatim = !verbatim
			list.open = false
			continue
		}
		if verbatim {
			out.add(raw, n)
			continue
		}
		if lvl, text, ok := zimHeading(t); ok {
			if list.open {
				out.add("", n)
			}
			list = markedList{}
			out.text[i] = zimInline(text)
			out.add(strings.Repeat("#", lvl)+" "+zimInline(text), n)
			out.add("", n)
			title = lvl == 1
			continue
		}
		if title && strings.HasPrefix(t, "Created ") {
			out.add("", n) // the date Zim writes under a page's title
			title = false
			continue
		}
		if t != "" {
			title = false
		}
		if depth, mark, body, ok := zimItem(raw); ok {
			list.item(&out, strings.Repeat("*", depth-1)+string(mark), zimInline(body), n)
			continue
		}
		if list.open && t != "" {
			out.add("", n)
		}
		list = markedList{}
		out.add(zimInline(t), n)
	}
	return out
}
