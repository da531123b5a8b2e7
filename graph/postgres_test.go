package graph_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/graph/storetest"
	"github.com/lib/pq"
)

// pgDatabase is a throwaway database on the server of AWSKG_TEST_POSTGRES.
type pgDatabase struct {
	dsn     string // DSN of the throwaway database
	schemas atomic.Int64
}

// newPGDatabase creates a uniquely named database for this test run and
// drops it when tb ends. Without AWSKG_TEST_POSTGRES it skips, except on CI
// (CI=true), where it fails: CI must run the PostgreSQL tests.
func newPGDatabase(tb testing.TB) *pgDatabase {
	tb.Helper()
	dsn := os.Getenv("AWSKG_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal("CI must run the postgres tests: AWSKG_TEST_POSTGRES is not set (source .ci/postgres.sh before go test)")
		}
		tb.Skip("PostgreSQL tests skipped: set AWSKG_TEST_POSTGRES=postgres://USER:PASSWORD@HOST:PORT/DB?sslmode=disable " +
			"(a role that may CREATE DATABASE), or run `source .ci/postgres.sh` as root to start a throwaway server and set it")
	}
	admin, err := sql.Open("postgres", dsn)
	if err != nil {
		tb.Fatalf("open %s: %v", graph.RedactDSN(dsn), err)
	}
	tb.Cleanup(func() { admin.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := admin.PingContext(ctx); err != nil {
		tb.Fatalf("connect to %s: %v", graph.RedactDSN(dsn), err)
	}
	name := fmt.Sprintf("awskg_test_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+pq.QuoteIdentifier(name)); err != nil {
		tb.Fatalf("create database %s (the role of AWSKG_TEST_POSTGRES needs CREATEDB): %v", name, err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		// A server process of its own (an autovacuum worker) may hold the
		// database for a moment, and a non-superuser may not terminate it:
		// try again while the deadline allows, then report.
		var err error
		for try := 0; try < 20; try++ {
			if _, err = admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+pq.QuoteIdentifier(name)+" WITH (FORCE)"); err == nil {
				return
			}
			select {
			case <-ctx.Done():
				tb.Errorf("drop database %s: %v", name, err)
				return
			case <-time.After(time.Duration(try+1) * 100 * time.Millisecond):
			}
		}
		tb.Errorf("drop database %s: %v", name, err)
	})
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatalf("parse AWSKG_TEST_POSTGRES: not a URL")
	}
	u.Path = "/" + name
	return &pgDatabase{dsn: u.String()}
}

// schemaDSN creates a fresh schema in the database and returns a DSN whose
// search_path points to it, so every store starts empty.
func (p *pgDatabase) schemaDSN(tb testing.TB, prefix string) string {
	tb.Helper()
	schema := fmt.Sprintf("%s_%d", strings.ToLower(prefix), p.schemas.Add(1))
	db, err := sql.Open("postgres", p.dsn)
	if err != nil {
		tb.Fatalf("open %s: %v", graph.RedactDSN(p.dsn), err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE SCHEMA " + pq.QuoteIdentifier(schema)); err != nil {
		tb.Fatalf("create schema %s: %v", schema, err)
	}
	u, _ := url.Parse(p.dsn)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func TestPostgresStore(t *testing.T) {
	db := newPGDatabase(t)
	storetest.Run(t, func(t *testing.T) graph.Store {
		s, err := graph.Open(context.Background(), db.schemaDSN(t, "suite"))
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		return s
	})
}

// TestPostgresShared opens the same database twice at once (a shared backend
// has no ECONFLICT), re-initialises it (the existing tables are kept) and
// sees one store's writes from the other.
func TestPostgresShared(t *testing.T) {
	db := newPGDatabase(t)
	ctx := context.Background()
	dsn := db.schemaDSN(t, "shared")
	s1, err := graph.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("Open #1: %v", err)
	}
	defer s1.Close()
	if err := s1.Load(ctx, storetest.Nodes(), storetest.Facts()); err != nil {
		t.Fatalf("Load: %v", err)
	}
	s2, err := graph.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("Open #2 while #1 is open: %v", err)
	}
	defer s2.Close()
	facts, err := s2.Facts(ctx)
	if err != nil {
		t.Fatalf("Facts via #2: %v", err)
	}
	if want := storetest.SortedFacts(); !reflect.DeepEqual(facts, want) {
		t.Errorf("Facts via #2 = %v, want %v", facts, want)
	}
	extra := graph.Fact{Subject: storetest.B, Predicate: graph.PredNotifies, Object: storetest.C, Source: "z.txt:1"}
	if err := s2.Load(ctx, nil, []graph.Fact{extra}); err != nil {
		t.Fatalf("Load via #2: %v", err)
	}
	edges, err := s1.Out(ctx, storetest.B, graph.PredNotifies)
	if err != nil || len(edges) != 1 || edges[0].Object != storetest.C {
		t.Errorf("Out(B, notifies) via #1 = %v, %v; want the edge written via #2", edges, err)
	}
}

// TestPostgresExportMatchesMem: a PostgreSQL store exports the same bytes as
// a memstore holding the same graph.
func TestPostgresExportMatchesMem(t *testing.T) {
	db := newPGDatabase(t)
	ctx := context.Background()
	nodes, facts := trickyGraph()
	s, err := graph.Open(ctx, db.schemaDSN(t, "export"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	if err := s.Load(ctx, nodes, facts); err != nil {
		t.Fatalf("Load: %v", err)
	}
	mem := loadedMem(t, nodes, facts)
	for _, format := range []string{"nquads", "json", "pquads"} {
		var got, want bytes.Buffer
		if err := graph.Export(ctx, s, format, &got); err != nil {
			t.Fatalf("Export postgres %s: %v", format, err)
		}
		if err := graph.Export(ctx, mem, format, &want); err != nil {
			t.Fatalf("Export mem %s: %v", format, err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: postgres export differs from memstore export:\n%s\nvs\n%s", format, got.String(), want.String())
		}
	}
}

// TestPostgresOpenErrors needs no server: the errors must carry context and
// never the password.
func TestPostgresOpenErrors(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		dsn  string
		code string
	}{
		{"refused", context.Background(), "postgres://awskg:s3cr3t@127.0.0.1:1/awskg?sslmode=disable&connect_timeout=5", graph.EINTERNAL},
		{"postgresql scheme", context.Background(), "postgresql://awskg:s3cr3t@127.0.0.1:1/awskg?sslmode=disable&connect_timeout=5", graph.EINTERNAL},
		{"cancelled", cancelled, "postgres://awskg:s3cr3t@127.0.0.1:1/awskg?sslmode=disable", graph.ETIMEOUT},
	}
	for _, tc := range tests {
		s, err := graph.Open(tc.ctx, tc.dsn)
		if err == nil {
			s.Close()
			t.Errorf("%s: Open succeeded", tc.name)
			continue
		}
		if code := graph.ErrorCode(err); code != tc.code {
			t.Errorf("%s: code %q, want %q (%v)", tc.name, code, tc.code, err)
		}
		if strings.Contains(err.Error(), "s3cr3t") {
			t.Errorf("%s: error leaks the password: %v", tc.name, err)
		}
		if tc.code == graph.EINTERNAL && !strings.Contains(err.Error(), "open postgres store") {
			t.Errorf("%s: error lacks context: %v", tc.name, err)
		}
	}
}
