package ingest

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"path"
	"slices"
	"strings"
)

// A draw.io (diagrams.net) drawing is XML: an <mxfile> of <diagram> pages,
// each an <mxGraphModel> of <mxCell> elements. A cell with vertex="1" is a
// shape whose value is its label (often HTML: "Amazon SNS<br>topic
// alerts"); a cell with edge="1" is a connector whose source and target
// name the ids of the shapes it joins; a shape whose parent is a connector
// is that connector's label. <UserObject> and <object> wrap a cell to give
// it an id and a label of their own. A page saved compressed holds its
// model as base64 of deflated, URL-escaped XML. drawioToMarkdown reads the
// cells as drawing elements and writes them as drawnMarkdown does for JSON
// drawings.

// maxDiagramBytes bounds the XML a compressed page inflates to.
const maxDiagramBytes = 16 << 20

// isDrawio reports whether a note is a draw.io drawing: named *.drawio or
// *.dio, or XML whose start opens an <mxfile> or an <mxGraphModel>.
func isDrawio(name, text string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".drawio", ".dio":
		return true
	}
	t := strings.TrimLeft(text, " \t\r\n\ufeff")
	if !strings.HasPrefix(t, "<") {
		return false
	}
	head := t[:min(len(t), 1024)]
	return strings.Contains(head, "<mxfile") || strings.Contains(head, "<mxGraphModel")
}

// drawioToMarkdown rewrites a draw.io drawing as Markdown: each connector
// the chain line "- From -> To (label)", each joined shape's further label
// lines "- Name: detail, detail", each shape no connector touches a
// paragraph. Every line cites the note line its cell starts on (a
// compressed page's cells, the line of its <diagram>). It fails on XML it
// cannot decode, on a compressed page it cannot inflate, and on a drawing
// with no labelled cell.
func drawioToMarkdown(src string) (noteMarkdown, error) {
	var r drawioReader
	if err := r.read(strings.TrimPrefix(src, "\ufeff"), 0, 0); err != nil {
		return noteMarkdown{}, err
	}
	if !r.model {
		return noteMarkdown{}, errors.New("no <mxfile> or <mxGraphModel>")
	}
	r.attachLabels()
	if !slices.ContainsFunc(r.elems, func(el *drawElem) bool { return strings.TrimSpace(el.label) != "" }) {
		return noteMarkdown{}, errors.New("no labelled shape or connector")
	}
	m, _ := drawnMarkdown(src, r.elems, 0)
	return m, nil
}

// drawioReader collects the cells of a draw.io drawing, page by page.
type drawioReader struct {
	elems  []*drawElem
	edges  map[string]bool      // ids of the connectors
	parent map[*drawElem]string // each cell's parent id
	pages  int
	model  bool // an <mxfile> or <mxGraphModel> was read
}

// read decodes one XML text of cells. line, when not 0, is the note line
// every cell cites (a compressed page's); page numbers the ids of the
// cells of a compressed page, whose ids repeat those of other pages.
func (r *drawioReader) read(src string, line, page int) error {
	if r.edges == nil {
		r.edges, r.parent = map[string]bool{}, map[*drawElem]string{}
	}
	dec := xml.NewDecoder(strings.NewReader(src))
	dec.Strict = false
	var wrap *drawElem // the <UserObject> or <object> open around a cell
	diagramLine, diagramText := 0, ""
	prefix := func() string { return fmt.Sprintf("p%d/", page) }
	for {
		at, _ := dec.InputPos()
		if line != 0 {
			at = line
		}
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "mxfile", "mxGraphModel":
				r.model = true
			case "diagram":
				r.pages++
				page = r.pages
				diagramLine, diagramText = at, ""
			case "UserObject", "object":
				wrap = &drawElem{id: xmlAttr(t, "id"), label: cellLabel(rawAttr(t, "label")), line: at}
			case "mxCell":
				el := &drawElem{id: prefix() + xmlAttr(t, "id"), label: cellLabel(rawAttr(t, "value")), line: at, fields: len(t.Attr)}
				if wrap != nil {
					if wrap.id != "" {
						el.id = prefix() + wrap.id
					}
					if el.label == "" {
						el.label = wrap.label
					}
					el.line = wrap.line
				}
				if xmlAttr(t, "edge") == "1" {
					r.edges[el.id] = true
					if s, d := xmlAttr(t, "source"), xmlAttr(t, "target"); s != "" && d != "" {
						el.from, el.to = prefix()+s, prefix()+d
					}
				}
				if p := xmlAttr(t, "parent"); p != "" {
					r.parent[el] = prefix() + p
				}
				r.elems = append(r.elems, el)
			}
		case xml.CharData:
			if diagramLine != 0 {
				diagramText += string(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "UserObject", "object":
				wrap = nil
			case "diagram":
				if s := strings.TrimSpace(diagramText); s != "" && !strings.Contains(s, "<") {
					inner, err := inflateDiagram(s)
					if err != nil {
						return fmt.Errorf("page %d: %w", page, err)
					}
					if err := r.read(inner, diagramLine, page); err != nil {
						return fmt.Errorf("page %d: %w", page, err)
					}
				}
				diagramLine = 0
			}
		}
	}
}

// attachLabels makes the text of a shape whose parent is a connector part
// of that connector's label, and marks the shape as bound to it.
func (r *drawioReader) attachLabels() {
	byID := make(map[string]*drawElem, len(r.elems))
	for _, el := range r.elems {
		byID[el.id] = el
	}
	for _, el := range r.elems {
		p := r.parent[el]
		if !r.edges[p] || r.edges[el.id] || byID[p] == nil {
			continue
		}
		el.bound = p
		if e := byID[p]; el.label != "" {
			e.label = strings.TrimSpace(e.label + "\n" + el.label)
		}
		el.label = ""
	}
}

// inflateDiagram decodes a compressed page: base64 of raw deflate of the
// URL-escaped XML of its model.
func inflateDiagram(s string) (string, error) {
	raw, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		return "", fmt.Errorf("compressed page: %w", err)
	}
	b, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(raw)), maxDiagramBytes+1))
	if err != nil {
		return "", fmt.Errorf("compressed page: %w", err)
	}
	if len(b) > maxDiagramBytes {
		return "", fmt.Errorf("compressed page inflates to over %d bytes", maxDiagramBytes)
	}
	out, err := url.PathUnescape(string(b))
	if err != nil {
		return "", fmt.Errorf("compressed page: %w", err)
	}
	return out, nil
}

// cellBreakRe matches the HTML of a cell's label that breaks a line.
var cellBreakRe = lazyRE(`(?i)<\s*(?:br|/?div|/?p|/li|li)\b[^>]*>`)

// cellTagRe matches any other tag.
var cellTagRe = lazyRE(`<[^>]*>`)

// cellLabel returns a cell's label as lines of plain text: its HTML line
// breaks as newlines, its other tags dropped, its entities decoded.
func cellLabel(v string) string {
	if strings.Contains(v, "<") {
		v = cellTagRe.ReplaceAllString(cellBreakRe.ReplaceAllString(v, "\n"), "")
	}
	return strings.ReplaceAll(html.UnescapeString(v), "\u00a0", " ")
}

// rawAttr returns the value of an element's attribute (its name in any
// case) as written, line breaks kept; "" when it has none. xmlAttr
// collapses its spaces.
func rawAttr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if strings.EqualFold(a.Name.Local, name) {
			return a.Value
		}
	}
	return ""
}
