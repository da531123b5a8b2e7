package ingest

import (
	"strings"

	"golang.org/x/net/html"
)

// Flashcard decks exported as text (Anki's "Notes in Plain Text"): one card
// a line, its front and its back separated by a tab, the fields often in
// HTML ("<b>5</b> targets per rule", "1) event pattern rule<br>2) schedule
// rule"). A card's front heads its back as a heading heads its lines: the
// front's entity is the back's subject, the front's other words relate the
// back's items ("SNS subscription protocols" → SQS, Lambda, ...), and the
// front's words are the context its lines are found by.

// minDeckCards is how many tab-separated two-field lines make a note a deck
// (fewer are a stray tab in prose).
const minDeckCards = 3

// card is one flashcard line: its front and the parts of its back.
type card struct {
	front string
	back  []string
}

// deck holds the flashcards of a text note by line number.
type deck map[int]card

// has reports whether the line numbered num is a card.
func (d deck) has(num int) bool {
	_, ok := d[num]
	return ok
}

// deckCards returns the flashcards of a text note by line number, nil when
// the note holds fewer than minDeckCards of them.
func deckCards(lines []srcLine) deck {
	var out deck
	for _, l := range lines {
		if l.kind != itemText && l.kind != itemCode {
			continue
		}
		front, back, ok := strings.Cut(l.raw, "\t")
		front, back = strings.TrimSpace(front), strings.Trim(back, " \t")
		if !ok || strings.HasPrefix(front, "#") || front == "" || back == "" || strings.Contains(back, "\t") {
			continue
		}
		f := htmlParts(front)
		b := htmlParts(back)
		if len(f) == 0 || len(b) == 0 {
			continue
		}
		if out == nil {
			out = deck{}
		}
		out[l.num] = card{front: strings.Join(f, " "), back: b}
	}
	if len(out) < minDeckCards {
		return nil
	}
	return out
}

// htmlParts returns the text of an HTML field split at its line breaks
// (<br>, and the ends of <div>, <p>, <li>), tags dropped and character
// references decoded, each part trimmed; empty parts are left out.
func htmlParts(field string) []string {
	var parts []string
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			parts = append(parts, t)
		}
		cur.Reset()
	}
	z := html.NewTokenizer(strings.NewReader(field))
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			return parts
		case html.TextToken:
			cur.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "br", "div", "p", "li", "tr":
				flush()
			}
		}
	}
}

// addCard adds a flashcard: its front as a heading one level under the
// note's own headings, each part of its back a list item under it.
func (p *parser) addCard(num int, c card) {
	if p.deckBase == nil {
		p.deckBase = append([]string{}, p.section...)
	}
	p.add(Block{Kind: BlockHeading, Line: num, EndLine: num, Level: len(p.deckBase) + 1, Text: c.front})
	p.section = append(append([]string{}, p.deckBase...), c.front)
	for _, b := range c.back {
		// "1) event pattern rule<br>2) schedule rule": numbered parts
		ord := 0
		if n := numberMarker(b); n > 0 {
			for _, d := range strings.TrimRight(b[:n], ".)") {
				if d >= '0' && d <= '9' {
					ord = ord*10 + int(d-'0')
				} else {
					ord = 0
				}
			}
			b = strings.TrimSpace(b[n:])
		}
		p.add(Block{Kind: BlockBullet, Line: num, Ordinal: ord, Text: b})
	}
}

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
