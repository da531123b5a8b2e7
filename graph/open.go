package graph

import (
	"context"
	"fmt"
)

// Open opens the store named by dsn:
//
//	"" or "mem:"                       an empty in-memory store (memstore)
//	"postgres://…" or "postgresql://…" a shared store on PostgreSQL (Cayley's SQL backend),
//	                                   tables created on first use; see OpenPostgres
//	anything else                      a bolt store in that directory, created empty
//	                                   when missing; see OpenBolt and BuildBolt
//
// Open opens a bolt store for writing: it fails quickly with an *Error of
// code ECONFLICT while another process (or another Open or OpenReadOnly in
// this one) has the store open. Commands that only read use OpenReadOnly,
// which shares a bolt store with other readers. PostgreSQL is the backend to
// share a graph with writers too, between processes or machines; when one
// PostgreSQL server is not enough, Cayley's CockroachDB backend
// (github.com/cayleygraph/cayley/graph/sql/cockroach) takes the same schema
// over the same wire protocol and is the way to scale out.
func Open(ctx context.Context, dsn string) (*CayleyStore, error) {
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: "open store", Err: err}
	}
	switch {
	case dsn == "" || dsn == "mem:":
		s, err := NewMemStore()
		if err != nil {
			return nil, fmt.Errorf("open store %q: %w", dsn, err)
		}
		return s, nil
	case IsPostgresDSN(dsn):
		return OpenPostgres(ctx, dsn)
	default:
		return OpenBolt(ctx, dsn)
	}
}

// OpenReadOnly opens the store named by dsn, as Open does, for reading only.
// A bolt store is opened with OpenBoltReadOnly: shared with any number of
// readers, never created (ENOTFOUND when there is none), verified against
// its manifest (EDAMAGED when damaged), and refused (ECONFLICT) only while a
// writer has it open. Load on it fails with EINVALID.
func OpenReadOnly(ctx context.Context, dsn string) (*CayleyStore, error) {
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: "open store", Err: err}
	}
	switch {
	case dsn == "" || dsn == "mem:", IsPostgresDSN(dsn):
		return Open(ctx, dsn)
	default:
		return OpenBoltReadOnly(ctx, dsn)
	}
}
