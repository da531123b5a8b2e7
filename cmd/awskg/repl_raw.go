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

// rawStopGrace is how long a cancelled raw query may take to stop.
const rawStopGrace = 2 * time.Second

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
	qs, ok := s.eng.Store().(quadStorer)
	if !ok || qs.QuadStore() == nil {
		return graph.Errorf(graph.EINVALID, "%s queries need a Cayley store", lang)
	}
	var (
		results   []any
		truncated bool
	)
	start := s.now()
	err := s.run(ctx, s.opts.Timeout, func(ctx context.Context) error {
		var err error
		results, truncated, err = runRawQuery(ctx, qs.QuadStore(), lang, text, maxRawResults)
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

// runRawQuery runs a Gizmo or GraphQL query and collects up to limit
// results (JSON collation). It returns when ctx is done even if the query
// does not notice: Cayley v0.7.7 honours only the context given to an
// iterator's Next, and Gizmo's Next interrupts its JavaScript VM when that
// context is done, so a `while(true){}` stops too; runRawQuery waits up to
// rawStopGrace for the VM to stop before it returns.
func runRawQuery(ctx context.Context, qs cgraph.QuadStore, lang, text string, limit int) (results []any, truncated bool, err error) {
	sess := query.NewSession(qs, lang)
	if sess == nil {
		return nil, false, graph.Errorf(graph.EINVALID, "unknown query language %q", lang)
	}
	type outcome struct {
		results   []any
		truncated bool
		err       error
	}
	done := make(chan outcome, 1)
	go func() {
		var o outcome
		defer func() {
			if p := recover(); p != nil {
				o.err = &graph.Error{Code: graph.EINTERNAL, Message: lang, Err: fmt.Errorf("panic: %v", p)}
			}
			done <- o
		}()
		col := query.JSON
		if lang == modeGizmo {
			col = query.Raw // JSON collation drops the script's value (Count())
		}
		it, err := sess.Execute(ctx, text, query.Options{Collation: col, Limit: limit + 1})
		if err != nil {
			o.err = &graph.Error{Code: graph.EINVALID, Message: lang, Err: err}
			return
		}
		defer it.Close()
		for it.Next(ctx) {
			r := it.Result()
			if g, ok := r.(*gizmo.Result); ok {
				r = gizmoValue(qs, g)
			}
			if r == nil {
				continue
			}
			if len(o.results) == limit {
				o.truncated = true
				break
			}
			o.results = append(o.results, r)
		}
		if ctx.Err() != nil {
			// Next saw ctx done and interrupted the VM: wait until the
			// query's goroutine has really returned.
			wait, cancel := context.WithTimeout(context.Background(), rawStopGrace)
			for it.Next(wait) {
			}
			cancel()
			o.err = ctx.Err()
			return
		}
		if err := it.Err(); err != nil {
			o.err = rawError(lang, err)
		}
	}()
	select {
	case o := <-done:
		return o.results, o.truncated, o.err
	case <-ctx.Done():
		select {
		case o := <-done:
			if o.err == nil {
				o.err = ctx.Err()
			}
			return nil, false, o.err
		case <-time.After(rawStopGrace + time.Second):
			return nil, false, &graph.Error{Code: graph.ETIMEOUT, Message: lang + " query did not stop when cancelled", Err: ctx.Err()}
		}
	}
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

// rawError words a query error on one line.
func rawError(lang string, err error) error {
	var ge *graph.Error
	if errors.As(err, &ge) {
		return err
	}
	return &graph.Error{Code: graph.EINVALID, Message: lang, Err: err}
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
