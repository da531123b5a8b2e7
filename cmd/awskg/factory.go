package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/awskg/awskg/data"
	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
	"github.com/awskg/awskg/queries"
)

// Factory hands commands their dependencies lazily: --help and flag errors
// never ingest notes or open a store.
type Factory struct {
	IO  *IOStreams
	Now func() time.Time

	// Notes are the user's extra notes (--notes), read on first use.
	Notes []string
	// DB is the persistent store to read instead of ingesting (--db).
	DB string
	// CacheDir, when set, keeps snapshots of ingested notes so a run on
	// unchanged notes and an unchanged binary skips parsing.
	CacheDir string
	// BuildStamp identifies the running binary in snapshot keys.
	BuildStamp string
	// Debug prints internal details (--debug).
	Debug bool

	once     sync.Once
	corpus   *ingest.Corpus
	dict     *ingest.Dictionary
	store    graph.Store
	engine   *queries.Engine
	renderer *graph.Renderer
	err      error
}

// NewFactory returns a factory on the given streams.
func NewFactory(io *IOStreams) *Factory {
	return &Factory{IO: io, Now: time.Now}
}

// Dictionary returns the service dictionary.
func (f *Factory) Dictionary() (*ingest.Dictionary, error) {
	if f.dict == nil {
		d, err := ingest.LoadDictionary()
		if err != nil {
			return nil, err
		}
		f.dict = d
	}
	return f.dict, nil
}

// Sources returns the embedded notes plus the user's.
func (f *Factory) Sources(ctx context.Context) ([]ingest.Source, ingest.ErrorList, error) {
	src, err := ingest.Embedded()
	if err != nil {
		return nil, nil, err
	}
	extra, warn, err := ingest.ReadPaths(ctx, f.Notes)
	if err != nil {
		return nil, warn, err
	}
	return append(src, extra...), warn, nil
}

// Corpus ingests the notes once.
func (f *Factory) Corpus(ctx context.Context) (*ingest.Corpus, error) {
	if _, err := f.Engine(ctx); err != nil {
		return nil, err
	}
	if f.corpus == nil {
		return nil, graph.Errorf(graph.EINVALID, "the notes were not ingested in this run (reading --db %s)", f.DB)
	}
	return f.corpus, nil
}

// Store returns the graph store, ingesting the notes on first use.
func (f *Factory) Store(ctx context.Context) (graph.Store, error) {
	if _, err := f.Engine(ctx); err != nil {
		return nil, err
	}
	return f.store, nil
}

// Engine returns the question engine on the store.
func (f *Factory) Engine(ctx context.Context) (*queries.Engine, error) {
	f.once.Do(func() { f.err = f.open(ctx) })
	return f.engine, f.err
}

func (f *Factory) open(ctx context.Context) error {
	dict, err := f.Dictionary()
	if err != nil {
		return err
	}
	if f.DB != "" {
		s, err := graph.OpenReadOnly(ctx, f.DB)
		if err != nil {
			return storeOpenError(f.DB, err)
		}
		f.store = s
	} else {
		src, warn, err := f.Sources(ctx)
		for _, w := range warn {
			fmt.Fprintf(f.IO.ErrOut, "warning: %s\n", w)
		}
		if err != nil {
			return err
		}
		c, err := f.build(ctx, src, dict)
		if err != nil {
			return err
		}
		for _, w := range c.Warnings {
			fmt.Fprintf(f.IO.ErrOut, "warning: %s\n", w)
		}
		if skipped := len(src) - c.Files; len(warn)+len(c.Warnings) > 0 {
			fmt.Fprintf(f.IO.ErrOut, "awskg: ingested %s (%d skipped, %s), %s\n",
				nounCount(c.Files, "note"), skipped+len(warn), nounCount(len(warn)+len(c.Warnings), "warning"), nounCount(len(c.Facts), "fact"))
		}
		f.corpus = c
		s, err := graph.NewMemStore()
		if err != nil {
			return err
		}
		if err := s.Load(ctx, c.Nodes, c.Facts); err != nil {
			return fmt.Errorf("load graph: %w", err)
		}
		f.store = s
		e, err := queries.NewIndexed(ctx, graph.NewIndex(c.Nodes, c.Facts, c.Statements), s, dict)
		if err != nil {
			return err
		}
		f.engine = e
		return nil
	}
	e, err := queries.New(ctx, f.store, dict)
	if err != nil {
		return err
	}
	f.engine = e
	return nil
}

// storeOpenError says what to do when there is no store at --db (a typo, or
// not built yet: reading one is never an empty graph). runCommand adds the
// rebuild command to a damaged store's error.
func storeOpenError(db string, err error) error {
	switch graph.ErrorCode(err) {
	case graph.ENOTFOUND:
		return graph.Errorf(graph.ENOTFOUND, "no store at %s: build one with awskg ingest --db %s", db, db)
	}
	return err
}

// rebuildHint is the one line of a damaged store: what is wrong and the
// command that rebuilds it.
func rebuildHint(db string, err error) string {
	return fmt.Sprintf("%s; rebuild it with awskg ingest --db %s and the notes it was built from", err, db)
}

// build ingests the sources, or reads the snapshot of an identical ingest.
func (f *Factory) build(ctx context.Context, src []ingest.Source, dict *ingest.Dictionary) (*ingest.Corpus, error) {
	key := ""
	if f.CacheDir != "" && f.BuildStamp != "" {
		raw, err := data.Dictionary()
		if err != nil {
			return nil, err
		}
		key = ingest.SnapshotKey(f.BuildStamp, raw, src)
		if c, err := ingest.LoadSnapshot(f.CacheDir, key, src); err == nil && c != nil {
			return c, nil
		}
	}
	bar := newProgress(f.IO, f.Now)
	c, err := ingest.BuildWith(ctx, src, dict, ingest.BuildOptions{Progress: bar.update})
	bar.done()
	if err != nil {
		return nil, err
	}
	if key != "" {
		// A cache that cannot be written only costs speed.
		if err := ingest.SaveSnapshot(f.CacheDir, key, c); err != nil && f.Debug {
			fmt.Fprintf(f.IO.ErrOut, "debug: %v\n", err)
		}
	}
	return c, nil
}

// Close releases the store and the renderer.
func (f *Factory) Close() error {
	if f.renderer != nil {
		f.renderer.Close()
	}
	if f.store != nil {
		return f.store.Close()
	}
	return nil
}

// Renderer returns the process's Graphviz renderer, created on first use.
func (f *Factory) Renderer() *graph.Renderer {
	if f.renderer == nil {
		f.renderer = graph.NewRenderer()
	}
	return f.renderer
}
