package ingest

import (
	"encoding/xml"
	"errors"
	"io"
	"path"
	"slices"
	"strings"
)

// Outlines kept as XML: OPML, as outliners export it (MindNode,
// OmniOutliner, Workflowy, Dynalist: nested <outline text="..."> elements, a
// _note attribute for a node's note), and mind maps as FreeMind and
// Freeplane save them (.mm: nested <node TEXT="..."> elements, an
// <attribute NAME="..." VALUE="..."/> a node's key and value).
// opmlToMarkdown writes the Markdown they say, each line citing the note
// line its element starts on.

// isOPML reports whether a note is an XML outline: named *.opml or *.mm, or
// an XML text with an <opml> element or a <map> of <node TEXT="..."> ones.
func isOPML(name, text string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".opml", ".mm":
		return true
	}
	t := strings.TrimLeft(text, " \t\r\n\ufeff")
	head := t[:min(len(t), 512)]
	if !strings.HasPrefix(t, "<") {
		return false
	}
	return strings.HasPrefix(t, "<?xml") && strings.Contains(head, "<opml") ||
		strings.Contains(head, "<map") && strings.Contains(strings.ToLower(head), "<node ")
}

// outlineNodes are the elements of an XML outline that are its nodes (OPML,
// FreeMind and Freeplane), textAttrs the attributes that hold a node's text
// and noteAttrs its note's.
var (
	outlineNodes = []string{"outline", "node"}
	textAttrs    = []string{"text", "title"}
	noteAttrs    = []string{"_note", "note"}
)

// maxOPMLHeadingDepth is the deepest outline written as a heading (when it
// has children): the outline's top levels are its sections, deeper nodes
// the bullets of their lists.
const maxOPMLHeadingDepth = 2

// opmlToMarkdown rewrites an OPML outline as Markdown: the head's title a
// heading, an outline node with children at the top two levels a heading
// one level under its parent's, every other node a bullet nested as the
// outline nests it, its _note a bullet under it. Each line cites the line
// its element starts on, and the note's lines are quoted with their
// markup removed (the element's text). It fails on XML it cannot decode
// and on a text with no <opml> element.
func opmlToMarkdown(src string) (noteMarkdown, error) {
	out := noteMarkdown{text: splitLines(src)}
	dec := xml.NewDecoder(strings.NewReader(strings.TrimPrefix(src, "\ufeff")))
	dec.Strict = false
	emit := out.add
	type node struct {
		text, note string
		line       int
		children   bool
		written    bool
	}
	var stack []*node
	inTitle, outline := false, false
	// write puts an open node out when its first child (or its end) shows
	// whether it heads others
	write := func(k int) {
		nd := stack[k]
		if nd.written {
			return
		}
		nd.written = true
		if nd.text == "" {
			return
		}
		if k < maxOPMLHeadingDepth && nd.children {
			emit("", nd.line)
			emit(strings.Repeat("#", k+2)+" "+nd.text, nd.line)
			emit("", nd.line)
		} else {
			emit(strings.Repeat("  ", max(0, k-maxOPMLHeadingDepth))+mapItem(nd.text), nd.line)
		}
		if nd.note != "" {
			indent := strings.Repeat("  ", max(0, k-maxOPMLHeadingDepth+1))
			if k < maxOPMLHeadingDepth && nd.children {
				emit(nd.note, nd.line)
				emit("", nd.line)
			} else {
				emit(indent+"- "+nd.note, nd.line)
			}
		}
		q := nd.text
		if nd.note != "" {
			q += " — " + nd.note
		}
		out.quote(nd.line, q)
	}
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return noteMarkdown{}, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch el := strings.ToLower(t.Name.Local); {
			case el == "opml":
				outline = true
			case el == "title":
				inTitle = len(stack) == 0
			case slices.Contains(outlineNodes, el):
				outline = true
				if k := len(stack); k > 0 {
					stack[k-1].children = true
					write(k - 1)
				}
				nd := &node{line: line}
				for _, a := range t.Attr {
					switch v := strings.Join(strings.Fields(a.Value), " "); {
					case slices.Contains(textAttrs, strings.ToLower(a.Name.Local)):
						if nd.text == "" {
							nd.text = v
						}
					case slices.Contains(noteAttrs, strings.ToLower(a.Name.Local)):
						nd.note = v
					}
				}
				stack = append(stack, nd)
			case el == "attribute" && len(stack) > 0:
				// a mind map node's key and value: an item under the node
				name, value := xmlAttr(t, "name"), xmlAttr(t, "value")
				if name != "" && value != "" {
					k := len(stack)
					stack[k-1].children = true
					write(k - 1)
					stack = append(stack, &node{line: line, text: name + ": " + value})
					write(k)
					stack = stack[:k]
				}
			}
		case xml.EndElement:
			switch el := strings.ToLower(t.Name.Local); {
			case el == "title":
				inTitle = false
			case slices.Contains(outlineNodes, el):
				if k := len(stack); k > 0 {
					write(k - 1)
					stack = stack[:k-1]
				}
			}
		case xml.CharData:
			if inTitle {
				if s := strings.Join(strings.Fields(string(t)), " "); s != "" {
					emit("# "+s, line)
					emit("", line)
				}
			}
		}
	}
	if !outline {
		return noteMarkdown{}, errors.New("no <opml> element and no outline <node> elements")
	}
	return out, nil
}

// xmlAttr returns the value of an element's attribute, named without regard
// to case, with its white space runs made single spaces; "" when it has none.
func xmlAttr(t xml.StartElement, name string) string {
	return strings.Join(strings.Fields(rawAttr(t, name)), " ")
}

// mapItem writes an outline node's text as a Markdown list item: "- "
// and the text, or a numbered item when the node opens with its step's
// number ("1 define patch baseline", "2) tag instances", "3. register"),
// as mind maps number the steps of a procedure.
func mapItem(text string) string {
	j := 0
	for j < len(text) && j < 3 && text[j] >= '0' && text[j] <= '9' {
		j++
	}
	if j == 0 || j == len(text) {
		return "- " + text
	}
	rest := text[j:]
	if rest[0] == '.' || rest[0] == ')' {
		rest = rest[1:]
	}
	if !strings.HasPrefix(rest, " ") || strings.TrimSpace(rest) == "" {
		return "- " + text // "2024 review", "10x": a number the text opens with, not a step's
	}
	return text[:j] + ". " + strings.TrimSpace(rest)
}
