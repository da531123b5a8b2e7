package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/peterh/liner"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
	"github.com/awskg/awskg/queries"
)

// sharedFactory ingests the embedded notes once for the REPL tests; the
// sessions share its engine (read-only) and have streams of their own.
var (
	sharedOnce sync.Once
	shared     *Factory
)

func sharedEngineFactory(t testing.TB) *Factory {
	t.Helper()
	sharedOnce.Do(func() {
		io, _, _, _ := Test()
		shared = NewFactory(io)
	})
	if _, err := shared.Engine(context.Background()); err != nil {
		t.Fatalf("ingest the embedded notes: %v", err)
	}
	return shared
}

// testSession returns a session on in-memory streams; tty sets terminal
// output (tables, colour off as Test streams have no colour).
func testSession(t testing.TB, tty bool) (*session, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	f := sharedEngineFactory(t)
	io, _, out, errOut := Test()
	io.SetStdoutTTY(tty)
	clock := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	opts := &ReplOptions{IO: io, Engine: f.Engine, Factory: f, Timeout: defaultTimeout, HistoryFile: "-",
		Now: func() time.Time { clock = clock.Add(1500 * time.Microsecond); return clock }}
	s, err := newSession(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.close() })
	return s, out, errOut
}

// testBuffers returns the buffers behind the text streams of Test streams.
func testBuffers(s *IOStreams) (out, errOut *bytes.Buffer) {
	return s.out.w.(*bytes.Buffer), s.errOut.w.(*bytes.Buffer)
}

// do runs lines in a session and returns what they printed.
func do(t *testing.T, s *session, lines ...string) (string, string) {
	t.Helper()
	out, errOut := testBuffers(s.io)
	out.Reset()
	errOut.Reset()
	for _, l := range lines {
		s.exec(context.Background(), l) // reports its errors on errOut
	}
	return out.String(), errOut.String()
}

func TestReplPipedPrintsWhatAskPrints(t *testing.T) {
	qs := []string{"which services support cross-account", "what are the OpsWorks lifecycle events", "how do I get data from CloudWatch Logs to Athena"}
	for _, tty := range []bool{false, true} {
		f, out, _ := testFactory(t, tty)
		var want bytes.Buffer
		for _, q := range qs {
			out.Reset()
			if err := runAsk(askOpts(f, q)); err != nil {
				t.Fatal(err)
			}
			want.Write(out.Bytes())
		}
		out.Reset()
		f.IO.In.(*bytes.Buffer).WriteString(strings.Join(qs, "\n") + "\n\n# a comment\n")
		if err := runRepl(&ReplOptions{IO: f.IO, Engine: f.Engine, Factory: f, Now: f.Now, Timeout: defaultTimeout}); err != nil {
			t.Fatal(err)
		}
		if got := out.String(); got != want.String() {
			t.Errorf("tty=%v: piped repl printed\n%s\nask printed\n%s", tty, got, want.String())
		}
	}
}

func TestReplPipedFailureExits1(t *testing.T) {
	f, out, errOut := testFactory(t, false)
	f.IO.In.(*bytes.Buffer).WriteString("what is the airspeed of a swallow\nwhat is CloudTrail\n")
	err := runRepl(&ReplOptions{IO: f.IO, Engine: f.Engine, Factory: f, Now: f.Now, Timeout: defaultTimeout})
	if exitCode(err) != exitError {
		t.Errorf("exit code = %d (%v), want %d", exitCode(err), err, exitError)
	}
	if !strings.HasPrefix(errOut.String(), "awskg: ") || !strings.Contains(out.String(), "AWS CloudTrail") && !strings.Contains(out.String(), "\t") {
		t.Errorf("stderr %q, stdout %q: want the error as ask words it and the next question answered", errOut, out)
	}
}

func TestReplHelpListsEveryCommand(t *testing.T) {
	s, _, _ := testSession(t, true)
	out, _ := do(t, s, ":help")
	for _, c := range []string{":why N", ":show X", ":neighbors X [DEPTH]", ":path X Y", ":compare X Y", ":render [dot|svg|png] [FILE]",
		":gizmo", ":graphql", ":ask", ":notes PATH", ":format table|json", ":history", ":quit", "Ctrl-R", "Ctrl-C", "Ctrl-D"} {
		if !strings.Contains(out, c) {
			t.Errorf(":help lacks %q:\n%s", c, out)
		}
	}
}

func TestReplQuestionTable(t *testing.T) {
	s, _, _ := testSession(t, true)
	out, errOut := do(t, s, "which services support cross-account")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[0], "#   NAME") || !strings.Contains(lines[1], "1   ") {
		t.Errorf("want a numbered table, got:\n%s", out)
	}
	if last := lines[len(lines)-1]; !strings.Contains(last, "answers (read as: what supports Cross-account") || !strings.HasSuffix(last, " in 1.5ms") {
		t.Errorf("footer = %q, want count, intent and time", last)
	}
	if errOut != "" {
		t.Errorf("stderr: %s", errOut)
	}
}

func TestReplWhyQuotesTheNoteLines(t *testing.T) {
	s, _, _ := testSession(t, true)
	do(t, s, "which services support cross-account")
	a := s.last.Answers[0]
	out, errOut := do(t, s, ":why 1")
	if errOut != "" {
		t.Fatalf("stderr: %s", errOut)
	}
	if !strings.Contains(out, a.Name) {
		t.Errorf(":why 1 does not name %q:\n%s", a.Name, out)
	}
	for _, src := range a.Sources {
		text, ok := s.lineText(src)
		if !ok {
			t.Fatalf("no text for %s", src)
		}
		if !strings.Contains(out, src) || !strings.Contains(out, text) {
			t.Errorf(":why 1 lacks %s with its text %q:\n%s", src, text, out)
		}
	}
	// piped: source<TAB>text
	s.io.SetStdoutTTY(false)
	out, _ = do(t, s, ":why 1")
	first := strings.SplitN(strings.Split(out, "\n")[0], "\t", 2)
	if len(first) != 2 || first[0] != a.Sources[0] {
		t.Errorf("piped :why line = %q", strings.Split(out, "\n")[0])
	}
}

func TestReplWhyErrors(t *testing.T) {
	s, _, _ := testSession(t, true)
	_, errOut := do(t, s, ":why 1")
	if !strings.Contains(errOut, "no answer yet") {
		t.Errorf("stderr = %q", errOut)
	}
	do(t, s, "what are the OpsWorks lifecycle events")
	for _, arg := range []string{"0", "99", "x", ""} {
		_, errOut := do(t, s, ":why "+arg)
		if !strings.Contains(errOut, ":why takes an answer number from 1 to") {
			t.Errorf(":why %s: stderr = %q", arg, errOut)
		}
	}
}

func TestReplWhyWithoutNoteText(t *testing.T) {
	s, _, _ := testSession(t, true)
	s.corpus, s.corpusErr = nil, errors.New("the notes were not ingested in this run (reading --db /tmp/kg)")
	do(t, s, "which services support cross-account")
	out, _ := do(t, s, ":why 1")
	if !strings.Contains(out, "the note text is unavailable: the notes were not ingested in this run (reading --db /tmp/kg)") {
		t.Errorf(":why does not say the text is unavailable:\n%s", out)
	}
	if !strings.Contains(out, s.last.Answers[0].Sources[0]) {
		t.Errorf(":why lacks the sources:\n%s", out)
	}
}

func TestReplShowGroupsByPredicate(t *testing.T) {
	s, _, _ := testSession(t, true)
	out, errOut := do(t, s, ":show CloudTrail")
	if errOut != "" {
		t.Fatalf("stderr: %s", errOut)
	}
	for _, want := range []string{"AWS CloudTrail (service, service:aws-cloudtrail)", "supports (2)", "Cross-account", "Multi-region", "notifies", "← notifies", "Amazon SNS", "relations in"} {
		if !strings.Contains(out, want) {
			t.Errorf(":show lacks %q:\n%s", want, out)
		}
	}
	if strings.Index(out, "\nsupports") > strings.Index(out, "\n← notifies") {
		t.Errorf("outgoing groups must come before incoming ones:\n%s", out)
	}
	again, _ := do(t, s, ":show aws cloudtrail")
	if again != out {
		t.Errorf(":show is not deterministic (or not case-insensitive)")
	}
	// :why works on the numbers :show prints
	why, errOut := do(t, s, ":why 1")
	if errOut != "" || !strings.Contains(why, "data/notes/") {
		t.Errorf(":why 1 after :show: %s %s", why, errOut)
	}
	s.io.SetStdoutTTY(false)
	plain, _ := do(t, s, ":show CloudTrail")
	for _, l := range strings.Split(strings.TrimSpace(plain), "\n") {
		if len(strings.Split(l, "\t")) != 4 {
			t.Errorf("piped :show line %q has no 4 tab-separated columns", l)
		}
	}
}

func TestReplUnknownEntitySuggests(t *testing.T) {
	s, _, _ := testSession(t, true)
	for _, line := range []string{":show Cloudtrial", ":neighbors Cloudtrial", ":path Cloudtrial to SNS", ":compare CodeDeploy Cloudtrial"} {
		_, errOut := do(t, s, line)
		if !strings.Contains(errOut, `unknown entity "Cloudtrial"; did you mean "AWS CloudTrail"?`) {
			t.Errorf("%s: stderr = %q", line, errOut)
		}
	}
	_, errOut := do(t, s, ":shwo CloudTrail")
	if !strings.Contains(errOut, "unknown command :shwo; did you mean :show?") {
		t.Errorf("stderr = %q", errOut)
	}
}

func TestReplNeighbors(t *testing.T) {
	s, _, _ := testSession(t, true)
	out, errOut := do(t, s, ":neighbors SNS")
	if errOut != "" {
		t.Fatalf("stderr: %s", errOut)
	}
	if !strings.Contains(out, "AWS CloudTrail") || !strings.Contains(out, "depth 1: AWS CloudTrail notifies Amazon SNS") || !strings.Contains(out, "(neighbors") {
		t.Errorf(":neighbors SNS:\n%s", out)
	}
	one := len(s.last.Answers)
	do(t, s, ":neighbors Amazon SNS 2")
	if len(s.last.Answers) <= one || !strings.Contains(s.last.Answers[len(s.last.Answers)-1].Detail, "depth 2") {
		t.Errorf("depth 2 gives %d nodes (depth 1: %d), the last %+v", len(s.last.Answers), one, s.last.Answers[len(s.last.Answers)-1])
	}
	_, errOut = do(t, s, ":neighbors SNS 9")
	if !strings.Contains(errOut, "depth must be from 1 to 3") {
		t.Errorf("stderr = %q", errOut)
	}
}

func TestReplPath(t *testing.T) {
	s, _, _ := testSession(t, false)
	want := "Amazon CloudWatch Logs > Subscription filter > Amazon Kinesis Data Firehose > Amazon S3 > Amazon Athena"
	for _, line := range []string{":path CloudWatch Logs to Athena", `:path "CloudWatch Logs" Athena`, ":path CloudWatch Logs Athena"} {
		_, errOut := do(t, s, line)
		if errOut != "" {
			t.Fatalf("%s: %s", line, errOut)
		}
		var names []string
		for _, a := range s.last.Answers {
			names = append(names, a.Name)
		}
		if got := strings.Join(names, " > "); got != want {
			t.Errorf("%s:\n got  %s\n want %s", line, got, want)
		}
	}
	// no chain: the shortest connection over any relation
	out, errOut := do(t, s, ":path CodeCommit to Chatbot")
	if errOut != "" || !strings.Contains(out, "AWS Chatbot") {
		t.Errorf(":path CodeCommit to Chatbot: %s %s", out, errOut)
	}
}

func TestReplCompare(t *testing.T) {
	s, _, _ := testSession(t, false)
	out, errOut := do(t, s, ":compare CodeDeploy Elastic Beanstalk")
	if errOut != "" {
		t.Fatalf("stderr: %s", errOut)
	}
	if !strings.Contains(out, "Amazon SNS\tnotifies — AWS CodeDeploy: yes, AWS Elastic Beanstalk: yes") {
		t.Errorf(":compare:\n%s", out)
	}
	again, _ := do(t, s, ":compare codedeploy and eb")
	if again != out {
		t.Errorf(":compare by alias differs")
	}
}

func TestReplRender(t *testing.T) {
	s, _, _ := testSession(t, true)
	_, errOut := do(t, s, ":render")
	if !strings.Contains(errOut, "no answer yet") {
		t.Errorf(":render first: %q", errOut)
	}
	do(t, s, "how do I get data from CloudWatch Logs to Athena")
	out, errOut := do(t, s, ":render")
	if errOut != "" || !strings.HasPrefix(out, "digraph") || !strings.Contains(out, "service:amazon-athena") {
		t.Errorf(":render: %q %s", errOut, out)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "path.svg")
	out, errOut = do(t, s, ":render "+file)
	if errOut != "" || !strings.Contains(out, "wrote "+file+" (svg, ") {
		t.Fatalf(":render FILE: %q %q", out, errOut)
	}
	b, err := os.ReadFile(file)
	if err != nil || !bytes.Contains(b, []byte("<svg")) {
		t.Errorf("%s is no SVG (%v)", file, err)
	}
	for line, want := range map[string]string{
		":render png":                            "a PNG is no use on a terminal",
		":render " + filepath.Join(dir, "x.txt"): "unsupported image format",
		":render dot " + file:                    "is not a dot file",
	} {
		_, errOut := do(t, s, line)
		if !strings.Contains(errOut, want) {
			t.Errorf("%s: stderr %q, want %q", line, errOut, want)
		}
	}
}

func TestReplFormatJSON(t *testing.T) {
	s, _, _ := testSession(t, true)
	out, _ := do(t, s, ":format json", "what are the OpsWorks lifecycle events")
	var res queries.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Intent != "relation" || !strings.HasPrefix(res.Reading, "AWS OpsWorks lifecycleEvent what") {
		t.Errorf(":format json: %v\n%s", err, out)
	}
	out, _ = do(t, s, ":format")
	if out != "format: json\n" {
		t.Errorf(":format = %q", out)
	}
	_, errOut := do(t, s, ":format yaml")
	if !strings.Contains(errOut, `unknown format "yaml"`) {
		t.Errorf("stderr = %q", errOut)
	}
}

func TestReplGizmoAndGraphQL(t *testing.T) {
	s, _, _ := testSession(t, false)
	out, errOut := do(t, s, `:gizmo g.V("<service:aws-cloudtrail>").Out("<supports>").Out("<name>").All()`)
	if errOut != "" || !strings.Contains(out, `{"id":"Cross-account"}`) {
		t.Errorf(":gizmo one line: %q %q", out, errOut)
	}
	// mode switch, a query continued over lines while a bracket is open
	do(t, s, ":gizmo")
	if s.prompt() != "gizmo> " {
		t.Errorf("prompt = %q", s.prompt())
	}
	out, errOut = do(t, s, `g.V("<service:aws-cloudtrail>").Out(`)
	if out != "" || s.prompt() != "...> " {
		t.Errorf("open bracket: printed %q, prompt %q", out, s.prompt())
	}
	out, errOut = do(t, s, `"<supports>").Count()`)
	if errOut != "" || out != "=> 5\n" {
		t.Errorf("continued query: %q %q", out, errOut)
	}
	_, errOut = do(t, s, `g.V(`, `1 +* 2)`)
	if !strings.Contains(errOut, "awskg: gizmo: SyntaxError") {
		t.Errorf("syntax error: %q", errOut)
	}
	do(t, s, ":graphql")
	out, errOut = do(t, s, "{ nodes(id: <service:aws-cloudtrail>) {", "  name", "} }")
	if errOut != "" || !strings.Contains(out, `"name": "AWS CloudTrail"`) {
		t.Errorf(":graphql: %q %q", out, errOut)
	}
	do(t, s, ":ask")
	if s.prompt() != "awskg> " || s.mode != modeAsk {
		t.Errorf("after :ask: prompt %q", s.prompt())
	}
}

func TestReplGizmoInfiniteLoopStops(t *testing.T) {
	s, _, _ := testSession(t, false)
	s.opts.Timeout = 300 * time.Millisecond
	before := runtime.NumGoroutine()
	// the loop never ends: do returns only if it is stopped
	_, errOut := do(t, s, ":gizmo while(true){}")
	if !strings.Contains(errOut, "query took longer than 300ms and was stopped") {
		t.Errorf("stderr = %q", errOut)
	}
	// nothing left running: no goroutine waiting on the query's worker
	if n := waitGoroutines(before); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines after the query, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
	// a Gizmo loop inside a Go callback stops too
	_, errOut = do(t, s, `:gizmo g.V("<service:aws-cloudtrail>").ForEach(function(x){ while(true){} })`)
	if !strings.Contains(errOut, "query took longer than") {
		t.Errorf("loop in a callback: stderr = %q", errOut)
	}
	out, errOut := do(t, s, "what is CloudTrail")
	if errOut != "" || out == "" {
		t.Errorf("the next question failed: %q", errOut)
	}
}

func TestReplNotesAddsNotesLive(t *testing.T) {
	s, _, _ := testSession(t, false)
	q := "which services support cross-account"
	out, _ := do(t, s, q)
	if strings.Contains(out, "AWS Proton") {
		t.Fatal("AWS Proton before :notes")
	}
	out, errOut := do(t, s, ":notes ../../testdata/notes")
	if out != "" || !strings.Contains(errOut, "the graph now has") || strings.Contains(errOut, "awskg:") {
		t.Fatalf(":notes: %q %q", out, errOut)
	}
	out, _ = do(t, s, q)
	if !strings.Contains(out, "AWS Proton") {
		t.Errorf("AWS Proton missing after :notes:\n%s", out)
	}
	// :why quotes the new notes' lines
	for i, a := range s.last.Answers {
		if a.Name == "AWS Proton" {
			why, _ := do(t, s, ":why "+strconv.Itoa(i+1))
			if !strings.Contains(why, "testdata/notes/") || strings.Contains(why, "unavailable") {
				t.Errorf(":why of AWS Proton:\n%s", why)
			}
		}
	}
	// completion knows the new names
	if _, m, _ := s.complete("what is AWS Prot", 16); !reflect.DeepEqual(m, []string{"AWS Proton"}) {
		t.Errorf("completion after :notes = %v", m)
	}
	_, errOut = do(t, s, ":notes /nonexistent/notes")
	if !strings.Contains(errOut, "nonexistent") {
		t.Errorf("bad path: %q", errOut)
	}
}

func TestReplComplete(t *testing.T) {
	s, _, _ := testSession(t, true)
	tests := []struct {
		line     string
		wantHead string
		want     []string // all of these among the completions
		only     bool     // and nothing else
		prefixed bool     // and every completion goes on from the typed word (names the notes add may join)
	}{
		{line: ":sh", wantHead: "", want: []string{":show"}, only: true},
		{line: ":ne", wantHead: "", want: []string{":neighbors", ":neighbours"}, only: true},
		{line: "Elastic Bea", wantHead: "", want: []string{"Elastic Beanstalk"}, prefixed: true},
		{line: "what is elastic bea", wantHead: "what is ", want: []string{"Elastic Beanstalk"}, prefixed: true},
		{line: "which services notify Amazon S", wantHead: "which services notify ", want: []string{"Amazon S3", "Amazon SNS"}},
		{line: ":show cloudtr", wantHead: ":show ", want: []string{"CloudTrail", "CloudTrail Logs"}, only: true},
		{line: "which services support ", wantHead: "", want: []string{"which services support cross-account"}, only: true},
		{line: ":path CloudWatch Logs to Athe", wantHead: ":path CloudWatch Logs to ", want: []string{"Athena"}},
		{line: ":format j", wantHead: ":format ", want: []string{"json"}, only: true},
		{line: ":render s", wantHead: ":render ", want: []string{"svg"}, only: true},
		{line: "whi", wantHead: "", want: []string{"which services support", "which services notify"}},
		{line: "what does CloudTrail notif", wantHead: "what does CloudTrail ", want: []string{"notifies"}},
	}
	for _, tt := range tests {
		head, got, tail := s.complete(tt.line+"!", len([]rune(tt.line)))
		if head != tt.wantHead || tail != "!" {
			t.Errorf("%q: head %q tail %q, want %q %q", tt.line, head, tail, tt.wantHead, "!")
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: completions %v lack %q", tt.line, got, w)
			}
		}
		if tt.only && len(got) != len(tt.want) {
			t.Errorf("%q: completions %v, want only %v", tt.line, got, tt.want)
		}
		if tt.prefixed {
			typed := strings.ToLower(strings.TrimPrefix(tt.line, tt.wantHead))
			for _, g := range got {
				if !strings.HasPrefix(strings.ToLower(g), typed) {
					t.Errorf("%q: completion %q does not go on from %q", tt.line, g, typed)
				}
			}
		}
	}
	// a space may continue a multi-word name; else nothing completes
	if h, got, _ := s.complete("what is CloudTrail ", 19); h != "what is " || !reflect.DeepEqual(got, []string{"CloudTrail Logs"}) {
		t.Errorf("completion of a name's next word = %q %v", h, got)
	}
	if _, got, _ := s.complete("what is Amazon Athena ", 22); got != nil {
		t.Errorf("completion after a space = %v, want none", got)
	}
}

func TestOpenBrackets(t *testing.T) {
	tests := []struct {
		text, lang string
		want       int
	}{
		{`g.V("a").All()`, modeGizmo, 0},
		{`g.V(`, modeGizmo, 1},
		{"g.V(\n\"(\"", modeGizmo, 1},
		{`g.V("(").All()`, modeGizmo, 0},
		{`g.V('\'(').All()`, modeGizmo, 0},
		{"g.V() // (", modeGizmo, 0},
		{"g.V( /* ) */", modeGizmo, 1},
		{"{ nodes { # {", modeGraphQL, 2},
		{"{ nodes { id } }", modeGraphQL, 0},
		{"x)", modeGizmo, -1},
	}
	for _, tt := range tests {
		if got := openBrackets(tt.text, tt.lang); got != tt.want {
			t.Errorf("openBrackets(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

// script is a lineReader that replays lines, then io.EOF.
type script struct {
	lines   []string
	prompts []string
}

func (s *script) Prompt(p string) (string, error) {
	s.prompts = append(s.prompts, p)
	if len(s.lines) == 0 {
		return "", io.EOF
	}
	l := s.lines[0]
	s.lines = s.lines[1:]
	if l == "^C" {
		return "", liner.ErrPromptAborted
	}
	return l, nil
}

func TestReplLoopCtrlCAndQuit(t *testing.T) {
	s, out, _ := testSession(t, true)
	s.history = &history{}
	r := &script{lines: []string{":gizmo", "g.V(", "^C", "g.V().Count()", ":ask", "what is CloudTrail", ":quit", "never read"}}
	if err := s.loop(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	wantPrompts := []string{"awskg> ", "gizmo> ", "...> ", "gizmo> ", "gizmo> ", "awskg> ", "awskg> "}
	if !reflect.DeepEqual(r.prompts, wantPrompts) {
		t.Errorf("prompts = %q, want %q", r.prompts, wantPrompts)
	}
	if !strings.Contains(out.String(), "=> ") || !strings.Contains(out.String(), "(read as: everything about AWS CloudTrail") {
		t.Errorf("output:\n%s", out)
	}
	if len(r.lines) != 1 {
		t.Errorf(":quit did not end the loop")
	}
	// the query cut short by Ctrl-C is not an entry
	wantHist := []string{":gizmo", "g.V().Count()", ":ask", "what is CloudTrail", ":quit"}
	if !reflect.DeepEqual(s.history.entries, wantHist) {
		t.Errorf("history = %q, want %q", s.history.entries, wantHist)
	}
	// Ctrl-D ends the loop too
	if err := s.loop(context.Background(), &script{}); err != nil {
		t.Fatal(err)
	}
}

func TestReplHistoryFile(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	p, err := historyPath()
	if err != nil || p != filepath.Join(dir, "state", "awskg", "history") {
		t.Fatalf("historyPath = %q, %v", p, err)
	}
	t.Setenv("XDG_STATE_HOME", "")
	t.Setenv("HOME", dir)
	p, _ = historyPath()
	if p != filepath.Join(dir, ".local", "state", "awskg", "history") {
		t.Errorf("fallback historyPath = %q", p)
	}
	h, err := openHistory("")
	if err != nil || len(h.entries) != 0 {
		t.Fatalf("openHistory on no file: %v %v", h.entries, err)
	}
	for _, e := range []string{"what is CloudTrail", "what is CloudTrail", ":why   1"} {
		if err := h.add(e); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(p)
	if err != nil || string(b) != "what is CloudTrail\n:why 1\n" {
		t.Errorf("history file = %q, %v", b, err)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
		t.Errorf("history file mode = %v", fi.Mode())
	}
	h2, err := openHistory("")
	if err != nil || !reflect.DeepEqual(h2.entries, []string{"what is CloudTrail", ":why 1"}) {
		t.Errorf("reloaded %q, %v", h2.entries, err)
	}
	s, _, _ := testSession(t, true)
	s.history = h2
	out, _ := do(t, s, ":history")
	if out != "   1  what is CloudTrail\n   2  :why 1\n" {
		t.Errorf(":history = %q", out)
	}
	out, _ = do(t, s, ":history 1")
	if out != "   2  :why 1\n" {
		t.Errorf(":history 1 = %q", out)
	}
}

func TestReplRunCancelAndTimeoutMessages(t *testing.T) {
	s, _, _ := testSession(t, true)
	s.interactive = true
	// a query whose context is cancelled (as a Ctrl-C does) says so
	ctx, cancel := context.WithCancel(context.Background())
	err := s.run(context.WithoutCancel(ctx), time.Second, func(qctx context.Context) error {
		p, _ := os.FindProcess(os.Getpid())
		if err := p.Signal(os.Interrupt); err != nil {
			t.Skip("cannot send SIGINT:", err)
		}
		<-qctx.Done()
		return qctx.Err()
	})
	cancel()
	if !errors.Is(err, errCancelled) {
		t.Errorf("after SIGINT: %v, want %v", err, errCancelled)
	}
	err = s.run(context.Background(), 50*time.Millisecond, func(qctx context.Context) error {
		<-qctx.Done()
		return qctx.Err()
	})
	if err == nil || !strings.Contains(err.Error(), "query took longer than 50ms and was stopped") || exitCode(err) != exitTimeout {
		t.Errorf("timeout: %v", err)
	}
}

// TestSnapshotStoreAnswersAsTheStore checks that the graph answers every
// dev question, every :show, :neighbors and :path exactly the same whether
// its index was built from the ingest, read back from an index file (the
// snapshot cache; a bolt store's index.bin, written without the graph), or
// read from the quads of the Cayley store (with the notes' statements).
func TestSnapshotStoreAnswersAsTheStore(t *testing.T) {
	f := sharedEngineFactory(t)
	ctx := context.Background()
	base, _ := f.Engine(ctx)
	dict, _ := f.Dictionary()
	others := map[string]*graph.Index{}
	for name, opt := range map[string]graph.EncodeOptions{"the snapshot": {}, "an index file without the graph": {NoGraph: true}} {
		var b bytes.Buffer
		if err := graph.EncodeIndex(&b, base.Index(), opt); err != nil {
			t.Fatal(err)
		}
		ix, err := graph.DecodeIndex(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		others[name] = ix
	}
	st, err := f.Store(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fromStore, err := graph.ReadIndex(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	others["the store"] = fromStore.WithStatements(base.Index().Statements())
	for name, ix := range others {
		t.Run(name, func(t *testing.T) {
			snap, err := queries.NewIndexed(ctx, ix, nil, dict)
			if err != nil {
				t.Fatal(err)
			}
			answersAsTheStore(t, base, snap)
		})
	}
}

func answersAsTheStore(t *testing.T, base, snap *queries.Engine) {
	ctx := context.Background()
	b, err := os.ReadFile("../../testdata/questions-dev.json")
	if err != nil {
		t.Fatal(err)
	}
	var dev []struct{ Question string }
	if err := json.Unmarshal(b, &dev); err != nil {
		t.Fatal(err)
	}
	qs := append([]string{}, replBenchQuestions...)
	for _, d := range dev {
		qs = append(qs, d.Question)
	}
	for _, q := range qs {
		want, werr := base.Ask(ctx, q)
		got, gerr := snap.Ask(ctx, q)
		if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
			t.Errorf("%q: errors %v / %v", q, werr, gerr)
			continue
		}
		if !reflect.DeepEqual(want, got) {
			t.Errorf("%q: the snapshot answers differently", q)
		}
	}
	for _, id := range []string{"service:aws-cloudtrail", "service:amazon-sns", "capability:cross-account", "service:aws-codedeploy"} {
		wd, _ := base.Show(ctx, id)
		gd, _ := snap.Show(ctx, id)
		if !reflect.DeepEqual(wd, gd) {
			t.Errorf("Show(%s) differs", id)
		}
		wn, _ := base.Neighbors(ctx, id, 2)
		gn, _ := snap.Neighbors(ctx, id, 2)
		if !reflect.DeepEqual(wn, gn) {
			t.Errorf("Neighbors(%s) differs", id)
		}
	}
	wp, werr := base.Path(ctx, "service:amazon-cloudwatch-logs", "service:amazon-athena")
	gp, gerr := snap.Path(ctx, "service:amazon-cloudwatch-logs", "service:amazon-athena")
	if werr != nil || gerr != nil || !reflect.DeepEqual(wp, gp) {
		t.Errorf("Path differs: %v %v", werr, gerr)
	}
	// a done context stops the snapshot as it stops the store
	done, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := snap.Ask(done, "which services support cross-account"); exitCode(err) != exitInterrupted {
		t.Errorf("Ask on a done context: %v", err)
	}
}

// TestReplPipedLongLine: a piped line over the 1 MiB line limit is one
// error, and the lines after it are read (a raw query it belonged to is
// dropped).
func TestReplPipedLongLine(t *testing.T) {
	f := sharedEngineFactory(t)
	long := strings.Repeat("which services support cross-account ", 2<<20/37)
	io, in, out, errOut := Test()
	in.WriteString("what is CloudTrail\n" + long + "\n:gizmo\ng.V(\n" + long + "\n" +
		`g.V("<capability:multi-az>").Out("<name>").All()` + "\n:ask\nwhat are the OpsWorks lifecycle events\n")
	err := runRepl(&ReplOptions{IO: io, Engine: f.Engine, Factory: f, Now: f.Now, Timeout: defaultTimeout, HistoryFile: "-"})
	if exitCode(err) != exitError {
		t.Errorf("exit %d (%v), want %d: two lines failed", exitCode(err), err, exitError)
	}
	var failed []string
	for _, l := range strings.Split(errOut.String(), "\n") {
		if strings.HasPrefix(l, "awskg: ") {
			failed = append(failed, l)
		}
	}
	want := []string{fmt.Sprintf("awskg: line 2: question is %d bytes, over the 4096-byte limit", len(long)),
		fmt.Sprintf("awskg: line 5 is %d bytes, over the 1048576-byte line limit: the gizmo query is dropped", len(long))}
	if strings.Join(failed, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors %q\nwant   %q", failed, want)
	}
	for _, want := range []string{"Cross-account\tsupports", `{"id":"Multi-AZ"}`, "Setup\tSetup: Occurs"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("stdout lacks %q: a line after the long one was lost:\n%.1000s", want, out)
		}
	}
}

// TestSessionWarnsOnce: every :notes reads the session's earlier notes
// again; a warning about them is printed once, not at each :notes.
func TestSessionWarnsOnce(t *testing.T) {
	io, _, _, errOut := Test()
	s := &session{io: io}
	var list ingest.ErrorList
	list.Add("notes/a.bin", 0, "binary file, not a note")
	s.warn(list)
	list.Add("notes/b.bin", 0, "binary file, not a note")
	s.warn(list)
	if n := strings.Count(errOut.String(), "a.bin"); n != 1 {
		t.Errorf("the warning about a.bin printed %d times, want once:\n%s", n, errOut)
	}
	if !strings.Contains(errOut.String(), "b.bin") {
		t.Errorf("the new warning about b.bin not printed:\n%s", errOut)
	}
}
