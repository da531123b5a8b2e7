package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
	"github.com/awskg/awskg/queries"
)

// replCommand is one colon command.
type replCommand struct {
	name    string
	aliases []string
	args    string
	help    string
	run     func(s *session, ctx context.Context, args string) error
}

// replCommands lists the colon commands in the order :help shows them.
var replCommands []replCommand

func init() {
	replCommands = []replCommand{
		{name: ":why", args: "N", help: "every source of answer N of the last result, with the note line's text", run: (*session).cmdWhy},
		{name: ":show", args: "X", help: "everything the graph holds about X, grouped by predicate", run: (*session).cmdShow},
		{name: ":neighbors", aliases: []string{":neighbours"}, args: "X [DEPTH]", help: fmt.Sprintf("the nodes within DEPTH relations of X (default 1, at most %d)", queries.MaxNeighborDepth), run: (*session).cmdNeighbors},
		{name: ":path", args: "X Y", help: `how to get from X to Y ("quote" names, or write X to Y)`, run: (*session).cmdPath},
		{name: ":compare", args: "X Y", help: "the relations X and Y have, side by side", run: (*session).cmdCompare},
		{name: ":render", args: "[dot|svg|png] [FILE]", help: "the last result's subgraph; DOT on stdout by default, FILE's extension sets the format", run: (*session).cmdRender},
		{name: ":gizmo", args: "[QUERY]", help: "run QUERY, or switch to Cayley's Gizmo (JavaScript) for the following lines", run: (*session).cmdGizmo},
		{name: ":graphql", args: "[QUERY]", help: "run QUERY, or switch to Cayley's GraphQL for the following lines", run: (*session).cmdGraphQL},
		{name: ":ask", help: "back to questions after :gizmo or :graphql", run: (*session).cmdAsk},
		{name: ":notes", args: "PATH...", help: "read more notes (files or folders) and rebuild the graph", run: (*session).cmdNotes},
		{name: ":format", args: "table|json", help: "how answers are printed", run: (*session).cmdFormat},
		{name: ":history", args: "[N]", help: "the last N lines entered (all by default)", run: (*session).cmdHistory},
		{name: ":help", aliases: []string{":h", ":?"}, help: "this list", run: (*session).cmdHelp},
		{name: ":quit", aliases: []string{":q", ":exit"}, help: "leave (or Ctrl-D)", run: func(*session, context.Context, string) error { return errQuit }},
	}
}

// commandNames returns every command name and alias, sorted.
func commandNames() []string {
	var out []string
	for _, c := range replCommands {
		out = append(out, c.name)
		out = append(out, c.aliases...)
	}
	sort.Strings(out)
	return out
}

func lookupCommand(name string) (replCommand, bool) {
	name = strings.ToLower(name)
	for _, c := range replCommands {
		if c.name == name {
			return c, true
		}
		for _, a := range c.aliases {
			if a == name {
				return c, true
			}
		}
	}
	return replCommand{}, false
}

// command runs a colon command line.
func (s *session) command(ctx context.Context, line string) error {
	name, args, _ := strings.Cut(line, " ")
	args = strings.TrimSpace(args)
	c, ok := lookupCommand(name)
	if !ok {
		msg := fmt.Sprintf("unknown command %s", name)
		if near := nearest(name, commandNames(), 2); len(near) > 0 {
			msg += "; did you mean " + strings.Join(near, ", ") + "?"
		}
		return graph.Errorf(graph.EINVALID, "%s (:help lists the commands)", msg)
	}
	return c.run(s, ctx, args)
}

func (s *session) cmdHelp(ctx context.Context, args string) error {
	var b strings.Builder
	b.WriteString("Ask a question in plain words, e.g. \"which services support cross-account\".\n")
	width := 0
	for _, c := range replCommands {
		width = max(width, len(c.name)+1+len(c.args))
	}
	for _, c := range replCommands {
		usage := strings.TrimSpace(c.name + " " + c.args)
		fmt.Fprintf(&b, "  %-*s  %s\n", width, usage, c.help)
	}
	b.WriteString("Tab completes commands, names and predicates; Ctrl-R searches the history;\n")
	b.WriteString("Ctrl-C cancels a running query or clears the line; Ctrl-D quits.\n")
	fmt.Fprint(s.io.Out, b.String())
	return nil
}

// lastResult returns the last result, or an error saying there is none.
func (s *session) lastResult() (*queries.Result, error) {
	if s.last == nil {
		return nil, graph.Errorf(graph.EINVALID, "no answer yet: ask a question first")
	}
	return s.last, nil
}

func (s *session) cmdWhy(ctx context.Context, args string) error {
	last, err := s.lastResult()
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(strings.TrimSpace(args))
	if err != nil || n < 1 || n > len(last.Answers) {
		return graph.Errorf(graph.EINVALID, ":why takes an answer number from 1 to %d", len(last.Answers))
	}
	a := last.Answers[n-1]
	out := s.io
	head := fmt.Sprintf("%d. %s", n, out.Bold(a.Name))
	if a.Kind != "" {
		head += out.Dim(" (" + a.Kind + ")")
	}
	if a.Detail != "" {
		head += " — " + a.Detail
	}
	if out.IsStdoutTTY() {
		fmt.Fprintln(out.Out, head)
	}
	if len(a.Sources) == 0 {
		fmt.Fprintln(out.Out, out.Dim("  no source: this answer is a node of the question, not a fact of the notes"))
		return nil
	}
	if s.corpus == nil && out.IsStdoutTTY() {
		fmt.Fprintln(out.Out, out.Dim("  (the note text is unavailable: "+oneLine(s.corpusErr.Error())+")"))
	}
	for _, src := range a.Sources {
		text, ok := s.lineText(src)
		if !out.IsStdoutTTY() {
			fmt.Fprintf(out.Out, "%s\t%s\n", src, text)
			continue
		}
		fmt.Fprintf(out.Out, "  %s\n", out.Cyan(src))
		switch {
		case ok:
			fmt.Fprintf(out.Out, "      %s\n", text)
		case s.corpus != nil:
			fmt.Fprintln(out.Out, out.Dim("      (the text of this line is unavailable: its note was not read in this session)"))
		}
	}
	return nil
}

// lineText returns the text of a cited note line "file:line".
func (s *session) lineText(src string) (string, bool) {
	if s.corpus == nil {
		return "", false
	}
	i := strings.LastIndex(src, ":")
	if i < 0 {
		return "", false
	}
	n, err := strconv.Atoi(src[i+1:])
	if err != nil {
		return "", false
	}
	doc, ok := s.corpus.Docs[src[:i]]
	if !ok {
		return "", false
	}
	t := doc.LineText(n)
	return t, t != ""
}

// resolve links a name typed in a command to a node: a node ID, a name or
// alias, else "did you mean" suggestions.
func (s *session) resolve(name string) (graph.Node, error) {
	name = strings.TrimSpace(unquote(name))
	if name == "" {
		return graph.Node{}, graph.Errorf(graph.EINVALID, "name a node")
	}
	if n, ok := s.eng.Node(name); ok {
		return n, nil
	}
	return s.eng.Resolve(name)
}

func unquote(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}

func (s *session) cmdShow(ctx context.Context, args string) error {
	if args == "" {
		return graph.Errorf(graph.EINVALID, "usage: :show X")
	}
	n, err := s.resolve(args)
	if err != nil {
		return err
	}
	var d *queries.Description
	start := s.now()
	err = s.run(ctx, s.opts.Timeout, func(ctx context.Context) error {
		var err error
		d, err = s.eng.Show(ctx, n.ID)
		return err
	})
	if err != nil {
		return fmt.Errorf("show %s: %w", n.Name, err)
	}
	res := showResult(d)
	s.last = res
	if s.json {
		return printResult(s.io, res, true, 0)
	}
	s.printShow(d, s.now().Sub(start))
	return nil
}

// showResult turns a description into a result: one answer per relation,
// numbered as :show prints them, so :why and :render work on it.
func showResult(d *queries.Description) *queries.Result {
	res := &queries.Result{Question: "show " + d.Node.Name, Intent: "show", Focus: []string{d.Node.ID}, Understood: []string{d.Node.Name}}
	sg := graph.Subgraph{Title: d.Node.Name, Nodes: []graph.Node{d.Node}}
	seen := map[string]bool{d.Node.ID: true}
	for _, g := range d.Groups {
		for _, r := range g.Relations {
			res.Answers = append(res.Answers, queries.Answer{
				Name: r.Other.Name, Kind: string(r.Other.Kind), ID: r.Other.ID,
				Detail: relationLabel(g) + detailOf(r.Edge), Sources: nonNil(r.Edge.Sources),
			})
			if !seen[r.Other.ID] {
				seen[r.Other.ID] = true
				sg.Nodes = append(sg.Nodes, r.Other)
			}
			sg.Edges = append(sg.Edges, r.Edge)
		}
	}
	res.Subgraph = sg
	return res
}

func relationLabel(g queries.RelationGroup) string {
	if g.Incoming {
		return "← " + g.Predicate
	}
	return g.Predicate
}

func detailOf(e graph.Edge) string {
	if len(e.Details) == 0 {
		return ""
	}
	d := e.Details
	if len(d) > 2 {
		d = d[:2]
	}
	return ": " + strings.Join(d, " | ")
}

// nonNil copies s, never nil.
func nonNil(s []string) []string {
	return append([]string{}, s...)
}

func (s *session) cmdNeighbors(ctx context.Context, args string) error {
	fields := strings.Fields(args)
	if len(fields) == 0 {
		return graph.Errorf(graph.EINVALID, "usage: :neighbors X [DEPTH]")
	}
	depth := 1
	if len(fields) > 1 {
		if d, err := strconv.Atoi(fields[len(fields)-1]); err == nil {
			if d < 1 || d > queries.MaxNeighborDepth {
				return graph.Errorf(graph.EINVALID, "depth must be from 1 to %d, got %d", queries.MaxNeighborDepth, d)
			}
			depth = d
			fields = fields[:len(fields)-1]
		}
	}
	n, err := s.resolve(strings.Join(fields, " "))
	if err != nil {
		return err
	}
	var sg graph.Subgraph
	start := s.now()
	err = s.run(ctx, s.opts.Timeout, func(ctx context.Context) error {
		var err error
		sg, err = s.eng.Neighbors(ctx, n.ID, depth)
		return err
	})
	if err != nil {
		return fmt.Errorf("neighbors of %s: %w", n.Name, err)
	}
	res := neighborResult(n, sg, depth)
	if len(res.Answers) == 0 {
		return graph.Errorf(graph.ENOTFOUND, "the graph relates %s to nothing", n.Name)
	}
	return s.result(res, s.now().Sub(start))
}

// neighborResult lists the neighbours of n, nearest first, each with the
// relations that reach it from the ring before.
func neighborResult(n graph.Node, sg graph.Subgraph, depth int) *queries.Result {
	names := map[string]string{}
	for _, x := range sg.Nodes {
		names[x.ID] = x.Name
	}
	dist := map[string]int{n.ID: 0}
	frontier := []string{n.ID}
	for d := 1; len(frontier) > 0; d++ {
		var next []string
		for _, id := range frontier {
			for _, e := range sg.Edges {
				for _, o := range []string{e.Object, e.Subject} {
					if (e.Subject == id || e.Object == id) && o != id {
						if _, ok := dist[o]; !ok {
							dist[o] = d
							next = append(next, o)
						}
					}
				}
			}
		}
		frontier = next
	}
	res := &queries.Result{Question: fmt.Sprintf("neighbors of %s (depth %d)", n.Name, depth), Intent: "neighbors",
		Focus: []string{n.ID}, Understood: []string{n.Name}, Subgraph: sg}
	for _, x := range sg.Nodes {
		if x.ID == n.ID {
			continue
		}
		var via []string
		var srcs []string
		for _, e := range sg.Edges {
			var other string
			switch x.ID {
			case e.Object:
				other = e.Subject
			case e.Subject:
				other = e.Object
			default:
				continue
			}
			if d, ok := dist[other]; !ok || d != dist[x.ID]-1 {
				continue
			}
			via = append(via, fmt.Sprintf("%s %s %s", names[e.Subject], e.Predicate, names[e.Object]))
			srcs = append(srcs, e.Sources...)
		}
		sort.Strings(via)
		srcs = dedupSorted(srcs)
		if len(via) > 2 {
			via = append(via[:2], fmt.Sprintf("+%d", len(via)-2))
		}
		res.Answers = append(res.Answers, queries.Answer{Name: x.Name, Kind: string(x.Kind), ID: x.ID,
			Detail: fmt.Sprintf("depth %d: %s", dist[x.ID], strings.Join(via, "; ")), Sources: srcs})
	}
	return res
}

func dedupSorted(s []string) []string {
	sort.Strings(s)
	out := []string{}
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// twoNodes reads the two node names of :path and :compare: quoted, joined by
// "to", "and", "vs" or a comma, or else the split of the words where both
// halves name a node.
func (s *session) twoNodes(args, usage string) (graph.Node, graph.Node, error) {
	var none graph.Node
	if toks, quoted := splitQuoted(args); quoted && len(toks) == 2 {
		return s.resolvePair(toks[0], toks[1])
	}
	lower := strings.ToLower(args)
	for _, sep := range []string{" to ", " and ", " vs. ", " vs ", " -> ", " → ", ","} {
		if i := strings.Index(lower, sep); i > 0 && strings.TrimSpace(args[i+len(sep):]) != "" {
			return s.resolvePair(args[:i], args[i+len(sep):])
		}
	}
	words := strings.Fields(args)
	if len(words) < 2 {
		return none, none, graph.Errorf(graph.EINVALID, "usage: %s", usage)
	}
	// exact names first, then any that resolve; the first split wins
	for _, exact := range []bool{true, false} {
		for i := 1; i < len(words); i++ {
			a, b := strings.Join(words[:i], " "), strings.Join(words[i:], " ")
			if exact {
				if !s.exact(a) || !s.exact(b) {
					continue
				}
			}
			if x, y, err := s.resolvePair(a, b); err == nil {
				return x, y, nil
			}
		}
	}
	// report the failure of the split that resolves the most
	bestErr := error(nil)
	for i := 1; i < len(words); i++ {
		_, errA := s.resolve(strings.Join(words[:i], " "))
		_, errB := s.resolve(strings.Join(words[i:], " "))
		switch {
		case errA == nil && errB != nil:
			return none, none, errB
		case errB == nil && errA != nil:
			return none, none, errA
		case bestErr == nil:
			bestErr = errA
		}
	}
	return none, none, bestErr
}

// exact reports whether a name is a node's name, alias or ID.
func (s *session) exact(name string) bool {
	if _, ok := s.eng.Node(name); ok {
		return true
	}
	n, err := s.eng.Resolve(name)
	if err != nil {
		return false
	}
	if strings.EqualFold(n.Name, name) {
		return true
	}
	for _, a := range n.Aliases {
		if strings.EqualFold(a, name) {
			return true
		}
	}
	return false
}

func (s *session) resolvePair(a, b string) (graph.Node, graph.Node, error) {
	x, err := s.resolve(a)
	if err != nil {
		return graph.Node{}, graph.Node{}, err
	}
	y, err := s.resolve(b)
	if err != nil {
		return graph.Node{}, graph.Node{}, err
	}
	return x, y, nil
}

// splitQuoted splits on spaces outside double or single quotes; quoted
// reports whether any quote was used.
func splitQuoted(s string) (toks []string, quoted bool) {
	var cur strings.Builder
	var q rune
	in := false
	for _, r := range s {
		switch {
		case q != 0 && r == q:
			q = 0
		case q == 0 && (r == '"' || r == '\''):
			q, quoted, in = r, true, true
		case q == 0 && (r == ' ' || r == '\t'):
			if in {
				toks = append(toks, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if in {
		toks = append(toks, cur.String())
	}
	return toks, quoted
}

func (s *session) cmdPath(ctx context.Context, args string) error {
	return s.twoNodeCommand(ctx, args, ":path X Y", "path from %s to %s", s.eng.Path)
}

func (s *session) cmdCompare(ctx context.Context, args string) error {
	return s.twoNodeCommand(ctx, args, ":compare X Y", "compare %s and %s", s.eng.Compare)
}

// twoNodeCommand resolves the two names of a command and prints what the
// engine answers about them, under the session's timeout.
func (s *session) twoNodeCommand(ctx context.Context, args, usage, what string, answer func(context.Context, string, string) (*queries.Result, error)) error {
	x, y, err := s.twoNodes(args, usage)
	if err != nil {
		return err
	}
	var res *queries.Result
	start := s.now()
	err = s.run(ctx, s.opts.Timeout, func(ctx context.Context) error {
		var err error
		res, err = answer(ctx, x.ID, y.ID)
		return err
	})
	if err != nil {
		return fmt.Errorf(what+": %w", x.Name, y.Name, err)
	}
	return s.result(res, s.now().Sub(start))
}

func (s *session) cmdRender(ctx context.Context, args string) error {
	last, err := s.lastResult()
	if err != nil {
		return err
	}
	var format graph.RenderFormat
	file := ""
	for _, tok := range strings.Fields(args) {
		switch f := graph.RenderFormat(strings.ToLower(tok)); f {
		case graph.FormatDOT, graph.FormatSVG, graph.FormatPNG, "gv":
			if format != "" {
				return graph.Errorf(graph.EINVALID, "usage: :render [dot|svg|png] [FILE]")
			}
			format = f
			if f == "gv" {
				format = graph.FormatDOT
			}
		default:
			if file != "" {
				return graph.Errorf(graph.EINVALID, "usage: :render [dot|svg|png] [FILE]")
			}
			file = tok
		}
	}
	if file != "" {
		ff, err := graph.FormatFromPath(file)
		if err != nil {
			return err
		}
		if format != "" && format != ff {
			return graph.Errorf(graph.EINVALID, "%s is not a %s file: give it a .%s extension, or drop the format", file, format, format)
		}
		format = ff
	}
	if format == "" {
		format = graph.FormatDOT
	}
	if file == "" && format == graph.FormatPNG && s.io.IsStdoutTTY() {
		return graph.Errorf(graph.EINVALID, "a PNG is no use on a terminal: give a FILE, e.g. :render answer.png")
	}
	sg := s.eng.Subgraph(ctx, last)
	if len(sg.Nodes) == 0 {
		return graph.Errorf(graph.EINVALID, "the last result has no subgraph to render")
	}
	if sg.Title == "" {
		sg.Title = last.Question
	}
	opt := graph.DefaultRenderOptions()
	opt.Format = format
	var buf bytes.Buffer
	err = s.run(ctx, s.opts.Timeout, func(ctx context.Context) error {
		return s.renderer.Render(ctx, sg, opt, &buf)
	})
	if err != nil {
		return fmt.Errorf("render %s: %w", format, err)
	}
	if file == "" {
		_, err := s.io.DataOut().Write(buf.Bytes())
		return err
	}
	// whole or not at all, 0644, as render -o
	if err := writeFileAtomic(file, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	}); err != nil {
		return err
	}
	fmt.Fprintf(s.io.Out, "wrote %s (%s, %d nodes, %d edges)\n", file, format, len(sg.Nodes), len(sg.Edges))
	return nil
}

func (s *session) cmdGizmo(ctx context.Context, args string) error {
	return s.switchRaw(ctx, modeGizmo, args)
}

func (s *session) cmdGraphQL(ctx context.Context, args string) error {
	return s.switchRaw(ctx, modeGraphQL, args)
}

// switchRaw runs a one-line raw query, or switches to raw mode.
func (s *session) switchRaw(ctx context.Context, mode, args string) error {
	if args == "" {
		s.mode = mode
		example := `g.V("<service:aws-cloudtrail>").Out("<supports>").All()`
		if mode == modeGraphQL {
			example = `{ nodes(id: <service:aws-cloudtrail>) { supports { name } } }`
		}
		s.note(fmt.Sprintf("%s mode: each line is a %s query on the graph (open brackets continue it), e.g. %s; :ask goes back", mode, rawLanguageName(mode), example))
		return nil
	}
	if openBrackets(args, mode) > 0 {
		s.mode = mode
		s.pending = []string{args}
		return nil
	}
	return s.raw(ctx, mode, args)
}

func (s *session) cmdAsk(ctx context.Context, args string) error {
	s.mode = modeAsk
	s.pending = nil
	if args != "" {
		return s.ask(ctx, args)
	}
	return nil
}

func (s *session) cmdFormat(ctx context.Context, args string) error {
	switch strings.ToLower(args) {
	case "":
		f := "table"
		if s.json {
			f = "json"
		}
		fmt.Fprintf(s.io.Out, "format: %s\n", f)
	case "table", "text":
		s.json = false
	case "json":
		s.json = true
	default:
		return graph.Errorf(graph.EINVALID, "unknown format %q: use table or json", args)
	}
	return nil
}

func (s *session) cmdHistory(ctx context.Context, args string) error {
	if s.history == nil {
		return graph.Errorf(graph.EINVALID, "no history: the input is not a terminal")
	}
	entries := s.history.entries
	if args != "" {
		n, err := strconv.Atoi(args)
		if err != nil || n < 1 {
			return graph.Errorf(graph.EINVALID, ":history takes a positive count, got %q", args)
		}
		if n < len(entries) {
			entries = entries[len(entries)-n:]
		}
	}
	first := len(s.history.entries) - len(entries) + 1
	for i, h := range entries {
		fmt.Fprintf(s.io.Out, "%s  %s\n", s.io.Dim(fmt.Sprintf("%4d", first+i)), h)
	}
	return nil
}

// cmdNotes reads more notes, rebuilds the graph with them and swaps the
// engine. The current graph stays in use if anything fails.
func (s *session) cmdNotes(ctx context.Context, args string) error {
	paths, _ := splitQuoted(args)
	if len(paths) == 0 {
		return graph.Errorf(graph.EINVALID, "usage: :notes PATH...")
	}
	f := s.opts.Factory
	if f == nil {
		return graph.Errorf(graph.EINVALID, ":notes needs the notes of this run, which this session lacks")
	}
	all := append(append([]string{}, s.notes...), paths...)
	start := s.now()
	var (
		eng    *queries.Engine
		raw    *workerGraph
		corpus *ingest.Corpus
	)
	err := s.run(ctx, max(s.opts.Timeout, time.Minute), func(ctx context.Context) error {
		var err error
		eng, raw, corpus, err = s.rebuild(ctx, f, all)
		return err
	})
	if err != nil {
		return fmt.Errorf("read notes: %w", err)
	}
	s.eng, s.rawGraph, s.notes, s.words = eng, raw, all, nil
	if corpus != nil {
		s.corpus, s.corpusErr = corpus, nil
	}
	s.last = nil
	s.note(fmt.Sprintf("read %d notes (%s added); the graph now has %d nodes (%s)", corpus.Files, strings.Join(paths, ", "), len(eng.Nodes()), s.now().Sub(start).Round(time.Millisecond)))
	return nil
}

// rebuild ingests the run's notes plus paths into a new graph: its engine,
// and the graph raw queries run on. With --db, the store's graph (its
// index's nodes and facts, as the store reads them, and statements) is
// taken in first and only the new notes are ingested.
func (s *session) rebuild(ctx context.Context, f *Factory, paths []string) (*queries.Engine, *workerGraph, *ingest.Corpus, error) {
	dict, err := f.Dictionary()
	if err != nil {
		return nil, nil, nil, err
	}
	var src []ingest.Source
	if f.DB == "" {
		base, warn, err := f.Sources(ctx)
		s.warn(warn)
		if err != nil {
			return nil, nil, nil, err
		}
		src = base
	}
	extra, warn, err := ingest.ReadPaths(ctx, paths)
	s.warn(warn)
	if err != nil {
		return nil, nil, nil, err
	}
	c, err := ingest.Build(ctx, append(src, extra...), dict)
	if err != nil {
		return nil, nil, nil, err
	}
	s.warn(c.Warnings)
	nodes, facts, stmts, forms := c.Nodes, c.Facts, c.Statements, c.Forms
	if f.DB != "" {
		base, err := f.Index(ctx)
		if err != nil {
			return nil, nil, nil, err
		}
		baseNodes, err := base.Nodes(ctx, "")
		if err != nil {
			return nil, nil, nil, fmt.Errorf("copy nodes of %s: %w", f.DB, err)
		}
		baseFacts, err := base.Facts(ctx)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("copy facts of %s: %w", f.DB, err)
		}
		nodes = append(baseNodes, nodes...)
		facts = append(baseFacts, facts...)
		stmts = append(append([]graph.Statement{}, base.Statements()...), stmts...)
		forms = ingest.MergeForms(base.WordForms(), forms)
	}
	eng, err := queries.NewIndexed(ctx, graph.NewIndex(nodes, facts, stmts, graph.WithForms(forms)), nil, dict)
	if err != nil {
		return nil, nil, nil, err
	}
	return eng, quadsWorkerGraph(nodes, facts), c, nil
}

// note prints a status line: dim on a terminal; on stderr when piped, so
// that stdout holds only answers.
func (s *session) note(msg string) {
	if !s.interactive {
		fmt.Fprintln(s.io.ErrOut, msg)
		return
	}
	fmt.Fprintln(s.io.Out, s.io.Dim(msg))
}

// warn prints the warnings of reading notes that this session has not
// printed before.
func (s *session) warn(list ingest.ErrorList) {
	for _, w := range list {
		msg := w.Error()
		if s.warned[msg] {
			continue
		}
		if s.warned == nil {
			s.warned = map[string]bool{}
		}
		s.warned[msg] = true
		fmt.Fprintf(s.io.ErrOut, "warning: %s\n", msg)
	}
}

// nearest returns the candidates within maxDist edits of word, closest first.
func nearest(word string, cands []string, maxDist int) []string {
	type c struct {
		s string
		d int
	}
	var found []c
	for _, x := range cands {
		if d := queries.EditDistance(strings.ToLower(word), strings.ToLower(x)); d <= maxDist {
			found = append(found, c{x, d})
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].d != found[j].d {
			return found[i].d < found[j].d
		}
		return found[i].s < found[j].s
	})
	out := make([]string, 0, len(found))
	for _, f := range found {
		out = append(out, f.s)
	}
	return out
}
