package ingest

import (
	"cmp"
	"path"
	"slices"
	"strings"
)

// Mermaid notes (a diagram's source, *.mmd or *.mermaid) say what they say
// in their nodes' labels and their arrows, not in the syntax that shapes and
// lays them out. mermaidToMarkdown writes what a diagram says as the
// Markdown outline a person would have written:
//
//   - a flowchart ("flowchart TD", "graph LR"): each subgraph's title is a
//     heading; each node no arrow enters heads its own item, the nodes its
//     arrows lead to are items under it (an arrow's label before them:
//     "self-managed: create the administration role"), a run of three or
//     more nodes joined one to the next is one chain line ("Backup and
//     Restore -> Pilot Light -> Warm Standby"), and a node's label split
//     by line breaks is its name and details ("Pilot Light: RPO/RTO = tens
//     of minutes, core data live");
//   - a mind map: its root a heading, every other node an item nested by
//     its indentation;
//   - a sequence diagram: each message a chain line "From -> To: message";
//   - a timeline: its title and sections headings, each period an item
//     with its events.
//
// "%%" comments are the note's own asides, kept as paragraphs. Every line
// cites the note line its node, arrow or comment is written on.

// mermaidKinds are the first words of the diagrams mermaidToMarkdown reads,
// and of the others a Mermaid file may hold (read for their labels and
// comments only).
var mermaidKinds = []string{"flowchart", "graph", "mindmap", "sequenceDiagram", "timeline",
	"stateDiagram", "stateDiagram-v2", "classDiagram", "erDiagram", "journey", "gitGraph", "pie", "quadrantChart", "requirementDiagram", "C4Context", "block-beta"}

// isMermaid reports whether a note is a Mermaid diagram: named *.mmd or
// *.mermaid, or a text note whose first line that is no comment or front
// matter is a diagram's kind ("mindmap"), or a flowchart's and its
// direction ("flowchart TD").
func isMermaid(name, text string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".mmd", ".mermaid":
		return true
	}
	if !sniffedByContent(name) {
		return false
	}
	lines := strings.Split(text, "\n")
	i, kind := mermaidStart(lines)
	if kind == "" {
		return false
	}
	// a plain note may open with the word ("graph databases ..."): its
	// kind line is the kind alone, or a flowchart's and its direction
	_, dir, _ := strings.Cut(strings.TrimSpace(lines[i]), " ")
	switch dir = strings.TrimSpace(dir); {
	case dir == "":
		return true
	case kind == "flowchart" || kind == "graph":
		return slices.Contains([]string{"TD", "TB", "BT", "RL", "LR"}, dir)
	}
	return false
}

// mermaidStart returns the index of a diagram's kind line and its kind,
// after comments, directives, blank lines and "---" front matter; "" when
// the first other line names no kind.
func mermaidStart(lines []string) (int, string) {
	front := false
	for i, l := range lines {
		t := strings.TrimSpace(strings.TrimPrefix(l, "\ufeff"))
		switch {
		case t == "---":
			front = !front
			continue
		case front || t == "" || strings.HasPrefix(t, "%%"):
			continue
		}
		w, _, _ := strings.Cut(t, " ")
		for _, k := range mermaidKinds {
			if w == k {
				return i, k
			}
		}
		return -1, ""
	}
	return -1, ""
}

// mmNode is a flowchart node.
type mmNode struct {
	id, label string
	line      int // the note line its label is written on (else first named on)
	scope     int // the subgraph it is first named in (0: none)
}

// mmEdge is a flowchart arrow.
type mmEdge struct {
	from, to string
	label    string
	dotted   bool // "-.->": an aside, not a step
	line     int
}

// mmScope is a subgraph.
type mmScope struct {
	id, title string
	depth     int
	line      int
}

var (
	// a node: its id, then its shape and label ("A[label]", "B((label))",
	// "C{label}", "D>label]")
	mmNodeRE = lazyRE(`^([A-Za-z0-9_][\w.\-]*)(?:(\[\[|\[\(|\[/|\[\\|\(\(\(|\(\[|\(\(|\[|\(|\{\{|\{|>)(.*?)(\]\]|\)\]|/\]|\\\]|\)\)\)|\]\)|\)\)|\]|\)|\}\}|\}))?(:::\w+)?`)
	// an arrow, with an inline label ("-- yes -->") or a piped one ("-->|yes|")
	mmArrowRE = lazyRE(`^\s*(?:(--|==|-\.)\s+([^-=.|>][^>]*?)\s+([-=.]{2,}>|[-=.]{3,})|(<?[-=.]{2,}[>ox]?|<?[-=.]+\.?[-=]*>|~~~))\s*(?:\|([^|]*)\|)?\s*`)
)

// mermaidToMarkdown reads a Mermaid note (see above). ok is false when the
// note names no diagram kind.
func mermaidToMarkdown(lines []string) (noteMarkdown, bool) {
	start, kind := mermaidStart(lines)
	if start < 0 {
		return noteMarkdown{}, false
	}
	var out noteMarkdown
	out.text = make([]string, len(lines))
	for i, l := range lines {
		out.text[i] = strings.TrimSpace(l)
	}
	// front matter's title, and the comments above the diagram
	for i := 0; i < start; i++ {
		t := strings.TrimSpace(lines[i])
		if strings.HasPrefix(t, "title:") {
			out.add("# "+strings.TrimSpace(strings.TrimPrefix(t, "title:")), i+1)
			out.add("", i+1)
		} else {
			mermaidAside(&out, t, i+1)
		}
	}
	switch kind {
	case "flowchart", "graph":
		mermaidFlowchart(&out, lines, start)
	case "mindmap":
		mermaidMindmap(&out, lines, start)
	case "sequenceDiagram":
		mermaidSequence(&out, lines, start)
	case "timeline":
		mermaidTimeline(&out, lines, start)
	default:
		mermaidComments(&out, lines, start)
	}
	return out, true
}

// mermaidLabel cleans a label: quotes, Markdown-string backticks and HTML
// entities dropped; line breaks ("<br/>", "\n") as newlines.
func mermaidLabel(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, "\"`")
	for _, br := range []string{"<br/>", "<br />", "<br>", `\n`} {
		s = strings.ReplaceAll(s, br, "\n")
	}
	s = strings.NewReplacer("#quot;", "\"", "#35;", "#", "&amp;", "&", "&lt;", "<", "&gt;", ">").Replace(s)
	return strings.TrimSpace(s)
}

// nameAndDetails splits a label into its first line, without a leading
// ordinal ("1. Backup and Restore"), and its further lines.
func nameAndDetails(label string) (string, []string) {
	parts := strings.Split(label, "\n")
	name := strings.TrimSpace(parts[0])
	if k := strings.Index(name, ". "); k > 0 && k <= 3 && strings.Trim(name[:k], "0123456789") == "" {
		name = strings.TrimSpace(name[k+2:])
	}
	var details []string
	for _, p := range parts[1:] {
		if p = strings.TrimSpace(p); p != "" {
			details = append(details, p)
		}
	}
	return name, details
}

// itemOf writes a label as an item's text: "Name: detail, detail".
func itemOf(label string) string {
	name, details := nameAndDetails(label)
	if len(details) == 0 {
		return name
	}
	return name + ": " + strings.Join(details, ", ")
}

// mermaidComment returns a "%%" comment's text ("" for a directive or a
// rule of "=" signs).
func mermaidComment(t string) (string, bool) {
	if !strings.HasPrefix(t, "%%") {
		return "", false
	}
	if strings.HasPrefix(t, "%%{") {
		return "", true
	}
	c := strings.TrimSpace(strings.Trim(strings.TrimSpace(t[2:]), "=-# "))
	return c, true
}

// mermaidAside writes a "%%" comment line t, note line n, as a paragraph
// of its own and reports whether t is a comment (or a directive, written
// as nothing).
func mermaidAside(out *noteMarkdown, t string, n int) bool {
	c, ok := mermaidComment(t)
	if ok && c != "" {
		out.add("", n)
		out.add(c, n)
		out.add("", n)
	}
	return ok
}

// mermaidComments writes a diagram's comments only.
func mermaidComments(out *noteMarkdown, lines []string, start int) {
	for i := start + 1; i < len(lines); i++ {
		mermaidAside(out, strings.TrimSpace(lines[i]), i+1)
	}
}

// mermaidFlowchart writes a flowchart (see mermaidToMarkdown).
func mermaidFlowchart(out *noteMarkdown, lines []string, start int) {
	nodes := map[string]*mmNode{}
	var order []string
	var edges []mmEdge
	scopes := []mmScope{{}}
	var stack []int
	type aside struct {
		text  string
		line  int
		scope int
	}
	var asides []aside
	cur := func() int {
		if len(stack) == 0 {
			return 0
		}
		return stack[len(stack)-1]
	}
	node := func(id, label string, line int) {
		n, ok := nodes[id]
		if !ok {
			n = &mmNode{id: id, line: line, scope: cur()}
			nodes[id] = n
			order = append(order, id)
		}
		if label != "" && n.label == "" {
			n.label, n.line = label, line
		}
	}
	for i := start + 1; i < len(lines); i++ {
		line := i + 1
		t := strings.TrimSpace(lines[i])
		if c, ok := mermaidComment(t); ok {
			if c != "" {
				asides = append(asides, aside{c, line, cur()})
			}
			continue
		}
		w, rest, _ := strings.Cut(t, " ")
		switch w {
		case "", "classDef", "class", "style", "linkStyle", "click", "direction":
			continue
		case "subgraph":
			id, title := strings.TrimSpace(rest), ""
			if m := mmNodeRE.FindStringSubmatch(id); m != nil && m[3] != "" {
				id, title = m[1], mermaidLabel(m[3])
			} else if strings.ContainsAny(id, " \"") {
				title = mermaidLabel(id)
			}
			if title == "" {
				title = id
			}
			scopes = append(scopes, mmScope{id: id, title: strings.ReplaceAll(title, "\n", " "), depth: len(stack) + 1, line: line})
			stack = append(stack, len(scopes)-1)
			continue
		case "end":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			continue
		}
		for _, stmt := range strings.Split(t, ";") {
			var prev []string
			pending := mmEdge{}
			s := strings.TrimSpace(stmt)
			for s != "" {
				var ids []string
				for {
					m := mmNodeRE.FindStringSubmatch(s)
					if m == nil {
						s = ""
						break
					}
					node(m[1], mermaidLabel(m[3]), line)
					ids = append(ids, m[1])
					s = strings.TrimSpace(s[len(m[0]):])
					if !strings.HasPrefix(s, "&") {
						break
					}
					s = strings.TrimSpace(s[1:])
				}
				for _, f := range prev {
					for _, to := range ids {
						e := pending
						e.from, e.to, e.line = f, to, line
						edges = append(edges, e)
					}
				}
				a := mmArrowRE.FindStringSubmatch(s)
				if a == nil || s == "" {
					break
				}
				arrow := a[1] + a[3] + a[4]
				pending = mmEdge{label: mermaidLabel(a[2] + a[5]), dotted: strings.Contains(arrow, ".")}
				prev = ids
				s = strings.TrimSpace(s[len(a[0]):])
			}
		}
	}
	// a subgraph named in an arrow ("ROOT --> DR") holds its nodes: the
	// heading says so, the arrow adds nothing
	isScope := map[string]bool{}
	for _, sc := range scopes[1:] {
		isScope[sc.id] = true
	}
	in, outs := map[string]int{}, map[string][]mmEdge{}
	for _, e := range edges {
		if isScope[e.from] || isScope[e.to] || e.from == e.to {
			continue
		}
		outs[e.from] = append(outs[e.from], e)
		if !e.dotted {
			in[e.to]++
		}
	}
	labelOf := func(id string) string {
		if l := nodes[id].label; l != "" {
			return l
		}
		return id
	}
	nameOf := func(id string) string {
		n, _ := nameAndDetails(labelOf(id))
		return n
	}
	done := map[string]bool{}
	solidOuts := func(id string) []mmEdge {
		var so []mmEdge
		for _, e := range outs[id] {
			if !e.dotted {
				so = append(so, e)
			}
		}
		return so
	}
	var write func(id, prefix string, depth, line, scope int)
	write = func(id, prefix string, depth, line, scope int) {
		indent := strings.Repeat("  ", depth)
		if done[id] || nodes[id].scope != scope {
			// written already, or under its own subgraph's heading
			out.add(indent+"- "+prefix+nameOf(id), line)
			return
		}
		done[id] = true
		// a run of nodes joined one to the next by plain arrows is a
		// chain
		run := []string{id}
		for at := id; ; {
			os := solidOuts(at)
			if len(os) != 1 || os[0].label != "" || in[os[0].to] != 1 || done[os[0].to] || nodes[os[0].to].scope != scope {
				break
			}
			at = os[0].to
			run = append(run, at)
			done[at] = true
		}
		if len(run) >= 3 {
			names := make([]string, len(run))
			for k, r := range run {
				names[k] = nameOf(r)
			}
			out.add(indent+"- "+prefix+strings.Join(names, " -> "), line)
			for _, r := range run {
				if _, d := nameAndDetails(labelOf(r)); len(d) > 0 {
					out.add(indent+"- "+itemOf(labelOf(r)), nodes[r].line)
				}
				for _, e := range outs[r] {
					if !slices.Contains(run, e.to) {
						write(e.to, edgePrefix(e), depth+1, e.line, scope)
					}
				}
			}
			return
		}
		for _, r := range run[1:] {
			done[r] = false // not a chain: written as items below
		}
		out.add(indent+"- "+prefix+itemOf(labelOf(id)), line)
		for _, e := range outs[id] {
			write(e.to, edgePrefix(e), depth+1, e.line, scope)
		}
	}
	for k, sc := range scopes {
		if k > 0 {
			out.add("", sc.line)
			out.add(strings.Repeat("#", min(sc.depth+1, 6))+" "+sc.title, sc.line)
			out.add("", sc.line)
		}
		type entry struct {
			line  int
			aside string
			id    string
		}
		var es []entry
		for _, a := range asides {
			if a.scope == k {
				es = append(es, entry{line: a.line, aside: a.text})
			}
		}
		for _, id := range order {
			if n := nodes[id]; n.scope == k && in[id] == 0 && !isScope[id] {
				es = append(es, entry{line: n.line, id: id})
			}
		}
		slices.SortStableFunc(es, func(a, b entry) int { return cmp.Compare(a.line, b.line) })
		for _, en := range es {
			if en.aside != "" {
				out.add("", en.line)
				out.add(en.aside, en.line)
				out.add("", en.line)
				continue
			}
			write(en.id, "", 0, nodes[en.id].line, k)
		}
		// nodes every arrow into which comes from a cycle or another
		// scope's node: written where they are declared
		for _, id := range order {
			if n := nodes[id]; n.scope == k && !done[id] && !isScope[id] {
				write(id, "", 0, n.line, k)
			}
		}
	}
}

// edgePrefix is what an arrow's label says before the node it leads to.
func edgePrefix(e mmEdge) string {
	if e.label == "" {
		return ""
	}
	return strings.ReplaceAll(e.label, "\n", " ") + ": "
}

// mermaidMindmap writes a mind map: its root as a heading, every other node
// an item nested by its indentation.
func mermaidMindmap(out *noteMarkdown, lines []string, start int) {
	var indents []int
	for i := start + 1; i < len(lines); i++ {
		raw := strings.TrimRight(lines[i], " \t\r")
		t := strings.TrimSpace(raw)
		if mermaidAside(out, t, i+1) {
			continue
		}
		if t == "" || strings.HasPrefix(t, "::icon") || strings.HasPrefix(t, ":::") {
			continue
		}
		ind := len(raw) - len(strings.TrimLeft(raw, " \t"))
		label := t
		if m := mmNodeRE.FindStringSubmatch(t); m != nil && m[3] != "" && len(m[0]) >= len(t)-len(m[5]) {
			label = m[3]
		} else if strings.HasPrefix(t, "((") || strings.HasPrefix(t, "(") || strings.HasPrefix(t, "[") || strings.HasPrefix(t, "{{") || strings.HasPrefix(t, "))") || strings.HasPrefix(t, ")") {
			label = strings.Trim(t, "()[]{}")
		}
		if k := strings.Index(label, ":::"); k > 0 {
			label = label[:k]
		}
		label = mermaidLabel(label)
		for len(indents) > 0 && indents[len(indents)-1] >= ind {
			indents = indents[:len(indents)-1]
		}
		if len(indents) == 0 {
			out.add("", i+1)
			out.add("# "+strings.ReplaceAll(label, "\n", " "), i+1)
			out.add("", i+1)
			indents = append(indents, ind)
			continue
		}
		out.add(strings.Repeat("  ", len(indents)-1)+"- "+itemOf(label), i+1)
		indents = append(indents, ind)
	}
}

// mermaidSequence writes a sequence diagram: each message a chain line
// "From -> To: message", each note a paragraph.
func mermaidSequence(out *noteMarkdown, lines []string, start int) {
	alias := map[string]string{}
	arrows := []string{"-->>", "->>", "-->", "->", "--x", "-x", "--)", "-)"}
	for i := start + 1; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if mermaidAside(out, t, i+1) {
			continue
		}
		w, rest, _ := strings.Cut(t, " ")
		switch w {
		case "participant", "actor":
			id, name, ok := strings.Cut(rest, " as ")
			if ok {
				alias[strings.TrimSpace(id)] = strings.TrimSpace(name)
			}
			continue
		case "Note", "note":
			if _, text, ok := strings.Cut(rest, ":"); ok {
				out.add(strings.TrimSpace(text), i+1)
				out.add("", i+1)
			}
			continue
		case "loop", "alt", "else", "opt", "par", "and", "critical", "break", "rect":
			if rest != "" {
				out.add("", i+1)
				out.add(strings.TrimSpace(rest)+":", i+1)
			}
			continue
		case "end", "autonumber", "activate", "deactivate", "title":
			continue
		}
		head, msg, _ := strings.Cut(t, ":")
		for _, a := range arrows {
			if from, to, ok := strings.Cut(head, a); ok {
				name := func(s string) string {
					s = strings.Trim(strings.TrimSpace(s), "+-")
					if n, ok := alias[s]; ok {
						return n
					}
					return s
				}
				l := "- " + name(from) + " -> " + name(to)
				if m := strings.TrimSpace(msg); m != "" {
					l += ": " + mermaidLabel(m)
				}
				out.add(l, i+1)
				break
			}
		}
	}
}

// mermaidTimeline writes a timeline: its title and sections as headings,
// each period an item with its events.
func mermaidTimeline(out *noteMarkdown, lines []string, start int) {
	for i := start + 1; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if mermaidAside(out, t, i+1) {
			continue
		}
		w, rest, _ := strings.Cut(t, " ")
		switch {
		case t == "":
		case w == "title":
			out.add("# "+rest, i+1)
			out.add("", i+1)
		case w == "section":
			out.add("", i+1)
			out.add("## "+rest, i+1)
			out.add("", i+1)
		case strings.HasPrefix(t, ":"):
			out.add("  - "+strings.TrimSpace(t[1:]), i+1)
		default:
			parts := strings.Split(t, " : ")
			out.add("- "+strings.TrimSpace(parts[0]), i+1)
			for _, ev := range parts[1:] {
				out.add("  - "+strings.TrimSpace(ev), i+1)
			}
		}
	}
}
