package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// IngestOptions are the inputs of `awskg ingest`.
type IngestOptions struct {
	IO         *IOStreams
	Dictionary func() (*ingest.Dictionary, error)
	Ctx        context.Context
	Now        func() time.Time // for the progress bar

	DB        string   // the store to write (--db)
	Paths     []string // notes to add to the embedded ones: the arguments, then --notes
	FromQuads string   // import this export instead of ingesting notes ("-" for stdin)
	Format    string   // format of FromQuads; "" guesses from its extension, else nquads
}

// NewCmdIngest builds `awskg ingest`.
func NewCmdIngest(f *Factory, runF func(*IngestOptions) error) *cobra.Command {
	opts := &IngestOptions{IO: f.IO, Dictionary: f.Dictionary, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "ingest [PATH...] --db DIR|postgres://...",
		Short: "Build a persistent store from the notes, or from an export",
		Long: `Ingest the embedded notes plus the notes in PATH (files, or folders of .md
and .txt notes; --notes adds more) and write the graph to the store of --db,
so later commands given the same --db read it instead of ingesting again.

The store then holds exactly this graph: ingesting again replaces it, so the
facts of a note that changed (or is no longer given) are replaced, never
duplicated.

  --db DIR            a bolt store, rebuilt in a sibling directory and swapped
                      in atomically: a cancelled or killed ingest leaves the
                      previous store whole and answering; readers go on
                      reading meanwhile. A damaged store (exit 5 when read)
                      is rebuilt the same way.
  --db postgres://... a PostgreSQL store: the quads no longer in the graph are
                      deleted and the new ones added in one transaction; the
                      store may be shared.

The store is locked before any note is read: another ingest into the same
DIR, or the same database and schema, fails at once (exit 3) instead of
finishing first and being overwritten.

With --from-quads FILE ("-" for stdin) the graph is read from an export of
awskg export instead, with its sources, and no note is ingested: nquads
(standard N-Quads, every IRI under awskg's base, sources as named graphs;
see awskg export --help), cayley-nquads (Cayley's dialect, relative IRIs and
literal sources, as awskg exported nquads before), jsonld, json, json-stream
or pquads; --format, else the file's extension, else nquads. A malformed
N-Quads line, or one of the other dialect, is rejected with its file and
line number.

The counts (notes, nodes, facts, warnings) go to stderr, each warning first
on its own line. On a terminal, an ingest that runs for over a second shows
a progress bar on stderr: the notes parsed, then the quads written to a bolt
store.`,
		Example: `  awskg ingest --db ~/.awskg ~/notes extra.md
  awskg ask --db ~/.awskg "which services support cross-account"
  awskg export --db ~/.awskg -o graph.nq && awskg ingest --from-quads graph.nq --db /tmp/copy
  awskg ingest --db "postgres://awskg:secret@db.example.com/awskg" ~/notes`,
		Args: func(cmd *cobra.Command, args []string) error {
			if f.DB == "" {
				return flagError{errors.New("ingest needs --db DIR (a bolt store) or --db postgres://... to write to")}
			}
			if f.DB == "mem:" {
				return flagError{errors.New("ingest needs a persistent store: --db DIR or --db postgres://..., not mem:")}
			}
			if opts.FromQuads != "" && (len(args) > 0 || len(f.Notes) > 0) {
				return flagError{errors.New("give either notes (PATH, --notes) or --from-quads FILE, not both")}
			}
			if opts.Format != "" && opts.FromQuads == "" {
				return flagError{errors.New("--format goes with --from-quads FILE")}
			}
			if opts.FromQuads != "" {
				if opts.Format == "" {
					opts.Format = formatOfFile(opts.FromQuads)
				}
				if opts.Format == "" {
					opts.Format = "nquads"
				}
				if !canImport(opts.Format) {
					return flagError{fmt.Errorf("cannot import quad format %q (use one of %s)", opts.Format, strings.Join(graph.ImportFormats(), ", "))}
				}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.DB = f.DB
			opts.Paths = append(append([]string(nil), args...), f.Notes...)
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return runIngest(opts)
		},
	}
	cmd.Flags().StringVar(&opts.FromQuads, "from-quads", "", "read the graph from `FILE`, an export (- for stdin), instead of notes")
	cmd.Flags().StringVar(&opts.Format, "format", "", "`FORMAT` of --from-quads: nquads, cayley-nquads, jsonld, json, json-stream or pquads")
	return cmd
}

func runIngest(opts *IngestOptions) error {
	ctx := opts.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	// Lock first: a second ingest into the store fails now, rather than
	// finishing while this one parses and then being overwritten by it.
	lock, err := lockStore(ctx, opts.DB)
	if err != nil {
		return err
	}
	defer lock.unlock()
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	bar := newProgress(opts.IO, now)
	defer bar.done()
	lock.progress = bar.quads
	if opts.FromQuads != "" {
		return importQuads(ctx, opts, lock, bar)
	}
	src, err := ingest.Embedded()
	if err != nil {
		return err
	}
	extra, warn, err := ingest.ReadPaths(ctx, opts.Paths)
	printWarnings(opts.IO, warn)
	if err != nil {
		return err
	}
	dict, err := opts.Dictionary()
	if err != nil {
		return err
	}
	c, err := ingest.BuildWith(ctx, append(src, extra...), dict, ingest.BuildOptions{Progress: bar.update})
	if err != nil {
		return fmt.Errorf("ingest notes: %w", err)
	}
	bar.done() // before the warnings; the store's bar follows
	printWarnings(opts.IO, c.Warnings)
	w, err := lock.replace(ctx, c.Nodes, c.Facts, c.Statements, c.Forms)
	bar.done()
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "ingested %s into %s: %s, %s, %s (%s%s)\n",
		nounCount(c.Files, "note"), storeName(opts.DB), nounCount(len(c.Nodes), "node"), nounCount(distinctFacts(c.Facts), "fact"),
		nounCount(len(warn)+len(c.Warnings), "warning"), nounCount(w.Quads, "quad"), pgChanges(opts.DB, w))
	return nil
}

// importQuads writes the graph of an export to the store, which the caller
// has locked, with bar showing the write.
func importQuads(ctx context.Context, opts *IngestOptions, lock *storeLock, bar *progress) error {
	r, closeFn, err := openQuadsFile(opts.FromQuads, opts.IO)
	if err != nil {
		return err
	}
	defer closeFn()
	name := opts.FromQuads
	if name == "-" {
		name = "stdin"
	}
	qs, err := graph.Import(ctx, opts.Format, name, r)
	if err != nil {
		return err // names the file and the line or quad
	}
	nodes, facts, err := graph.FromQuads(qs)
	if err != nil {
		return fmt.Errorf("read %q: %w", opts.FromQuads, err)
	}
	w, err := lock.replace(ctx, nodes, facts, nil, nil)
	bar.done()
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "imported %s into %s: %s, %s (%s%s)\n",
		nounCount(len(qs), "quad"), storeName(opts.DB), nounCount(len(nodes), "node"), nounCount(distinctFacts(facts), "fact"),
		nounCount(w.Quads, "quad"), pgChanges(opts.DB, w))
	return nil
}

// distinctFacts counts facts by subject, predicate, object and source, as
// the store keeps them (a note line may state one fact twice).
func distinctFacts(facts []graph.Fact) int {
	type key struct{ s, p, o, src string }
	seen := make(map[key]bool, len(facts))
	for _, f := range facts {
		seen[key{f.Subject, f.Predicate, f.Object, f.Source}] = true
	}
	return len(seen)
}

func printWarnings(s *IOStreams, warn ingest.ErrorList) {
	for _, w := range warn {
		fmt.Fprintf(s.ErrOut, "warning: %s\n", w)
	}
}

func storeName(dsn string) string {
	if graph.IsPostgresDSN(dsn) {
		return graph.RedactDSN(dsn)
	}
	return dsn
}

// pgChanges describes what a PostgreSQL write changed (a bolt store is rebuilt).
func pgChanges(dsn string, w storeWrite) string {
	if !graph.IsPostgresDSN(dsn) {
		return ""
	}
	return fmt.Sprintf(": %d added, %d removed", w.Added, w.Removed)
}

func nounCount(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
