package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
)

// A drawing saved as JSON (Excalidraw, Obsidian's JSON Canvas, React Flow
// or Cytoscape graphs, vis.js networks): shapes with ids that hold text,
// and connectors that name the ids of the two shapes they join. What the
// drawing says is in its labels and its arrows, not in the fields that
// place and colour them, so drawingToMarkdown writes each arrow as the
// chain line "- From -> To (label)", each connected shape's further lines
// as "- Name: detail, detail", and each free text (a shape no arrow
// touches) as a paragraph.

// drawingEnds are the pairs of fields a connector names its two shapes by;
// a field whose value is an object names the shape by its elementEndKey
// (Excalidraw's "startBinding": {"elementId": ...}).
var drawingEnds = [][2]string{{"startBinding", "endBinding"}, {"fromNode", "toNode"}, {"source", "target"}, {"from", "to"}}

const elementEndKey = "elementId"

// drawingLabelKeys name the fields a shape or connector is labelled by, in
// order of preference; drawingBoundKey names the field by which a text
// element sits inside another (Excalidraw's text in a box or on an arrow).
var (
	drawingLabelKeys = []string{"text", "label", "name", "title"}
	drawingBoundKey  = "containerId"
)

// minDrawingArrows is how many connectors make a JSON note a drawing.
const minDrawingArrows = 2

// drawElem is one element of a drawing with an id.
type drawElem struct {
	id       string
	label    string // its own label, else the text bound to it
	from, to string // a connector's two shapes' ids; "" for a shape
	bound    string // the element this text sits inside, "" if none
	line     int    // note line its object opens on
	fields   int    // how many fields its object has
	touched  bool   // a shape an arrow starts or ends at
}

// drawingToMarkdown rewrites a JSON drawing as Markdown (see above), each
// line citing the note line its element's object opens on. ok is false for
// JSON that is no drawing: fewer than minDrawingArrows connectors join two
// of its elements. JSON that names no pair of drawingEnds fields is not
// read at all. drawioToMarkdown reads draw.io's XML the same way.
func drawingToMarkdown(src string) (noteMarkdown, bool) {
	if !slices.ContainsFunc(drawingEnds, func(p [2]string) bool {
		return strings.Contains(src, `"`+p[0]+`"`) && strings.Contains(src, `"`+p[1]+`"`)
	}) {
		return noteMarkdown{}, false
	}
	doc, err := readOrdered(src)
	if err != nil {
		return noteMarkdown{}, false
	}
	var elems []*drawElem
	collectElems(doc, &elems)
	return drawnMarkdown(src, elems, minDrawingArrows)
}

// drawnMarkdown writes a drawing's elements, in the order the drawing lists
// them, as Markdown (see above); ok is false when fewer than minArrows
// connectors join two of them. Of two elements with one id the one with
// more fields is kept.
func drawnMarkdown(src string, elems []*drawElem, minArrows int) (noteMarkdown, bool) {
	byID := make(map[string]*drawElem, len(elems))
	for _, el := range elems {
		// a reference to an element ({"type": "arrow", "id": ...} in a
		// shape's list of what is bound to it) says less than the element
		if old := byID[el.id]; old == nil || el.fields > old.fields {
			byID[el.id] = el
		}
	}
	elems = slices.DeleteFunc(elems, func(el *drawElem) bool { return byID[el.id] != el })
	arrows := 0
	for _, el := range elems {
		if el.from != "" && byID[el.from] != nil && byID[el.to] != nil {
			arrows++
		} else {
			el.from, el.to = "", ""
		}
	}
	if arrows < minArrows {
		return noteMarkdown{}, false
	}
	for _, el := range elems {
		if c := byID[el.bound]; c != nil && c.label == "" {
			c.label = el.label
		}
		if el.from != "" {
			byID[el.from].touched = true
			byID[el.to].touched = true
		}
	}
	var m noteMarkdown
	m.text = splitLines(src)
	name := func(el *drawElem) (string, []string) {
		lines := labelLines(el.label)
		if len(lines) == 0 {
			return "", nil
		}
		return cardTitle(lines[0]), lines[1:]
	}
	// free texts, then the shapes' further lines, then the arrows: every
	// element once, in the order the drawing lists them
	for _, el := range elems {
		if el.from != "" || el.touched || byID[el.bound] != nil {
			continue // an arrow, a joined shape, or the text inside one
		}
		lines := labelLines(el.label)
		if len(lines) == 0 {
			continue
		}
		m.quote(el.line, strings.Join(lines, " "))
		m.add("", el.line)
		for _, l := range lines {
			m.add(l, el.line)
		}
		m.add("", el.line)
	}
	m.add("", max(1, m.lastLine()))
	for _, el := range elems {
		if !el.touched {
			continue
		}
		if markdownCard(el.label) {
			continue // after the arrows, as a section of its own
		}
		if n, more := name(el); n != "" && len(more) > 0 {
			s := "- " + n + ": " + strings.Join(more, ", ")
			m.quote(el.line, s[2:])
			m.add(s, el.line)
		}
	}
	m.add("", max(1, m.lastLine()))
	for _, el := range elems {
		if el.from == "" {
			continue
		}
		from, _ := name(byID[el.from])
		to, _ := name(byID[el.to])
		if from == "" || to == "" {
			continue
		}
		s := from + " -> " + to
		if l := strings.Join(labelLines(el.label), " "); l != "" {
			s += " (" + l + ")"
		}
		m.quote(el.line, s)
		m.add("- "+s, el.line)
	}
	// a joined card that holds Markdown (JSON Canvas: "## CodeDeploy" over
	// its bullets) is a section under its title, its lines as written: one
	// line of it would run its bullets into one list and credit them to
	// whatever the line before named. Each card is a top-level section, so
	// none nests under another (a drawing lists its cards in no order).
	for _, el := range elems {
		if !el.touched || !markdownCard(el.label) {
			continue
		}
		n, more := name(el)
		m.quote(el.line, n+": "+strings.Join(more, ", "))
		m.add("", el.line)
		m.add("# "+n, el.line)
		raw := strings.Split(el.label, "\n")
		first := slices.IndexFunc(raw, func(l string) bool { return strings.TrimSpace(l) != "" })
		for _, l := range raw[first+1:] {
			m.add(strings.TrimRight(l, " \t\r"), el.line)
		}
		m.add("", el.line)
	}
	return m, true
}

// markdownCard reports whether a shape's label is Markdown of more than one
// line (JSON Canvas cards, Obsidian): its first line a heading or a later
// line a list item.
func markdownCard(label string) bool {
	lines := labelLines(label)
	if len(lines) < 2 {
		return false
	}
	if strings.HasPrefix(lines[0], "#") {
		return true
	}
	return slices.ContainsFunc(lines[1:], func(l string) bool {
		n := numberMarker(l)
		return listMark(l) > 0 || n > 0 && n < len(l) && l[n] == ' '
	})
}

// cardTitle is a label's first line without Markdown's heading marks and
// emphasis ("## **CodeDeploy**" names CodeDeploy).
func cardTitle(line string) string {
	line = strings.TrimLeft(line, "#")
	return strings.TrimSpace(strings.NewReplacer("**", "", "__", "", "`", "").Replace(line))
}

// jsonNode is a JSON value read in document order: an object's fields in
// the order written, with the note line it opens on.
type jsonNode struct {
	keys  []string
	vals  []any // *jsonNode, []any, string, json.Number, bool or nil
	line  int
	isObj bool
}

// get returns an object's field named k, nil when it has none.
func (n *jsonNode) get(k string) any {
	if i := slices.Index(n.keys, k); i >= 0 {
		return n.vals[i]
	}
	return nil
}

// maxDrawingDepth bounds how deep readOrdered reads nested values, so a
// hostile note cannot grow its stack without end.
const maxDrawingDepth = 1000

// readOrdered reads one JSON value as jsonNodes ([]any for arrays).
func readOrdered(src string) (any, error) {
	b := []byte(strings.TrimPrefix(src, "\ufeff"))
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	line, pos := 1, 0
	lineAt := func(off int) int {
		off = min(off, len(b))
		if off > pos {
			line += bytes.Count(b[pos:off], []byte{'\n'})
			pos = off
		}
		return line
	}
	var value func(depth int) (any, error)
	value = func(depth int) (any, error) {
		if depth > maxDrawingDepth {
			return nil, errors.New("nested too deep")
		}
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		d, ok := t.(json.Delim)
		if !ok {
			return t, nil
		}
		if d == '[' {
			var arr []any
			for dec.More() {
				v, err := value(depth + 1)
				if err != nil {
					return nil, err
				}
				arr = append(arr, v)
			}
			_, err := dec.Token()
			return arr, err
		}
		n := &jsonNode{isObj: true, line: lineAt(int(dec.InputOffset()))}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := value(depth + 1)
			if err != nil {
				return nil, err
			}
			key, _ := k.(string)
			n.keys, n.vals = append(n.keys, key), append(n.vals, v)
		}
		_, err = dec.Token()
		return n, err
	}
	return value(0)
}

// collectElems appends every object of v (at any depth) that has a string
// "id", in document order.
func collectElems(v any, out *[]*drawElem) {
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			collectElems(x, out)
		}
	case *jsonNode:
		if id, ok := v.get("id").(string); ok && id != "" {
			*out = append(*out, elemOf(id, v))
		}
		for _, x := range v.vals {
			collectElems(x, out)
		}
	}
}

// elemOf reads one element's label, ends and container.
func elemOf(id string, v *jsonNode) *drawElem {
	el := &drawElem{id: id, line: v.line, fields: len(v.keys)}
	for _, k := range drawingLabelKeys {
		if s, ok := v.get(k).(string); ok && strings.TrimSpace(s) != "" {
			el.label = s
			break
		}
	}
	if el.label == "" {
		// React Flow: {"data": {"label": ...}}
		if d, ok := v.get("data").(*jsonNode); ok {
			if s, ok := d.get("label").(string); ok {
				el.label = s
			}
		}
	}
	for _, pair := range drawingEnds {
		from, to := endOf(v.get(pair[0])), endOf(v.get(pair[1]))
		if from != "" && to != "" {
			el.from, el.to = from, to
			break
		}
	}
	if s, ok := v.get(drawingBoundKey).(string); ok {
		el.bound = s
	}
	return el
}

// endOf returns the id a connector's end field names: the field itself
// when it is a string, its elementEndKey when it is an object.
func endOf(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case *jsonNode:
		s, _ := v.get(elementEndKey).(string)
		return s
	}
	return ""
}

// labelLines splits a label into its lines, trimmed, blank ones dropped.
func labelLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return out
}
