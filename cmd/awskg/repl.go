package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"time"

	"github.com/peterh/liner"
	"github.com/spf13/cobra"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
	"github.com/awskg/awskg/queries"
)

// ReplOptions are the inputs of `awskg repl`.
type ReplOptions struct {
	IO      *IOStreams
	Engine  func(context.Context) (*queries.Engine, error)
	Factory *Factory
	Ctx     context.Context
	Timeout time.Duration
	// Now is the clock of elapsed times; nil means time.Now.
	Now func() time.Time
	// HistoryFile overrides the history file; "" means the default
	// ($XDG_STATE_HOME/awskg/history), "-" keeps no history file.
	HistoryFile string
}

// NewCmdRepl builds `awskg repl`.
func NewCmdRepl(f *Factory, runF func(*ReplOptions) error) *cobra.Command {
	opts := &ReplOptions{IO: f.IO, Engine: f.Engine, Factory: f, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "repl",
		Short: "Explore the graph interactively",
		Long: `Ask questions one after another. On a terminal: line editing, history
($XDG_STATE_HOME/awskg/history, Ctrl-R searches it), Tab completion of
commands, service names and predicates, and colon commands (:help lists
them): the sources of an answer with the note lines' text, everything the
graph holds about a node, neighbourhoods, paths, comparisons, rendering the
last answer, Cayley's own Gizmo and GraphQL queries, and more notes read live.

Ctrl-C cancels the running query (or clears the line), Ctrl-D quits. Every
query runs under --timeout.

With piped input the REPL reads one question per line, prints no prompt and
prints what ask prints for each.`,
		Example: `  awskg repl
  printf 'which services support cross-account\nwhat is CloudTrail\n' | awskg repl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return runRepl(opts)
		},
	}
	cmd.Flags().DurationVar(&opts.Timeout, "timeout", defaultTimeout, "give up on a query after `DURATION`")
	return cmd
}

// Modes of the REPL: what a line that is not a colon command is.
const (
	modeAsk     = "ask"
	modeGizmo   = "gizmo"
	modeGraphQL = "graphql"
)

// errQuit ends the session.
var errQuit = errors.New("quit")

// errCancelled reports a query cancelled with Ctrl-C.
var errCancelled = errors.New("query cancelled (Ctrl-C)")

// session is the state of one REPL session.
type session struct {
	opts        *ReplOptions
	io          *IOStreams
	now         func() time.Time
	eng         *queries.Engine
	interactive bool // reading a terminal: signals cancel queries, errors in red

	// corpus holds the ingested notes, for quoting cited lines; nil when the
	// graph was read from a store (corpusErr says why).
	corpus    *ingest.Corpus
	corpusErr error
	// notes are the paths added with :notes.
	notes []string
	// warned holds the warnings already printed: every :notes reads the
	// earlier notes again, and says a warning about them once
	warned map[string]bool

	last    *queries.Result // the last answer, for :why and :render
	json    bool            // :format json
	mode    string          // modeAsk, modeGizmo or modeGraphQL
	pending []string        // lines of a raw query whose brackets are still open
	history *history
	// recall adds an entry to the line editor's history (Up, Ctrl-R).
	recall   func(string)
	renderer *graph.Renderer
	// ownRenderer is set when the renderer is the session's, not the
	// factory's (which the factory closes).
	ownRenderer bool
	words       *vocabulary  // completion candidates, built on first Tab
	rawGraph    *workerGraph // the graph raw queries run on, encoded once; nil until the first
	failed      int          // piped lines that failed
}

func newSession(ctx context.Context, opts *ReplOptions) (*session, error) {
	eng, err := opts.Engine(ctx)
	if err != nil {
		return nil, err
	}
	s := &session{opts: opts, io: opts.IO, now: opts.Now, eng: eng, mode: modeAsk}
	if s.now == nil {
		s.now = time.Now
	}
	f := opts.Factory
	if f == nil {
		s.renderer, s.ownRenderer = graph.NewRenderer(), true
		s.corpusErr = errors.New("the notes are not at hand in this session")
		return s, nil
	}
	s.renderer = f.Renderer()
	s.corpus, s.corpusErr = f.Corpus(ctx)
	return s, nil
}

// close releases what the session owns.
func (s *session) close() error {
	var errs []error
	if s.ownRenderer {
		errs = append(errs, s.renderer.Close())
	}
	return errors.Join(errs...)
}

func runRepl(opts *ReplOptions) error {
	ctx := opts.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	if opts.Timeout <= 0 {
		opts.Timeout = defaultTimeout
	}
	s, err := newSession(ctx, opts)
	if err != nil {
		return err
	}
	defer s.close()
	if !opts.IO.IsStdinTTY() {
		return s.piped(ctx)
	}
	s.interactive = true
	// SIGINT never ends an interactive session: main's signal context would
	// cancel ctx on the first Ctrl-C, so queries run under a context of
	// their own that only a Ctrl-C during that query cancels.
	return s.terminal(context.WithoutCancel(ctx))
}

// lineReader reads the lines of a session.
type lineReader interface {
	// Prompt reads one line. It returns liner.ErrPromptAborted on Ctrl-C and
	// io.EOF at the end of the input (Ctrl-D).
	Prompt(prompt string) (string, error)
}

// terminal runs an interactive session with line editing. Whatever ends
// it (Ctrl-D, :quit, SIGTERM, SIGHUP, SIGQUIT), the terminal gets its mode
// back; the history is written entry by entry, so nothing entered is lost.
func (s *session) terminal(ctx context.Context) error {
	hist, err := openHistory(s.opts.HistoryFile)
	if err != nil {
		fmt.Fprintf(s.io.ErrOut, "%s\n", s.io.Red("history: "+oneLine(err.Error())))
	}
	s.history = hist
	ln := liner.NewLiner()
	restore := sync.OnceFunc(func() { ln.Close() })
	stop := onEndSignal(restore)
	defer stop() // after restore: a signal in between finds the terminal restored
	defer restore()
	ln.SetCtrlCAborts(true)
	ln.SetTabCompletionStyle(liner.TabPrints)
	ln.SetWordCompleter(s.complete)
	for _, h := range hist.entries {
		ln.AppendHistory(h)
	}
	s.recall = ln.AppendHistory
	fmt.Fprintln(s.io.Out, s.io.Dim(fmt.Sprintf("awskg: %d nodes. Ask a question, or :help. Tab completes, Ctrl-R searches history, Ctrl-D quits.", len(s.eng.Nodes()))))
	return s.loop(ctx, ln)
}

// prompt is the prompt of the next line.
func (s *session) prompt() string {
	if len(s.pending) > 0 {
		return "...> "
	}
	if s.mode == modeAsk {
		return "awskg> "
	}
	return s.mode + "> "
}

// loop reads and runs lines until the input ends or :quit. Each entry
// (a line, or the lines of a raw query up to its closing bracket) goes to
// the history once it is complete; Ctrl-C drops it.
func (s *session) loop(ctx context.Context, r lineReader) error {
	var entry []string
	for {
		line, err := r.Prompt(s.prompt())
		switch {
		case errors.Is(err, liner.ErrPromptAborted):
			s.pending = nil // Ctrl-C clears the line and any open raw query
			entry = nil
			continue
		case errors.Is(err, io.EOF):
			fmt.Fprintln(s.io.Out)
			return nil
		case err != nil:
			return fmt.Errorf("read line: %w", err)
		}
		entry = append(entry, line)
		err = s.exec(ctx, line)
		if len(s.pending) == 0 {
			s.remember(strings.Join(entry, "\n"))
			entry = nil
		}
		if errors.Is(err, errQuit) {
			return nil
		}
	}
}

// remember adds a complete entry to the history file and to the line
// editor's history.
func (s *session) remember(entry string) {
	entry = normalizeEntry(entry)
	if entry == "" {
		return
	}
	if s.history != nil {
		if err := s.history.add(entry); err != nil {
			fmt.Fprintf(s.io.ErrOut, "%s\n", s.io.Red("history: "+oneLine(err.Error())+" (kept in memory only)"))
		}
	}
	if s.recall != nil {
		s.recall(entry)
	}
}

// piped answers one line at a time from a pipe, printing no prompt and, for
// questions, exactly what ask prints.
func (s *session) piped(ctx context.Context) error {
	lines := newInputLines(s.io.In, maxInputLine)
	for {
		line, size, err := lines.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return &graph.Error{Code: graph.EINVALID, Message: "read input", Err: err}
		}
		if size > maxInputLine {
			s.tooLong(lines.n, line, size)
			continue
		}
		if err := s.exec(ctx, line); errors.Is(err, errQuit) {
			break
		}
	}
	if len(s.pending) > 0 {
		s.fail(graph.Errorf(graph.EINVALID, "the input ended inside a %s query (brackets still open)", s.mode))
	}
	if s.failed > 0 {
		return silentError{code: exitError}
	}
	return nil
}

// tooLong reports a piped line over maxInputLine bytes, which is skipped
// (and with it the raw query it belonged to).
func (s *session) tooLong(n int, head string, size int) {
	switch {
	case len(s.pending) > 0 || s.mode != modeAsk:
		s.pending = nil
		s.fail(graph.Errorf(graph.EINVALID, "line %d is %d bytes, over the %d-byte line limit: the %s query is dropped", n, size, maxInputLine, s.mode))
	case strings.HasPrefix(strings.TrimSpace(head), "#"):
		// a comment, however long
	default:
		s.fail(graph.Errorf(graph.EINVALID, "line %d: question is %d bytes, over the %d-byte limit", n, size, queries.MaxQuestionBytes))
	}
}

// exec runs one input line: a colon command, a line of a raw query or a
// question. Errors are reported here; errQuit is returned to end the session.
func (s *session) exec(ctx context.Context, line string) error {
	trimmed := strings.TrimSpace(line)
	if len(s.pending) == 0 {
		switch {
		case trimmed == "":
			return nil
		case strings.HasPrefix(trimmed, "#") && s.mode == modeAsk:
			return nil // a comment line, as in ask --file
		case strings.HasPrefix(trimmed, ":"):
			err := s.command(ctx, trimmed)
			if err != nil && !errors.Is(err, errQuit) {
				s.fail(err)
			}
			return err
		}
	}
	if s.mode != modeAsk {
		s.pending = append(s.pending, line)
		text := strings.Join(s.pending, "\n")
		if openBrackets(text, s.mode) > 0 {
			return nil
		}
		s.pending = nil
		if err := s.raw(ctx, s.mode, text); err != nil {
			s.fail(err)
		}
		return nil
	}
	if err := s.ask(ctx, trimmed); err != nil {
		s.fail(err)
	}
	return nil
}

// fail reports an error: "awskg: ..." like ask when piped, in red on a
// terminal.
func (s *session) fail(err error) {
	msg := oneLine(err.Error())
	if !s.interactive {
		s.failed++
		fmt.Fprintf(s.io.ErrOut, "awskg: %s\n", msg)
		return
	}
	if errors.Is(err, errCancelled) {
		fmt.Fprintln(s.io.ErrOut, s.io.Red(msg))
		return
	}
	fmt.Fprintln(s.io.ErrOut, s.io.Red("error: "+msg))
}

// run runs one query under the session's timeout. In an interactive
// session a Ctrl-C (SIGINT) during the query cancels it, and only it: the
// signal handler is removed when the query returns.
func (s *session) run(ctx context.Context, timeout time.Duration, f func(ctx context.Context) error) error {
	qctx := ctx
	if s.interactive {
		var stop context.CancelFunc
		qctx, stop = signal.NotifyContext(ctx, os.Interrupt)
		defer stop()
	}
	tctx, cancel := context.WithTimeoutCause(qctx, timeout, errTimedOut{timeout})
	defer cancel()
	err := f(tctx)
	switch {
	case err == nil:
		return nil
	case qctx.Err() != nil && ctx.Err() == nil:
		return errCancelled
	case tctx.Err() != nil && graph.ErrorCode(err) != graph.ENOTFOUND:
		return &graph.Error{Code: graph.ETIMEOUT, Message: fmt.Sprintf("query took longer than %s and was stopped", timeout)}
	}
	return err
}

// errTimedOut is the cause of a query's context when --timeout expires.
type errTimedOut struct{ d time.Duration }

func (e errTimedOut) Error() string { return fmt.Sprintf("timed out after %s", e.d) }

// ask answers a question as `ask` does.
func (s *session) ask(ctx context.Context, q string) error {
	var res *queries.Result
	start := s.now()
	err := s.run(ctx, s.opts.Timeout+time.Second, func(ctx context.Context) error {
		var err error
		// askOne applies --timeout itself and words its message like ask.
		res, err = askOne(ctx, s.eng, q, s.opts.Timeout)
		return err
	})
	if err != nil {
		return err
	}
	s.last = res
	return printResult(s.io, res, s.json, s.now().Sub(start))
}

// result prints a result made by a colon command and keeps it for :why and
// :render.
func (s *session) result(res *queries.Result, took time.Duration) error {
	s.last = res
	return printResult(s.io, res, s.json, took)
}
