package ingest

import "fmt"

// Bounds on Markdown structure, enforced on the source before goldmark sees
// it. goldmark's work per line grows with the number of containers the line
// is nested in (list items and block quotes), and a line that opens N of
// them ("- - - … x", ">>>> … x") costs N², so a note nested a few thousand
// levels deep takes minutes; every cell of a table row becomes AST nodes, so
// a 4 MB table of 10,000 columns takes gigabytes. Each bound is well above
// what notes use.
const (
	// MaxMarkdownDepth is the deepest nesting of list items and block quotes
	// a Markdown line may have; deeper lines are skipped with a warning.
	MaxMarkdownDepth = 16
	// MaxTableColumns is the widest Markdown table row read; the cells past
	// it are skipped with a warning.
	MaxTableColumns = 64
)

// mdGuard estimates, line by line, how deeply goldmark will nest each line,
// never below the real depth: a line continues an open list item only when
// it is indented at least to the item's content column, and opens one
// container per block-quote marker or list marker at its start. The open
// list items are kept as their smallest possible content columns (marker
// end + 1), so the estimate counts every item goldmark could still hold open.
type mdGuard struct {
	items []int // content columns of the list items that may be open, increasing
}

// line returns line s as goldmark is to see it: "" when it is nested
// deeper than MaxMarkdownDepth (deep), cut after the MaxTableColumns-th
// table cell (wide), else s unchanged. Only kept lines open list items.
func (g *mdGuard) line(s string) (out string, deep, wide bool) {
	col, i, quotes, first := 0, 0, 0, -1
	var opens []int
	for i < len(s) {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			if s[i] == '\t' {
				col += 4 - col%4
			} else {
				col++
			}
			i++
		}
		if i >= len(s) {
			break
		}
		if s[i] == '>' {
			if quotes++; quotes > MaxMarkdownDepth {
				return "", true, false
			}
			i++
			col++
			continue
		}
		n := mdListMarker(s[i:])
		if n == 0 {
			break
		}
		if first < 0 {
			first = col
		}
		i += n
		col += n
		opens = append(opens, col+1)
		if len(opens) > MaxMarkdownDepth {
			return "", true, false // "- - - - …": no need to read further
		}
	}
	if i >= len(s) && len(opens) == 0 && quotes == 0 {
		return s, false, false // blank line: closes nothing, opens nothing
	}
	at := col
	if first >= 0 {
		at = first
	}
	continued := 0
	for continued < len(g.items) && g.items[continued] <= at {
		continued++
	}
	if quotes+continued+len(opens) > MaxMarkdownDepth {
		return "", true, false
	}
	if len(opens) > 0 {
		g.items = append(g.items[:continued], opens...)
	}
	if cut, over := tablePipes(s); over {
		return s[:cut], false, true
	}
	return s, false, false
}

// mdListMarker returns the byte length of a list marker at the start of s
// ("-", "+", "*", or 1-9 digits and "." or ")") when a blank or the end of
// the line follows it, else 0.
func mdListMarker(s string) int {
	n := 0
	switch {
	case s == "":
		return 0
	case s[0] == '-' || s[0] == '+' || s[0] == '*':
		n = 1
	default:
		for n < len(s) && n < 10 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n > 9 || n >= len(s) || (s[n] != '.' && s[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return 0
	}
	return n
}

// tablePipes returns the byte offset in s just past the pipe that closes
// the MaxTableColumns-th cell of a table row, and whether the row has more
// cells than that. Every "|" counts, escaped or in code: an over-count
// only cuts a line of more than MaxTableColumns pipes.
func tablePipes(s string) (cut int, wide bool) {
	pipes := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '|' {
			continue
		}
		pipes++
		if pipes == MaxTableColumns+1 {
			cut = i + 1
		}
		if pipes > MaxTableColumns+1 {
			return cut, true
		}
	}
	return len(s), false
}

// guardRun collects consecutive lines that one bound changed, so that a
// deep list or a wide table gives one warning, not one per line.
type guardRun struct {
	first, last int // 1-based lines; first == 0 when no run is open
	msg         func(first, last int) string
}

func (r *guardRun) add(p *parser, line int) {
	if r.first != 0 && r.last == line-1 {
		r.last = line
		return
	}
	r.flush(p)
	r.first, r.last = line, line
}

func (r *guardRun) flush(p *parser) {
	if r.first == 0 {
		return
	}
	p.errorAt(r.first, r.msg(r.first, r.last))
	r.first = 0
}

// skipped describes the lines first..last that a bound cut: "line" or
// "12 lines (through line 40)".
func linesOf(first, last int) string {
	if first == last {
		return "line"
	}
	return fmt.Sprintf("%d lines (through line %d)", last-first+1, last)
}

// rowsOf is linesOf for table rows: "row" or "rows (12 lines, through line 40)".
func rowsOf(first, last int) string {
	if first == last {
		return "row"
	}
	return fmt.Sprintf("rows (%d lines, through line %d)", last-first+1, last)
}
