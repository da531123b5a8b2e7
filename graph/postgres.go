package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers the "postgres" backend and the lib/pq driver
)

// postgresBackend is the name of Cayley's PostgreSQL backend.
const postgresBackend = "postgres"

// OpenPostgres opens a store on a PostgreSQL database, creating Cayley's two
// tables ("nodes" and "quads", in the first schema of the connection's
// search_path) on first use. Several awskg processes can share one database:
// PostgreSQL serialises their writes, and Load is idempotent.
//
// One PostgreSQL server is the shared backend. When one server is not enough
// (several regions, or more writers than it takes), Cayley's CockroachDB
// backend (github.com/cayleygraph/cayley/graph/sql/cockroach, same SQL schema,
// "cockroach" backend name) is the path: it speaks the PostgreSQL wire
// protocol, so only the backend name in the Open call changes.
func OpenPostgres(ctx context.Context, dsn string) (*CayleyStore, error) {
	name := RedactDSN(dsn)
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: fmt.Sprintf("open postgres store %s", name), Err: err}
	}
	// Ping first, with ctx: Cayley's own connect has no deadline.
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres store %s: %w", name, err)
	}
	defer db.Close()
	if err := db.PingContext(ctx); err != nil {
		if ctx.Err() != nil {
			return nil, &Error{Code: ETIMEOUT, Message: fmt.Sprintf("open postgres store %s", name), Err: err}
		}
		return nil, fmt.Errorf("open postgres store %s: %w", name, err)
	}
	// Cayley's init logs an error when the tables exist: only call it when
	// they do not.
	if !hasQuadTables(ctx, db) {
		if err := cgraph.InitQuadStore(postgresBackend, dsn, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			// Two processes initialising at once: the loser fails on a
			// duplicate table or type; the tables are there all the same.
			if !hasQuadTables(ctx, db) {
				return nil, fmt.Errorf("init postgres store %s: %w", name, err)
			}
		}
	}
	qs, err := cgraph.NewQuadStore(postgresBackend, dsn, nil)
	if err != nil {
		return nil, fmt.Errorf("open postgres store %s: %w", name, err)
	}
	return WrapQuadStore(qs), nil
}

// hasQuadTables reports whether Cayley's tables exist on db.
func hasQuadTables(ctx context.Context, db *sql.DB) bool {
	var nodes, quads sql.NullString
	err := db.QueryRowContext(ctx, `SELECT to_regclass('nodes')::text, to_regclass('quads')::text`).Scan(&nodes, &quads)
	return err == nil && nodes.Valid && quads.Valid
}

// iterErr wraps an iterator error; when ctx is done it is an ETIMEOUT error
// wrapping ctx.Err(), since some backends (Cayley's SQL one) report a
// cancelled query with an error that does not wrap it.
func iterErr(ctx context.Context, what string, err error) error {
	if cerr := ctx.Err(); cerr != nil {
		return &Error{Code: ETIMEOUT, Message: what, Err: cerr}
	}
	return fmt.Errorf("%s: %w", what, err)
}

// IsPostgresDSN reports whether dsn names a PostgreSQL database.
func IsPostgresDSN(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// RedactDSN returns dsn with its password replaced by "xxxxx", for messages.
func RedactDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "<unparsable DSN>"
	}
	return u.Redacted()
}
