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

// storeWrite is what replaceStore did.
type storeWrite struct {
	Quads   int // quads of the new graph
	Added   int // quads added (PostgreSQL; a bolt store is rebuilt whole)
	Removed int // quads removed (PostgreSQL)
}

// replaceStore makes the persistent store named by dsn hold exactly nodes and
// facts, replacing the graph it held:
//
//   - a bolt directory is rebuilt with graph.BuildBolt: atomic, the previous
//     store answers until the swap and stays whole if the build is cancelled
//     or killed; ECONFLICT when another build holds the store;
//   - a PostgreSQL store gets the difference (quads no longer in the graph
//     deleted, new ones added) in one transaction, so readers see the old
//     graph or the new one; ECONFLICT when another awskg ingest is writing
//     the same database schema (a session advisory lock).
func replaceStore(ctx context.Context, dsn string, nodes []graph.Node, facts []graph.Fact) (storeWrite, error) {
	switch {
	case dsn == "" || dsn == "mem:":
		return storeWrite{}, graph.Errorf(graph.EINVALID, "an in-memory store would be lost at exit: give --db a directory or a postgres:// DSN")
	case graph.IsPostgresDSN(dsn):
		return replacePostgres(ctx, dsn, nodes, facts)
	}
	n := len(uniqueQuads(graph.Quads(nodes, facts)))
	if err := graph.BuildBolt(ctx, dsn, nodes, facts); err != nil {
		return storeWrite{}, err
	}
	return storeWrite{Quads: n, Added: n}, nil
}

// quadKey identifies a quad by its four values in N-Quads form.
type quadKey [4]string

func keyOf(q quad.Quad) quadKey {
	return quadKey{quad.StringOf(q.Subject), quad.StringOf(q.Predicate), quad.StringOf(q.Object), quad.StringOf(q.Label)}
}

// uniqueQuads drops repeated quads, keeping the first of each.
func uniqueQuads(qs []quad.Quad) []quad.Quad {
	seen := make(map[quadKey]bool, len(qs))
	out := qs[:0:0]
	for _, q := range qs {
		if k := keyOf(q); !seen[k] {
			seen[k] = true
			out = append(out, q)
		}
	}
	return out
}

// replacePostgres writes the difference between the graph in the database
// and nodes and facts, in one transaction.
func replacePostgres(ctx context.Context, dsn string, nodes []graph.Node, facts []graph.Fact) (storeWrite, error) {
	name := graph.RedactDSN(dsn)
	unlock, err := lockPostgresIngest(ctx, dsn)
	if err != nil {
		return storeWrite{}, err
	}
	defer unlock()
	s, err := graph.Open(ctx, dsn)
	if err != nil {
		return storeWrite{}, err
	}
	defer s.Close()
	qs := s.QuadStore()

	want := uniqueQuads(graph.Quads(nodes, facts))
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
