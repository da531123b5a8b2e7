package ingest

import "strings"

// Grid tables (Pandoc's and reStructuredText's, and the tables a database
// shell prints) draw their cells with "+---+---+" rules and "|" walls; a
// cell's text may wrap over several lines of its row, and a "+===+" rule
// closes the header rows. gridTablesToMarkdown writes each such table of a
// Markdown note as the pipe table it says, one line per row whose cells
// join their wrapped lines, citing the row's first note line; the note's
// other lines stay as they are.

// isGridRule reports whether a line is a grid table's rule: "+", then runs
// of "-" or "=" (":" marks alignment) each closed by "+".
func isGridRule(t string) bool {
	t = strings.TrimSpace(t)
	if len(t) < 3 || t[0] != '+' || t[len(t)-1] != '+' {
		return false
	}
	dashes := false
	for i := 1; i < len(t); i++ {
		switch t[i] {
		case '-', '=':
			dashes = true
		case '+', ':':
		default:
			return false
		}
	}
	return dashes
}

// gridWalls returns the rune columns of a rule's "+" marks.
func gridWalls(rule string) []int {
	var cols []int
	for i, r := range []rune(rule) {
		if r == '+' {
			cols = append(cols, i)
		}
	}
	return cols
}

// gridTablesToMarkdown rewrites the grid tables of a note's lines as pipe
// tables; ok is false when the note has none (then h is empty).
func gridTablesToMarkdown(lines []string) (h noteMarkdown, ok bool) {
	has := false
	for _, l := range lines {
		if isGridRule(l) {
			has = true
			break
		}
	}
	if !has {
		return noteMarkdown{}, false
	}
	h.text = lines
	fence := ""
	for i := 0; i < len(lines); {
		// a fenced code block's lines stay as they are
		if t := strings.TrimSpace(lines[i]); fence == "" && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")) {
			fence = t[:3]
		} else if fence != "" && strings.HasPrefix(t, fence) {
			fence = ""
		} else if fence == "" && isGridRule(lines[i]) {
			end, rows := gridTable(lines, i)
			if end <= i {
				// no table: the run of table-like lines it read stays as it is
				for end = i + 1; end < len(lines) && gridLine(lines[end]); end++ {
				}
				for ; i < end; i++ {
					h.add(lines[i], i+1)
				}
				continue
			}
			ok = true
			h.addTable(rows, i+1, end)
			i = end
			continue
		}
		h.add(lines[i], i+1)
		i++
	}
	return h, ok
}

// addTable appends a table's rows as a pipe table, the header first,
// between blank lines that cite note lines first and end (1-based).
func (h *noteMarkdown) addTable(rows []gridRow, first, end int) {
	h.add("", first)
	for k, r := range rows {
		for _, l := range tableRow(r.cells, k == 0) {
			h.add(l, r.line)
		}
	}
	h.add("", end)
}

// gridLine reports whether a line is a grid table's rule or row.
func gridLine(l string) bool {
	return isGridRule(l) || strings.HasPrefix(strings.TrimSpace(l), "|")
}

// gridRow is one row of a grid table: its cells' text and the note line
// (1-based) it starts on.
type gridRow struct {
	cells []string
	line  int
}

// gridTable reads the grid table whose top rule is lines[at]: it returns
// the index after its last rule and its rows, the header first (the rows
// above a "=" rule, joined, or else the first row); end is at when no
// table of two rows or more starts there. Under a "=" header rule, and
// where rules part the body's rows, each run of lines between two rules is
// one row whose cells wrap (Pandoc's, reStructuredText's); a body with no
// rule inside and no "=" rule (a database shell's) has a row per line, a
// line whose first cell is empty going on with the row above.
func gridTable(lines []string, at int) (end int, rows []gridRow) {
	if !isGridRule(lines[at]) {
		return at, nil
	}
	walls := gridWalls(lines[at])
	if len(walls) < 2 {
		return at, nil
	}
	n := len(walls) - 1
	type segment struct {
		first int        // index of its first line
		cells [][]string // each line's cells
		eq    bool       // the rule under it is a "=" rule
	}
	var (
		segs     []segment
		cur      *segment
		lastRule = at
	)
	for i := at + 1; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if isGridRule(lines[i]) {
			if cur != nil {
				cur.eq = strings.Contains(t, "=")
				segs = append(segs, *cur)
				cur = nil
			}
			lastRule = i
			continue
		}
		if !strings.HasPrefix(t, "|") {
			break
		}
		if cur == nil {
			cur = &segment{first: i}
		}
		rs := []rune(lines[i])
		cells := make([]string, n)
		for k := 0; k < n; k++ {
			from, to := walls[k]+1, walls[k+1]
			if from >= len(rs) {
				break
			}
			cells[k] = strings.TrimSpace(strings.Trim(string(rs[from:min(to, len(rs))]), " |"))
		}
		cur.cells = append(cur.cells, cells)
	}
	if lastRule == at || len(segs) == 0 {
		return at, nil
	}
	join := func(line int, cells [][]string) gridRow {
		r := gridRow{line: line + 1, cells: make([]string, n)}
		for _, l := range cells {
			for k, c := range l {
				r.cells[k] = strings.TrimSpace(r.cells[k] + " " + c)
			}
		}
		return r
	}
	header := -1 // the segments above the "=" rule
	for k, sg := range segs {
		if sg.eq {
			header = k + 1
			break
		}
	}
	body := segs
	if header > 0 {
		var hc [][]string
		for _, sg := range segs[:header] {
			hc = append(hc, sg.cells...)
		}
		rows = append(rows, join(segs[0].first, hc))
		body = segs[header:]
	}
	// (a "=" header rule is Pandoc's or reStructuredText's: rules part
	// every row of its body, however few)
	perLine := header < 0 && (len(body) == 1 || len(body) == 2 && len(body[0].cells) == 1)
	for _, sg := range body {
		if !perLine {
			rows = append(rows, join(sg.first, sg.cells))
			continue
		}
		// a row per line; a line whose first cell is empty goes on
		for j := 0; j < len(sg.cells); {
			k := j + 1
			for k < len(sg.cells) && sg.cells[k][0] == "" {
				k++
			}
			rows = append(rows, join(sg.first+j, sg.cells[j:k]))
			j = k
		}
	}
	if len(rows) < 2 {
		return at, nil
	}
	return lastRule + 1, rows
}

// gridTextTables finds the grid tables of a plain-text note (a database
// shell's "+----+----+" boxed output pasted into notes, a Pandoc grid
// table), keyed by the index in lines of their top rule: each a table
// block whose header is the table's first row (or the rows above its "="
// rule) and whose rows join their wrapped lines, each cell citing the
// line its row starts on. docLines are the note's lines as written (the
// walls' columns count from their first rune).
func gridTextTables(docLines []string, lines []srcLine) map[int]flatTable {
	var out map[int]flatTable
	var at map[int]int // srcLine index by note line, made at the first rule
	for i := 0; i < len(docLines); i++ {
		if !isGridRule(docLines[i]) {
			continue
		}
		if at == nil {
			at = make(map[int]int, len(lines))
			for k, l := range lines {
				at[l.num] = k
			}
		}
		first, ok := at[i+1]
		if !ok {
			continue
		}
		end, rows := gridTable(docLines, i)
		if end <= i || len(rows) < 2 {
			continue
		}
		last, ok := at[end]
		if !ok {
			continue
		}
		cells := func(r gridRow) []Cell {
			cs := make([]Cell, len(r.cells))
			for k, c := range r.cells {
				cs[k] = Cell{Text: c, Line: r.line}
			}
			return cs
		}
		t := &Table{Header: cells(rows[0])}
		for _, r := range rows[1:] {
			t.Rows = append(t.Rows, cells(r))
		}
		if out == nil {
			out = map[int]flatTable{}
		}
		out[first] = flatTable{block: Block{Kind: BlockTable, Line: i + 1, EndLine: end, Table: t}, first: first, last: last}
		i = end - 1
	}
	return out
}
