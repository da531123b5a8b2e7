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
// A bolt store is for one process at a time: opening one that another
// process (or another Open in this one) has open fails quickly with an
// *Error of code ECONFLICT. PostgreSQL is the backend to share a graph between
// processes or machines; when one PostgreSQL server is not enough, Cayley's
// CockroachDB backend (github.com/cayleygraph/cayley/graph/sql/cockroach)
// takes the same schema over the same wire protocol and is the way to scale
// out.
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
