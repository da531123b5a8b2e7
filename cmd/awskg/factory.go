package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/awskg/awskg/data"
	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
	"github.com/awskg/awskg/queries"
)

// Factory hands commands their dependencies lazily, each built once on
// first use and only when a command asks for it: --help and flag errors
// build nothing; questions (ask, render, facts, the REPL) need only the
// index of the graph; raw queries and exports need quads, and only they
// load a Cayley store.
//
// Without --db, the index comes from the snapshot cache (one read, no
// rebuild) or from ingesting the notes. With --db, it is the store's index
// file when the store has one (a bolt store built by this awskg), else it
// is read from the store's quads.
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

	dict     *ingest.Dictionary
	renderer *graph.Renderer

	// the graph of the notes (without --db)
	notesOnce sync.Once
	notes     *notesGraph
	notesErr  error

	indexOnce sync.Once
	index     *graph.Index
	indexErr  error
	// indexVerified waits for the hash of a store's index file (see
	// graph.OpenIndexVerifying); nil when there is nothing to wait for.
	indexVerified func() error

	engineOnce sync.Once
	engine     *queries.Engine
	engineErr  error

	storeOnce sync.Once
	store     graph.Store
	storeErr  error
}

// notesGraph is the graph of the notes of this run: ingested now, or read
// from the snapshot of an identical ingest.
type notesGraph struct {
	index   *graph.Index
	sources []ingest.Source
	corpus  *ingest.Corpus   // when ingested in this run
	snap    *ingest.Snapshot // when read from the snapshot cache
	key     string           // the snapshot key of the notes; "" without a cache
}

// NewFactory returns a factory on the given streams.
func NewFactory(io *IOStreams) *Factory {
	return &Factory{IO: io, Now: time.Now}
}

// Dictionary returns the service dictionary.
func (f *Factory) Dictionary() (*ingest.Dictionary, error) {
	if f.dict == nil {
		d, cacheErr, err := ingest.LoadDictionaryCached(f.CacheDir)
		if err != nil {
			return nil, err
		}
		if cacheErr != nil {
			f.debugf("%v", cacheErr)
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

// Corpus returns the notes of this run, for quoting cited lines: their
// graph, documents (with their raw lines) and warnings. With --db it fails:
// the notes are not at hand.
func (f *Factory) Corpus(ctx context.Context) (*ingest.Corpus, error) {
	if f.DB != "" {
		return nil, graph.Errorf(graph.EINVALID, "the notes were not ingested in this run (reading --db %s)", f.DB)
	}
	g, err := f.notesGraph(ctx)
	if err != nil {
		return nil, err
	}
	if g.corpus != nil {
		return g.corpus, nil
	}
	nodes, facts, err := g.index.Graph()
	if err != nil {
		return nil, err
	}
	g.corpus = &ingest.Corpus{
		Graph:    ingest.Graph{Nodes: nodes, Facts: facts, Statements: g.index.Statements(), Forms: g.index.WordForms()},
		Docs:     g.snap.Docs(g.sources),
		Warnings: g.snap.Warnings,
		Files:    g.snap.Files,
	}
	return g.corpus, nil
}

// Index returns the index of the graph: of the notes, or of the store of
// --db.
func (f *Factory) Index(ctx context.Context) (*graph.Index, error) {
	ix, err := f.unverifiedIndex(ctx)
	if err != nil {
		return nil, err
	}
	if f.indexVerified != nil {
		if err := f.indexVerified(); err != nil {
			return nil, storeOpenError(f.DB, err)
		}
	}
	return ix, nil
}

// unverifiedIndex is Index, except that the hash of a store's index file
// may still be running: the index reads safely, but nothing read from it
// may be shown before Index returns it.
func (f *Factory) unverifiedIndex(ctx context.Context) (*graph.Index, error) {
	f.indexOnce.Do(func() {
		if f.DB == "" {
			g, err := f.notesGraph(ctx)
			if err == nil {
				f.index = g.index
			}
			f.indexErr = err
			return
		}
		f.index, f.indexVerified, f.indexErr = f.dbIndex(ctx)
	})
	return f.index, f.indexErr
}

// dbIndex reads the index of the store of --db: its index file when it has
// one (hashed meanwhile: see verified), else its quads.
func (f *Factory) dbIndex(ctx context.Context) (ix *graph.Index, verified func() error, err error) {
	ix, verified, err = graph.OpenIndexVerifying(ctx, f.DB)
	switch {
	case err == nil:
		return ix, verified, nil
	case graph.ErrorCode(err) != graph.ENOTFOUND || !errors.Is(err, graph.ErrNoIndexFile):
		return nil, nil, storeOpenError(f.DB, err)
	}
	st, err := f.Store(ctx)
	if err != nil {
		return nil, nil, err
	}
	ix, err = graph.ReadIndex(ctx, st)
	if err != nil {
		return nil, nil, fmt.Errorf("read the graph: %w", err)
	}
	return ix, nil, nil
}

// Engine returns the question engine on the index.
func (f *Factory) Engine(ctx context.Context) (*queries.Engine, error) {
	f.engineOnce.Do(func() {
		dict, err := f.Dictionary()
		if err != nil {
			f.engineErr = err
			return
		}
		// The engine is built while a store's index file is hashed, and
		// handed out once the hash is right.
		ix, err := f.unverifiedIndex(ctx)
		if err != nil {
			f.engineErr = err
			return
		}
		eng, err := queries.NewIndexed(ctx, ix, nil, dict)
		if err != nil {
			f.engineErr = err
			return
		}
		if _, err := f.Index(ctx); err != nil {
			f.engineErr = err
			return
		}
		f.engine = eng
	})
	return f.engine, f.engineErr
}

// Store returns the graph as a Cayley store: the notes' graph loaded into
// an in-memory store, or the store of --db opened read-only.
func (f *Factory) Store(ctx context.Context) (graph.Store, error) {
	f.storeOnce.Do(func() {
		if f.DB != "" {
			s, err := graph.OpenReadOnly(ctx, f.DB)
			if err != nil {
				f.storeErr = storeOpenError(f.DB, err)
				return
			}
			f.store = s
			return
		}
		nodes, facts, err := f.notesQuadsSource(ctx)
		if err != nil {
			f.storeErr = err
			return
		}
		s, err := graph.NewMemStore()
		if err != nil {
			f.storeErr = err
			return
		}
		if err := s.Load(ctx, nodes, facts); err != nil {
			s.Close()
			f.storeErr = fmt.Errorf("load graph: %w", err)
			return
		}
		f.store = s
	})
	return f.store, f.storeErr
}

// notesQuadsSource returns the nodes and facts of the notes as ingested,
// in their order: what a Cayley store of them is loaded from.
func (f *Factory) notesQuadsSource(ctx context.Context) ([]graph.Node, []graph.Fact, error) {
	g, err := f.notesGraph(ctx)
	if err != nil {
		return nil, nil, err
	}
	return g.index.Graph()
}

// Quads returns the quads of the graph, for exports: the notes' quads
// (without loading them into a store), or every quad of the store of --db.
func (f *Factory) Quads(ctx context.Context) ([]quad.Quad, error) {
	if f.DB != "" {
		st, err := f.Store(ctx)
		if err != nil {
			return nil, err
		}
		cs, ok := st.(*graph.CayleyStore)
		if !ok {
			return nil, graph.Errorf(graph.EINTERNAL, "the store %T holds no quads", st)
		}
		qs, err := cs.AllQuads(ctx)
		if err != nil {
			return nil, fmt.Errorf("read the quads of %s: %w", storeName(f.DB), err)
		}
		return qs, nil
	}
	nodes, facts, err := f.notesQuadsSource(ctx)
	if err != nil {
		return nil, err
	}
	return graph.UniqueQuads(graph.Quads(nodes, facts)), nil
}

// WorkerGraph returns the graph raw queries run on: the store of --db,
// which the query worker opens itself; for the notes, the bolt store of
// them kept in the cache directory (see cachedStore), which it opens the
// same way, else their quads, which it is sent and loads into memory.
func (f *Factory) WorkerGraph(ctx context.Context) (*workerGraph, error) {
	if f.DB != "" {
		return &workerGraph{dsn: f.DB}, nil
	}
	g, err := f.notesGraph(ctx)
	if err != nil {
		return nil, err
	}
	if dir := f.cachedStore(ctx, g); dir != "" {
		return &workerGraph{dsn: dir}, nil
	}
	nodes, facts, err := g.index.Graph()
	if err != nil {
		return nil, err
	}
	return quadsWorkerGraph(nodes, facts), nil
}

// keptStores is how many bolt stores of notes the cache directory keeps
// (the newest).
const keptStores = 2

// cachedStore returns the directory of the bolt store of the notes in the
// cache directory (stores/<snapshot key>), built by the first query of
// these notes: opening it costs a query a few milliseconds, loading the
// notes' quads into a memory store tens, and every query of the same notes
// reads the same store (results in the same order). It returns "" when
// there is none to use: no cache, or a build that failed or runs in
// another process (which costs only speed; --debug says why).
func (f *Factory) cachedStore(ctx context.Context, g *notesGraph) string {
	if g.key == "" || f.CacheDir == "" {
		return ""
	}
	root := filepath.Join(f.CacheDir, "stores")
	dir := filepath.Join(root, g.key)
	if graph.HasBoltStore(dir) {
		return dir
	}
	b, err := graph.LockBolt(ctx, dir)
	if err != nil {
		f.debugf("no cached store of the notes: %v", err)
		return ""
	}
	defer b.Unlock()
	nodes, facts, err := g.index.Graph()
	if err == nil {
		err = b.Build(ctx, nodes, facts)
	}
	if err != nil {
		f.debugf("no cached store of the notes: %v", err)
		return ""
	}
	pruneDirs(root, keptStores)
	return dir
}

// debugf prints a line on stderr under --debug.
func (f *Factory) debugf(format string, args ...any) {
	if f.Debug {
		fmt.Fprintf(f.IO.ErrOut, "debug: "+format+"\n", args...)
	}
}

// pruneDirs removes all but the keep most recently changed directories of
// root (a process still reading a removed store keeps its open files).
func pruneDirs(root string, keep int) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return
	}
	type dirAge struct {
		name string
		mod  time.Time
	}
	var dirs []dirAge
	for _, e := range entries {
		if !e.IsDir() || strings.Contains(e.Name(), ".") {
			continue // a build's temporary or old directory is the builder's to remove
		}
		if fi, err := e.Info(); err == nil {
			dirs = append(dirs, dirAge{e.Name(), fi.ModTime()})
		}
	}
	sort.Slice(dirs, func(i, j int) bool {
		if !dirs[i].mod.Equal(dirs[j].mod) {
			return dirs[i].mod.After(dirs[j].mod)
		}
		return dirs[i].name < dirs[j].name
	})
	for _, d := range dirs[min(keep, len(dirs)):] {
		os.RemoveAll(filepath.Join(root, d.name))
	}
}

// notesGraph ingests the notes, or reads their snapshot, once.
func (f *Factory) notesGraph(ctx context.Context) (*notesGraph, error) {
	f.notesOnce.Do(func() { f.notes, f.notesErr = f.readNotes(ctx) })
	return f.notes, f.notesErr
}

func (f *Factory) readNotes(ctx context.Context) (*notesGraph, error) {
	dict, err := f.Dictionary()
	if err != nil {
		return nil, err
	}
	src, warn, err := f.Sources(ctx)
	for _, w := range warn {
		fmt.Fprintf(f.IO.ErrOut, "warning: %s\n", w)
	}
	if err != nil {
		return nil, err
	}
	g, err := f.build(ctx, src, dict)
	if err != nil {
		return nil, err
	}
	files, warnings, facts := 0, ingest.ErrorList(nil), 0
	if g.corpus != nil {
		files, warnings, facts = g.corpus.Files, g.corpus.Warnings, len(g.corpus.Facts)
	} else {
		files, warnings = g.snap.Files, g.snap.Warnings
		if len(warn)+len(warnings) > 0 {
			_, all, err := g.index.Graph()
			if err != nil {
				return nil, err
			}
			facts = len(all)
		}
	}
	for _, w := range warnings {
		fmt.Fprintf(f.IO.ErrOut, "warning: %s\n", w)
	}
	if skipped := len(src) - files; len(warn)+len(warnings) > 0 {
		fmt.Fprintf(f.IO.ErrOut, "awskg: ingested %s (%d skipped, %s), %s\n",
			nounCount(files, "note"), skipped+warn.Skipped(), nounCount(len(warn)+len(warnings), "warning"), nounCount(facts, "fact"))
	}
	return g, nil
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
func (f *Factory) build(ctx context.Context, src []ingest.Source, dict *ingest.Dictionary) (*notesGraph, error) {
	key := ""
	if f.CacheDir != "" && f.BuildStamp != "" {
		raw, err := data.Dictionary()
		if err != nil {
			return nil, err
		}
		key = ingest.SnapshotKey(f.BuildStamp, raw, src)
		snap, err := ingest.LoadSnapshot(f.CacheDir, key)
		if err != nil {
			f.debugf("%v (the notes are ingested again)", err)
		}
		if err == nil && snap != nil {
			return &notesGraph{index: snap.Index, sources: src, snap: snap, key: key}, nil
		}
	}
	bar := newProgress(f.IO, f.Now)
	c, err := ingest.BuildWith(ctx, src, dict, ingest.BuildOptions{Progress: bar.update})
	bar.done()
	if err != nil {
		return nil, err
	}
	ix := graph.NewIndex(c.Nodes, c.Facts, c.Statements, graph.WithForms(c.Forms))
	if key != "" {
		// A cache that cannot be written only costs speed.
		if err := ingest.SaveSnapshot(f.CacheDir, key, c, ix); err != nil {
			f.debugf("%v", err)
		}
	}
	return &notesGraph{index: ix, sources: src, corpus: c, key: key}, nil
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
