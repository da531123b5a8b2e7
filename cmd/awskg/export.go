package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/spf13/cobra"

	"github.com/awskg/awskg/graph"
)

// formatOfFile guesses a format from a file name's extension; "" when the
// extension says nothing.
func formatOfFile(name string) string { return graph.FormatOfFile(name) }

// canImport reports whether graph.Import reads format (a name or alias).
func canImport(format string) bool { return graph.CanImport(format) }

// ExportOptions are the inputs of `awskg export`.
type ExportOptions struct {
	IO *IOStreams
	// Quads gives the quads to export (Factory.Quads: the notes' quads
	// need no store); when nil, the quads of Store are.
	Quads func(context.Context) ([]quad.Quad, error)
	Store func(context.Context) (graph.Store, error)
	Ctx   context.Context

	Format   string // a name of graph.ExportFormats or an alias; "" guesses from Output
	Output   string // file to write, "" or "-" for stdout
	MaxNodes int    // the most nodes of a graphviz export; 0 for graph.DefaultMaxNodes
}

// NewCmdExport builds `awskg export`.
func NewCmdExport(f *Factory, runF func(*ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{IO: f.IO, Quads: f.Quads, Store: f.Store}
	cmd := &cobra.Command{
		Use:   "export [--format FORMAT] [-o FILE]",
		Short: "Write the whole graph as N-Quads, JSON-LD, JSON, pquads, GraphML, GML or Graphviz",
		Long: `Write the whole graph (the embedded notes plus --notes, or the store of
--db), sorted, so the same graph always gives the same bytes.

Formats (the default is the format of -o's extension, else nquads):
  nquads (nq)     .nq      standard N-Quads, for RDF tools (rapper, rdflib, Jena)
  jsonld          .jsonld  the same quads as JSON-LD
  cayley-nquads            Cayley's N-Quads dialect, for Cayley's own tools
  json            .json    Cayley's JSON quads
  json-stream              the same, one quad a line
  pquads          .pq      Cayley's binary quads (not written to a terminal)
  graphml         .graphml the graph for graph tools (networkx, Gephi, yEd)
  gml             .gml     the same as GML (ASCII, as networkx reads it)
  graphviz (dot)  .dot .gv the same as Graphviz DOT, styled as awskg render
                           draws it

In nquads and jsonld every IRI is absolute, under the base
  ` + graph.RDFBase + `
followed by the node ID, predicate or fact node, percent-encoded where an IRI
cannot hold a character:
  <` + graph.RDFBase + `service:amazon-s3>
  <` + graph.RDFBase + `rel:send%20event%20to>
Names, kinds, aliases and details are plain literals, positions
xsd:integer. A relation's source (note file and line) is its named graph,
  <` + graph.RDFBase + `source:data/notes/002.txt:745>
A relation with a detail or a position is also reified on a fact node
<` + graph.RDFBase + `fact:HASH> with the properties subject, predicate,
object, detail and position, in the same graph. Node names, kinds and
aliases are in the default graph. cayley-nquads writes the same quads as
Cayley stores them: relative IRIs (<service:amazon-s3>) and sources as
literal graph labels ("data/notes/002.txt:745").

nquads, cayley-nquads, jsonld, json, json-stream and pquads round-trip
exactly: awskg ingest --from-quads reads them back into a store that exports
the same bytes.

graphml, gml and graphviz hold one node per node (name, kind and aliases as
attributes) and one edge per relation (predicate, position, sources and
details as attributes); they are not read back. Graphviz exports are for
layout engines: a graph of more than --max-nodes nodes (150) is refused with
a hint. The whole embedded graph (about 1,800 nodes, 3,000 edges) takes dot
minutes to lay out (sfdp seconds): draw a part with awskg render, or raise
the limit and use sfdp.

With -o the file is written whole or not at all (a temporary file renamed
into place).`,
		Example: `  awskg export > graph.nq && rapper -i nquads -c graph.nq
  awskg export -o graph.jsonld
  awskg export --format cayley-nquads -o graph.cayley.nq
  awskg export --db ~/.awskg -o graph.pq
  awskg export -o graph.gml && python3 -c 'import networkx; print(networkx.read_gml("graph.gml"))'
  awskg export --db small --format dot | dot -Tsvg > graph.svg
  awskg export --format dot --max-nodes 5000 | sfdp -Tsvg > graph.svg`,
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
			name := graph.FormatName(opts.Format)
			if name == "" {
				return flagError{fmt.Errorf("unknown export format %q (use one of %s, or dot, nq)", opts.Format, strings.Join(graph.ExportFormats(), ", "))}
			}
			if cmd.Flags().Changed("max-nodes") {
				if name != "graphviz" {
					return flagError{fmt.Errorf("--max-nodes goes with --format dot (graphviz), not %s", name)}
				}
				if opts.MaxNodes <= 0 {
					return flagError{fmt.Errorf("--max-nodes must be positive, got %d", opts.MaxNodes)}
				}
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
	cmd.Flags().StringVar(&opts.Format, "format", "", "`FORMAT` (default: from -o's extension, else nquads)")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to `FILE` instead of stdout")
	cmd.Flags().IntVar(&opts.MaxNodes, "max-nodes", graph.DefaultMaxNodes, "refuse Graphviz exports of graphs with more nodes")
	return cmd
}

func runExport(opts *ExportOptions) error {
	ctx := opts.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	toStdout := opts.Output == "" || opts.Output == "-"
	if graph.IsBinaryFormat(opts.Format) && toStdout && opts.IO.IsStdoutTTY() {
		return graph.Errorf(graph.EINVALID, "%s is a binary format: write it to a file with -o FILE, or redirect stdout", graph.FormatName(opts.Format))
	}
	quads := opts.Quads
	if quads == nil {
		quads = func(ctx context.Context) ([]quad.Quad, error) {
			st, err := opts.Store(ctx)
			if err != nil {
				return nil, err
			}
			cs, ok := st.(*graph.CayleyStore)
			if !ok {
				return nil, graph.Errorf(graph.EINTERNAL, "the store %T cannot be exported", st)
			}
			return cs.AllQuads(ctx)
		}
	}
	qs, err := quads(ctx)
	if err != nil {
		return err
	}
	eo := graph.ExportOptions{MaxNodes: opts.MaxNodes}
	if toStdout {
		return graph.ExportQuads(ctx, qs, opts.Format, opts.IO.DataOut(), eo)
	}
	return writeFileAtomic(opts.Output, func(w io.Writer) error {
		return graph.ExportQuads(ctx, qs, opts.Format, w, eo)
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
