package ingest

import "strings"

// Tables exported to plain text with their columns apart by runs of
// spaces ("missing  Missing datapoints are not considered ..." under "Key
// Description"): a run of lines, each a short first cell, two or more
// spaces, and the rest, is a two-column table; a two-word line right above
// the run is its header.

// minGapRows is how many such lines make a table.
const minGapRows = 3

// maxGapKeyWords bounds the words of a gap table's first cell.
const maxGapKeyWords = 4

// gapCells splits a line at its first run of two or more spaces into a
// short first cell and the rest; ok is false for any other line.
func gapCells(l srcLine) (key, rest string, ok bool) {
	if l.kind != itemText || l.list || l.indent > 0 {
		return "", "", false
	}
	k := strings.Index(l.text, "  ")
	if k <= 0 {
		return "", "", false
	}
	key, rest = strings.TrimSpace(l.text[:k]), strings.TrimSpace(l.text[k:])
	if rest == "" || countFields(key) > maxGapKeyWords || strings.ContainsAny(key[len(key)-1:], ".,;:") {
		return "", "", false
	}
	return key, rest, true
}

// gapTables finds the gap tables of a text note: by the index of their
// first line (the header's when they have one).
func gapTables(lines []srcLine) map[int]flatTable {
	var out map[int]flatTable
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) {
			if _, _, ok := gapCells(lines[j]); !ok {
				break
			}
			j++
		}
		if j-i < minGapRows {
			i = max(j, i+1)
			continue
		}
		first := i
		header := []Cell{{}, {}}
		if i > 0 && lines[i-1].kind == itemText && !lines[i-1].list {
			if f := strings.Fields(lines[i-1].text); len(f) == 2 {
				// "Key Description": the columns' names
				first = i - 1
				header = []Cell{{Text: f[0], Line: lines[i-1].num}, {Text: f[1], Line: lines[i-1].num}}
			}
		}
		t := &Table{Header: header}
		for k := i; k < j; k++ {
			key, rest, _ := gapCells(lines[k])
			t.Rows = append(t.Rows, []Cell{{Text: key, Line: lines[k].num}, {Text: rest, Line: lines[k].num}})
		}
		if out == nil {
			out = map[int]flatTable{}
		}
		out[first] = flatTable{block: Block{Kind: BlockTable, Line: lines[first].num, EndLine: lines[j-1].num, Table: t}, first: first, last: j - 1}
		i = j
	}
	return out
}
