package ingest

import (
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
)

// OPML outlines, as outliners and mind-mapping apps export them (MindNode,
// OmniOutliner, Workflowy, Dynalist): nested <outline text="..."> elements,
// a _note attribute for a node's note. opmlToMarkdown writes the Markdown
// they say, each line citing the note line its element starts on.

// isOPML reports whether a note is an OPML outline: named *.opml, or an
// XML text with an <opml> element.
func isOPML(name, text string) bool {
	if strings.ToLower(path.Ext(name)) == ".opml" {
		return true
	}
	t := strings.TrimLeft(text, " \t\r\n\ufeff")
	return strings.HasPrefix(t, "<?xml") && strings.Contains(t[:min(len(t), 512)], "<opml")
}

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
	inTitle, opml := false, false
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
			emit(strings.Repeat("  ", max(0, k-maxOPMLHeadingDepth))+"- "+nd.text, nd.line)
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
		if n := nd.line; n >= 1 && n <= len(out.text) {
			q := nd.text
			if nd.note != "" {
				q += " — " + nd.note
			}
			out.text[n-1] = clipQuoted(q)
		}
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
			switch strings.ToLower(t.Name.Local) {
			case "opml":
				opml = true
			case "title":
				inTitle = len(stack) == 0
			case "outline":
				if k := len(stack); k > 0 {
					stack[k-1].children = true
					write(k - 1)
				}
				nd := &node{line: line}
				for _, a := range t.Attr {
					switch strings.ToLower(a.Name.Local) {
					case "text", "title":
						if nd.text == "" {
							nd.text = strings.Join(strings.Fields(a.Value), " ")
						}
					case "_note", "note":
						nd.note = strings.Join(strings.Fields(a.Value), " ")
					}
				}
				stack = append(stack, nd)
			}
		case xml.EndElement:
			switch strings.ToLower(t.Name.Local) {
			case "title":
				inTitle = false
			case "outline":
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
	if !opml {
		return noteMarkdown{}, errors.New("no <opml> element")
	}
	return out, nil
}
