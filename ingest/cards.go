package ingest

import (
	"strconv"
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

// card is one flashcard: its front and the parts of its back; end is the
// number of its last line when a quoted field spans lines (a CSV record),
// else 0.
type card struct {
	front string
	back  []string
	end   int
}

// deck holds the flashcards of a text note by line number.
type deck map[int]card

// has reports whether the line numbered num is a card.
func (d deck) has(num int) bool {
	_, ok := d[num]
	return ok
}

// deckCards returns the flashcards of a text note by line number, nil when
// the note holds fewer than minDeckCards of them. A card has two fields,
// or more when the deck's file header names the extra ones: Anki writes
// "#tags column:3" (likewise "#deck column:", "#notetype column:", "#guid
// column:") above its cards, and such a column is the card's metadata, not
// its text.
func deckCards(lines []srcLine) deck {
	var out deck
	meta := deckMetaColumns(lines)
	for _, l := range lines {
		if l.kind != itemText && l.kind != itemCode || l.list {
			// a list item's tab follows its marker ("•<tab>Storage: 6
			// copies", a word processor's bullets): no card's front
			continue
		}
		var fields []string
		for k, f := range strings.Split(l.raw, "\t") {
			if !meta[k+1] {
				fields = append(fields, strings.TrimSpace(f))
			}
		}
		if len(fields) != 2 || strings.HasPrefix(fields[0], "#") || fields[0] == "" || fields[1] == "" {
			continue
		}
		f := htmlParts(fields[0])
		b := htmlParts(fields[1])
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

// htmlMarkup finds the markup a flashcard app writes in a field: line
// breaks, list items, emphasis, character references ("&rarr;").
var htmlMarkup = lazyRE(`(?i)<(br|b|i|u|em|strong|li|ul|ol|div|p|span|sup|sub)\b[^>]*>|&(#\d+|[a-z]+);`)

// csvDeck reads a .csv or .tsv note that a flashcard app exported (a
// header record such as "Front,Back,Tags", then one card a record, its
// fields in HTML: "DeletionPolicy options,<ul><li>Delete</li>...") as a
// deck keyed by each record's first line: the first field is the front,
// the second the back, split at its HTML line breaks; any further field is
// the card's metadata (tags, deck). It is a deck when at least
// minDeckCards records, and half of them, hold markup in their first two
// fields; else nil (a sheet of plain cells is a table).
func csvDeck(name, text string) deck {
	r := sheetReader(name, text)
	if r == nil {
		return nil
	}
	out := deck{}
	records, marked := 0, 0
	named := false // the header names a card's two sides ("Front,Back,Tags")
	for {
		rec, err := r.Read()
		if err != nil {
			break // io.EOF, or a record csv cannot read: the deck ends there
		}
		if len(rec) < 2 || strings.TrimSpace(rec[0]) == "" {
			continue
		}
		mark := htmlMarkup.MatchString(rec[0]) || htmlMarkup.MatchString(rec[1])
		first, _ := r.FieldPos(0)
		if records == 0 && !mark && countFields(rec[0]) == 1 && countFields(rec[1]) == 1 {
			out[first] = card{end: first} // the header, "Front,Back,Tags": no text
			named = named || cardSides[strings.ToLower(strings.TrimSpace(rec[0]))+","+strings.ToLower(strings.TrimSpace(rec[1]))]
			continue
		}
		records++
		if mark {
			marked++
		}
		last, _ := r.FieldPos(len(rec) - 1)
		last += strings.Count(rec[len(rec)-1], "\n")
		f, b := htmlParts(rec[0]), htmlParts(rec[1])
		if len(f) == 0 {
			continue
		}
		// a cloze card ("{{c1::Change sets}} let you preview ...") has
		// no back: its front is a sentence of the deck's
		out[first] = card{front: strings.Join(f, " "), back: b, end: last}
	}
	if !(named && records >= minDeckCards) && (marked < minDeckCards || 2*marked < records) {
		return nil
	}
	return out
}

// cardSides are the headers a flashcard app's export names a card's two
// fields by: a sheet headed so is a deck, HTML in its fields or not.
var cardSides = map[string]bool{"front,back": true, "question,answer": true}

// deckMetaColumns returns the 1-based columns an Anki file header
// ("#tags column:3") gives to a card's metadata; nil when it names none.
// Header lines open the file, before any card.
func deckMetaColumns(lines []srcLine) map[int]bool {
	var cols map[int]bool
	for _, l := range lines {
		t := strings.TrimSpace(l.raw)
		if t == "" {
			continue
		}
		if !strings.HasPrefix(t, "#") {
			break
		}
		key, val, ok := strings.Cut(t[1:], ":")
		if !ok || !strings.HasSuffix(key, " column") {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(val))
		if err != nil || n < 1 {
			continue
		}
		if cols == nil {
			cols = map[int]bool{}
		}
		cols[n] = true
	}
	return cols
}

// clozeDeletion is Anki's cloze markup: "{{c1::Change sets}}",
// "{{c2::root stack::hint}}"; the first group is the hidden text.
var clozeDeletion = lazyRE(`\{\{c\d+::(.*?)(?:::[^}]*)?\}\}`)

// htmlParts returns the text of an HTML field split at its line breaks
// (<br>, and the ends of <div>, <p>, <li>), tags dropped, character
// references decoded and cloze deletions shown ("{{c1::Change sets}}" is
// "Change sets"), each part trimmed; empty parts are left out.
func htmlParts(field string) []string {
	if strings.Contains(field, "{{c") {
		field = clozeDeletion.ReplaceAllString(field, "$1")
	}
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
	if c.front == "" {
		return // a deck's header record
	}
	if len(c.back) == 0 {
		// a cloze card: the sentence its deletions hide words of, under
		// the note's own headings
		p.section = append([]string{}, p.deckBase...)
		p.add(Block{Kind: BlockParagraph, Line: num, EndLine: max(num, c.end), Text: c.front})
		return
	}
	p.add(Block{Kind: BlockHeading, Line: num, EndLine: num, Level: len(p.deckBase) + 1, Text: c.front})
	p.section = append(append([]string{}, p.deckBase...), c.front)
	for _, b := range c.back {
		// "1) event pattern rule<br>2) schedule rule": numbered parts;
		// "<br>- you can't remove a stack policy": a dash marks a part
		b = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(b, "- "), "• "))
		ord := 0
		if n := numberMarker(b); n > 0 {
			ord = markerOrdinal(b[:n])
			b = strings.TrimSpace(b[n:])
		}
		p.add(Block{Kind: BlockBullet, Line: num, Ordinal: ord, Text: b})
	}
}
