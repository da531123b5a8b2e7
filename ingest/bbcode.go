package ingest

import (
	"path"
	"strconv"
	"strings"
)

// BBCode notes (a forum post or a study-group thread kept as its source)
// keep their structure in square-bracket tags: [list] of [*] items (nested
// lists nest, [list=1] numbers them), [table] of [tr] rows of [td]/[th]
// cells, [quote] and [code] blocks, [b]/[i]/[u]/[size]/[color] emphasis and
// [url] links. bbcodeToMarkdown writes the Markdown those tags say and
// records for each Markdown line the note line its text starts on, so the
// Markdown reader reads the note and every fact cites the note's own line.
// A line that is all bold ("[b]2. Beanstalk config files[/b]") is the
// heading of what follows, as a forum post has no other.

// bbClosers are the closing tags that mark a note as BBCode.
var bbClosers = []string{"[/b]", "[/i]", "[/u]", "[/list]", "[/url]", "[/quote]", "[/code]", "[/td]", "[/tr]", "[/table]", "[/size]", "[/color]", "[/img]"}

// minBBTags is how many closing tags (or [*] items) an unnamed note holds,
// of two kinds at least, to be read as BBCode.
const minBBTags = 4

// isBBCode reports whether a note is BBCode: named *.bbcode or *.bb, or it
// holds at least minBBTags closing tags or [*] items, of two kinds or more.
func isBBCode(name, text string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".bbcode", ".bb":
		return true
	}
	if !strings.Contains(text, "[/") {
		return false // most notes: no tag need be counted
	}
	lower := strings.ToLower(text)
	total, kinds := 0, 0
	for _, tag := range append([]string{"[*]"}, bbClosers...) {
		if n := strings.Count(lower, tag); n > 0 {
			total += n
			kinds++
		}
	}
	return total >= minBBTags && kinds >= 2
}

// bbTag is one tag of a line: its lower-cased name without the slash, its
// argument ("[list=1]" → "1"), and whether it closes.
type bbTag struct {
	name, arg string
	closing   bool
}

// bbKnown are the tag names bbcodeToMarkdown reads; other bracketed text
// ("[CHECK]", "[1]") is text.
var bbKnown = map[string]bool{
	"b": true, "i": true, "u": true, "s": true, "strike": true, "color": true, "size": true, "font": true,
	"url": true, "email": true, "img": true, "code": true, "quote": true, "list": true, "ul": true, "ol": true,
	"*": true, "li": true, "table": true, "tr": true, "td": true, "th": true, "hr": true, "center": true,
	"left": true, "right": true, "spoiler": true, "sup": true, "sub": true, "indent": true, "highlight": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "icode": true, "noparse": true,
}

// bbSplit cuts a line into text and tags: each part is either text (tag
// nil) or a known tag.
func bbSplit(line string) (texts []string, tags []*bbTag) {
	rest := line
	var b strings.Builder
	for {
		i := strings.IndexByte(rest, '[')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], ']')
		if j < 0 {
			break
		}
		inner := rest[i+1 : i+j]
		t := &bbTag{}
		if strings.HasPrefix(inner, "/") {
			t.closing, inner = true, inner[1:]
		}
		t.name, t.arg, _ = strings.Cut(inner, "=")
		t.name = strings.ToLower(strings.TrimSpace(t.name))
		if k := strings.IndexByte(t.name, ' '); k >= 0 {
			t.name = t.name[:k] // [quote name="x"]
		}
		if !bbKnown[t.name] {
			b.WriteString(rest[:i+j+1])
			rest = rest[i+j+1:]
			continue
		}
		b.WriteString(rest[:i])
		texts = append(texts, b.String())
		tags = append(tags, t)
		b.Reset()
		rest = rest[i+j+1:]
	}
	b.WriteString(rest)
	texts = append(texts, b.String())
	return texts, tags
}

// bbInlineCode writes a [code] span that closes on its own line ("Run
// [code]aws s3 ls[/code] first") as a code span: it is no block.
func bbInlineCode(line string) string {
	for {
		lower := strings.ToLower(line)
		i := strings.Index(lower, "[code]")
		if i < 0 {
			return line
		}
		j := strings.Index(lower[i:], "[/code]")
		if j < 0 {
			return line
		}
		line = line[:i] + "`" + line[i+len("[code]"):i+j] + "`" + line[i+j+len("[/code]"):]
	}
}

// bbPlain is a line's text without its tags, for quoting.
func bbPlain(line string) string {
	texts, _ := bbSplit(line)
	return strings.Join(strings.Fields(strings.Join(texts, " ")), " ")
}

// bbBoldLine returns the text of a line that is all bold (tags of size,
// colour and underline around it allowed): a forum post's heading.
func bbBoldLine(line string) (string, bool) {
	texts, tags := bbSplit(strings.TrimSpace(line))
	bold := false
	for _, t := range tags {
		switch t.name {
		case "b":
			bold = true
		case "size", "color", "u", "i", "font", "center":
		default:
			return "", false
		}
	}
	if !bold || strings.TrimSpace(texts[0]) != "" || strings.TrimSpace(texts[len(texts)-1]) != "" {
		return "", false
	}
	// no text outside the bold span
	depth := 0
	for k, t := range tags {
		if t.name == "b" {
			if t.closing {
				depth--
			} else {
				depth++
			}
		}
		if depth == 0 && strings.TrimSpace(texts[k+1]) != "" {
			return "", false
		}
	}
	title := strings.TrimSpace(strings.Join(texts, ""))
	if title == "" || len(strings.Fields(title)) > maxBBHeadingWords {
		return "", false
	}
	return title, true
}

// maxBBHeadingWords bounds the words of a bold line read as a heading.
const maxBBHeadingWords = 14

// bbcodeToMarkdown reads a BBCode note. It never fails: text outside any
// tag is a paragraph line, and an unclosed list or table ends at the note's
// end.
func bbcodeToMarkdown(lines []string) noteMarkdown {
	var out noteMarkdown
	out.text = make([]string, len(lines))
	var (
		lists    []int // each open list's next number; 0 for bullets
		item     strings.Builder
		itemLine int
		inItem   bool
		inTable  bool
		row      []string
		cell     strings.Builder
		inCell   bool
		rowLine  int
		rows     int
		quote    int
		inCode   bool
		para     strings.Builder
		headings int
		implicit bool // lists holds the list of a [*] outside any list
	)
	prefix := func() string { return strings.Repeat("> ", quote) }
	flushItem := func() {
		if !inItem {
			return
		}
		inItem = false
		body := strings.Join(strings.Fields(item.String()), " ")
		item.Reset()
		if body == "" {
			return
		}
		depth := len(lists)
		indent := strings.Repeat("  ", max(depth-1, 0))
		mark := "- "
		if depth > 0 && lists[depth-1] > 0 {
			mark = strconv.Itoa(lists[depth-1]) + ". "
			lists[depth-1]++
		}
		out.add(prefix()+indent+mark+body, itemLine)
	}
	flushPara := func(n int) {
		if t := strings.Join(strings.Fields(para.String()), " "); t != "" {
			out.add(prefix()+t, n)
		}
		para.Reset()
	}
	write := func(s string, n int) {
		switch {
		case inCell:
			cell.WriteString(s)
		case inTable:
			// text between cells is no cell's
		case inItem:
			item.WriteString(s)
		case len(lists) > 0:
			if strings.TrimSpace(s) != "" {
				// text in a list before its first [*]
				inItem, itemLine = true, n
				item.WriteString(s)
			}
		default:
			para.WriteString(s)
		}
	}
	endRow := func() {
		if len(row) == 0 {
			return
		}
		for _, l := range tableRow(row, rows == 0) {
			out.add(prefix()+l, rowLine)
		}
		rows++
		row = nil
	}
	endCell := func() {
		if inCell {
			row = append(row, strings.Join(strings.Fields(cell.String()), " "))
			cell.Reset()
			inCell = false
		}
	}
	for i, raw := range lines {
		n := i + 1
		if i == 0 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		out.text[i] = bbPlain(raw)
		if inCode {
			if k := strings.Index(strings.ToLower(raw), "[/code]"); k >= 0 {
				if s := strings.TrimSpace(raw[:k]); s != "" {
					out.add(s, n)
				}
				out.add("```", n)
				inCode = false
				continue
			}
			out.add(raw, n)
			continue
		}
		if title, ok := bbBoldLine(raw); ok && len(lists) == 0 && !inTable && quote == 0 {
			flushPara(n)
			level := "## "
			if headings == 0 && len(out.lines) == 0 {
				level = "# "
			}
			headings++
			out.add("", n)
			out.add(level+title, n)
			out.add("", n)
			continue
		}
		if strings.TrimSpace(raw) == "" && len(lists) == 0 && !inTable {
			flushPara(n)
			out.add("", n)
			continue
		}
		if t := strings.TrimSpace(raw); inTable && !inCell && t != "" && !strings.HasPrefix(t, "[") {
			// text outside any cell: the table its author did not close
			// has ended
			endRow()
			inTable = false
			out.add("", n)
		}
		texts, tags := bbSplit(bbInlineCode(raw))
		// bold marks only where the line closes what it opens: an unclosed
		// "[b]" would leave "**" in the text
		opens, closes := 0, 0
		for _, t := range tags {
			if t.name == "b" {
				if t.closing {
					closes++
				} else {
					opens++
				}
			}
		}
		boldPaired := opens == closes
		if inItem || len(lists) > 0 {
			item.WriteString(" ") // a line break inside an item
		}
		if inCell {
			cell.WriteString(" ") // a line break inside a cell
		}
		write(texts[0], n)
		for k, t := range tags {
			switch t.name {
			case "list", "ul", "ol":
				if t.closing {
					flushItem()
					if len(lists) > 0 {
						lists = lists[:len(lists)-1]
					}
					if len(lists) == 0 {
						out.add("", n)
					}
				} else {
					if len(lists) == 0 {
						flushPara(n)
						out.add("", n)
					} else {
						flushItem()
					}
					num := 0
					if t.name == "ol" || t.arg != "" && strings.Trim(t.arg, "1aAiI") == "" {
						num = 1
					}
					lists = append(lists, num)
				}
			case "*", "li":
				if t.closing {
					flushItem()
					break
				}
				flushItem()
				if len(lists) == 0 {
					flushPara(n)
					lists = append(lists, 0) // an item outside any list: to the line's end
					implicit = true
				}
				inItem, itemLine = true, n
			case "table":
				if t.closing {
					endCell()
					endRow()
					inTable = false
					out.add("", n)
				} else {
					flushPara(n)
					out.add("", n)
					inTable, rows, row = true, 0, nil
				}
			case "tr":
				endCell()
				endRow()
				if !t.closing {
					rowLine = n
				}
			case "td", "th":
				endCell()
				if !t.closing {
					if len(row) == 0 {
						rowLine = n
					}
					inCell = true
				}
			case "quote":
				flushItem()
				flushPara(n)
				if t.closing {
					quote = max(quote-1, 0)
				} else {
					quote++
				}
				// a blank line keeps the reply after a quote out of it
				out.add("", n)
			case "code":
				if !t.closing {
					flushPara(n)
					out.add("```", n)
					inCode = true
					// the rest of the line is code
					rest := strings.Join(texts[k+1:], "")
					if s := strings.TrimSpace(rest); s != "" {
						out.add(s, n)
					}
				}
			case "hr":
				flushPara(n)
				out.add("", n)
			case "b":
				if boldPaired {
					write("**", n)
				}
			case "h1", "h2", "h3", "h4", "h5", "h6":
				if !t.closing {
					flushPara(n)
					out.add("", n)
					write(strings.Repeat("#", int(t.name[1]-'0'))+" ", n)
				}
			case "img":
				// an image's address is no note text: skip to its close
				if !t.closing && k+1 < len(texts) {
					texts[k+1] = ""
				}
			}
			if inCode {
				break
			}
			write(texts[k+1], n)
		}
		if inCode {
			continue
		}
		if implicit {
			flushItem()
			lists, implicit = lists[:0], false
		}
		if len(lists) == 0 && !inTable {
			flushPara(n)
		}
	}
	endCell()
	endRow()
	flushItem()
	flushPara(len(lines))
	return out
}
