package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/queries"
)

const defaultTimeout = 10 * time.Second

// AskOptions are the inputs of `awskg ask`.
type AskOptions struct {
	IO      *IOStreams
	Engine  func(context.Context) (*queries.Engine, error)
	Now     func() time.Time
	Ctx     context.Context
	Timeout time.Duration

	Question string
	File     string // batch: one question per line, "-" for stdin
	JSON     bool
	Explain  int // print this many readings with their scores to stderr
}

// NewCmdAsk builds `awskg ask`.
func NewCmdAsk(f *Factory, runF func(*AskOptions) error) *cobra.Command {
	opts := &AskOptions{IO: f.IO, Engine: f.Engine, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "ask [QUESTION]",
		Short: "Answer a question from the notes",
		Long: `Answer a question about the notes. On a terminal the answers are a table;
piped, one answer per line (name, detail, sources separated by tabs); with
--json, the object {"question", "intent", "answers": [{"name", "kind",
"detail", "sources"}]}.

With --file, questions are read one per line ("#" starts a comment, "-" reads
stdin); --json then prints JSON Lines, one object per question in input
order, and a failed question gives an object with "error". Exit status: 0
when every question was answered, 1 when any failed, 2 for usage errors and,
for a single question, for a question out of reach.`,
		Example: `  awskg ask "which services support cross-account"
  awskg ask --json "how do I get data from CloudWatch Logs to Athena"
  awskg ask --json --file questions.txt`,
		Args: func(cmd *cobra.Command, args []string) error {
			if opts.File == "" && len(args) == 0 {
				return flagError{errors.New("ask needs a QUESTION or --file FILE")}
			}
			if opts.File != "" && len(args) > 0 {
				return flagError{errors.New("give either a QUESTION or --file, not both")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Question = strings.Join(args, " ")
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return runAsk(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON (JSON Lines with --file)")
	cmd.Flags().StringVarP(&opts.File, "file", "f", "", "read questions from `FILE`, one per line (- for stdin)")
	cmd.Flags().DurationVar(&opts.Timeout, "timeout", defaultTimeout, "give up on a question after `DURATION`")
	cmd.Flags().IntVar(&opts.Explain, "explain", 0, "also print the `N` best readings of the question, with their scores, to stderr")
	return cmd
}

func runAsk(opts *AskOptions) error {
	ctx := opts.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	if opts.File != "" {
		return runBatch(ctx, opts)
	}
	eng, err := opts.Engine(ctx)
	if err != nil {
		return err
	}
	start := opts.Now()
	if err := explain(ctx, opts, eng, opts.Question); err != nil {
		return err
	}
	res, err := askOne(ctx, eng, opts.Question, opts.Timeout)
	if err != nil {
		return err
	}
	return printResult(opts.IO, res, opts.JSON, opts.Now().Sub(start))
}

// explain prints the opts.Explain best readings of a question to stderr,
// with their scores; nothing when --explain is not given.
func explain(ctx context.Context, opts *AskOptions, eng *queries.Engine, q string) error {
	if opts.Explain <= 0 {
		return nil
	}
	rs, err := eng.Readings(ctx, q, opts.Explain)
	if err != nil {
		return err
	}
	for _, r := range rs {
		fmt.Fprintf(opts.IO.ErrOut, "%6.3f  %-9s %4d  %s\n", r.Score, r.Type, r.Answers, r.Reading)
		if len(r.Terms) > 0 {
			fmt.Fprintf(opts.IO.ErrOut, "%23s%s\n", "", strings.Join(r.Terms, " "))
		}
	}
	return nil
}

func askOne(ctx context.Context, eng *queries.Engine, q string, timeout time.Duration) (*queries.Result, error) {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	res, err := eng.Ask(ctx, q)
	if err != nil && ctx.Err() != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
		return nil, &graph.Error{Code: graph.ETIMEOUT, Message: fmt.Sprintf("question %q took longer than %s", q, timeout)}
	}
	return res, err
}

// printResult prints one result as JSON, a table (terminal) or plain lines.
func printResult(s *IOStreams, res *queries.Result, asJSON bool, took time.Duration) error {
	if asJSON {
		enc := json.NewEncoder(s.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	if !s.IsStdoutTTY() {
		for _, a := range res.Answers {
			fmt.Fprintf(s.Out, "%s\t%s\t%s\n", a.Name, a.Detail, strings.Join(a.Sources, ","))
		}
		return nil
	}
	rows := make([][]string, len(res.Answers))
	for i, a := range res.Answers {
		rows[i] = []string{fmt.Sprint(i + 1), a.Name, a.Detail, shortSources(a.Sources)}
	}
	s.Table([]string{"#", "NAME", "DETAIL", "SOURCES"}, rows)
	for i, alt := range res.Alternatives {
		names := make([]string, len(alt))
		for j, a := range alt {
			names[j] = a.Name
		}
		fmt.Fprintf(s.Out, "%s %s\n", s.Dim(fmt.Sprintf("alternative %d:", i+1)), strings.Join(names, " > "))
	}
	about := res.Intent
	if res.Reading != "" {
		about = "read as: " + res.Reading
	} else if len(res.Understood) > 0 {
		about += ": " + strings.Join(res.Understood, ", ")
	}
	fmt.Fprintln(s.Out, s.Dim(fmt.Sprintf("%d answers (%s) in %s", len(res.Answers), about, took.Round(100*time.Microsecond))))
	return nil
}

// shortSources abbreviates "data/notes/002_653d9272087ba1e1.txt:745" to "002:745".
func shortSources(src []string) string {
	out := make([]string, 0, len(src))
	for _, s := range src {
		file, line := s, ""
		if i := strings.LastIndex(s, ":"); i > 0 {
			file, line = s[:i], s[i:]
		}
		base := filepath.Base(file)
		if i := strings.Index(base, "_"); i > 0 {
			base = base[:i]
		}
		out = append(out, base+line)
	}
	if len(out) > 3 {
		return strings.Join(out[:3], " ") + fmt.Sprintf(" +%d", len(out)-3)
	}
	return strings.Join(out, " ")
}

// batchLine is one object of a JSON Lines batch.
type batchLine struct {
	*queries.Result
	Question string `json:"question"`
	Error    string `json:"error,omitempty"`
}

func runBatch(ctx context.Context, opts *AskOptions) error {
	var r io.Reader
	if opts.File == "-" {
		r = opts.IO.In
	} else {
		fh, err := os.Open(opts.File)
		if err != nil {
			return &graph.Error{Code: graph.ENOTFOUND, Message: fmt.Sprintf("open questions file %q", opts.File), Err: errors.Unwrap(err)}
		}
		defer fh.Close()
		r = fh
	}
	eng, err := opts.Engine(ctx)
	if err != nil {
		return err
	}
	lines := newInputLines(r, maxInputLine)
	failed, total := 0, 0
	enc := json.NewEncoder(opts.IO.Out)
	fail := func(q string, err error) error {
		failed++
		if opts.JSON {
			return enc.Encode(batchLine{Question: q, Error: oneLine(err.Error())})
		}
		fmt.Fprintf(opts.IO.ErrOut, "awskg: %s\n", oneLine(err.Error()))
		return nil
	}
	for {
		line, size, err := lines.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return &graph.Error{Code: graph.EINVALID, Message: "read questions", Err: err}
		}
		q := strings.TrimSpace(line)
		if q == "" && size <= maxInputLine || strings.HasPrefix(q, "#") {
			continue
		}
		total++
		if size > maxInputLine {
			// Not kept whole: report it by its number and its start.
			err := graph.Errorf(graph.EINVALID, "line %d: question is %d bytes, over the %d-byte limit", lines.n, size, queries.MaxQuestionBytes)
			if err := fail(cutEnd(q, 80), err); err != nil {
				return err
			}
			continue
		}
		start := opts.Now()
		if opts.Explain > 0 {
			fmt.Fprintf(opts.IO.ErrOut, "# %s\n", q) // which question the readings below are of
			if err := explain(ctx, opts, eng, q); err != nil {
				if err := fail(q, err); err != nil {
					return err
				}
				continue
			}
		}
		res, err := askOne(ctx, eng, q, opts.Timeout)
		if err != nil {
			if err := fail(q, err); err != nil {
				return err
			}
			continue
		}
		if opts.JSON {
			if err := enc.Encode(batchLine{Result: res, Question: q}); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(opts.IO.Out, "# %s\n", q)
		if err := printResult(opts.IO, res, false, opts.Now().Sub(start)); err != nil {
			return err
		}
	}
	if failed > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "awskg: %d of %d questions failed\n", failed, total)
		return silentError{code: exitError}
	}
	return nil
}
