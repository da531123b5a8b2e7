package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofrs/flock"
	"github.com/lib/pq"

	"github.com/awskg/awskg/graph"
)

// cliResult is what one awskg command line did.
type cliResult struct {
	code        int
	out, errOut string
}

// runCLI runs one awskg command line as main does, with stdin.
func runCLI(t testing.TB, stdin string, args ...string) cliResult {
	t.Helper()
	io, in, out, errOut := Test()
	in.WriteString(stdin)
	code := run(args, io)
	return cliResult{code, out.String(), errOut.String()}
}

// mustRun runs a command line that must succeed and returns its stdout.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	r := runCLI(t, "", args...)
	if r.code != exitOK {
		t.Fatalf("awskg %s: exit %d, stderr %q", strings.Join(args, " "), r.code, r.errOut)
	}
	return r.out
}

func TestNewCmdIngestFlags(t *testing.T) {
	tests := []struct {
		name    string
		db      string
		notes   []string
		cli     string
		want    IngestOptions
		wantErr string
	}{
		{name: "embedded notes only", db: "store", cli: ``, want: IngestOptions{DB: "store"}},
		{name: "paths then --notes", db: "store", notes: []string{"c.md"}, cli: `a.md notes/`, want: IngestOptions{DB: "store", Paths: []string{"a.md", "notes/", "c.md"}}},
		{name: "postgres", db: "postgres://u:p@h/db", cli: `a.md`, want: IngestOptions{DB: "postgres://u:p@h/db", Paths: []string{"a.md"}}},
		{name: "from quads, nquads by default", db: "store", cli: `--from-quads graph.export`, want: IngestOptions{DB: "store", FromQuads: "graph.export", Format: "nquads"}},
		{name: "from quads, format of the extension", db: "store", cli: `--from-quads graph.json`, want: IngestOptions{DB: "store", FromQuads: "graph.json", Format: "json"}},
		{name: "from quads, pquads", db: "store", cli: `--from-quads graph.pq`, want: IngestOptions{DB: "store", FromQuads: "graph.pq", Format: "pquads"}},
		{name: "from stdin, format given", db: "store", cli: `--from-quads - --format json`, want: IngestOptions{DB: "store", FromQuads: "-", Format: "json"}},
		{name: "no store", cli: `a.md`, wantErr: "ingest needs --db DIR"},
		{name: "memory store", db: "mem:", cli: ``, wantErr: "ingest needs a persistent store"},
		{name: "notes and quads", db: "store", cli: `a.md --from-quads g.nq`, wantErr: "give either notes (PATH, --notes) or --from-quads FILE, not both"},
		{name: "--notes and quads", db: "store", notes: []string{"c.md"}, cli: `--from-quads g.nq`, wantErr: "not both"},
		{name: "format without quads", db: "store", cli: `--format json`, wantErr: "--format goes with --from-quads FILE"},
		{name: "drawing format", db: "store", cli: `--from-quads g.dot`, wantErr: `cannot import quad format "graphviz"`},
		{name: "unknown format", db: "store", cli: `--from-quads g.nq --format turtle`, wantErr: `cannot import quad format "turtle"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, _, _, _ := Test()
			f := NewFactory(io)
			f.DB, f.Notes = tt.db, tt.notes // the root command's persistent flags
			var got *IngestOptions
			cmd := NewCmdIngest(f, func(o *IngestOptions) error { got = o; return nil })
			if !execFlags(t, cmd, tt.cli, tt.wantErr) {
				return
			}
			if got.DB != tt.want.DB || strings.Join(got.Paths, "|") != strings.Join(tt.want.Paths, "|") ||
				got.FromQuads != tt.want.FromQuads || got.Format != tt.want.Format {
				t.Errorf("options = %+v\nwant      %+v", *got, tt.want)
			}
		})
	}
}

var (
	memFactsOnce sync.Once
	memFacts     string
)

// embeddedFactsJSON is `facts --json` on the in-memory store of the embedded notes.
func embeddedFactsJSON(t *testing.T) string {
	t.Helper()
	memFactsOnce.Do(func() { memFacts = mustRun(t, "facts", "--json") })
	if strings.Count(memFacts, "\n") < 100 {
		t.Fatalf("facts --json gave too few facts:\n%s", memFacts)
	}
	return memFacts
}

var ingestSummary = regexp.MustCompile(`^ingested (\d+) notes into (.+): \d+ nodes, \d+ facts, \d+ warnings? \(\d+ quads\)\n$`)

func TestIngestBoltThenCommandsReadIt(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "store")
	r := runCLI(t, "", "ingest", "--db", dir)
	if r.code != exitOK {
		t.Fatalf("ingest: exit %d, stderr %q", r.code, r.errOut)
	}
	m := ingestSummary.FindStringSubmatch(r.errOut)
	if m == nil || m[1] != "5" || m[2] != dir || r.out != "" {
		t.Errorf("stdout %q, stderr %q: want nothing on stdout and the counts of the 5 embedded notes on stderr", r.out, r.errOut)
	}

	t.Run("facts", func(t *testing.T) {
		if got := mustRun(t, "facts", "--db", dir, "--json"); got != embeddedFactsJSON(t) {
			t.Errorf("facts --db differ from the in-memory store's:\n%s", firstDiff(got, embeddedFactsJSON(t)))
		}
	})
	t.Run("ask", func(t *testing.T) {
		q := "which services support cross-account"
		got, want := mustRun(t, "ask", "--db", dir, "--json", q), mustRun(t, "ask", "--json", q)
		if got != want || !strings.Contains(got, `"AWS CloudTrail"`) {
			t.Errorf("ask --db:\n%s\nin memory:\n%s", got, want)
		}
	})
	t.Run("query", func(t *testing.T) {
		q := `g.V("<capability:cross-account>").In("<supports>").Unique().Out("<name>").All()`
		got, want := mustRun(t, "query", "--db", dir, q), mustRun(t, "query", q)
		var names []map[string]string
		mustUnmarshal(t, []byte(got), &names)
		if len(names) < 5 || !strings.Contains(got, `"AWS Organizations"`) {
			t.Errorf("query --db: %s\nin memory: %s", got, want)
		}
	})
}

// firstDiff shows the first differing line of two outputs.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + itoa(i+1) + ":\n  " + al[i] + "\n  " + bl[i]
		}
	}
	return "lengths " + itoa(len(al)) + " and " + itoa(len(bl))
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// fooFacts returns the facts about Amazon Foo in `facts --json` output.
func fooFacts(t *testing.T, factsJSON string) []factJSON {
	t.Helper()
	var out []factJSON
	for _, line := range strings.Split(strings.TrimSpace(factsJSON), "\n") {
		var f factJSON
		mustUnmarshal(t, []byte(line), &f)
		if f.Subject == "Amazon Foo" || f.Object == "Amazon Foo" {
			out = append(out, f)
		}
	}
	return out
}

func TestIngestReplacesAChangedNote(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	dir, note := filepath.Join(tmp, "store"), filepath.Join(tmp, "foo.md")
	write := func(body string) {
		if err := os.WriteFile(note, []byte("# Study notes\n\n## Amazon Foo\n\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("- Amazon Foo: supports cross-account access")
	if r := runCLI(t, "", "ingest", "--db", dir, note); r.code != exitOK || !strings.HasPrefix(r.errOut, "ingested 6 notes") {
		t.Fatalf("first ingest: exit %d, stderr %q", r.code, r.errOut)
	}
	before := fooFacts(t, mustRun(t, "facts", "--db", dir, "--json"))
	if len(before) != 1 || before[0].Object != "Cross-account" || strings.Join(before[0].Sources, ",") != note+":5" {
		t.Fatalf("facts of the first note = %+v, want Amazon Foo supports Cross-account from %s:5", before, note)
	}

	write("- Amazon Foo: replicates across multiple regions")
	if r := runCLI(t, "", "ingest", "--db", dir, note); r.code != exitOK {
		t.Fatalf("second ingest: exit %d, stderr %q", r.code, r.errOut)
	}
	got := mustRun(t, "facts", "--db", dir, "--json")
	after := fooFacts(t, got)
	if len(after) != 1 || after[0].Object != "Multi-region" {
		t.Errorf("facts after the change = %+v, want only Amazon Foo supports Multi-region (the old fact gone, not duplicated)", after)
	}
	// The whole store is the graph of the notes as they are now.
	if want := mustRun(t, "facts", "--notes", note, "--json"); got != want {
		t.Errorf("store differs from an in-memory ingest of the same notes:\n%s", firstDiff(got, want))
	}
	r := runCLI(t, "", "ask", "--db", dir, "--json", "which services support cross-account")
	if r.code != exitOK || strings.Contains(r.out, "Amazon Foo") {
		t.Errorf("ask still finds the old fact: exit %d\n%s", r.code, r.out)
	}

	// Ingesting without the note drops its facts.
	if r := runCLI(t, "", "ingest", "--db", dir); r.code != exitOK {
		t.Fatalf("third ingest: exit %d, stderr %q", r.code, r.errOut)
	}
	if foo := fooFacts(t, mustRun(t, "facts", "--db", dir, "--json")); len(foo) != 0 {
		t.Errorf("facts of a note no longer given: %+v", foo)
	}
}

// countdownCtx is a context cancelled at the n-th call of Err (n > 0), so a
// test can stop a command at each of the points where it checks its context.
type countdownCtx struct {
	context.Context
	mu    sync.Mutex
	n     int
	calls int
	done  chan struct{}
}

func newCountdownCtx(n int) *countdownCtx {
	return &countdownCtx{Context: context.Background(), n: n, done: make(chan struct{})}
}

func (c *countdownCtx) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls++
	if c.n > 0 && c.calls >= c.n {
		if c.calls == c.n {
			close(c.done)
		}
		return context.Canceled
	}
	return nil
}

func (c *countdownCtx) Done() <-chan struct{} { return c.done }

func (c *countdownCtx) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.calls
}

// ingestWithContext runs `awskg ingest ARGS` with ctx as the command's context.
func ingestWithContext(ctx context.Context, args ...string) (error, string) {
	io, _, _, errOut := Test()
	f := NewFactory(io)
	defer f.Close()
	root := NewCmdRoot(f)
	root.SetArgs(append([]string{"ingest"}, args...))
	return root.ExecuteContext(ctx), errOut.String()
}

// TestIngestCancelledKeepsThePreviousStore cancels an ingest at every point
// it checks its context (reading the notes, extracting them, each chunk of
// the bolt build): each time the previous store must still answer, whole.
func TestIngestCancelledKeepsThePreviousStore(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	dir, note := filepath.Join(tmp, "store"), filepath.Join(tmp, "foo.md")
	if err := os.WriteFile(note, []byte("# Study notes\n\n## Amazon Foo\n\n- Amazon Foo: supports cross-account access\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, "", "ingest", "--db", dir, note); r.code != exitOK {
		t.Fatalf("first ingest: exit %d, stderr %q", r.code, r.errOut)
	}
	want := mustRun(t, "facts", "--db", dir, "--json")

	// How many times does a whole ingest (without the note) check its context?
	probe := newCountdownCtx(0)
	if err, _ := ingestWithContext(probe, "--db", filepath.Join(tmp, "probe")); err != nil {
		t.Fatal(err)
	}
	checks := probe.count()
	if checks < 5 {
		t.Fatalf("ingest checked its context %d times; the test needs more", checks)
	}
	t.Logf("a whole ingest checks its context %d times", checks)
	// The first check, checks while extracting and building, the last one
	// (after the last chunk is written, before the swap).
	for _, n := range []int{1, checks / 3, checks - checks/4, checks - 1, checks} {
		err, errOut := ingestWithContext(newCountdownCtx(n), "--db", dir)
		if err == nil {
			t.Errorf("cancelled at check %d of %d: ingest succeeded (stderr %q)", n, checks, errOut)
			continue
		}
		if strings.Contains(errOut, "ingested") {
			t.Errorf("cancelled at check %d: printed a summary: %q", n, errOut)
		}
		leftovers, _ := filepath.Glob(dir + ".tmp-*")
		if len(leftovers) > 0 {
			t.Errorf("cancelled at check %d: left %v", n, leftovers)
		}
		// Only the previous store has Amazon Foo: a swapped-in new graph
		// would not answer this.
		r := runCLI(t, "", "ask", "--db", dir, "--json", "which services support cross-account")
		if r.code != exitOK || !strings.Contains(r.out, `"Amazon Foo"`) {
			t.Errorf("cancelled at check %d (%v): the previous store does not answer: exit %d, stderr %q", n, err, r.code, r.errOut)
		}
	}
	if got := mustRun(t, "facts", "--db", dir, "--json"); got != want {
		t.Errorf("after the cancelled ingests the previous store changed:\n%s", firstDiff(got, want))
	}
	// Not cancelled: the new graph replaces the old one.
	if err, errOut := ingestWithContext(newCountdownCtx(checks+1), "--db", dir); err != nil {
		t.Fatalf("ingest with one check to spare: %v (%s)", err, errOut)
	}
	if foo := fooFacts(t, mustRun(t, "facts", "--db", dir, "--json")); len(foo) != 0 {
		t.Errorf("after a complete ingest without the note, its facts remain: %+v", foo)
	}
}

func TestIngestStoreInUseExits3(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "store")
	// Another ingest holds the builder lock (see graph/bolt.go).
	lock := flock.New(dir + ".lock")
	if ok, err := lock.TryLock(); err != nil || !ok {
		t.Fatalf("lock %s: %v %v", lock.Path(), ok, err)
	}
	defer lock.Close()
	r := runCLI(t, "", "ingest", "--db", dir)
	if r.code != exitConflict || !strings.Contains(r.errOut, "in use") || strings.Count(r.errOut, "\n") != 1 {
		t.Errorf("exit %d, stderr %q; want 3 and one line saying the store is in use", r.code, r.errOut)
	}
	if err := lock.Unlock(); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, "", "ingest", "--db", dir); r.code != exitOK {
		t.Errorf("after the lock is released: exit %d, stderr %q", r.code, r.errOut)
	}
}

func TestIngestErrors(t *testing.T) {
	tmp := t.TempDir()
	notDir := filepath.Join(tmp, "file")
	if err := os.WriteFile(notDir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	badQuads := filepath.Join(tmp, "bad.nq")
	if err := os.WriteFile(badQuads, []byte("<a> <b> .\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"missing note", []string{"ingest", "--db", filepath.Join(tmp, "s1"), filepath.Join(tmp, "missing.md")}, exitUsage, "no such file or directory"},
		{"store is a file", []string{"ingest", "--db", notDir}, exitUsage, "is not an awskg store"},
		{"missing export", []string{"ingest", "--db", filepath.Join(tmp, "s2"), "--from-quads", filepath.Join(tmp, "missing.nq")}, exitUsage, "no such file or directory"},
		{"malformed export", []string{"ingest", "--db", filepath.Join(tmp, "s3"), "--from-quads", badQuads}, exitUsage, "bad.nq:1: 2 terms"},
		{"no --db", []string{"ingest"}, exitUsage, "ingest needs --db"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, "", tt.args...)
			if r.code != tt.code || !strings.Contains(r.errOut, tt.want) || strings.Count(r.errOut, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want %d and one line with %q", r.code, r.errOut, tt.code, tt.want)
			}
		})
	}
}

// TestIngestPostgres ingests into a PostgreSQL store twice, the second time
// with a changed note, like TestIngestReplacesAChangedNote. It needs
// AWSKG_TEST_POSTGRES (see .ci/postgres.sh); CI=true makes its absence fail.
func TestIngestPostgres(t *testing.T) {
	t.Parallel()
	dsn := os.Getenv("AWSKG_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI must run the postgres tests: AWSKG_TEST_POSTGRES is not set (source .ci/postgres.sh before go test)")
		}
		t.Skip("PostgreSQL test skipped: set AWSKG_TEST_POSTGRES (see .ci/postgres.sh)")
	}
	dsn = pgTestSchema(t, dsn)
	note := filepath.Join(t.TempDir(), "foo.md")
	write := func(body string) {
		if err := os.WriteFile(note, []byte("# Study notes\n\n## Amazon Foo\n\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("- Amazon Foo: supports cross-account access")
	r := runCLI(t, "", "ingest", "--db", dsn, note)
	if r.code != exitOK || !strings.Contains(r.errOut, "removed") || strings.Contains(r.errOut, "awskg:awskg@") {
		t.Fatalf("first ingest: exit %d, stderr %q (want counts, no password)", r.code, r.errOut)
	}
	if foo := fooFacts(t, mustRun(t, "facts", "--db", dsn, "--json")); len(foo) != 1 || foo[0].Object != "Cross-account" {
		t.Fatalf("facts of the first note = %+v", foo)
	}
	write("- Amazon Foo: replicates across multiple regions")
	r = runCLI(t, "", "ingest", "--db", dsn, note)
	m := regexp.MustCompile(`: (\d+) added, (\d+) removed\)\n$`).FindStringSubmatch(r.errOut)
	if r.code != exitOK || m == nil || m[1] == "0" || m[2] == "0" || len(m[1]) > 2 || len(m[2]) > 2 {
		t.Errorf("second ingest: exit %d, stderr %q; want the quads of one fact replaced, not the whole graph", r.code, r.errOut)
	}
	got := mustRun(t, "facts", "--db", dsn, "--json")
	if foo := fooFacts(t, got); len(foo) != 1 || foo[0].Object != "Multi-region" {
		t.Errorf("facts after the change = %+v", foo)
	}
	if want := mustRun(t, "facts", "--notes", note, "--json"); got != want {
		t.Errorf("postgres store differs from an in-memory ingest:\n%s", firstDiff(got, want))
	}
	q := `g.V("<capability:cross-account>").In("<supports>").Unique().Out("<name>").All()`
	if out := mustRun(t, "query", "--db", dsn, q); strings.Contains(out, `"Amazon Foo"`) || !strings.Contains(out, `"AWS CloudTrail"`) {
		t.Errorf("query on postgres: %s", out)
	}
	if r := runCLI(t, "", "query", "--db", dsn, "--timeout", "300ms", "while(true){}"); r.code != exitTimeout {
		t.Errorf("endless query on postgres: exit %d, stderr %q", r.code, r.errOut)
	}

	// Another ingest holds the lock of this database and schema: exit 3.
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	const key = `hashtext(current_database() || '.' || current_schema() || '.awskg-ingest')`
	if _, err := conn.ExecContext(context.Background(), `SELECT pg_advisory_lock(`+key+`)`); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, "", "ingest", "--db", dsn, note)
	if r.code != exitConflict || !strings.Contains(r.errOut, "in use by another awskg ingest") {
		t.Errorf("ingest while locked: exit %d, stderr %q", r.code, r.errOut)
	}
	conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(`+key+`)`)
	conn.Close()

	// Round trip through an export, into another schema.
	export := filepath.Join(t.TempDir(), "g.nq")
	mustRun(t, "export", "--db", dsn, "-o", export)
	dsn2 := pgTestSchema(t, os.Getenv("AWSKG_TEST_POSTGRES"))
	if r := runCLI(t, "", "ingest", "--db", dsn2, "--from-quads", export); r.code != exitOK {
		t.Fatalf("import: exit %d, stderr %q", r.code, r.errOut)
	}
	if again := mustRun(t, "facts", "--db", dsn2, "--json"); len(fooFacts(t, again)) != 1 {
		t.Errorf("imported store lacks the note's fact")
	}
}

// pgTestSchema creates a fresh schema in the database of dsn, dropped when
// the test ends, and returns a DSN whose search_path points to it.
func pgTestSchema(t *testing.T, dsn string) string {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatalf("open %s: %v", graph.RedactDSN(dsn), err)
	}
	t.Cleanup(func() { db.Close() })
	schema := fmt.Sprintf("awskg_cmd_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := db.Exec("CREATE SCHEMA " + pq.QuoteIdentifier(schema)); err != nil {
		t.Fatalf("create schema %s on %s: %v", schema, graph.RedactDSN(dsn), err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec("DROP SCHEMA " + pq.QuoteIdentifier(schema) + " CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal("AWSKG_TEST_POSTGRES is not a URL")
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
