package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"

	"github.com/awskg/awskg/graph"
)

func TestNewCmdQueryFlags(t *testing.T) {
	loop := `var n=0; while(true){n++}`
	def := QueryOptions{Lang: "gizmo", Limit: defaultQueryLimit, Timeout: defaultTimeout}
	with := func(mod func(*QueryOptions)) QueryOptions { o := def; mod(&o); return o }
	tests := []struct {
		name    string
		cli     string
		want    QueryOptions
		wantErr string
	}{
		{name: "gizmo by default", cli: `'g.V().All()'`, want: with(func(o *QueryOptions) { o.Query = "g.V().All()" })},
		{name: "graphql", cli: `--lang graphql '{ n { id } }'`, want: with(func(o *QueryOptions) { o.Lang = "graphql"; o.Query = "{ n { id } }" })},
		{name: "mql short flag", cli: `-l mql '[{"id": null}]'`, want: with(func(o *QueryOptions) { o.Lang = "mql"; o.Query = `[{"id": null}]` })},
		{name: "file", cli: `--file q.js`, want: with(func(o *QueryOptions) { o.File = "q.js" })},
		{name: "stdin", cli: `-f -`, want: with(func(o *QueryOptions) { o.File = "-" })},
		{name: "limit timeout jsonl", cli: `--limit 5 --timeout 300ms --jsonl '` + loop + `'`, want: with(func(o *QueryOptions) {
			o.Limit, o.Timeout, o.JSONL, o.Query = 5, 300*time.Millisecond, true, loop
		})},
		{name: "no limit", cli: `--limit 0 'g.V().All()'`, want: with(func(o *QueryOptions) { o.Limit = 0; o.Query = "g.V().All()" })},
		{name: "no query", cli: ``, wantErr: "query needs one QUERY argument"},
		{name: "two queries", cli: `'g.V()' 'g.V()'`, wantErr: "query needs one QUERY argument"},
		{name: "query and file", cli: `--file q.js 'g.V()'`, wantErr: "give either a QUERY or --file, not both"},
		{name: "unknown language", cli: `--lang sparql 'SELECT'`, wantErr: `unknown query language "sparql"`},
		{name: "negative limit", cli: `--limit -1 'g.V()'`, wantErr: "--limit must be 0 (no limit) or more"},
		{name: "bad timeout", cli: `--timeout soon 'g.V()'`, wantErr: `invalid argument "soon"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, _, _, _ := Test()
			f := NewFactory(io)
			var got *QueryOptions
			cmd := NewCmdQuery(f, func(o *QueryOptions) error { got = o; return nil })
			if !execFlags(t, cmd, tt.cli, tt.wantErr) {
				return
			}
			g, w := *got, tt.want
			if g.Lang != w.Lang || g.Query != w.Query || g.File != w.File || g.Limit != w.Limit || g.Timeout != w.Timeout || g.JSONL != w.JSONL {
				g.IO, g.Store = nil, nil
				t.Errorf("options = %+v\nwant      %+v", g, w)
			}
		})
	}
}

// queryStoreOnce is one in-memory store of the embedded notes for the query
// tests (read-only).
var (
	queryStoreOnce sync.Once
	queryStoreF    *Factory
)

func queryFactory(t *testing.T) *Factory {
	t.Helper()
	queryStoreOnce.Do(func() {
		io, _, _, _ := Test()
		queryStoreF = NewFactory(io)
	})
	if _, err := queryStoreF.Store(context.Background()); err != nil {
		t.Fatalf("ingest the embedded notes: %v", err)
	}
	return queryStoreF
}

func quadStoreOf(t *testing.T, f *Factory) cgraph.QuadStore {
	t.Helper()
	st, err := f.Store(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st.(*graph.CayleyStore).QuadStore()
}

// runQueryCmd runs `query` with opts on the shared store and returns stdout
// and stderr.
func runQueryCmd(t *testing.T, mod func(*QueryOptions)) (string, string, error) {
	t.Helper()
	f := queryFactory(t)
	io, _, out, errOut := Test()
	opts := &QueryOptions{IO: io, Store: f.Store, Lang: "gizmo", Limit: defaultQueryLimit, Timeout: defaultTimeout}
	mod(opts)
	err := runQuery(opts)
	return out.String(), errOut.String(), err
}

// crossAccountNames are the names of the subjects of <supports>
// <capability:cross-account>, read through the Store API.
func crossAccountNames(t *testing.T) []string {
	t.Helper()
	ctx := context.Background()
	st, err := queryFactory(t).Store(ctx)
	if err != nil {
		t.Fatal(err)
	}
	edges, err := st.In(ctx, "capability:cross-account", graph.PredSupports)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range edges {
		n, err := st.Node(ctx, e.Subject)
		if err != nil {
			t.Fatal(err)
		}
		seen[n.Name] = true
	}
	if len(seen) < 5 || !seen["AWS CloudTrail"] || !seen["AWS Organizations"] {
		t.Fatalf("the embedded notes should have CloudTrail, Organizations and more supporting cross-account: %v", seen)
	}
	return sortedKeys(seen)
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestQueryEachLanguageOnEmbeddedNotes(t *testing.T) {
	want := crossAccountNames(t)
	tests := []struct {
		lang  string
		query string
		names func(t *testing.T, results []json.RawMessage) []string
	}{
		{
			lang:  "gizmo",
			query: `g.V("<capability:cross-account>").In("<supports>").Unique().Out("<name>").All()`,
			names: func(t *testing.T, results []json.RawMessage) []string {
				var out []string
				for _, r := range results {
					var obj struct{ ID string }
					mustUnmarshal(t, r, &obj)
					out = append(out, obj.ID)
				}
				return out
			},
		},
		{
			lang:  "graphql",
			query: `{ nodes(id: <capability:cross-account>) { name supporters: supports @rev { id name } } }`,
			names: func(t *testing.T, results []json.RawMessage) []string {
				if len(results) != 1 {
					t.Fatalf("GraphQL gave %d results, want 1 (the response)", len(results))
				}
				var obj struct {
					Nodes struct {
						Name       string
						Supporters []struct{ ID, Name string }
					}
				}
				mustUnmarshal(t, results[0], &obj)
				if obj.Nodes.Name != "Cross-account" {
					t.Errorf("name of the capability = %q", obj.Nodes.Name)
				}
				var out []string
				for _, s := range obj.Nodes.Supporters {
					if !strings.Contains(s.ID, ":") || strings.HasPrefix(s.ID, "<") {
						t.Errorf("GraphQL id %q, want an IRI without its <>", s.ID)
					}
					out = append(out, s.Name)
				}
				return out
			},
		},
		{
			lang:  "mql",
			query: `[{"id": null, "<supports>": "<capability:cross-account>", "<name>": null}]`,
			names: func(t *testing.T, results []json.RawMessage) []string {
				var out []string
				for _, r := range results {
					var obj map[string]string
					mustUnmarshal(t, r, &obj)
					if obj["<supports>"] != "<capability:cross-account>" || !strings.HasPrefix(obj["id"], "<") {
						t.Errorf("MQL result %v", obj)
					}
					out = append(out, obj["<name>"])
				}
				return out
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			out, errOut, err := runQueryCmd(t, func(o *QueryOptions) { o.Lang, o.Query, o.Limit = tt.lang, tt.query, 0 })
			if err != nil {
				t.Fatalf("%v (stderr %q)", err, errOut)
			}
			if !strings.HasPrefix(out, "[\n") || !strings.HasSuffix(out, "\n]\n") {
				t.Errorf("output is not a JSON array with one result per line:\n%s", out)
			}
			var results []json.RawMessage
			mustUnmarshal(t, []byte(out), &results)
			if lines := strings.Count(out, "\n"); lines != len(results)+2 {
				t.Errorf("%d lines for %d results, want one line per result", lines, len(results))
			}
			got := map[string]bool{}
			for _, n := range tt.names(t, results) {
				got[n] = true
			}
			if g := sortedKeys(got); strings.Join(g, "|") != strings.Join(want, "|") {
				t.Errorf("names = %v\nwant    %v", g, want)
			}
		})
	}
}

func mustUnmarshal(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("not JSON (%v): %s", err, b)
	}
}

func TestQueryOutputIsDeterministic(t *testing.T) {
	q := `g.V().Has("<kind>", "service").Out("<supports>").Unique().Out("<name>").All()`
	first, _, err := runQueryCmd(t, func(o *QueryOptions) { o.Query = q })
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		again, _, err := runQueryCmd(t, func(o *QueryOptions) { o.Query = q })
		if err != nil {
			t.Fatal(err)
		}
		if again != first {
			t.Fatalf("run %d differs:\n%s\nvs\n%s", i+2, again, first)
		}
	}
}

func TestQueryLimitAndJSONLines(t *testing.T) {
	q := `g.V().Has("<kind>", "service").Out("<name>").All()`
	tests := []struct {
		name      string
		limit     int
		jsonl     bool
		wantLines int
		wantNote  bool
	}{
		{name: "array cut at the limit", limit: 3, wantLines: 5, wantNote: true},
		{name: "jsonl cut at the limit", limit: 3, jsonl: true, wantLines: 3, wantNote: true},
		{name: "limit above the results", limit: 100000, jsonl: true, wantNote: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, err := runQueryCmd(t, func(o *QueryOptions) { o.Query, o.Limit, o.JSONL = q, tt.limit, tt.jsonl })
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if tt.wantLines > 0 && len(lines) != tt.wantLines {
				t.Errorf("%d lines, want %d:\n%s", len(lines), tt.wantLines, out)
			}
			if tt.jsonl {
				for _, l := range lines {
					var obj map[string]string
					mustUnmarshal(t, []byte(l), &obj)
					if obj["id"] == "" {
						t.Errorf("line %q has no id", l)
					}
				}
			}
			if note := strings.Contains(errOut, "stopped at 3 results (--limit)"); note != tt.wantNote {
				t.Errorf("stderr = %q, want the limit note: %v", errOut, tt.wantNote)
			}
		})
	}
}

func TestQueryEmptyResultIsEmptyArray(t *testing.T) {
	out, _, err := runQueryCmd(t, func(o *QueryOptions) { o.Query = `g.V("<service:no-such-thing>").Out().All()` })
	if err != nil || out != "[]\n" {
		t.Errorf("output %q, error %v; want []", out, err)
	}
}

func TestQueryEmitAndIRIsUnescaped(t *testing.T) {
	out, _, err := runQueryCmd(t, func(o *QueryOptions) {
		o.Query = `g.Emit({n: g.V("<capability:multi-az>").Out("<name>").ToArray()}); g.V("<capability:multi-az>").All()`
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "[\n{\"n\":[\"Multi-AZ\"]},\n{\"id\":\"<capability:multi-az>\"}\n]\n"
	if out != want {
		t.Errorf("output %q\nwant   %q", out, want)
	}
}

func TestQueryFromFileAndStdin(t *testing.T) {
	q := `g.V("<capability:multi-az>").Out("<kind>").All()`
	file := filepath.Join(t.TempDir(), "q.js")
	if err := os.WriteFile(file, []byte(q+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "[\n{\"id\":\"capability\"}\n]\n"

	io, in, out, _ := Test()
	in.WriteString(q)
	f := queryFactory(t)
	if err := runQuery(&QueryOptions{IO: io, Store: f.Store, Lang: "gizmo", File: "-", Limit: 10, Timeout: time.Minute}); err != nil {
		t.Fatal(err)
	}
	if out.String() != want {
		t.Errorf("stdin: %q, want %q", out, want)
	}
	got, _, err := runQueryCmd(t, func(o *QueryOptions) { o.File = file })
	if err != nil || got != want {
		t.Errorf("file: %q (%v), want %q", got, err, want)
	}
	_, _, err = runQueryCmd(t, func(o *QueryOptions) { o.File = filepath.Join(t.TempDir(), "missing.js") })
	if exitCode(err) != exitUsage || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v (exit %d)", err, exitCode(err))
	}
}

func TestQueryMalformedExits2(t *testing.T) {
	tests := []struct {
		lang, query, want string
	}{
		{"gizmo", `g.V(.All()`, "gizmo query: SyntaxError"},
		{"gizmo", `g.V().NoSuchStep()`, "gizmo query: TypeError: Object has no member 'NoSuchStep'"},
		{"gizmo", `throw new Error("boom")`, "gizmo query: Error: boom"},
		{"graphql", `{ nodes( }`, "graphql query: Syntax Error GraphQL (1:10)"},
		{"mql", `[{"id": `, "mql query: unexpected end of JSON input"},
		{"mql", `[1, 2]`, "mql query: multiple fields at location root"},
		{"mql", `[]`, "mql query: optional iterator at the top level"},
		{"mql", `null`, "mql query: optional iterator at the top level"},
		{"graphql", `{ nodes { ... on X { id } } }`, "graphql query: unknown selection type: *ast.InlineFragment"},
		{"graphql", `mutation { x }`, "graphql query: unsupported operation: mutation"},
		{"graphql", `{ nodes(id: $x) { id } }`, "graphql query: unsupported value type: *ast.Variable"},
		{"graphql", `fragment F on X { id } { nodes { ...F } }`, "graphql query: unsupported query type"},
		{"gizmo", `g.V(null).All()`, "gizmo query: not a quad.Value: <nil>"},
		{"gizmo", `g.V().Filter(regex("(")).All()`, "gizmo query: error parsing regexp: missing closing ): `(`"},
		{"gizmo", `   `, "the gizmo query is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.query, func(t *testing.T) {
			io, _, out, errOut := Test()
			code := run([]string{"query", "--lang", tt.lang, tt.query}, io)
			if code != exitUsage {
				t.Errorf("exit code = %d, want %d", code, exitUsage)
			}
			if out.Len() != 0 {
				t.Errorf("stdout = %q, want nothing", out)
			}
			msg := errOut.String()
			if strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, "awskg: ") || !strings.Contains(msg, tt.want) {
				t.Errorf("stderr = %q, want one line with %q", msg, tt.want)
			}
		})
	}
}

func TestQueryUnknownLanguageExits2(t *testing.T) {
	io, _, _, errOut := Test()
	if code := run([]string{"query", "--lang", "sexp", "(x)"}, io); code != exitUsage {
		t.Errorf("exit code = %d, want %d", code, exitUsage)
	}
	if !strings.Contains(errOut.String(), `unknown query language "sexp" (use --lang gizmo, graphql, mql)`) {
		t.Errorf("stderr = %q", errOut)
	}
}

// hangBound bounds waits for something that must happen soon but whose
// time depends on the machine's load: it only tells a hang (a query that
// is never stopped) from a stop, never measures speed.
const hangBound = time.Minute

// TestQueryTimeoutStopsRunaways runs queries that never end (nothing they
// do finishes in days on any machine) with a short timeout: each must fail
// with ETIMEOUT, and the engine must really have stopped, not run on in the
// background. The query worker runs queries this way, so that a PostgreSQL
// query is cancelled on the server rather than killed with the worker.
func TestQueryTimeoutStopsRunaways(t *testing.T) {
	qs := quadStoreOf(t, queryFactory(t))
	tests := []struct {
		name, lang, query string
	}{
		{"gizmo endless loop", "gizmo", `var n=0; while(true){n++}`},
		{"gizmo loop in a callback", "gizmo", `g.V().ForEach(function(d){ while(true){} })`},
		// One count over every path of eight hops: 8,864 nodes, about 30
		// neighbours each (g.V().Both().Both().Both() has 10 million
		// paths), so about 10^14 paths; no result before the count ends.
		{"gizmo cross product", "gizmo", `g.Emit(g.V()` + strings.Repeat(".Both()", 8) + `.Count())`},
		// The same paths, none of which passes the filter: only the guarded
		// iterators can stop it (engines look at the context between
		// results). A filter, not contradictory Has steps, which Cayley's
		// optimiser may see through and answer at once.
		{"gizmo cross product, no result", "gizmo", `g.V()` + strings.Repeat(".Both()", 8) + `.Filter(regex("^no node is named this$")).All()`},
		// From the 107 services to their kind, every node of that kind, its
		// kind, ... seven times over (107^7 paths), each checked against a
		// contradiction at the end: no result.
		{"mql cross product", "mql", endlessMQL(7)},
		{"graphql cross product", "graphql", `{ a { b: supports @rev { c: feature { d: supports { e: supports @rev { f: feature { g: supports { h: supports @rev { i: feature { j: supports { k: supports @rev { l: feature { name } } } } } } } } } } } } }`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := runtime.NumGoroutine()
			start := time.Now()
			_, _, finished, err := queryGraphWatched(context.Background(), qs, tt.lang, tt.query, 0, 300*time.Millisecond, jsonResults)
			elapsed := time.Since(start)
			if graph.ErrorCode(err) != graph.ETIMEOUT || exitCode(err) != exitTimeout {
				t.Fatalf("error = %v (code %q, exit %d), want ETIMEOUT, exit 4", err, graph.ErrorCode(err), exitCode(err))
			}
			// queryGraphWatched gives up on an engine queryGrace after the
			// deadline: a longer wait is a hang, not a slow machine.
			if elapsed > hangBound {
				t.Errorf("returned after %s, want soon after the 300ms timeout", elapsed)
			}
			select {
			case <-finished:
			case <-time.After(hangBound):
				t.Fatalf("the %s engine still runs %s after the timeout", tt.lang, hangBound)
			}
			// Gizmo runs the script in a goroutine of its own: it must end too.
			if n := waitGoroutines(before); n > before {
				t.Errorf("%d goroutines left running, %d before the query", n, before)
			}
		})
	}
}

// endlessMQL is an MQL query of 107^hops paths and no result: each of the
// 107 services, its kind, every node of that kind, its kind, ... and at the
// end a node that is both a capability and named Amazon S3.
func endlessMQL(hops int) string {
	q := `{"id": null, "<kind>": "capability", "<name>": "Amazon S3"}`
	for i := 1; i < hops; i++ {
		q = `{"id": null, "<kind>": {"!<kind>": [` + q + `]}}`
	}
	return `[{"id": null, "<kind>": {"id": "service", "!<kind>": [` + q + `]}}]`
}

// waitGoroutines waits (at most hangBound) for the goroutines to be back to
// want or fewer, and returns how many there are.
func waitGoroutines(want int) int {
	deadline := time.Now().Add(hangBound)
	for runtime.NumGoroutine() > want && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	return runtime.NumGoroutine()
}

func TestQueryTimeoutExits4(t *testing.T) {
	// The loop never ends: the command returns only if it is stopped.
	io, _, out, errOut := Test()
	code := run([]string{"query", "--lang", "gizmo", "--timeout", "300ms", `var n=0; while(true){n++}`}, io)
	if code != exitTimeout {
		t.Errorf("exit code = %d, want %d", code, exitTimeout)
	}
	if out.Len() != 0 || !strings.Contains(errOut.String(), "gizmo query ran past --timeout 300ms") {
		t.Errorf("stdout %q, stderr %q", out, errOut)
	}
}

func TestQueryInterruptedIsNotATimeout(t *testing.T) {
	qs := quadStoreOf(t, queryFactory(t))
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, _, err := queryGraph(ctx, qs, "gizmo", `while(true){}`, 0, time.Minute)
	if !errors.Is(err, context.Canceled) || graph.ErrorCode(err) == graph.ETIMEOUT {
		t.Errorf("error = %v, want context.Canceled, not a timeout", err)
	}
}

// TestGuardStoreSameResults checks that the stopping view of the store
// answers exactly as the store does.
func TestGuardStoreSameResults(t *testing.T) {
	qs := quadStoreOf(t, queryFactory(t))
	queries := []struct{ lang, query string }{
		{"gizmo", `g.V("<capability:cross-account>").In("<supports>").Tag("s").Out("<name>").All()`},
		{"gizmo", `g.V().Has("<kind>", "service").Out("<notifies>").Has("<kind>", "service").Unique().All()`},
		{"gizmo", `g.V().LabelContext("data/notes/002_653d9272087ba1e1.txt:752").Out("<supports>").All()`},
		{"gizmo", `g.Emit(g.V("<service:aws-codedeploy>").Out().Unique().Count())`},
		{"gizmo", `g.V().Out("<hop>").Out("<name>").Unique().All()`},
		{"gizmo", `g.V("<service:aws-codecommit>").FollowRecursive("<notifies>").Out("<name>").All()`},
		{"mql", `[{"id": null, "<notifies>": [], "<kind>": "service"}]`},
		{"graphql", `{ s(kind: "service") { id name supports { name } } }`},
	}
	for _, q := range queries {
		t.Run(q.lang+" "+q.query, func(t *testing.T) {
			ctx := context.Background()
			l := query.GetLanguage(q.lang)
			plain, _, err := execQuery(ctx, l, qs, q.query, 0, jsonResults)
			if err != nil {
				t.Fatal(err)
			}
			guarded, _, err := execQuery(ctx, l, guardStore(ctx, qs), q.query, 0, jsonResults)
			if err != nil {
				t.Fatal(err)
			}
			a, _ := json.Marshal(plain)
			b, _ := json.Marshal(guarded)
			if !bytes.Equal(a, b) {
				t.Errorf("guarded results differ:\n%s\nvs\n%s", b, a)
			}
			if len(plain) == 0 || string(a) == "[{}]" {
				t.Errorf("no results to compare: %s", a)
			}
		})
	}
}
