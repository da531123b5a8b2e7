package ingest

import (
	"bytes"
	"encoding/json"
	"path"
	"slices"
	"strings"
)

// A note-taking app's JSON export (Google Keep, Joplin, Standard Notes, a
// script's dump): notes as objects with a title and a Markdown body whose
// lines are "\n" escapes inside one JSON string. jsonToMarkdown writes the
// Markdown they say, each line citing the note line its string sits on.

// isJSONNote reports whether a note is a JSON export: named *.json (or
// *.jsonl, *.ndjson: JSON Lines, one value per line; *.excalidraw,
// *.canvas: drawings), or it opens with "[" or "{" and is valid JSON
// throughout, or valid JSON on every line.
func isJSONNote(name, text string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".json", ".jsonl", ".ndjson", ".excalidraw", ".canvas":
		return true
	}
	t := strings.TrimLeft(text, " \t\r\n\ufeff")
	if !strings.HasPrefix(t, "[") && !strings.HasPrefix(t, "{") {
		return false
	}
	return json.Valid([]byte(t)) || jsonLines(t)
}

// jsonLines reports whether every non-blank line of text is a JSON object
// or array (JSON Lines), and there are at least two.
func jsonLines(text string) bool {
	n := 0
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if (l[0] != '{' && l[0] != '[') || !json.Valid([]byte(l)) {
			return false
		}
		n++
	}
	return n >= 2
}

// jsonTitleKeys name the field that titles a note; jsonMetaKeys fields that
// say nothing of a note's subject (ids, dates, tags, colours).
var (
	jsonTitleKeys = []string{"title", "name", "heading", "subject", "topic", "question", "front"}
	jsonMetaKeys  = []string{"id", "uuid", "guid", "created", "updated", "modified", "createdat", "updatedat",
		"created_at", "updated_at", "date", "timestamp", "tags", "labels", "color", "colour", "archived",
		"pinned", "trashed", "deleted", "type", "version", "parent_id", "parentid", "icon", "url", "source",
		"author", "order", "position", "is_todo", "todo_completed", "uid", "create-time", "edit-time",
		"create-email", "edit-email", "collapsed", "heading-level"}
	// jsonNodeKeys name the field that holds an outline node's text
	// (Roam Research's "string"), jsonChildKeys the array of the nodes
	// under it: each node is a bullet nested under its parent's
	jsonNodeKeys  = []string{"string"}
	jsonChildKeys = []string{"children"}
	// jsonBodyKeys name the fields that hold a note's text, read as
	// sentences under its title even when they are one line ("back" of a
	// flashcard whose "front" titles it)
	jsonBodyKeys = []string{"body", "content", "text", "back", "answer", "note", "notes", "description", "details", "explanation", "summary"}
)

// jsonConv is the state of one jsonToMarkdown run.
type jsonConv struct {
	dec  *json.Decoder
	src  []byte
	out  noteMarkdown
	line int // 1-based note line of offset pos
	pos  int
	// asked is set after a card whose title asks a question ("front":
	// "Which ...?"), written as a flashcard's "Q:" line: its next body
	// field is the "A:" line that answers it
	asked bool
	// depth is how many outline nodes (jsonNodeKeys) the value being read
	// sits under; node is set when the object being read wrote one
	depth int
	node  bool
}

// jsonToMarkdown rewrites a JSON note export as Markdown: an object's title
// field is a heading one level under its parent's, a string field holding
// several lines (its "\n" escapes) or a body field ("back", "answer",
// "content": jsonBodyKeys) is Markdown text under it with its own
// headings moved under the title, other strings are "- key: value" items,
// arrays of strings bullets; ids, dates and tags are dropped. A note of
// several top-level values (JSON Lines: one flashcard per line) is read
// value by value. Each line cites the line of the note its string sits
// on, and the note's lines are quoted with their strings unescaped. It
// fails on JSON it cannot decode.
func jsonToMarkdown(src string) (noteMarkdown, error) {
	if m, ok := drawingToMarkdown(src); ok {
		return m, nil
	}
	b := []byte(strings.TrimPrefix(src, "\ufeff"))
	c := &jsonConv{dec: json.NewDecoder(bytes.NewReader(b)), src: b, line: 1}
	c.dec.UseNumber()
	c.out.text = splitLines(src)
	for first := true; first || c.dec.More(); first = false {
		if err := c.value("", 0); err != nil {
			return noteMarkdown{}, eofCut(err) // a value cut short, or none
		}
	}
	return c.out, nil
}

// lineAt returns the 1-based line of byte offset off (offsets only grow).
func (c *jsonConv) lineAt(off int) int {
	if off > len(c.src) {
		off = len(c.src)
	}
	if off > c.pos {
		c.line += bytes.Count(c.src[c.pos:off], []byte{'\n'})
		c.pos = off
	}
	return c.line
}

// emit appends one Markdown line from note line n.
func (c *jsonConv) emit(s string, n int) { c.out.add(s, n) }

// quote sets the quoted text of note line n to a string field unescaped.
func (c *jsonConv) quote(n int, key, s string) {
	q := strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " / ")), " ")
	if key != "" {
		q = key + ": " + q
	}
	c.out.quote(n, q)
}

// token reads the next token and the note line it ends on (a JSON string
// holds no raw line break, so a string starts on that line too).
func (c *jsonConv) token() (json.Token, int, error) {
	t, err := c.dec.Token()
	if err != nil {
		return nil, 0, err
	}
	return t, c.lineAt(int(c.dec.InputOffset())), nil
}

// value reads one JSON value under key at heading level (0: top).
func (c *jsonConv) value(key string, level int) error {
	t, n, err := c.token()
	if err != nil {
		return err
	}
	return c.rest(t, n, key, level)
}

// text writes a string field: a note body when it holds several lines,
// else an item labelled with its key.
func (c *jsonConv) text(key, s string, n, level int) {
	c.quote(n, key, s)
	if !strings.Contains(s, "\n") && slices.Contains(jsonBodyKeys, strings.ToLower(key)) {
		if s = strings.TrimSpace(s); s != "" {
			if c.asked {
				s, c.asked = "A: "+s, false
			}
			c.emit("", n)
			c.emit(s, n)
			c.emit("", n)
		}
		return
	}
	if !strings.Contains(s, "\n") {
		if s = strings.TrimSpace(s); s != "" {
			if key == "" {
				c.emit("- "+s, n)
			} else {
				c.emit("- "+key+": "+s, n)
			}
		}
		return
	}
	c.emit("", n)
	fence := false
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimRight(l, " \t\r")
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			fence = !fence
		}
		if !fence && strings.HasPrefix(l, "#") && level > 0 {
			// the body's own headings sit under its note's title
			if h := strings.TrimLeft(l, "#"); strings.HasPrefix(h, " ") {
				l = strings.Repeat("#", min(6, len(l)-len(h)+level)) + h
			}
		}
		c.emit(l, n)
	}
	c.emit("", n)
}

// object reads the fields of an object whose "{" was read: its title
// first when it comes first, as a heading one level under level.
func (c *jsonConv) object(level int) error {
	sub := level
	c.asked = false // a question asked by an earlier card is answered or done
	outer := c.node
	c.node = false
	defer func() { c.node = outer }()
	for c.dec.More() {
		t, _, err := c.token()
		if err != nil {
			return err
		}
		key, _ := t.(string)
		k := strings.ToLower(key)
		switch {
		case slices.Contains(jsonMetaKeys, k):
			if err := c.skip(); err != nil {
				return err
			}
			continue
		case slices.Contains(jsonNodeKeys, k) && !c.node:
			// an outline node's text: a bullet at its depth
			t, n2, err := c.token()
			if err != nil {
				return err
			}
			if s, ok := t.(string); ok {
				if s = nodeText(s); s != "" {
					c.quote(n2, "", s)
					c.emit(strings.Repeat("  ", c.depth)+"- "+s, n2)
					c.node = true
				}
				continue
			}
			if err := c.rest(t, n2, key, sub); err != nil {
				return err
			}
			continue
		case slices.Contains(jsonChildKeys, k):
			// the nodes under this one, one level deeper when it wrote one
			if c.node {
				c.depth++
			}
			err := c.value("", sub)
			if c.node {
				c.depth--
			}
			if err != nil {
				return err
			}
			continue
		case slices.Contains(jsonTitleKeys, k) && sub == level:
			// peek: a title is a string
			t, n2, err := c.token()
			if err != nil {
				return err
			}
			if s, ok := t.(string); ok && strings.TrimSpace(s) != "" && !strings.Contains(s, "\n") {
				sub = min(level+1, 6)
				c.quote(n2, "", s)
				c.emit("", n2)
				if q := strings.TrimSpace(s); strings.HasSuffix(q, "?") {
					// a card that asks: a flashcard's question, answered
					// by its back
					c.emit("Q: "+q, n2)
					c.asked = true
				} else {
					c.emit(strings.Repeat("#", sub)+" "+q, n2)
				}
				c.emit("", n2)
				continue
			}
			if err := c.rest(t, n2, key, sub); err != nil {
				return err
			}
			continue
		}
		if err := c.value(key, sub); err != nil {
			return err
		}
	}
	_, _, err := c.token() // "}"
	return err
}

// rest finishes a value whose first token t was read from note line n.
func (c *jsonConv) rest(t json.Token, n int, key string, level int) error {
	switch v := t.(type) {
	case json.Delim:
		if v == '{' {
			return c.object(level)
		}
		return c.array(key, level)
	case string:
		c.text(key, v, n, level)
	case json.Number:
		if key != "" {
			c.emit("- "+key+": "+v.String(), n)
		}
	case bool:
		if key != "" && v {
			c.emit("- "+key, n)
		}
	}
	return nil
}

// array reads the elements of an array whose "[" was read: strings are
// the key's items, objects notes of their own.
func (c *jsonConv) array(key string, level int) error {
	if key != "" && c.dec.More() {
		c.emit("", c.line)
		c.emit(key+":", c.line)
	}
	for c.dec.More() {
		if err := c.value("", level); err != nil {
			return err
		}
	}
	_, _, err := c.token() // "]"
	return err
}

// skip reads past one value.
func (c *jsonConv) skip() error {
	depth := 0
	for {
		t, _, err := c.token()
		if err != nil {
			return err
		}
		if d, ok := t.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
		if depth == 0 {
			return nil
		}
	}
}

// nodeMarkup is the outline app markup of a node's text that says nothing
// of its own: page links' brackets ("[[cfn-signal]]") and the second colon
// of an attribute ("Service:: [[AWS CloudFormation]]").
var nodeMarkup = strings.NewReplacer("[[", "", "]]", "", ":: ", ": ")

// nodeText returns an outline node's text with its markup removed and its
// spaces collapsed.
func nodeText(s string) string {
	return strings.Join(strings.Fields(nodeMarkup.Replace(s)), " ")
}
