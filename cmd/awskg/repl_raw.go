package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"     // registers "gizmo"
	_ "github.com/cayleygraph/cayley/query/graphql" // registers "graphql"
	"github.com/cayleygraph/quad"

	"github.com/awskg/awskg/graph"
)

// maxRawResults bounds the results a raw query prints.
const maxRawResults = 1000

func rawLanguageName(mode string) string {
	if mode == modeGraphQL {
		return "GraphQL"
	}
	return "Gizmo (JavaScript)"
}

// quadStorer is a store that exposes its Cayley quad store.
type quadStorer interface {
	QuadStore() cgraph.QuadStore
}

// raw runs a query in Cayley's own language on the graph and prints its
// results, one JSON value per line.
func (s *session) raw(ctx context.Context, lang, text string) error {
	var (
		results   []any
		truncated bool
	)
	start := s.now()
	err := s.run(ctx, s.opts.Timeout, func(ctx context.Context) error {
		var err error
		results, truncated, err = s.runRawQuery(ctx, lang, text, maxRawResults)
		return err
	})
	if err != nil {
		return err
	}
	took := s.now().Sub(start)
	enc := json.NewEncoder(s.io.Out)
	enc.SetEscapeHTML(false)
	if lang == modeGraphQL {
		enc.SetIndent("", "  ")
	}
	for _, r := range results {
		if h, ok := r.(rawHint); ok {
			fmt.Fprintln(s.io.Out, s.io.Dim(string(h)))
			continue
		}
		if m, ok := r.(rawMeta); ok {
			fmt.Fprint(s.io.Out, "=> ")
			r = m.v
		}
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("print %s result: %w", lang, err)
		}
	}
	if truncated {
		fmt.Fprintln(s.io.Out, s.io.Dim(fmt.Sprintf("(only the first %d results are shown)", maxRawResults)))
	}
	if s.io.IsStdoutTTY() {
		fmt.Fprintln(s.io.Out, s.io.Dim(fmt.Sprintf("%d results (%s) in %s", len(results), lang, took.Round(100*time.Microsecond))))
	}
	return nil
}

// runRawQuery runs a Gizmo or GraphQL query in a query worker, as `awskg
// query` does (a query that crashes the engine or takes too much memory
// fails, and the session goes on), and collects up to limit results; for
// Gizmo it keeps the script's own value (rawMeta) and hints, which `awskg
// query` leaves out. The session's context carries the timeout and Ctrl-C.
func (s *session) runRawQuery(ctx context.Context, lang, text string, limit int) ([]any, bool, error) {
	if s.rawGraph == nil {
		g, err := s.workerGraph(ctx, lang)
		if err != nil {
			return nil, false, err
		}
		s.rawGraph = g
	}
	job := workerJob{Lang: lang, Query: text, Limit: limit, REPL: true}
	out, err := runContained(ctx, s.rawGraph, job, 0)
	if err != nil {
		return nil, false, rawError(lang, err)
	}
	return out.results, out.more, nil
}

// workerGraph is the graph of the session's raw queries: the factory's
// (the store of --db, or the notes' quads), else the quads of the engine's
// store.
func (s *session) workerGraph(ctx context.Context, lang string) (*workerGraph, error) {
	if f := s.opts.Factory; f != nil {
		return f.WorkerGraph(ctx)
	}
	qs, ok := s.eng.Store().(quadStorer)
	if !ok || qs.QuadStore() == nil {
		return nil, graph.Errorf(graph.EINVALID, "%s queries need a Cayley store", lang)
	}
	return newWorkerGraph(qs.QuadStore(), ""), nil
}

// gizmoREPLForm collates Gizmo results raw and converts them as the JSON
// collation does, keeping the script's own value and hints.
func gizmoREPLForm(qs cgraph.QuadStore) resultForm {
	return resultForm{collation: query.Raw, convert: func(r any) any {
		if g, ok := r.(*gizmo.Result); ok {
			return gizmoValue(qs, g)
		}
		return r
	}}
}

// rawMeta is the value of a Gizmo script (its last expression), printed
// after "=> ".
type rawMeta struct{ v any }

// rawHint is a note printed instead of a value that has no JSON form.
type rawHint string

// gizmoValue converts a raw Gizmo result as the JSON collation does, and
// keeps the script's own value as a rawMeta.
func gizmoValue(qs cgraph.QuadStore, r *gizmo.Result) any {
	if r.Meta {
		if r.Val == nil {
			return nil
		}
		if t := reflect.TypeOf(r.Val); t != nil && strings.Contains(derefType(t).PkgPath(), "cayley/query/gizmo") {
			return rawHint("=> a path: end it with .All() or .Count() to run it")
		}
		return rawMeta{r.Val}
	}
	if r.Val != nil {
		return r.Val
	}
	keys := make([]string, 0, len(r.Tags))
	for k := range r.Tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make(map[string]any, len(keys))
	for _, k := range keys {
		v := qs.NameOf(r.Tags[k])
		if v == nil {
			continue
		}
		n := v.Native()
		if nv, ok := n.(quad.Value); ok && nv == v {
			n = quad.StringOf(v)
		}
		out[k] = n
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func derefType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// rawError words an engine's error the REPL's way ("gizmo: SyntaxError ..."),
// leaving timeouts and interruptions to the session.
func rawError(lang string, err error) error {
	var ge *graph.Error
	if errors.As(err, &ge) && ge.Code == graph.EINVALID && ge.Err != nil {
		return &graph.Error{Code: graph.EINVALID, Message: lang, Err: ge.Err}
	}
	return err
}

// openBrackets returns how many (, [ and { are still open in a raw query,
// ignoring strings and comments (// and /* */ in Gizmo, # in GraphQL).
func openBrackets(text, lang string) int {
	depth := 0
	var quote rune
	lineComment, blockComment, escaped := false, false, false
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		next := rune(0)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case lineComment:
			if r == '\n' {
				lineComment = false
			}
		case blockComment:
			if r == '*' && next == '/' {
				blockComment = false
				i++
			}
		case quote != 0:
			switch {
			case escaped:
				escaped = false
			case r == '\\':
				escaped = true
			case r == quote:
				quote = 0
			}
		case r == '"' || r == '\'' || r == '`':
			quote = r
		case lang == modeGraphQL && r == '#':
			lineComment = true
		case lang != modeGraphQL && r == '/' && next == '/':
			lineComment = true
			i++
		case lang != modeGraphQL && r == '/' && next == '*':
			blockComment = true
			i++
		case strings.ContainsRune("([{", r):
			depth++
		case strings.ContainsRune(")]}", r):
			depth--
		}
	}
	return depth
}
