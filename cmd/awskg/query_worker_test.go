package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/query"

	"github.com/awskg/awskg/graph"
)

// engineCrashers are queries on which Cayley v0.7.7 panics in the goroutine
// Gizmo runs scripts in, where no recover can reach: before the query
// worker, each one killed awskg (and a whole REPL session) with a goroutine
// trace. want is the panic's message.
var engineCrashers = []struct{ name, query, want string }{
	{"Back after OutPredicates", `g.V("<service:aws-codecommit>").Tag("s").OutPredicates().Back("s").All()`, "not implemented: need a function from predicates to their associated edges"},
	{"Back after InPredicates", `g.V("<service:aws-codecommit>").Tag("s").InPredicates().Back("s").All()`, "not implemented: need a function from predicates to their associated edges"},
	{"Back after Labels", `g.V().Tag("a").Labels().Tag("b").Back("a").Count()`, "not implemented"},
	{"Back after OutPredicates in a morphism", `g.Morphism().Tag("s").OutPredicates().Back("s")`, "not implemented: need a function from predicates to their associated edges"},
	{"Follow of such a morphism", `g.V("<service:aws-codecommit>").Follow(g.M().Tag("x").OutPredicates().Back("x")).All()`, "not implemented: need a function from predicates to their associated edges"},
	{"in a ForEach callback", `g.V("<service:aws-codecommit>").ForEach(function(d){ g.V().Tag("s").OutPredicates().Back("s").All() })`, "not implemented: need a function from predicates to their associated edges"},
	{"object as a predicate", `g.V("<service:aws-codecommit>").Out({}).All()`, "unsupported type: map[string]interface {}"},
	{"number as a tag", `g.V("<service:aws-codecommit>").Out("<notifies>", 1).All()`, "expected string, got: int64"},
	{"null as a tag", `g.V().Both(null, null).All()`, "expected string, got: <nil>"},
}

func TestQueryEngineCrashIsOneLineExit1(t *testing.T) {
	for _, tt := range engineCrashers {
		t.Run(tt.name, func(t *testing.T) {
			io, _, out, errOut := Test()
			code := run([]string{"query", tt.query}, io)
			if code != exitError {
				t.Errorf("exit %d, want %d", code, exitError)
			}
			want := "awskg: the gizmo engine crashed on this query: " + tt.want + "\n"
			if errOut.String() != want {
				t.Errorf("stderr %q\nwant   %q", errOut, want)
			}
			if out.Len() != 0 {
				t.Errorf("stdout %q", out)
			}
		})
	}
	// this process, which ran them all, still answers
	out, _, err := runQueryCmd(t, func(o *QueryOptions) { o.Query = `g.V("<capability:multi-az>").Out("<name>").All()` })
	if err != nil || out != "[\n{\"id\":\"Multi-AZ\"}\n]\n" {
		t.Errorf("after the crashes: %q %v", out, err)
	}
}

func TestQueryEngineCrashDebugTrace(t *testing.T) {
	io, _, _, errOut := Test()
	code := run([]string{"query", "--debug", engineCrashers[0].query}, io)
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	if !strings.Contains(errOut.String(), "goroutine") || !strings.Contains(errOut.String(), "cayley/graph/path") {
		t.Errorf("--debug did not print the engine's stack trace: %q", errOut)
	}
}

// TestQueryEngineCrashBinary runs a crashing query through the built
// binary: the process the user runs exits 1 with one line.
func TestQueryEngineCrashBinary(t *testing.T) {
	bin := awskgBinary(t)
	cmd := exec.Command(bin, "query", engineCrashers[0].query)
	cmd.Env = append(os.Environ(), "AWSKG_NO_CACHE=1")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitError {
		t.Errorf("exit: %v, want status %d", err, exitError)
	}
	if want := "awskg: the gizmo engine crashed on this query: " + engineCrashers[0].want + "\n"; errOut.String() != want || out.Len() != 0 {
		t.Errorf("stdout %q stderr %q, want stderr %q", out.String(), errOut.String(), want)
	}
}

// TestReplSurvivesEngineCrash: in the REPL, a query that crashes the engine
// is one error line and the session goes on, history and all.
func TestReplSurvivesEngineCrash(t *testing.T) {
	s, _, _ := testSession(t, false)
	hist := filepath.Join(t.TempDir(), "history")
	h, err := openHistory(hist)
	if err != nil {
		t.Fatal(err)
	}
	s.history = h
	if err := s.history.add("what is CloudTrail"); err != nil {
		t.Fatal(err)
	}
	do(t, s, ":gizmo")
	for _, tt := range engineCrashers {
		out, errOut := do(t, s, tt.query)
		if want := "awskg: the gizmo engine crashed on this query: " + tt.want + "\n"; errOut != want || out != "" {
			t.Errorf("%s: stdout %q stderr %q, want %q", tt.name, out, errOut, want)
		}
	}
	out, errOut := do(t, s, `g.V("<capability:multi-az>").Out("<name>").All()`, ":ask", "what is CloudTrail")
	if errOut != "" || !strings.Contains(out, `{"id":"Multi-AZ"}`) || !strings.Contains(out, "Cross-account\tsupports") {
		t.Errorf("the session did not go on: %q %q", out, errOut)
	}
	// history is appended as it is entered: it is on disk already
	if b, _ := os.ReadFile(hist); !strings.Contains(string(b), "what is CloudTrail") {
		t.Errorf("history lost: %q", b)
	}
}

// TestQueryMemoryBombStopped: a script that doubles a string forever is
// stopped by --max-memory, long before the machine runs short (and before
// --timeout: the bomb needs a fraction of a second to pass 64 MiB).
func TestQueryMemoryBombStopped(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the hard memory limit is Linux's RLIMIT_AS")
	}
	for _, q := range []string{
		`var s = "x"; while (true) { s = s + s }`,
		`var a = []; while (true) { a.push(new Array(1000000)) }`,
	} {
		io, _, out, errOut := Test()
		code := run([]string{"query", "--max-memory", "64MiB", "--timeout", "10m", q}, io)
		if code != exitTimeout {
			t.Errorf("%s: exit %d, want %d", q, code, exitTimeout)
		}
		if want := "awskg: the gizmo query used more than --max-memory 64 MiB and was stopped\n"; errOut.String() != want || out.Len() != 0 {
			t.Errorf("%s: stdout %q stderr %q, want %q", q, out, errOut, want)
		}
	}
	// the graph and an ordinary query fit in the same bound
	io, _, out, errOut := Test()
	if code := run([]string{"query", "--max-memory", "64MiB", `g.V("<capability:multi-az>").Out("<name>").All()`}, io); code != exitOK || out.String() != "[\n{\"id\":\"Multi-AZ\"}\n]\n" {
		t.Errorf("ordinary query under --max-memory 64MiB: exit %d, %q %q", code, out, errOut)
	}
}

// TestQueryStoppedInNativeCode: a query that spends its time in one call
// the engine never interrupts (Cayley's GraphQL parser on this malformed
// query takes quadratic time: about 1 s for 30 KB, so hours for 1 MB) is
// killed at its deadline; it does not keep a core busy after awskg has
// reported the timeout.
func TestQueryStoppedInNativeCode(t *testing.T) {
	q := "{ nodes( " + strings.Repeat("x", 1<<20) + " }"
	before := runtime.NumGoroutine()
	io, _, out, errOut := Test()
	code := run([]string{"query", "--lang", "graphql", "--timeout", "300ms", q}, io)
	if code != exitTimeout || !strings.Contains(errOut.String(), "graphql query ran past --timeout 300ms") || out.Len() != 0 {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 4 and the timeout", code, out, errOut)
	}
	if n := waitGoroutines(before); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines left running after the timeout, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
}

// TestQueryWorkerAnswersAsInProcess: the worker's copy of the graph answers
// every query exactly as the store does, in the same order.
func TestQueryWorkerAnswersAsInProcess(t *testing.T) {
	qs := quadStoreOf(t, queryFactory(t))
	g := newWorkerGraph(qs, "")
	queries := []struct{ lang, query string }{
		{"gizmo", `g.V("<capability:cross-account>").In("<supports>").Tag("s").Out("<name>").All()`},
		{"gizmo", `g.V().Has("<kind>", "service").Out("<notifies>").Has("<kind>", "service").Unique().All()`},
		{"gizmo", `g.V().LabelContext("data/notes/002_653d9272087ba1e1.txt:752").Out("<supports>").All()`},
		{"gizmo", `g.Emit(g.V("<service:aws-codedeploy>").Out().Unique().Count())`},
		{"gizmo", `g.V().Out("<position>").All()`},
		{"gizmo", `g.V().All()`},
		{"mql", `[{"id": null, "<notifies>": [], "<kind>": "service"}]`},
		{"graphql", `{ s(kind: "service") { id name supports { name } } }`},
	}
	for _, q := range queries {
		t.Run(q.lang+" "+q.query, func(t *testing.T) {
			ctx := context.Background()
			want, _, err := execQuery(ctx, query.GetLanguage(q.lang), qs, q.query, 0, jsonResults)
			if err != nil {
				t.Fatal(err)
			}
			got, err := runContained(ctx, g, workerJob{Lang: q.lang, Query: q.query}, time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			var a, b bytes.Buffer
			printQueryResults(&a, want, true)
			printQueryResults(&b, got.results, true)
			if a.String() != b.String() {
				t.Errorf("the worker answers differently:\n%.2000s\nwant\n%.2000s", b.String(), a.String())
			}
			if len(want) == 0 || a.String() == "{}\n" {
				t.Errorf("no results to compare: %s", a.String())
			}
		})
	}
}

// TestQueryWorkerInterruptedIsNotATimeout: Ctrl-C (the command's context
// cancelled) stops the worker and exits 130, not 4.
func TestQueryWorkerInterruptedIsNotATimeout(t *testing.T) {
	qs := quadStoreOf(t, queryFactory(t))
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err := runContained(ctx, newWorkerGraph(qs, ""), workerJob{Lang: "gizmo", Query: `while(true){}`}, 0)
	if exitCode(err) != exitInterrupted || graph.ErrorCode(err) == graph.ETIMEOUT {
		t.Errorf("error = %v (exit %d), want an interruption, exit 130", err, exitCode(err))
	}
}

func TestQueryMaxMemoryFlag(t *testing.T) {
	tests := []struct {
		cli     string
		want    byteSize
		wantErr string
	}{
		{cli: `'g.V()'`, want: defaultMaxMemory},
		{cli: `--max-memory 512MiB 'g.V()'`, want: 512 << 20},
		{cli: `--max-memory 2GB 'g.V()'`, want: 2e9},
		{cli: `--max-memory lots 'g.V()'`, wantErr: `not a size (e.g. 512MiB, 2GB): "lots"`},
		{cli: `--max-memory 1KB 'g.V()'`, wantErr: "1000 B is out of range (16MiB to 1PiB)"},
	}
	for _, tt := range tests {
		t.Run(tt.cli, func(t *testing.T) {
			io, _, _, _ := Test()
			var got *QueryOptions
			cmd := NewCmdQuery(NewFactory(io), func(o *QueryOptions) error { got = o; return nil })
			if !execFlags(t, cmd, tt.cli, tt.wantErr) {
				return
			}
			if got.MaxMemory != tt.want {
				t.Errorf("--max-memory = %d, want %d", got.MaxMemory, tt.want)
			}
		})
	}
}

// TestQueryErrorEchoIsCut: an engine message that quotes a huge query (a
// malformed 1 MB GraphQL query, a thrown 1 MB string) is one short line.
func TestQueryErrorEchoIsCut(t *testing.T) {
	big := strings.Repeat("x", 1<<20)
	tests := []struct {
		lang, query, want string
		echo              bool // the engine's message quotes the query
	}{
		// Cayley's GraphQL parser quotes the whole line of the error
		{"graphql", `{ nodes(id: 1 } ` + big, "graphql query: Syntax Error GraphQL (1:15) Expected Name, found }", true},
		{"gizmo", `throw "` + big + `"`, "gizmo query: " + strings.Repeat("x", 100), true},
		{"gizmo", `g.V("` + big + `").Frobnicate()`, "gizmo query: TypeError: Object has no member 'Frobnicate'", false},
	}
	for _, tt := range tests {
		io, _, _, errOut := Test()
		code := run([]string{"query", "--lang", tt.lang, tt.query}, io)
		msg := errOut.String()
		if code != exitUsage || strings.Count(msg, "\n") != 1 || len(msg) > maxErrorLine+len("awskg: \n") || !strings.Contains(msg, tt.want) {
			t.Errorf("%s: exit %d, %d-byte stderr %.300q; want exit 2, one line of at most %d bytes with %q", tt.lang, code, len(msg), msg, maxErrorLine, tt.want)
		}
		if cut := strings.Contains(msg, " bytes cut] … "); cut != tt.echo {
			t.Errorf("%s: cut %v, want %v: %.300q", tt.lang, cut, tt.echo, msg)
		}
	}
}

func TestCutMiddle(t *testing.T) {
	if got := cutMiddle("short", 10); got != "short" {
		t.Errorf("short: %q", got)
	}
	s := strings.Repeat("é", 100) // 200 bytes
	got := cutMiddle(s, 60)
	if want := strings.Repeat("é", 9) + " … [174 bytes cut] … " + strings.Repeat("é", 4); got != want {
		t.Errorf("cut %q\nwant %q", got, want)
	}
	if len(got) > 60 {
		t.Errorf("cut to %d bytes, over 60", len(got))
	}
	if !json.Valid([]byte(`"` + got + `"`)) {
		t.Errorf("cut in the middle of a character: %q", got)
	}
}

// TestGizmoScriptFrame: awaitGizmoScripts finds the goroutine of a running
// Gizmo script by its function, and returns once it has ended.
func TestGizmoScriptFrame(t *testing.T) {
	qs := quadStoreOf(t, queryFactory(t))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, _, err := queryGraph(ctx, qs, "gizmo", `while(true){}`, 0, 0)
		done <- err
	}()
	found := false
	buf := make([]byte, 1<<20)
	for deadline := time.Now().Add(hangBound); !found && time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		found = bytes.Contains(buf[:runtime.Stack(buf, true)], []byte(gizmoScriptFrame))
	}
	cancel()
	<-done
	if !found {
		t.Fatalf("no goroutine runs %s while a script loops", gizmoScriptFrame)
	}
	awaitGizmoScripts() // returns: the script was interrupted
}
