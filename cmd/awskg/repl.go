package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/peterh/liner"
	"github.com/spf13/cobra"

	"github.com/awskg/awskg/queries"
)

// ReplOptions are the inputs of `awskg repl`.
type ReplOptions struct {
	IO      *IOStreams
	Engine  func(context.Context) (*queries.Engine, error)
	Factory *Factory
	Ctx     context.Context
	Timeout time.Duration
}

// NewCmdRepl builds `awskg repl`.
func NewCmdRepl(f *Factory, runF func(*ReplOptions) error) *cobra.Command {
	opts := &ReplOptions{IO: f.IO, Engine: f.Engine, Factory: f}
	cmd := &cobra.Command{
		Use:   "repl",
		Short: "Explore the graph interactively",
		Long: `Ask questions one after another. On a terminal: line editing, history,
completion and colon commands (:help lists them). With piped input the REPL
reads one question per line and prints what ask prints for each.`,
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

// session is the state of one REPL session.
type session struct {
	opts *ReplOptions
	eng  *queries.Engine
	last *queries.Result
	json bool
}

func runRepl(opts *ReplOptions) error {
	ctx := opts.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	eng, err := opts.Engine(ctx)
	if err != nil {
		return err
	}
	s := &session{opts: opts, eng: eng}
	if !opts.IO.IsStdinTTY() {
		return s.piped(ctx)
	}
	ln := liner.NewLiner()
	defer ln.Close()
	ln.SetCtrlCAborts(true)
	fmt.Fprintln(opts.IO.Out, opts.IO.Dim("awskg: ask a question, or :help. Ctrl-D quits."))
	for {
		line, err := ln.Prompt("awskg> ")
		if errors.Is(err, liner.ErrPromptAborted) {
			continue
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				fmt.Fprintln(opts.IO.Out)
				return nil
			}
			return fmt.Errorf("read line: %w", err)
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		ln.AppendHistory(line)
		if quit := s.exec(ctx, line); quit {
			return nil
		}
	}
}

// piped answers one question per line, printing what ask prints.
func (s *session) piped(ctx context.Context) error {
	sc := bufio.NewScanner(s.opts.IO.In)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	failed := 0
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, ":") {
			if s.exec(ctx, line) {
				break
			}
			continue
		}
		res, err := askOne(ctx, s.eng, line, s.opts.Timeout)
		if err != nil {
			failed++
			fmt.Fprintf(s.opts.IO.ErrOut, "awskg: %s\n", oneLine(err.Error()))
			continue
		}
		if err := printResult(s.opts.IO, res, s.json, 0); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read input: %w", err)
	}
	if failed > 0 {
		return silentError{code: exitError}
	}
	return nil
}

// exec runs one REPL line; it reports whether the session should end.
func (s *session) exec(ctx context.Context, line string) bool {
	out := s.opts.IO
	if !strings.HasPrefix(line, ":") {
		start := time.Now()
		res, err := askOne(ctx, s.eng, line, s.opts.Timeout)
		if err != nil {
			fmt.Fprintf(out.ErrOut, "%s\n", out.Red(oneLine(err.Error())))
			return false
		}
		s.last = res
		if err := printResult(out, res, s.json, time.Since(start)); err != nil {
			fmt.Fprintf(out.ErrOut, "%s\n", err)
		}
		return false
	}
	fields := strings.Fields(line)
	cmd, args := fields[0], strings.TrimSpace(strings.TrimPrefix(line, fields[0]))
	switch cmd {
	case ":quit", ":q", ":exit":
		return true
	case ":help", ":h":
		fmt.Fprint(out.Out, replHelp)
	case ":format":
		s.json = args == "json"
	case ":why":
		s.why(args)
	default:
		fmt.Fprintf(out.ErrOut, "unknown command %s (try :help)\n", cmd)
	}
	return false
}

const replHelp = `Ask a question in plain words, e.g. "which services support cross-account".
  :why N              all sources of answer N of the last result
  :format table|json  how answers are printed
  :help               this list
  :quit               leave (or Ctrl-D)
`

func (s *session) why(arg string) {
	out := s.opts.IO
	if s.last == nil {
		fmt.Fprintln(out.ErrOut, "no answer yet: ask a question first")
		return
	}
	var n int
	if _, err := fmt.Sscanf(arg, "%d", &n); err != nil || n < 1 || n > len(s.last.Answers) {
		fmt.Fprintf(out.ErrOut, ":why takes an answer number from 1 to %d\n", len(s.last.Answers))
		return
	}
	a := s.last.Answers[n-1]
	fmt.Fprintf(out.Out, "%s\n", out.Bold(a.Name))
	for _, src := range a.Sources {
		fmt.Fprintf(out.Out, "  %s\n", src)
	}
}
