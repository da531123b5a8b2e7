package ingest

import (
	"encoding/csv"
	"path"
	"strings"
)

// Spreadsheets pasted into a note as comma-separated values
// ("Service,Quota,Default / value,Adjustable,Exam notes" over
// `Lambda,Function timeout,"900 s (15 min), default 3 s",N,...`): a run of
// lines that read as CSV records of one width is a table whose first line
// is the header. What tells such a run from prose lists ("rolling: eb,
// opsworks, cfn") is how exports write it: no space after a separating
// comma, and a header of short labels.

// minCSVCols is the fewest columns a CSV table has: two-column runs are
// too easily prose.
const minCSVCols = 3

// minCSVRows is the fewest lines (the header included) a CSV table has.
const minCSVRows = 3

// maxCSVHeaderWords bounds the words of a header cell.
const maxCSVHeaderWords = 5

// csvRecord reads a line as one CSV record; ok is false when it is none: a
// list item or indented line, fewer than minCSVCols fields, or a field
// that opens with a space (prose writes ", ").
func csvRecord(l srcLine) (fields []string, ok bool) {
	if l.kind != itemText || l.list || l.indent > 0 || strings.Count(l.text, ",") < minCSVCols-1 {
		return nil, false
	}
	r := csv.NewReader(strings.NewReader(l.text))
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	rec, err := r.Read()
	if err != nil || len(rec) < minCSVCols {
		return nil, false
	}
	if _, err := r.Read(); err == nil {
		return nil, false // a quoted field spanning lines is no one-line record
	}
	for _, f := range rec {
		if strings.HasPrefix(f, " ") {
			return nil, false
		}
	}
	return rec, true
}

// csvHeader reports whether a record reads as a header: every cell a short
// label, none empty and none a number.
func csvHeader(rec []string) bool {
	for _, f := range rec {
		f = strings.TrimSpace(f)
		if f == "" || countFields(f) > maxCSVHeaderWords || endsSentence(f) || featuresOf(f).class == classNumber {
			return false
		}
	}
	return true
}

// csvTables finds the CSV tables of a text note, by the index of their
// header line.
func csvTables(lines []srcLine) map[int]flatTable {
	var out map[int]flatTable
	for i := 0; i < len(lines); {
		head, ok := csvRecord(lines[i])
		if !ok || !csvHeader(head) {
			i++
			continue
		}
		t := &Table{}
		for _, f := range head {
			t.Header = append(t.Header, Cell{Text: strings.TrimSpace(f), Line: lines[i].num})
		}
		j := i + 1
		for ; j < len(lines); j++ {
			rec, ok := csvRecord(lines[j])
			if !ok || len(rec) != len(head) {
				break
			}
			row := make([]Cell, len(rec))
			for k, f := range rec {
				row[k] = Cell{Text: strings.TrimSpace(f), Line: lines[j].num}
			}
			t.Rows = append(t.Rows, row)
		}
		if j-i < minCSVRows {
			i++
			continue
		}
		if out == nil {
			out = map[int]flatTable{}
		}
		out[i] = flatTable{block: Block{Kind: BlockTable, Line: lines[i].num, EndLine: lines[j-1].num, Table: t}, first: i, last: j - 1}
		i = j
	}
	return out
}

// csvFileTable reads a note named *.csv (or a *.tsv that is no flashcard
// deck) as the tables of CSV records it holds, the way a spreadsheet
// exports them: a table's first record is its header, and a quoted cell may
// span lines (a wrapped cell's lines are joined by a space; the cell cites
// its first line). A sheet may stack several tables: a record with no text
// ends one, and a record whose only text is its first cell ("ROUTE 53
// ROUTING POLICIES,,,,") is the title of the table under it. It returns the
// tables keyed by the index of their header line, and the titles by the
// index of their line; nil maps when the note is no such file or holds no
// table of minCSVRows records of its header's width (two columns or more).
func csvFileTable(name string, lines []srcLine, text string) (tables map[int]flatTable, titles map[int]string) {
	r := sheetReader(name, text)
	if r == nil {
		return nil, nil
	}
	r.Comment = '#'
	index := map[int]int{} // lines[i].num -> i
	for i, l := range lines {
		index[l.num] = i
	}
	t := &Table{}
	first, last := -1, -1
	flush := func() {
		if t.Header != nil && len(t.Rows)+1 >= minCSVRows && first >= 0 && last >= first {
			if tables == nil {
				tables = map[int]flatTable{}
			}
			tables[first] = flatTable{block: Block{Kind: BlockTable, Line: lines[first].num, EndLine: lines[last].num, Table: t}, first: first, last: last}
		}
		t, first, last = &Table{}, -1, -1
	}
	for {
		rec, err := r.Read()
		if err != nil {
			break // io.EOF, or a record csv cannot read: the table ends there
		}
		if len(rec) < 2 {
			break
		}
		switch filledCells(rec) {
		case 0:
			flush() // a blank record ends a table
			continue
		case 1:
			if strings.TrimSpace(rec[0]) != "" && (t.Header == nil || len(t.Rows) > 0) {
				// a title over the next table
				flush()
				ln, _ := r.FieldPos(0)
				if titles == nil {
					titles = map[int]string{}
				}
				titles[index[ln]] = strings.Join(strings.Fields(rec[0]), " ")
				continue
			}
		}
		if t.Header != nil && len(rec) != len(t.Header) {
			break
		}
		row := make([]Cell, len(rec))
		for k, f := range rec {
			ln, _ := r.FieldPos(k)
			row[k] = Cell{Text: strings.Join(strings.Fields(f), " "), Line: ln}
		}
		if t.Header == nil {
			t.Header = row
			first = index[row[0].Line]
		} else {
			t.Rows = append(t.Rows, row)
		}
		endLine, _ := r.FieldPos(len(rec) - 1)
		for ln := endLine; ; ln++ {
			if k, ok := index[ln]; ok && k > last {
				last = k
			}
			if ln >= endLine+strings.Count(rec[len(rec)-1], "\n") {
				break
			}
		}
	}
	flush()
	if tables == nil {
		return nil, nil
	}
	return tables, titles
}

// sheetReader returns a lenient CSV reader of a note named *.csv
// (comma-separated) or *.tsv (tab-separated): quotes taken as they come,
// records of any width; nil for a note of any other name.
func sheetReader(name, text string) *csv.Reader {
	sep := ','
	switch strings.ToLower(path.Ext(name)) {
	case ".csv":
	case ".tsv":
		sep = '\t'
	default:
		return nil
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = sep, true, -1
	return r
}

// filledCells counts the cells of a record that hold text.
func filledCells(rec []string) int {
	n := 0
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			n++
		}
	}
	return n
}
