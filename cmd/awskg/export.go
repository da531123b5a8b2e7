package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/spf13/cobra"

	"github.com/awskg/awskg/graph"
)

// formatAliases are the short names of quad formats the commands accept
// besides Cayley's own (graph.Export and graph.Import take them too).
var formatAliases = map[string]string{"dot": "graphviz", "nq": "nquads"}

// quadFormat resolves a format name or alias to a quad format.
func quadFormat(name string) *quad.Format {
	n := strings.ToLower(strings.TrimSpace(name))
	if a, ok := formatAliases[n]; ok {
		n = a
	}
	return quad.FormatByName(n)
}

// formatOfFile guesses a quad format from a file name's extension; "" when
// the extension says nothing.
func formatOfFile(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == "" {
		return ""
	}
	if f := quad.FormatByExt(ext); f != nil {
		return f.Name
	}
	return ""
}

// ExportOptions are the inputs of `awskg export`.
type ExportOptions struct {
	IO    *IOStreams
	Store func(context.Context) (graph.Store, error)
	Ctx   context.Context

	Format string // a name of graph.ExportFormats or an alias; "" guesses from Output
	Output string // file to write, "" or "-" for stdout
}

// NewCmdExport builds `awskg export`.
func NewCmdExport(f *Factory, runF func(*ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{IO: f.IO, Store: f.Store}
	cmd := &cobra.Command{
		Use:   "export [--format FORMAT] [-o FILE]",
		Short: "Write the whole graph as N-Quads, JSON, pquads, GraphML, GML or Graphviz",
		Long: `Write every quad of the graph (the embedded notes plus --notes, or the store
of --db), sorted, so the same graph always gives the same bytes.

Formats: nquads (nq), json, json-stream, pquads (binary), jsonld, graphml,
gml, graphviz (dot). The default is the format of -o's extension (.nq, .json,
.pq, .graphml, .gml, .dot, .gv, .jsonld), else nquads.

Sources are kept where the format has room for them: the graph label of
N-Quads, "label" in JSON, the label of pquads. GraphML, GML and Graphviz are
for drawing and drop them; JSON-LD keeps them but cannot be read back.
nquads, json, json-stream and pquads round-trip exactly: awskg ingest
--from-quads reads them back into a store that exports the same bytes. In
N-Quads, the characters an IRI cannot hold (spaces, control characters,
<>"{}|^\ and the backtick) and '%' are percent-encoded:
<concept:rpo-%3C-1-min>.

With -o the file is written whole or not at all (a temporary file renamed
into place). pquads is binary and is not written to a terminal.`,
		Example: `  awskg export > graph.nq
  awskg export --format json -o graph.json
  awskg export --db ~/.awskg -o graph.pq
  awskg export --format dot | dot -Tsvg > graph.svg`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return flagError{fmt.Errorf("export takes no arguments, got %q (write to a file with -o FILE)", args[0])}
			}
			if opts.Format == "" {
				opts.Format = formatOfFile(opts.Output)
			}
			if opts.Format == "" {
				opts.Format = "nquads"
			}
			if f := quadFormat(opts.Format); f == nil || f.Writer == nil {
				return flagError{fmt.Errorf("unknown export format %q (use one of %s, or dot, nq)", opts.Format, strings.Join(graph.ExportFormats(), ", "))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return runExport(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "", "quad `FORMAT` (default: from -o's extension, else nquads)")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to `FILE` instead of stdout")
	return cmd
}

func runExport(opts *ExportOptions) error {
	ctx := opts.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	toStdout := opts.Output == "" || opts.Output == "-"
	if f := quadFormat(opts.Format); f != nil && f.Binary && toStdout && opts.IO.IsStdoutTTY() {
		return graph.Errorf(graph.EINVALID, "%s is a binary format: write it to a file with -o FILE, or redirect stdout", f.Name)
	}
	st, err := opts.Store(ctx)
	if err != nil {
		return err
	}
	cs, ok := st.(*graph.CayleyStore)
	if !ok {
		return graph.Errorf(graph.EINTERNAL, "the store %T cannot be exported", st)
	}
	if toStdout {
		return graph.Export(ctx, cs, opts.Format, opts.IO.DataOut())
	}
	return writeFileAtomic(opts.Output, func(w io.Writer) error {
		return graph.Export(ctx, cs, opts.Format, w)
	})
}

// unwrapPath drops the path of an *os.PathError (the message names it already).
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
