package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/dustin/go-humanize"
	"github.com/spf13/cobra"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo"   // registers "gizmo"
	_ "github.com/cayleygraph/cayley/query/graphql" // registers "graphql"
	_ "github.com/cayleygraph/cayley/query/mql"     // registers "mql"
	"github.com/cayleygraph/quad"

	"github.com/awskg/awskg/graph"
)

// queryLanguages are the query languages of `awskg query`, Cayley's own.
var queryLanguages = []string{"gizmo", "graphql", "mql"}

const defaultQueryLimit = 100

// queryGrace is how long a query that ran past its deadline is given to
// wind down (the iterator closed, the JS VM interrupted) before the command
// returns without it.
const queryGrace = time.Second

// QueryOptions are the inputs of `awskg query`.
type QueryOptions struct {
	IO *IOStreams
	// Graph gives the graph the query runs on (Factory.WorkerGraph); when
	// nil, the quads of Store are.
	Graph func(context.Context) (*workerGraph, error)
	Store func(context.Context) (graph.Store, error)
	Ctx   context.Context

	DB    string // the --db of the run: a PostgreSQL store is opened by the query worker
	Debug bool   // --debug: print a crashed engine's stack trace

	Lang      string
	Query     string
	File      string // read the query from FILE, "-" for stdin
	Limit     int    // at most this many results, 0 for no limit
	Timeout   time.Duration
	MaxMemory byteSize // the query worker's memory bound
	JSONL     bool
	// Worker makes this process a query worker (see query_worker.go).
	Worker bool
}

// NewCmdQuery builds `awskg query`.
func NewCmdQuery(f *Factory, runF func(*QueryOptions) error) *cobra.Command {
	opts := &QueryOptions{IO: f.IO, Graph: f.WorkerGraph, Store: f.Store, MaxMemory: defaultMaxMemory}
	cmd := &cobra.Command{
		Use:   "query --lang gizmo|graphql|mql [QUERY | --file FILE]",
		Short: "Run a Gizmo, GraphQL or MQL query on the graph",
		Long: `Run a query with one of Cayley's own query engines (Gizmo, Cayley's
GraphQL dialect, MQL) on the graph the other commands use: the embedded notes
plus --notes, or the store of --db. --lang defaults to gizmo.

The graph (graph/ontology.go has the details):

  nodes       IRIs <kind:slug>: <service:amazon-s3>, <capability:cross-account>,
              <strategy:canary>, <feature:...>, <dr:...>, <concept:...>
  properties  <name> "Amazon S3", <kind> "service", <alias> "s3" (no label)
  relations   <supports> <feature> <provides> <notifies> <noNotify> <targets>
              <deliversTo> <flowsTo> <hop> <deploymentConfig> <deploymentType>
              <lifecycleEvent> <helperScript> <aggregates> <onlyIn> <isA>
              <partOf> <warnsAbout> <does>, ... (the query
              'g.V().OutPredicates().Unique().All()' lists every predicate)
  labels      the source of a relation, the note line it was read from, e.g.
              "data/notes/002_653d9272087ba1e1.txt:752"; a relation stated on
              several lines is one quad per line, so use Unique() in Gizmo
  fact nodes  a relation with the note's own words or an order is also
              reified on <fact:HASH>: <subject> <predicate> <object> <detail>
              <position>, labelled with the same source

Output is a JSON array with one result per line (--jsonl: one result per
line, no brackets). A Gizmo result is the tags of one path ("id" is the node
the path ends on) or a value passed to g.Emit(); the script's own value (its
last expression, as the REPL prints after "=>": g.V().Count() gives 24) is
one more result after those; GraphQL gives one result, the whole
response (IRIs without their <>); MQL one result per match. Results keep the
engine's order. --limit caps the results (0: no limit; GraphQL has its own
"first" argument), with a note on stderr when it cuts.

The query runs in a child process of its own, so that nothing it does can
take awskg down with it. --timeout stops the query however it runs (an endless
Gizmo loop, a huge cross product) and --max-memory bounds the memory it may
take (a Gizmo script that doubles a string forever); either exits 4. A
malformed query, or an error the engine raises while running it, exits 2 with
the engine's message; a query that crashes the engine (Cayley v0.7.7 panics
on some paths, e.g. Tag("s").OutPredicates().Back("s")) exits 1.`,
		Example: `  # names of the services that support cross-account
  awskg query 'g.V("<capability:cross-account>").In("<supports>").Unique().Out("<name>").All()'

  # what one note line states
  awskg query 'g.V().Tag("service").LabelContext("data/notes/002_653d9272087ba1e1.txt:752").Out("<supports>").Tag("capability").All()'

  # the first question in GraphQL and in MQL
  awskg query --lang graphql '{ nodes(id: <capability:cross-account>) { name supporters: supports @rev { id name } } }'
  awskg query --lang mql '[{"id": null, "<supports>": "<capability:cross-account>", "<name>": null}]'

  # a query from a file, on a persistent store
  awskg query --db ~/.awskg --lang gizmo --file services.js`,
		Args: func(cmd *cobra.Command, args []string) error {
			if opts.Worker {
				return cobra.NoArgs(cmd, args)
			}
			if opts.File == "" && len(args) != 1 {
				return flagError{errors.New("query needs one QUERY argument (quote it) or --file FILE")}
			}
			if opts.File != "" && len(args) > 0 {
				return flagError{errors.New("give either a QUERY or --file, not both")}
			}
			if !isQueryLanguage(opts.Lang) {
				return flagError{fmt.Errorf("unknown query language %q (use --lang %s)", opts.Lang, strings.Join(queryLanguages, ", "))}
			}
			if opts.Limit < 0 {
				return flagError{fmt.Errorf("--limit must be 0 (no limit) or more, not %d", opts.Limit)}
			}
			if opts.Timeout < 0 {
				return flagError{fmt.Errorf("--timeout must not be negative, not %s", opts.Timeout)}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Query = args[0]
			}
			opts.Ctx = cmd.Context()
			opts.DB, opts.Debug = f.DB, f.Debug
			if opts.Worker {
				return runQueryWorker(opts.Ctx, opts.IO.In, opts.IO.Out)
			}
			if runF != nil {
				return runF(opts)
			}
			return runQuery(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Lang, "lang", "l", "gizmo", "query `LANGUAGE`: gizmo, graphql or mql")
	cmd.Flags().StringVarP(&opts.File, "file", "f", "", "read the query from `FILE` (- for stdin)")
	cmd.Flags().IntVar(&opts.Limit, "limit", defaultQueryLimit, "print at most `N` results (0: no limit)")
	cmd.Flags().DurationVar(&opts.Timeout, "timeout", defaultTimeout, "stop the query after `DURATION` (0: never)")
	cmd.Flags().Var(&opts.MaxMemory, "max-memory", "stop the query when it needs more than `SIZE` of memory (e.g. 512MiB, 2GB)")
	cmd.Flags().BoolVar(&opts.JSONL, "jsonl", false, "print JSON Lines, one result per line, instead of an array")
	cmd.Flags().BoolVar(&opts.Worker, strings.TrimPrefix(workerFlag, "--"), false, "run as a query worker (internal)")
	cmd.Flags().MarkHidden(strings.TrimPrefix(workerFlag, "--"))
	return cmd
}

// byteSize is a flag of a size in bytes: "512MiB", "2GB", "1073741824".
type byteSize int64

func (b *byteSize) String() string { return humanize.IBytes(uint64(*b)) }
func (b *byteSize) Type() string   { return "size" }

func (b *byteSize) Set(s string) error {
	n, err := humanize.ParseBytes(s)
	if err != nil {
		return fmt.Errorf("not a size (e.g. 512MiB, 2GB): %q", s)
	}
	if n < 16<<20 || n > 1<<50 {
		return fmt.Errorf("%s is out of range (16MiB to 1PiB)", humanize.IBytes(n))
	}
	*b = byteSize(n)
	return nil
}

func isQueryLanguage(name string) bool {
	for _, l := range queryLanguages {
		if l == name {
			return true
		}
	}
	return false
}

func runQuery(opts *QueryOptions) error {
	ctx := opts.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	text, err := readQuery(opts)
	if err != nil {
		return err
	}
	g, err := queryWorkerGraph(ctx, opts)
	if err != nil {
		return err
	}
	// A Gizmo script's own value (g.V().Count()) is a result too, as the
	// REPL prints it after "=>".
	job := workerJob{Lang: opts.Lang, Query: text, Limit: opts.Limit, MaxMemory: int64(opts.MaxMemory), REPL: opts.Lang == modeGizmo}
	out, err := runContained(ctx, g, job, opts.Timeout)
	if err != nil {
		var crash *workerCrashError
		if opts.Debug && errors.As(err, &crash) {
			opts.IO.ErrOut.Write(crash.trace)
		}
		return err
	}
	res, more := scriptResults(opts.IO, out.results), out.more
	if err := printQueryResults(opts.IO.Out, res, opts.JSONL); err != nil {
		return fmt.Errorf("print results: %w", err)
	}
	if more {
		fmt.Fprintf(opts.IO.ErrOut, "awskg: stopped at %d results (--limit)\n", opts.Limit)
	}
	return nil
}

// queryWorkerGraph returns the graph a query runs on: opts.Graph's, else the
// quads of opts.Store.
func queryWorkerGraph(ctx context.Context, opts *QueryOptions) (*workerGraph, error) {
	if opts.Graph != nil {
		return opts.Graph(ctx)
	}
	st, err := opts.Store(ctx)
	if err != nil {
		return nil, err
	}
	cs, ok := st.(interface{ QuadStore() cgraph.QuadStore })
	if !ok {
		return nil, graph.Errorf(graph.EINTERNAL, "the store %T cannot run raw queries", st)
	}
	return newWorkerGraph(cs.QuadStore(), opts.DB), nil
}

// scriptResults turns a worker's results into printable ones: a Gizmo
// script's value becomes a result, after the ones the script emitted; a
// hint (a script whose value is a path that never ran) goes to stderr.
func scriptResults(s *IOStreams, res []any) []any {
	out := res[:0:0]
	for _, r := range res {
		switch v := r.(type) {
		case rawMeta:
			out = append(out, v.v)
		case rawHint:
			fmt.Fprintf(s.ErrOut, "awskg: %s\n", strings.TrimPrefix(string(v), "=> "))
		default:
			out = append(out, r)
		}
	}
	return out
}

// readQuery returns the query text of the argument, the file or stdin.
func readQuery(opts *QueryOptions) (string, error) {
	text := opts.Query
	switch opts.File {
	case "":
	case "-":
		b, err := io.ReadAll(opts.IO.In)
		if err != nil {
			return "", &graph.Error{Code: graph.EINVALID, Message: "read the query from stdin", Err: err}
		}
		text = string(b)
	default:
		b, err := os.ReadFile(opts.File)
		if err != nil {
			code := graph.EINVALID
			if errors.Is(err, os.ErrNotExist) {
				code = graph.ENOTFOUND
			}
			return "", &graph.Error{Code: code, Message: fmt.Sprintf("read query file %q", opts.File), Err: unwrapPath(err)}
		}
		text = string(b)
	}
	if strings.TrimSpace(text) == "" {
		return "", graph.Errorf(graph.EINVALID, "the %s query is empty", opts.Lang)
	}
	return text, nil
}

// printQueryResults writes results as a JSON array with one result per line,
// or as JSON Lines.
func printQueryResults(w io.Writer, res []any, jsonl bool) error {
	var b bytes.Buffer
	if !jsonl {
		b.WriteString("[")
		if len(res) > 0 {
			b.WriteString("\n")
		}
	}
	var line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false) // IRIs are <...>: keep them readable
	for i, r := range res {
		line.Reset()
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("result %d: %w", i+1, err)
		}
		b.Write(bytes.TrimSuffix(line.Bytes(), []byte("\n")))
		if !jsonl && i < len(res)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	if !jsonl {
		b.WriteString("]\n")
	}
	_, err := w.Write(b.Bytes())
	return err
}

// queryGraph runs text in the query language lang on qs and returns at most
// limit results (0: all) as JSON-encodable values, and whether the limit cut
// some off.
//
// Cayley v0.7.7 ignores the context given to a session's Execute; it only
// looks at the context given to an iterator's Next, and only between results.
// So that timeout really stops a query, queryGraph
//
//   - runs the query in its own goroutine and passes a deadline context to
//     Next (Gizmo's iterator then interrupts its JS VM, which stops endless
//     loops, and cancels the graph iterations the script started);
//   - hands the engine a view of qs whose iterators stop as soon as the
//     deadline passes (guardStore), so a single Next that would scan a huge
//     cross product without producing a result stops too (PostgreSQL stores
//     are not wrapped: their queries take the context themselves);
//   - closes the iterator, and returns at the latest queryGrace after the
//     deadline even if an engine does not stop, with an ETIMEOUT error.
//
// A query the engine rejects (syntax, or an error raised while it runs) is an
// EINVALID error carrying the engine's message on one line.
func queryGraph(ctx context.Context, qs cgraph.QuadStore, lang, text string, limit int, timeout time.Duration) ([]any, bool, error) {
	res, more, _, err := queryGraphWatched(ctx, qs, lang, text, limit, timeout, jsonResults)
	return res, more, err
}

// resultForm is how a query's results are collated and converted for
// printing; the REPL keeps a Gizmo script's own value, the command does not.
type resultForm struct {
	collation query.Collation
	convert   func(any) any // nil: as the engine gives them
}

// jsonResults are the engines' JSON collation, as `awskg query` prints.
var jsonResults = resultForm{collation: query.JSON}

// queryGraphWatched is queryGraph, and also returns a channel closed when the
// goroutine running the engine has ended (for tests: a stopped query must
// not keep running).
func queryGraphWatched(ctx context.Context, qs cgraph.QuadStore, lang, text string, limit int, timeout time.Duration, form resultForm) ([]any, bool, <-chan struct{}, error) {
	finished := make(chan struct{})
	l := query.GetLanguage(lang)
	if l == nil || l.Session == nil || !isQueryLanguage(lang) {
		close(finished)
		return nil, false, finished, graph.Errorf(graph.EINVALID, "unknown query language %q (known: %s)", lang, strings.Join(queryLanguages, ", "))
	}
	qctx, cancel := context.WithCancel(ctx)
	if timeout > 0 {
		qctx, cancel = context.WithTimeout(ctx, timeout)
	}
	defer cancel()

	type outcome struct {
		res  []any
		more bool
		err  error
	}
	done := make(chan outcome, 1)
	go func() {
		defer close(finished)
		// A fault reading a bolt store's mapped file panics here rather
		// than crashing (see runCommand).
		debug.SetPanicOnFault(true)
		var o outcome
		defer func() {
			if r := recover(); r != nil {
				o = outcome{err: fmt.Errorf("the %s engine failed: %v", lang, r)}
				if err := graph.FaultError("", r); err != nil {
					o.err = err
				}
			}
			done <- o
		}()
		o.res, o.more, o.err = execQuery(qctx, l, guardStore(qctx, qs), text, limit, form)
	}()

	var o outcome
	select {
	case o = <-done:
	case <-qctx.Done():
		select {
		case o = <-done:
		case <-time.After(queryGrace):
			o.err = qctx.Err()
		}
	}
	// execQuery fails with ctx's error when ctx ends while it runs, so
	// results that came back whole are kept even if the deadline has passed
	// since; an engine error at or past the deadline is the deadline's doing.
	if o.err != nil && qctx.Err() != nil {
		if err := ctx.Err(); err != nil {
			return nil, false, finished, fmt.Errorf("%s query interrupted: %w", lang, err)
		}
		return nil, false, finished, &graph.Error{Code: graph.ETIMEOUT, Message: fmt.Sprintf("the %s query ran past --timeout %s and was stopped", lang, timeout), Err: context.DeadlineExceeded}
	}
	if graph.ErrorCode(o.err) == graph.EDAMAGED {
		return nil, false, finished, o.err
	}
	if o.err != nil {
		return nil, false, finished, &graph.Error{Code: graph.EINVALID, Message: lang + " query", Err: oneLineError{o.err}}
	}
	return o.res, o.more, finished, nil
}

// execQuery runs the query to the end, to its limit or until ctx is done.
func execQuery(ctx context.Context, l *query.Language, qs cgraph.QuadStore, text string, limit int, form resultForm) (res []any, more bool, err error) {
	sess := l.Session(qs)
	engineLimit := 0
	if limit > 0 {
		engineLimit = limit + 1 // one more, to tell whether the limit cut
	}
	it, err := sess.Execute(ctx, text, query.Options{Limit: engineLimit, Collation: form.collation})
	if err != nil {
		return nil, false, err
	}
	// Closing stops the engine: Gizmo's interrupts its JS VM.
	defer func() {
		if cerr := it.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	res = []any{}
	for it.Next(ctx) {
		r := it.Result()
		if form.convert != nil && r != nil {
			r = form.convert(r)
		}
		if r == nil {
			continue // Gizmo's script value, not a result
		}
		if limit > 0 && len(res) == limit {
			return res, true, nil
		}
		res = append(res, r)
	}
	if err := it.Err(); err != nil {
		return nil, false, err
	}
	return res, false, ctx.Err()
}

// oneLineError shows an engine's (possibly multi-line) message on one line.
type oneLineError struct{ err error }

func (e oneLineError) Error() string { return strings.Join(strings.Fields(e.err.Error()), " ") }
func (e oneLineError) Unwrap() error { return e.err }

// errQueryStopped is the error of an iterator stopped by guardStore.
var errQueryStopped = errors.New("query stopped at its deadline")

// guardStore returns qs seen through iterators that stop (Next, NextPath
// and Contains return false, Err returns errQueryStopped) once ctx is done.
// Cayley's iterators never look at the context themselves, and engines only
// check it between two results: wrapping the leaves of every iterator tree
// makes any query, however it is built, stop at the deadline.
//
// The view hides the store's own query optimiser (shape.Optimizer) and batch
// lookups: a bolt or in-memory store answers the same, a little slower.
// PostgreSQL stores are returned as they are: their optimiser turns queries
// into SQL, which runs with the context.
func guardStore(ctx context.Context, qs cgraph.QuadStore) cgraph.QuadStore {
	if _, ok := qs.(*csql.QuadStore); ok {
		return qs
	}
	return &guardedStore{QuadStore: qs, done: ctx.Done()}
}

type guardedStore struct {
	cgraph.QuadStore
	done <-chan struct{}
}

func (s *guardedStore) QuadIterator(d quad.Direction, v cgraph.Ref) cgraph.Iterator {
	return guardIterator(s.QuadStore.QuadIterator(d, v), s.done)
}

func (s *guardedStore) NodesAllIterator() cgraph.Iterator {
	return guardIterator(s.QuadStore.NodesAllIterator(), s.done)
}

func (s *guardedStore) QuadsAllIterator() cgraph.Iterator {
	return guardIterator(s.QuadStore.QuadsAllIterator(), s.done)
}

func isDone(done <-chan struct{}) bool {
	select {
	case <-done:
		return true
	default:
		return false
	}
}

// guardedIter is a legacy iterator that stops when done is closed. It also
// converts to an iterator shape (graph.IteratorFuture), guarded as well, so
// Cayley's newer iterators keep their native scan and lookup paths.
type guardedIter struct {
	cgraph.Iterator
	done <-chan struct{}
	err  error
}

func guardIterator(it cgraph.Iterator, done <-chan struct{}) cgraph.Iterator {
	if g, ok := it.(*guardedIter); ok {
		return g
	}
	return &guardedIter{Iterator: it, done: done}
}

func (it *guardedIter) stop() bool {
	if isDone(it.done) {
		it.err = errQueryStopped
		return true
	}
	return false
}

func (it *guardedIter) Next(ctx context.Context) bool {
	return !it.stop() && it.Iterator.Next(ctx)
}

func (it *guardedIter) NextPath(ctx context.Context) bool {
	return !it.stop() && it.Iterator.NextPath(ctx)
}

func (it *guardedIter) Contains(ctx context.Context, v cgraph.Ref) bool {
	return !it.stop() && it.Iterator.Contains(ctx, v)
}

func (it *guardedIter) Err() error {
	if it.err != nil {
		return it.err
	}
	return it.Iterator.Err()
}

func (it *guardedIter) Optimize() (cgraph.Iterator, bool) {
	nit, ok := it.Iterator.Optimize()
	if !ok {
		return it, false
	}
	return guardIterator(nit, it.done), true
}

func (it *guardedIter) AsShape() cgraph.IteratorShape {
	return &guardedShape{IteratorShape: cgraph.AsShape(it.Iterator), done: it.done}
}

var _ cgraph.IteratorFuture = (*guardedIter)(nil)

// guardedShape is an iterator shape whose scanners and indexes stop when
// done is closed.
type guardedShape struct {
	cgraph.IteratorShape
	done <-chan struct{}
}

func (s *guardedShape) Iterate() cgraph.Scanner {
	return &guardedScanner{Scanner: s.IteratorShape.Iterate(), done: s.done}
}

func (s *guardedShape) Lookup() cgraph.Index {
	return &guardedIndex{Index: s.IteratorShape.Lookup(), done: s.done}
}

func (s *guardedShape) Optimize(ctx context.Context) (cgraph.IteratorShape, bool) {
	ns, ok := s.IteratorShape.Optimize(ctx)
	if !ok {
		return s, false
	}
	return &guardedShape{IteratorShape: ns, done: s.done}, true
}

func (s *guardedShape) AsLegacy() cgraph.Iterator {
	return guardIterator(cgraph.AsLegacy(s.IteratorShape), s.done)
}

var _ cgraph.IteratorShapeCompat = (*guardedShape)(nil)

type guardedScanner struct {
	cgraph.Scanner
	done <-chan struct{}
	err  error
}

func (it *guardedScanner) Next(ctx context.Context) bool {
	if isDone(it.done) {
		it.err = errQueryStopped
		return false
	}
	return it.Scanner.Next(ctx)
}

func (it *guardedScanner) NextPath(ctx context.Context) bool {
	if isDone(it.done) {
		it.err = errQueryStopped
		return false
	}
	return it.Scanner.NextPath(ctx)
}

func (it *guardedScanner) Err() error {
	if it.err != nil {
		return it.err
	}
	return it.Scanner.Err()
}

type guardedIndex struct {
	cgraph.Index
	done <-chan struct{}
	err  error
}

func (it *guardedIndex) Contains(ctx context.Context, v cgraph.Ref) bool {
	if isDone(it.done) {
		it.err = errQueryStopped
		return false
	}
	return it.Index.Contains(ctx, v)
}

func (it *guardedIndex) NextPath(ctx context.Context) bool {
	if isDone(it.done) {
		it.err = errQueryStopped
		return false
	}
	return it.Index.NextPath(ctx)
}

func (it *guardedIndex) Err() error {
	if it.err != nil {
		return it.err
	}
	return it.Index.Err()
}
