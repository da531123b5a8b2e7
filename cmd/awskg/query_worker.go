package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/dustin/go-humanize"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad/pquads"

	"github.com/awskg/awskg/graph"
)

// Raw queries (`awskg query`, the REPL's :gizmo and :graphql) run in a child
// process, a query worker: `awskg query --internal-worker`, which reads a
// job and the graph on its standard input and writes the results on its
// standard output. Whatever a query does, the awskg process survives it:
//
//   - a panic in a goroutine an engine starts (Gizmo runs each script in a
//     goroutine of its own, and Cayley v0.7.7 panics on paths such as
//     Tag("s").OutPredicates().Back("s")) cannot be recovered in-process: it
//     ends the worker, and the query fails with the panic's message;
//   - the worker's address space is limited to --max-memory (and some
//     slack) above what it had at start (Linux), so a memory bomb makes it
//     fail an allocation and die long before the machine runs short;
//   - the worker stops itself at the deadline (see queryGraph), and is
//     killed workerKillGrace after it if it has not, even in the middle of a
//     long native operation (a huge string concatenation, a parser).
const workerFlag = "--internal-worker"

// defaultMaxMemory bounds a query worker's memory.
const defaultMaxMemory = 1 << 30

// workerKillGrace is how long after its deadline a worker that has not
// stopped by itself is killed.
const workerKillGrace = 100 * time.Millisecond

// workerStderrKeep is how much of a worker's standard error is kept to
// explain how it died (the first line of a panic or a fatal error).
const workerStderrKeep = 64 << 10

// workerJob is the first line of a worker's standard input. The graph
// follows in pquads, unless DSN names a store (a bolt directory or a
// PostgreSQL database) the worker opens itself, read-only.
type workerJob struct {
	Lang  string `json:"lang"`
	Query string `json:"query"`
	Limit int    `json:"limit"`
	// Deadline is when the query must stop (zero: never); the parent kills
	// the worker workerKillGrace after it.
	Deadline  time.Time `json:"deadline"`
	MaxMemory int64     `json:"max_memory"`
	REPL      bool      `json:"repl,omitempty"` // keep a Gizmo script's value and hints
	DSN       string    `json:"dsn,omitempty"`
}

// workerRecord is one line of a worker's output: a result ("r"), a Gizmo
// script's value ("meta"), a hint ("hint"), and last "end", with the error
// of the query if it failed.
type workerRecord struct {
	Kind    string          `json:"k"`
	Value   json.RawMessage `json:"v,omitempty"`
	Hint    string          `json:"hint,omitempty"`
	More    bool            `json:"more,omitempty"`
	Code    string          `json:"code,omitempty"`
	Message string          `json:"msg,omitempty"`
	Cause   string          `json:"cause,omitempty"`
	// Open is set when the error is the store's, which the worker could
	// not open (missing, damaged, in use).
	Open bool `json:"open,omitempty"`
}

// workerGraph is the graph a worker queries: a store the worker opens
// itself (the --db of the run), or quads sent to it in pquads, encoded on
// first use from a quad store (in its order) or from nodes and facts (the
// quads a store loaded with them would hold, in that store's order). It is
// not safe for concurrent use.
type workerGraph struct {
	dsn   string
	qs    cgraph.QuadStore
	nodes []graph.Node
	facts []graph.Fact
	quads []byte // nil until encoded
}

// newWorkerGraph returns the graph of qs for workers; db is the --db of the
// run (a PostgreSQL store is opened by the worker rather than copied).
func newWorkerGraph(qs cgraph.QuadStore, db string) *workerGraph {
	g := &workerGraph{qs: qs}
	if _, ok := qs.(*csql.QuadStore); ok && graph.IsPostgresDSN(db) {
		g.dsn = db
	}
	return g
}

// quadsWorkerGraph returns the graph of nodes and facts for workers,
// without loading them into a store here.
func quadsWorkerGraph(nodes []graph.Node, facts []graph.Fact) *workerGraph {
	return &workerGraph{nodes: nodes, facts: facts}
}

// encoded returns the quads of the graph in pquads, in the store's order
// (a memstore built from them gives the same node order, so results come
// in the same order as on the store itself). A failure is not kept: the
// next call tries again.
func (g *workerGraph) encoded(ctx context.Context) ([]byte, error) {
	if g.quads != nil {
		return g.quads, nil
	}
	var b bytes.Buffer
	w := pquads.NewWriter(&b, &pquads.Options{Full: true})
	if g.qs == nil {
		for _, q := range graph.UniqueQuads(graph.Quads(g.nodes, g.facts)) {
			if err := w.WriteQuad(q); err != nil {
				return nil, fmt.Errorf("encode the graph for the query worker: %w", err)
			}
		}
	} else {
		it := g.qs.QuadsAllIterator()
		defer it.Close()
		for it.Next(ctx) {
			if err := w.WriteQuad(g.qs.Quad(it.Result())); err != nil {
				return nil, fmt.Errorf("encode the graph for the query worker: %w", err)
			}
		}
		if err := it.Err(); err != nil {
			return nil, fmt.Errorf("read the graph for the query worker: %w", err)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("read the graph for the query worker: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("encode the graph for the query worker: %w", err)
	}
	g.quads = b.Bytes()
	return g.quads, nil
}

// workerResult is a worker's outcome as the parent reads it.
type workerResult struct {
	results []any // json.RawMessage, or rawMeta and rawHint (REPL)
	more    bool
}

// workerCrashError is the error of a worker that died; it keeps the
// worker's standard error (a panic's stack trace) for --debug.
type workerCrashError struct {
	err   *graph.Error
	trace []byte
}

func (e *workerCrashError) Error() string { return e.err.Error() }
func (e *workerCrashError) Unwrap() error { return e.err }

// runContained runs job on g in a query worker, under ctx, stopping it
// timeout after it starts (0: no limit; a deadline of ctx counts too).
func runContained(ctx context.Context, g *workerGraph, job workerJob, timeout time.Duration) (workerResult, error) {
	if job.MaxMemory <= 0 {
		job.MaxMemory = defaultMaxMemory
	}
	if timeout > 0 {
		job.Deadline = time.Now().Add(timeout)
	}
	// ctxDeadline: the deadline is the caller's (the REPL's), not --timeout
	d, ctxDeadline := ctx.Deadline()
	if ctxDeadline = ctxDeadline && (job.Deadline.IsZero() || d.Before(job.Deadline)); ctxDeadline {
		job.Deadline = d
	}
	var input []byte
	if g.dsn != "" {
		job.DSN = g.dsn
	} else {
		var err error
		if input, err = g.encoded(ctx); err != nil {
			return workerResult{}, err
		}
	}
	header, err := json.Marshal(job)
	if err != nil {
		return workerResult{}, fmt.Errorf("encode the query for the worker: %w", err)
	}
	exe, err := os.Executable()
	if err != nil {
		return workerResult{}, fmt.Errorf("find the awskg binary for the query worker: %w", err)
	}

	// The worker stops itself at the deadline; killCtx kills it if it has
	// not shortly after, and at once on Ctrl-C.
	killCtx, cancel := context.WithCancel(ctx)
	if !job.Deadline.IsZero() {
		killCtx, cancel = context.WithDeadline(ctx, job.Deadline.Add(workerKillGrace))
	}
	defer cancel()
	cmd := exec.CommandContext(killCtx, exe, "query", workerFlag)
	cmd.SysProcAttr = workerProcAttr()
	cmd.Stdin = io.MultiReader(bytes.NewReader(header), strings.NewReader("\n"), bytes.NewReader(input))
	stderr := &headBuffer{max: workerStderrKeep}
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return workerResult{}, fmt.Errorf("start the query worker: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return workerResult{}, fmt.Errorf("start the query worker: %w", err)
	}
	// Results are read whole before they are printed: what the parent
	// holds is bounded as the worker's memory is.
	res, end, readErr := readWorkerOutput(stdout, job.MaxMemory)
	if readErr != nil {
		cancel() // kill the worker: its output is unusable
		io.Copy(io.Discard, stdout)
	}
	waitErr := cmd.Wait()

	timedOut := end != nil && end.Code == graph.ETIMEOUT || end == nil && readErr == nil && killCtx.Err() != nil
	switch {
	case ctx.Err() != nil && !errors.Is(ctx.Err(), context.DeadlineExceeded):
		return workerResult{}, fmt.Errorf("%s query interrupted: %w", job.Lang, ctx.Err())
	case timedOut && ctxDeadline:
		// The worker saw the caller's deadline pass; so will the caller.
		<-ctx.Done()
		return workerResult{}, fmt.Errorf("%s query: %w", job.Lang, context.Cause(ctx))
	case timedOut:
		return workerResult{}, timeoutError(job.Lang, timeout)
	case end != nil && end.Code != "" && end.Open:
		return workerResult{}, storeOpenError(job.DSN, workerError(end))
	case end != nil && end.Code != "":
		return workerResult{}, workerError(end)
	case end != nil:
		return workerResult{results: res, more: end.More}, nil
	case readErr != nil:
		return workerResult{}, readErr
	}
	return workerResult{}, workerCrash(job, waitErr, stderr.Bytes())
}

// timeoutError is the error of a query stopped at its deadline.
func timeoutError(lang string, timeout time.Duration) error {
	return &graph.Error{Code: graph.ETIMEOUT, Message: fmt.Sprintf("the %s query ran past --timeout %s and was stopped", lang, timeout), Err: context.DeadlineExceeded}
}

// readWorkerOutput reads a worker's records up to its "end" record, at
// most limit bytes of them. It returns a nil end record when the output
// stops before it (the worker died).
func readWorkerOutput(r io.Reader, limit int64) ([]any, *workerRecord, error) {
	lr := &io.LimitedReader{R: r, N: limit + 1}
	dec := json.NewDecoder(lr)
	res := []any{}
	for n := 1; ; n++ {
		var rec workerRecord
		if err := dec.Decode(&rec); err != nil {
			if lr.N <= 0 {
				return nil, nil, &graph.Error{Code: graph.ELIMIT, Message: fmt.Sprintf("the query's results are over --max-memory %s", humanize.IBytes(uint64(limit)))}
			}
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, nil, nil
			}
			return nil, nil, fmt.Errorf("read the query worker's output: %w", err)
		}
		switch rec.Kind {
		case "r":
			res = append(res, rec.Value)
		case "meta":
			res = append(res, rawMeta{rec.Value})
		case "hint":
			res = append(res, rawHint(rec.Hint))
		case "end":
			return res, &rec, nil
		default:
			return nil, nil, fmt.Errorf("read the query worker's output: record %d of unknown kind %q", n, rec.Kind)
		}
	}
}

// workerError rebuilds the error a worker reported.
func workerError(end *workerRecord) error {
	e := &graph.Error{Code: end.Code, Message: end.Message}
	if end.Cause != "" {
		e.Err = errors.New(end.Cause)
	}
	return e
}

// workerCrash explains a worker that ended without reporting: it ran out
// of memory, or an engine panicked or hit a fatal runtime error.
func workerCrash(job workerJob, waitErr error, stderr []byte) error {
	trace := append([]byte(nil), stderr...)
	if bytes.Contains(stderr, []byte("out of memory")) || bytes.Contains(stderr, []byte("cannot allocate memory")) || bytes.Contains(stderr, []byte("errno=12")) {
		return &workerCrashError{trace: trace, err: &graph.Error{Code: graph.ELIMIT,
			Message: fmt.Sprintf("the %s query used more than --max-memory %s and was stopped", job.Lang, humanize.IBytes(uint64(job.MaxMemory)))}}
	}
	why, first := "", ""
	sc := bufio.NewScanner(bytes.NewReader(stderr))
	sc.Buffer(make([]byte, 4096), workerStderrKeep)
	for sc.Scan() {
		line := sc.Text()
		if first == "" {
			first = strings.TrimSpace(line)
		}
		if m, ok := strings.CutPrefix(line, "panic: "); ok {
			why = strings.TrimSuffix(m, " [recovered]")
			break
		}
		if m, ok := strings.CutPrefix(line, "fatal error: "); ok {
			why = m
			break
		}
		if m, ok := strings.CutPrefix(line, "awskg: "); ok && why == "" {
			why = m // the worker's own error (a bad job)
		}
	}
	if why == "" {
		why = fmt.Sprint(waitErr)
		if first != "" {
			why += ": " + first
		}
	}
	return &workerCrashError{trace: trace, err: graph.Errorf(graph.EINTERNAL, "the %s engine crashed on this query: %s", job.Lang, why)}
}

// gizmoScriptFrame is the function of the goroutine Gizmo runs a script in.
const gizmoScriptFrame = "cayley/query/gizmo.(*results).Next.func1("

// awaitGizmoScripts waits until no goroutine runs a Gizmo script (the
// parent kills the worker at the deadline if one never ends).
//
// Gizmo closes the channel its script goroutine reports on in a deferred
// call: when the script panics, that close runs first, the engine sees a
// script that ended without error, and the panic kills the process only a
// moment later. Reporting success before the script goroutine has really
// ended races that panic, and sometimes wins (printing "[]", exit 0): the
// goroutine ends by returning, or never, as the process dies.
func awaitGizmoScripts() {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n == len(buf) {
			buf = make([]byte, 2*len(buf))
			continue
		}
		if !bytes.Contains(buf[:n], []byte(gizmoScriptFrame)) {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// headBuffer keeps the first max bytes written to it.
type headBuffer struct {
	mu  sync.Mutex
	max int
	b   bytes.Buffer
}

func (h *headBuffer) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if room := h.max - h.b.Len(); room > 0 {
		h.b.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (h *headBuffer) Bytes() []byte {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.b.Bytes()
}

// runQueryWorker is the worker's side: it reads the job and the graph from
// in, runs the query and writes records to out. A query that fails is
// reported in the "end" record; only a job it cannot read is an error.
func runQueryWorker(ctx context.Context, in io.Reader, out io.Writer) error {
	br := bufio.NewReaderSize(in, 1<<16)
	line, err := br.ReadBytes('\n')
	if err != nil {
		return fmt.Errorf("query worker: read the job: %w", err)
	}
	var job workerJob
	if err := json.Unmarshal(line, &job); err != nil {
		return fmt.Errorf("query worker: read the job: %w", err)
	}
	if job.MaxMemory <= 0 {
		job.MaxMemory = defaultMaxMemory
	}

	var qs cgraph.QuadStore
	if job.DSN != "" {
		// Opened before the memory bound, which counts from what the
		// worker holds then: a bolt store's mapped file is not the query's.
		st, err := graph.OpenReadOnly(ctx, job.DSN)
		if err != nil {
			return writeWorkerEnd(out, workerEndOf(err, true))
		}
		defer st.Close()
		qs = st.QuadStore()
		limitWorkerMemory(job.MaxMemory)
	} else {
		limitWorkerMemory(job.MaxMemory)
		mem := memstore.New()
		r := pquads.NewReader(br, 0)
		for {
			q, err := r.ReadQuad()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return fmt.Errorf("query worker: read the graph: %w", err)
			}
			mem.AddQuad(q)
		}
		qs = mem
	}

	form := jsonResults
	if job.REPL && job.Lang == modeGizmo {
		form = gizmoREPLForm(qs)
	}
	timeout := time.Duration(0)
	if !job.Deadline.IsZero() {
		// past the deadline already: a timeout that ends at once
		timeout = max(time.Until(job.Deadline), time.Nanosecond)
	}
	res, more, finished, qerr := queryGraphWatched(ctx, qs, job.Lang, job.Query, job.Limit, timeout, form)
	if qerr == nil && job.Lang == modeGizmo {
		<-finished
		awaitGizmoScripts()
	}

	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	var val bytes.Buffer
	venc := json.NewEncoder(&val)
	venc.SetEscapeHTML(false) // IRIs are <...>: keep them readable
	encode := func(v any) (json.RawMessage, error) {
		val.Reset()
		if err := venc.Encode(v); err != nil {
			return nil, err
		}
		return bytes.TrimSuffix(val.Bytes(), []byte("\n")), nil
	}
	for i, r := range res {
		if qerr != nil {
			break
		}
		rec := workerRecord{Kind: "r"}
		switch v := r.(type) {
		case rawHint:
			rec = workerRecord{Kind: "hint", Hint: string(v)}
		case rawMeta:
			rec.Kind = "meta"
			r = v.v
		}
		if rec.Kind != "hint" {
			b, err := encode(r)
			if err != nil {
				qerr = &graph.Error{Code: graph.EINVALID, Message: fmt.Sprintf("print %s result %d", job.Lang, i+1), Err: err}
				break
			}
			rec.Value = b
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	end := workerRecord{Kind: "end", More: more}
	if qerr != nil {
		end = workerEndOf(qerr, false)
	}
	if err := enc.Encode(end); err != nil {
		return err
	}
	return w.Flush()
}

// workerEndOf is the "end" record of a failed query (or store, when open).
func workerEndOf(err error, open bool) workerRecord {
	end := workerRecord{Kind: "end", Code: graph.ErrorCode(err), Message: err.Error(), Open: open}
	var ge *graph.Error
	if errors.As(err, &ge) {
		end.Message = ge.Message
		if ge.Err != nil {
			end.Cause = ge.Err.Error()
		}
	}
	if errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		end.Code = graph.EINTERNAL
	}
	return end
}

// writeWorkerEnd writes a lone "end" record.
func writeWorkerEnd(out io.Writer, end workerRecord) error {
	b, err := json.Marshal(end)
	if err != nil {
		return err
	}
	_, err = out.Write(append(b, '\n'))
	return err
}
