package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/awskg/awskg/graph"
)

// storeWrite is what storeLock.replace did.
type storeWrite struct {
	Quads   int // quads of the new graph
	Added   int // quads added (PostgreSQL; a bolt store is rebuilt whole)
	Removed int // quads removed (PostgreSQL)
}

// storeLock is the write lock of the persistent store named by dsn, taken
// by lockStore before an ingest reads or parses anything: a second ingest
// into the same store fails at once (ECONFLICT) instead of finishing first
// and being silently overwritten.
type storeLock struct {
	// progress, when set, is told the quads written to a bolt store.
	progress func(done, total int)

	dsn  string
	bolt *graph.BoltBuilder // a bolt directory
	pg   func()             // a PostgreSQL store: releases its lock
}

// lockStore takes the write lock of the store named by dsn without waiting:
//
//   - a bolt directory: its builder lock (graph.LockBolt), which also checks
//     that the directory may be replaced;
//   - a PostgreSQL store: a session advisory lock on its database and schema.
func lockStore(ctx context.Context, dsn string) (*storeLock, error) {
	switch {
	case dsn == "" || dsn == "mem:":
		return nil, graph.Errorf(graph.EINVALID, "an in-memory store would be lost at exit: give --db a directory or a postgres:// DSN")
	case graph.IsPostgresDSN(dsn):
		unlock, err := lockPostgresIngest(ctx, dsn)
		if err != nil {
			return nil, err
		}
		return &storeLock{dsn: dsn, pg: unlock}, nil
	}
	b, err := graph.LockBolt(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return &storeLock{dsn: dsn, bolt: b}, nil
}

// unlock releases the lock; later calls do nothing.
func (l *storeLock) unlock() {
	if l.bolt != nil {
		l.bolt.Unlock()
	}
	if l.pg != nil {
		l.pg()
		l.pg = nil
	}
}

// replace makes the locked store hold exactly nodes and facts, replacing the
// graph it held:
//
//   - a bolt directory is rebuilt: atomic, the previous store answers until
//     the swap and stays whole if the build is cancelled or killed;
//   - a PostgreSQL store gets the difference (quads no longer in the graph
//     deleted, new ones added) in one transaction, so readers see the old
//     graph or the new one.
//
// A bolt store also gets the index questions read (graph.OpenIndex), with
// the notes' statements for evidence and their word forms (nil for a graph
// read from quads). A
// PostgreSQL store holds the quads only (see graph.OpenIndex).
func (l *storeLock) replace(ctx context.Context, nodes []graph.Node, facts []graph.Fact, stmts []graph.Statement, forms graph.Forms) (storeWrite, error) {
	if l.pg != nil {
		return replacePostgres(ctx, l.dsn, nodes, facts)
	}
	n := len(graph.UniqueQuads(graph.Quads(nodes, facts)))
	l.bolt.Progress = l.progress
	l.bolt.Statements, l.bolt.Forms = stmts, forms
	if err := l.bolt.Build(ctx, nodes, facts); err != nil {
		return storeWrite{}, err
	}
	return storeWrite{Quads: n, Added: n}, nil
}

// quadKey identifies a quad by its four values in N-Quads form.
type quadKey [4]string

func keyOf(q quad.Quad) quadKey {
	return quadKey{quad.StringOf(q.Subject), quad.StringOf(q.Predicate), quad.StringOf(q.Object), quad.StringOf(q.Label)}
}

// replacePostgres writes the difference between the graph in the database
// and nodes and facts, in one transaction; the caller holds the ingest lock.
func replacePostgres(ctx context.Context, dsn string, nodes []graph.Node, facts []graph.Fact) (storeWrite, error) {
	name := graph.RedactDSN(dsn)
	s, err := graph.Open(ctx, dsn)
	if err != nil {
		return storeWrite{}, err
	}
	defer s.Close()
	qs := s.QuadStore()

	want := graph.UniqueQuads(graph.Quads(nodes, facts))
	wanted := make(map[quadKey]bool, len(want))
	for _, q := range want {
		wanted[keyOf(q)] = true
	}
	have := map[quadKey]bool{}
	var deltas []cgraph.Delta
	it := qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		q := qs.Quad(it.Result())
		k := keyOf(q)
		have[k] = true
		if !wanted[k] {
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
		}
	}
	if err := it.Err(); err != nil {
		return storeWrite{}, fmt.Errorf("read the graph in %s: %w", name, err)
	}
	removed := len(deltas)
	for _, q := range want {
		if !have[keyOf(q)] {
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
		}
	}
	if err := ctx.Err(); err != nil {
		return storeWrite{}, &graph.Error{Code: graph.ETIMEOUT, Message: fmt.Sprintf("ingest into %s: cancelled, previous graph kept", name), Err: err}
	}
	if len(deltas) > 0 {
		if err := qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
			return storeWrite{}, fmt.Errorf("write the graph to %s: %w", name, err)
		}
	}
	return storeWrite{Quads: len(want), Added: len(deltas) - removed, Removed: removed}, nil
}

// lockPostgresIngest takes a session advisory lock, without waiting, on the
// database and schema dsn points to, held until unlock.
func lockPostgresIngest(ctx context.Context, dsn string) (unlock func(), err error) {
	name := graph.RedactDSN(dsn)
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		if ctx.Err() != nil {
			return nil, &graph.Error{Code: graph.ETIMEOUT, Message: "connect to " + name, Err: err}
		}
		return nil, fmt.Errorf("connect to %s: %w", name, err)
	}
	const key = `hashtext(current_database() || '.' || current_schema() || '.awskg-ingest')`
	var ok bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock(`+key+`)`).Scan(&ok); err != nil {
		conn.Close()
		db.Close()
		return nil, fmt.Errorf("lock %s: %w", name, err)
	}
	if !ok {
		conn.Close()
		db.Close()
		return nil, graph.Errorf(graph.ECONFLICT, "store %s is in use by another awskg ingest", name)
	}
	return func() {
		// Closing the session releases the lock; unlock first all the same
		// in case the pool keeps the connection.
		conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(`+key+`)`)
		conn.Close()
		db.Close()
	}, nil
}

// openQuadsFile opens a file of quads, "-" for the standard input.
func openQuadsFile(path string, streams *IOStreams) (r io.Reader, closeFn func(), err error) {
	if path == "-" {
		return streams.In, func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		code := graph.EINVALID
		if errors.Is(err, os.ErrNotExist) {
			code = graph.ENOTFOUND
		}
		return nil, nil, &graph.Error{Code: code, Message: fmt.Sprintf("open quads file %q", path), Err: unwrapPath(err)}
	}
	return f, func() { f.Close() }, nil
}
