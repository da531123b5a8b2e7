package ingest

import (
	"path"
	"strconv"
	"strings"
	"unicode"
)

// AsciiDoc notes keep their structure in marks: "= Title" and "== Section"
// headings (one "=" more per level), "*", "**" and "-" list items, ". "
// and ".. " numbered ones, "term:: definition" description lists, ".Title"
// block titles, "----" listing and "...." literal blocks, "|===" tables
// whose cells open with "|" (one row per line, or one cell per line with
// the columns the "[cols=...]" attribute or the first row gives), "NOTE:"
// and "TIP:" admonitions, ":name: value" attributes and "//" comments.
// asciidocToMarkdown writes the Markdown those marks say and records for
// each Markdown line the note line it comes from (a table row cites the
// line of its first cell), so the Markdown reader reads the note and every
// fact cites the note's own line.

// isAsciiDoc reports whether a note is AsciiDoc: named *.adoc, *.asciidoc
// or *.asc, or a text note (see sniffedByContent; no Typst page) that has two
// "= Title" or "== Section" lines, or one and a "|===" table (a MediaWiki
// "== Title ==" is none).
func isAsciiDoc(name, text string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".adoc", ".asciidoc", ".asc":
		return true
	case ".typ":
		return false // a Typst page's "= Title" is no AsciiDoc
	}
	if !sniffedByContent(name) {
		return false
	}
	if !strings.HasPrefix(text, "=") && !strings.Contains(text, "\n=") {
		return false // most notes: no line need be read
	}
	heads, tables := 0, 0
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimRight(l, " \t\r")
		if _, _, ok := markerHeading(t, '='); ok {
			heads++
		}
		if t == "|===" {
			tables++
		}
	}
	return heads >= 2 || heads == 1 && tables > 0
}

// adocHeading reads "== Title": its level (the number of "=") and text. A
// MediaWiki heading ("== Title ==") is none.
func adocHeading(t string) (int, string, bool) {
	n := 0
	for n < len(t) && t[n] == '=' {
		n++
	}
	if n == 0 || n > 6 || len(t) <= n+1 || t[n] != ' ' {
		return 0, "", false
	}
	title := strings.TrimSpace(t[n:])
	if title == "" || strings.HasSuffix(title, "=") {
		return 0, "", false
	}
	return n, title, true
}

// adocDelimiters are the lines that open and close AsciiDoc's delimited
// blocks, with what each holds: code ("----" listing, "...." literal), no
// note text ("////" comment, "++++" passthrough), or prose read as the
// note's own ("____" quote, "****" sidebar, "====" example or admonition).
var adocDelimiters = map[string]string{
	"----": "code", "....": "code",
	"////": "skip", "++++": "skip",
	"____": "prose", "****": "prose", "====": "prose", "--": "prose",
}

// asciidocToMarkdown reads an AsciiDoc note. It never fails: a line it does
// not recognise is a paragraph line.
func asciidocToMarkdown(lines []string) noteMarkdown {
	var out noteMarkdown
	emit := out.add
	out.text = make([]string, len(lines))
	var (
		block    string // the delimiter of the block we are in, "" outside one
		blockAs  string // what the block holds (see adocDelimiters)
		level    int    // the level of the last section heading
		cols     int    // the columns the next table's "[cols=...]" gives, 0 for none
		inTable  bool
		tableCol int // the table's columns, 0 until its first row says
		tbl      tableRows
		lastList bool
		// prevText is set when the line before was a paragraph's or an
		// item's text, which a line with no blank before it goes on
		// with: "= Lambda function ARN" after an item is no heading
		prevText bool
	)
	for i, raw := range lines {
		n := i + 1
		if i == 0 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		t := strings.TrimRight(raw, " \t\r")
		out.text[i] = strings.TrimSpace(adocInline(t))
		wasText := prevText
		prevText = false
		switch {
		case inTable && t == "|===":
			tbl.end(&out)
			inTable = false
			emit("", n)
			continue
		case inTable:
			if t == "" {
				if tbl.rows == 0 && len(tbl.cells) > 0 && tableCol == 0 {
					// a blank line after the first line of cells ends the
					// header row and says how many columns there are
					tableCol = len(tbl.cells)
					tbl.end(&out)
				}
				continue
			}
			cells := adocCells(t)
			if cells == nil {
				tbl.extend(strings.TrimSpace(adocInline(t))) // a cell's further line
				continue
			}
			for _, c := range cells {
				tbl.add(c, n)
				if tableCol > 0 && len(tbl.cells) == tableCol {
					tbl.end(&out)
				}
			}
			if tableCol == 0 && tbl.rows == 0 && len(cells) > 1 {
				// "|Value |Meaning" on one line: the row is the line
				tableCol = len(cells)
				tbl.end(&out)
			}
			continue
		case block != "":
			if t == block {
				if blockAs == "code" {
					emit("```", n)
				} else {
					emit("", n)
				}
				block = ""
				continue
			}
			switch blockAs {
			case "code":
				emit(raw, n)
				continue
			case "skip":
				continue
			}
			// a quote's or a sidebar's prose is read as the note's own
		case t == "|===":
			inTable, tbl, tableCol = true, tableRows{}, cols
			cols = 0
			emit("", n)
			continue
		case adocDelimiters[t] != "":
			block, blockAs = t, adocDelimiters[t]
			if blockAs == "code" {
				emit("```", n)
			} else {
				emit("", n)
			}
			lastList = false
			continue
		}
		if strings.HasPrefix(t, "//") && !strings.HasPrefix(t, "///") || t == "+" {
			continue // a comment; a list item's continuation mark
		}
		if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") && !strings.Contains(t, " ") || strings.HasPrefix(t, "[cols=") || strings.HasPrefix(t, "[options=") {
			// "[source,yaml]", "[cols=\"1,3\"]", "[NOTE]": the next
			// block's attributes
			if c := adocCols(t); c > 0 {
				cols = c
			}
			continue
		}
		if adocAttribute(t) {
			continue // ":toc: left"
		}
		if lvl, title, ok := adocHeading(t); ok && !wasText {
			emit(strings.Repeat("#", lvl)+" "+adocInline(title), n)
			emit("", n)
			level, lastList = lvl, false
			continue
		}
		if _, mark, _ := adocTerm(t); mark == 0 && !wasText && len(t) > 1 && t[0] == '.' && (unicode.IsLetter(rune(t[1])) || t[1] == '`') {
			// ".Buildspec phases (in run order)": the title of the block
			// under it, one level below the section
			emit(strings.Repeat("#", min(level+1, 6))+" "+adocInline(t[1:]), n)
			emit("", n)
			lastList = false
			continue
		}
		if t == "" {
			emit("", n)
			lastList = false
			continue
		}
		if item, ok := adocItem(t); ok {
			if !lastList {
				emit("", n)
			}
			emit(item, n)
			lastList, prevText = true, true
			continue
		}
		// a line right after an item goes on with its text, as in
		// AsciiDoc ("cfn-init:: ... run in this order:" over "packages ->
		// groups -> ..."): Markdown reads it as the item's lazy
		// continuation
		emit(adocInline(strings.TrimSpace(t)), n)
		prevText = true
	}
	if inTable {
		tbl.end(&out)
	}
	return out
}

// adocItem writes an AsciiDoc list item as a Markdown one: "** x" and
// "- x" as bullets nested by their marks, ". x" and ".. x" numbered, "1. x"
// as written, "term:: text" (":::" and ";;" nest it) as "- term: text";
// ok is false for a line that is no item.
func adocItem(t string) (string, bool) {
	s := strings.TrimSpace(t)
	if k := strings.IndexFunc(s, func(r rune) bool { return r != '*' && r != '.' }); k > 0 && k < len(s) && s[k] == ' ' && (strings.Trim(s[:k], "*") == "" || strings.Trim(s[:k], ".") == "") {
		body := adocInline(strings.TrimSpace(s[k:]))
		indent := strings.Repeat("  ", k-1)
		if s[0] == '.' {
			return indent + "1. " + body, true
		}
		return indent + "- " + dropCheckbox(body), true
	}
	if strings.HasPrefix(s, "- ") {
		return "- " + dropCheckbox(adocInline(strings.TrimSpace(s[2:]))), true
	}
	if k := numberMarker(s); k > 0 && k < len(s) && s[k] == ' ' {
		return adocInline(s), true // "1. x", as Markdown writes it
	}
	if i, mark, depth := adocTerm(s); i > 0 {
		term := adocInline(strings.TrimSpace(s[:i]))
		def := adocInline(strings.TrimSpace(s[i+mark:]))
		item := strings.Repeat("  ", depth) + "- " + term + ":"
		if def != "" {
			item += " " + def
		}
		return item, true
	}
	return "", false
}

// adocTerm finds the mark that ends a description list's term: "::"
// (":::" and "::::" nest it, ";;" is one level down) followed by a space or
// the line's end, the first of s that is not part of a name with colons
// ("AWS::Region"); it returns the mark's index and length and the term's
// depth (0 for "::"); 0, 0, 0 for none.
func adocTerm(s string) (i, mark, depth int) {
	for i = 1; i < len(s); i++ {
		if s[i] == ';' && strings.HasPrefix(s[i:], ";;") && (i+2 == len(s) || s[i+2] == ' ') {
			return i, 2, 1 // a nested term, as ":::"
		}
		if s[i] != ':' || s[i-1] == ':' {
			continue
		}
		run := 0
		for i+run < len(s) && s[i+run] == ':' {
			run++
		}
		if run >= 2 && run <= 4 && (i+run == len(s) || s[i+run] == ' ') {
			return i, run, run - 2
		}
	}
	return 0, 0, 0
}

// adocCells splits a table line into its cells: each opens with "|",
// optionally after a cell specifier ("2+|", "a|", "^.^|"); nil when the
// line opens no cell.
func adocCells(t string) []string {
	s := strings.TrimSpace(t)
	i := strings.IndexByte(s, '|')
	if i < 0 || strings.TrimLeft(s[:i], "0123456789+*.<>^aehlmsdv") != "" {
		return nil
	}
	var cells []string
	for _, c := range splitUnescaped(s[i+1:], '|') {
		cells = append(cells, strings.TrimSpace(adocInline(strings.TrimSpace(c))))
	}
	return cells
}

// splitUnescaped splits s at each sep that no backslash escapes.
func splitUnescaped(s string, sep byte) []string {
	var out []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == sep:
			b.WriteByte(sep)
			i++
		case s[i] == sep:
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteByte(s[i])
		}
	}
	return append(out, b.String())
}

// adocCols reads the column count of a table's attributes: `[cols="1,3"]`
// has two, `[cols="3*"]` three; 0 when they give none.
func adocCols(t string) int {
	i := strings.Index(t, "cols=")
	if i < 0 {
		return 0
	}
	v := strings.Trim(strings.TrimSpace(t[i+len("cols="):]), "]\"'")
	if j := strings.IndexAny(v, "\"',]"); j >= 0 && !strings.Contains(v[:j], ",") && strings.HasSuffix(v[:j], "*") {
		v = v[:j]
	}
	if k, ok := strings.CutSuffix(v, "*"); ok {
		n, err := strconv.Atoi(k)
		if err == nil {
			return n
		}
		return 0
	}
	if j := strings.IndexAny(v, "\"'"); j >= 0 {
		v = v[:j]
	}
	return strings.Count(v, ",") + 1
}

// adocInline rewrites a line's inline marks: *bold* and _italic_ marks
// dropped, +literal+ and `mono` as code spans,
// link:url[text], url[text] and <<id,text>> as their text, a trailing " +"
// (a hard line break) dropped; the admonition label stays ("NOTE: ...").
func adocInline(s string) string {
	s = strings.TrimSuffix(s, " +")
	s = cutBetween(s, "<<", ">>", func(in string) string {
		if _, text, ok := strings.Cut(in, ","); ok {
			return strings.TrimSpace(text)
		}
		return in
	})
	for _, scheme := range []string{"link:", "https://", "http://"} {
		s = adocLinks(s, scheme)
	}
	s = cutBetween(s, "footnote:[", "]", func(in string) string { return " (" + in + ")" })
	return adocPairs(s)
}

// adocPairs drops each pair of "*" or "_" marks around a phrase of s and
// writes each pair of "+" marks as a code span's backticks; a mark with no
// partner stays ("ebextensions/*.config").
func adocPairs(s string) string {
	b := []byte(s)
	drop := make([]bool, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '*' && c != '_' && c != '+' || !adocOpens(s, i) {
			continue
		}
		for j := i + 2; j < len(b); j++ {
			if b[j] == c && adocCloses(s, j) {
				if c == '+' {
					b[i], b[j] = '`', '`'
				} else {
					drop[i], drop[j] = true, true
				}
				i = j
				break
			}
		}
	}
	out := make([]byte, 0, len(b))
	for i, c := range b {
		if !drop[i] {
			out = append(out, c)
		}
	}
	return string(out)
}

// adocOpens reports whether the mark at i of s opens a phrase: it follows
// a space, an opening bracket or the line's start and comes before a
// character that is neither a space nor the same mark.
func adocOpens(s string, i int) bool {
	before := i == 0 || strings.IndexByte(" \t([\"'`", s[i-1]) >= 0
	return before && i+1 < len(s) && s[i+1] != ' ' && s[i+1] != s[i]
}

// adocCloses reports whether the mark at i of s closes a phrase: it comes
// after a character that is neither a space nor the same mark and before
// a space, punctuation or the line's end.
func adocCloses(s string, i int) bool {
	after := i == len(s)-1 || strings.IndexByte(" \t.,;:!?)]\"'`", s[i+1]) >= 0
	return after && i > 0 && s[i-1] != ' ' && s[i-1] != s[i]
}

// adocLinks rewrites each "scheme...[text]" link of s as its text (the
// address when the text is empty).
func adocLinks(s, scheme string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, scheme)
		if i < 0 {
			break
		}
		j := strings.IndexAny(s[i:], " [")
		if j < 0 || s[i+j] != '[' {
			b.WriteString(s[:i+len(scheme)])
			s = s[i+len(scheme):]
			continue
		}
		k := strings.IndexByte(s[i+j:], ']')
		if k < 0 {
			break
		}
		text := s[i+j+1 : i+j+k]
		if text == "" {
			text = strings.TrimPrefix(s[i:i+j], "link:")
		}
		b.WriteString(s[:i])
		b.WriteString(text)
		s = s[i+j+k+1:]
	}
	b.WriteString(s)
	return b.String()
}
