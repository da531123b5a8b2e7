package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/awskg/awskg/queries"
)

func TestVersionLine(t *testing.T) {
	tests := []struct {
		name string
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{"release", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.3"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"}, {Key: "vcs.time", Value: "2026-11-30T05:36:28Z"}, {Key: "vcs.modified", Value: "false"},
		}}, true, "awskg v1.2.3 (commit 0123456789ab, 2026-11-30T05:36:28Z) go1.26.8"},
		{"dirty clone", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "fedcba9876543210"}, {Key: "vcs.modified", Value: "true"},
		}}, true, "awskg (devel) (commit fedcba987654+dirty) go1.26.8"},
		{"no vcs", &debug.BuildInfo{GoVersion: "go1.26.8"}, true, "awskg (devel) go1.26.8"},
		{"no build info", nil, false, "awskg (unknown version: built without module information)"},
	}
	for _, tt := range tests {
		if got := versionLine(tt.info, tt.ok); got != tt.want {
			t.Errorf("%s: versionLine = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestVersionCommandAndFlag(t *testing.T) {
	want := versionLine(debug.ReadBuildInfo()) + "\n"
	for _, args := range [][]string{{"version"}, {"--version"}} {
		r := runCLI(t, "", args...)
		if r.code != exitOK || r.out != want || r.errOut != "" {
			t.Errorf("awskg %s: exit %d, stdout %q, stderr %q; want 0 and %q", args[0], r.code, r.out, r.errOut, want)
		}
	}
	if !strings.Contains(want, runtime.Version()) {
		t.Errorf("the version line %q lacks the Go version %s", want, runtime.Version())
	}
}

// TestVersionOfBuiltBinary builds awskg as a user would and checks that
// --version shows the commit the go command recorded (a clone: git's HEAD;
// a Git worktree, which the go command does not stamp: none).
func TestVersionOfBuiltBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "awskg")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	out, err := exec.Command("go", "build", "-buildvcs=auto", "-o", bin, ".").CombinedOutput()
	if errors.Is(err, exec.ErrNotFound) {
		t.Skip("no go command:", err)
	}
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	meta, err := exec.Command("go", "version", "-m", bin).Output()
	if err != nil {
		t.Fatal(err)
	}
	got, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	line := string(got)
	if !strings.HasPrefix(line, "awskg ") || !strings.HasSuffix(line, " "+runtime.Version()+"\n") {
		t.Errorf("--version = %q, want awskg, a version and %s", line, runtime.Version())
	}
	if m := regexp.MustCompile(`vcs\.revision=([0-9a-f]{12})`).FindSubmatch(meta); m != nil {
		if !strings.Contains(line, "commit "+string(m[1])) {
			t.Errorf("--version = %q, want commit %s (go version -m)", line, m[1])
		}
	} else if strings.Contains(line, "commit") {
		t.Errorf("--version = %q names a commit go version -m does not record", line)
	}
	if again, err := exec.Command(bin, "version").Output(); err != nil || string(again) != line {
		t.Errorf("version = %q, %v; want %q as --version", again, err, line)
	}
}

// complete runs the shells' completion of a command line whose last word
// is being typed, and returns the values offered.
func complete(t *testing.T, args ...string) []string {
	t.Helper()
	r := runCLI(t, "", append([]string{"__complete"}, args...)...)
	if r.code != exitOK {
		t.Fatalf("__complete %q: exit %d, stderr %q", args, r.code, r.errOut)
	}
	lines := strings.Split(strings.TrimSpace(r.out), "\n")
	if len(lines) == 0 || !strings.HasPrefix(lines[len(lines)-1], ":") {
		t.Fatalf("__complete %q: no directive line in %q", args, r.out)
	}
	if strings.Contains(r.errOut, "parsing notes") {
		t.Errorf("__complete %q drew a progress bar: %q", args, r.errOut)
	}
	return lines[:len(lines)-1]
}

func hasValue(values []string, want string) bool {
	for _, v := range values {
		if v == want {
			return true
		}
	}
	return false
}

func TestCompletionOfFlagValues(t *testing.T) {
	notes := t.TempDir()
	writeFile(t, filepath.Join(notes, "n.md"), []byte(goodNote)) // AWS Frobnicator, in no dictionary
	tests := []struct {
		args    []string
		want    []string // offered
		exactly bool     // and nothing else
		not     []string // not offered
	}{
		{args: []string{"render", "--format", ""}, want: []string{"dot", "png", "svg"}, exactly: true},
		{args: []string{"export", "--format", "n"}, want: []string{"nq", "nquads"}, exactly: true},
		{args: []string{"ingest", "--from-quads", "x.nq", "--format", "j"}, want: []string{"json", "json-stream", "jsonld"}},
		{args: []string{"query", "--lang", ""}, want: []string{"gizmo", "graphql", "mql"}, exactly: true},
		{args: []string{"query", "--lang", "G"}, want: []string{"gizmo", "graphql"}, exactly: true},
		{args: []string{"render", "--kind", "ser"}, want: []string{"service"}, exactly: true},
		{args: []string{"render", "--kind", "service,fe"}, want: []string{"service,feature"}, exactly: true},
		{args: []string{"render", "--predicate", "noti"}, want: []string{"notifies"}},
		{args: []string{"render", "--map", "cross"}, want: []string{"Cross-account"}},
		{args: []string{"render", "--map", "noti"}, want: []string{"notifies"}},
		// service names and aliases, from the dictionary and the graph
		{args: []string{"facts", "--service", "codedep"}, want: []string{"CodeDeploy", "CodeDeploy Lambda"}},
		{args: []string{"facts", "--service", "aws codedep"}, want: []string{"AWS CodeDeploy"}},
		{args: []string{"render", "--around", "cf"}, want: []string{"CFN", "cfn-init"}},
		{args: []string{"render", "--from", "CloudWatch L"}, want: []string{"CloudWatch Logs"}},
		{args: []string{"render", "--from", "CloudWatch Logs", "--to", "athe"}, want: []string{"Athena"}},
		{args: []string{"--notes", notes, "render", "--around", "AWS Frob"}, want: []string{"AWS Frobnicator"}},
		{args: []string{"render", "--around", "AWS Frob"}, not: []string{"AWS Frobnicator"}},
	}
	for _, tt := range tests {
		got := complete(t, tt.args...)
		for _, w := range tt.want {
			if !hasValue(got, w) {
				t.Errorf("completing %q: %q not offered in %q", tt.args, w, got)
			}
		}
		if tt.exactly && len(got) != len(tt.want) {
			t.Errorf("completing %q: %q, want exactly %q", tt.args, got, tt.want)
		}
		for _, n := range tt.not {
			if hasValue(got, n) {
				t.Errorf("completing %q: %q offered in %q", tt.args, n, got)
			}
		}
	}
}

// tableLines prints a table on a terminal of the given width.
func tableLines(t *testing.T, width int, header []string, rows [][]string) []string {
	t.Helper()
	io, _, out, _ := Test()
	io.SetStdoutTTY(true)
	io.SetTerminalWidth(width)
	io.Table(header, rows)
	return strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
}

// columnStarts returns the display columns at which the cells of a line
// start (cells are separated by two spaces or more; no cell here holds two
// spaces in a row).
func columnStarts(line string) []int {
	var starts []int
	col, spaces := 0, 0
	for _, r := range line {
		if r == ' ' {
			spaces++
		} else {
			if col == 0 || spaces >= 2 {
				starts = append(starts, col)
			}
			spaces = 0
		}
		col += runewidth.RuneWidth(r)
	}
	return starts
}

func TestTableFitsTheTerminal(t *testing.T) {
	header := []string{"#", "NAME", "DETAIL", "SOURCES"}
	rows := [][]string{
		{"1", "Amazon DynamoDB Global Tables", "multi-region, multi-active replication of tables across AWS regions, with last-writer-wins reconciliation", "002:745 003:12 004:88"},
		{"2", "日本語のサービス名", "東京リージョンと大阪リージョンの間でデータを複製する機能です", "001:7"},
		{"3", "Emoji 🚀 Service", "deploys 🕑🕑 faster", "004:1"},
	}
	for _, width := range []int{50, 60, 80, 100, 120} {
		lines := tableLines(t, width, header, rows)
		if len(lines) != 4 {
			t.Fatalf("width %d: %d lines:\n%s", width, len(lines), strings.Join(lines, "\n"))
		}
		starts := columnStarts(lines[0])
		for _, l := range lines {
			if w := runewidth.StringWidth(l); w > width {
				t.Errorf("width %d: a line is %d columns wide: %q", width, w, l)
			}
			if got := columnStarts(l); len(got) != len(starts) || got[len(got)-1] != starts[len(starts)-1] || got[1] != starts[1] {
				t.Errorf("width %d: columns at %v, the header's at %v:\n%s", width, got, starts, strings.Join(lines, "\n"))
			}
		}
		if width >= 80 && !strings.Contains(lines[1], "002:745 003:12 004:88") {
			t.Errorf("width %d: the sources were cut before the detail: %q", width, lines[1])
		}
	}
	// a wide terminal shows every cell whole
	lines := tableLines(t, 250, header, rows)
	for i, r := range rows {
		for _, c := range r {
			if !strings.Contains(lines[i+1], c) {
				t.Errorf("width 250: %q cut in %q", c, lines[i+1])
			}
		}
	}
	// a narrow one cuts the widest cells with "…"
	lines = tableLines(t, 60, header, rows)
	if !strings.Contains(lines[1], "…") || !strings.Contains(lines[2], "…") {
		t.Errorf("width 60: long cells not cut with an ellipsis:\n%s", strings.Join(lines, "\n"))
	}
}

func TestShowRowsFitTheTerminal(t *testing.T) {
	io, _, out, _ := Test()
	io.SetStdoutTTY(true)
	io.SetTerminalWidth(70)
	rows := [][]string{
		{"1", "AWS CodeDeploy", strings.Repeat("in-place and blue/green deployments ", 4), "002:1 002:2 002:3"},
		{"12", "アマゾン", "短い", "001:9"},
	}
	a := newAligned(io, rows)
	for _, r := range rows {
		a.row(io, io.Out, r)
	}
	for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		if w := runewidth.StringWidth(l); w > 70 {
			t.Errorf("a :show row is %d columns wide on a 70-column terminal: %q", w, l)
		}
		if !strings.HasPrefix(l, "   1  ") && !strings.HasPrefix(l, "  12  ") {
			t.Errorf("row %q: want the number right-aligned after the indent", l)
		}
	}
}

func TestFactsAndConflictsOutputs(t *testing.T) {
	f, _, _ := testFactory(t, false)
	for _, tty := range []bool{true, false} {
		for _, asJSON := range []bool{false, true} {
			io, _, out, _ := Test()
			io.SetStdoutTTY(tty)
			io.SetTerminalWidth(90)
			if err := runFacts(&FactsOptions{IO: io, Engine: f.Engine, Service: "CodeDeploy", JSON: asJSON}); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			switch {
			case asJSON:
				var fact factJSON
				if err := json.Unmarshal([]byte(lines[0]), &fact); err != nil || fact.Subject == "" || len(fact.Sources) == 0 {
					t.Errorf("facts --json (tty=%v): %q: %v", tty, lines[0], err)
				}
			case tty:
				if !strings.HasPrefix(lines[0], "SUBJECT") || !strings.Contains(lines[0], "SOURCES") || !strings.HasSuffix(lines[len(lines)-1], " facts") {
					t.Errorf("facts on a terminal: want a table and a count, got:\n%s", out)
				}
				for _, l := range lines {
					if runewidth.StringWidth(l) > 90 || strings.Contains(l, "\t") {
						t.Errorf("facts on a 90-column terminal: line %q", l)
					}
				}
			default:
				for _, l := range lines {
					if n := strings.Count(l, "\t"); n != 3 {
						t.Errorf("facts piped: %d tabs in %q, want 3", n, l)
					}
				}
			}

			io, _, out, _ = Test()
			io.SetStdoutTTY(tty)
			io.SetTerminalWidth(90)
			if err := runConflicts(&ConflictsOptions{IO: io, Engine: f.Engine, JSON: asJSON}); err != nil {
				t.Fatal(err)
			}
			lines = strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			switch {
			case asJSON:
				var c queries.Conflict
				if err := json.Unmarshal([]byte(lines[0]), &c); err != nil || c.Topic == "" || len(c.Sides) < 2 {
					t.Errorf("conflicts --json (tty=%v): %q: %v", tty, lines[0], err)
				}
			case tty:
				if !strings.HasPrefix(lines[0], "TOPIC") || !strings.Contains(lines[0], "CLAIM") || !strings.HasSuffix(lines[len(lines)-1], " conflicts") {
					t.Errorf("conflicts on a terminal: want a table and a count, got:\n%s", out)
				}
				for _, l := range lines {
					if runewidth.StringWidth(l) > 90 || strings.Contains(l, "\t") {
						t.Errorf("conflicts on a 90-column terminal: line %q", l)
					}
				}
			default:
				for _, l := range lines {
					if parts := strings.Split(l, "\t"); len(parts) != 3 || parts[0] == "" || !strings.Contains(parts[2], ":") {
						t.Errorf("conflicts piped: %q, want topic, claim and sources", l)
					}
				}
			}
		}
	}
}

func TestIngestProgressBar(t *testing.T) {
	for _, tty := range []bool{true, false} {
		io, _, _, errOut := Test()
		io.SetStderrTTY(tty)
		clock := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
		// every reading of the clock is two seconds later: past the bar's delay
		now := func() time.Time { clock = clock.Add(2 * time.Second); return clock }
		dict := NewFactory(io).Dictionary
		db := filepath.Join(t.TempDir(), "store")
		err := runIngest(&IngestOptions{IO: io, Dictionary: dict, Ctx: context.Background(), Now: now, DB: db})
		if err != nil {
			t.Fatal(err)
		}
		got := errOut.String()
		drawn := strings.Contains(got, "parsing notes") && strings.Contains(got, "writing the store") && strings.Contains(got, "\r")
		if tty && !drawn {
			t.Errorf("on a terminal: no bar for both phases in %q", got)
		}
		if !tty && (strings.Contains(got, "parsing notes") || strings.Contains(got, "\r")) {
			t.Errorf("piped: a bar was drawn: %q", got)
		}
		// the bar is cleared (a line of spaces between carriage returns),
		// and the summary is written from the start of the line
		if i := strings.LastIndex(got, "\r"); tty && (i < 0 || !strings.HasPrefix(got[i+1:], "ingested ") || !strings.HasSuffix(got[:i], "   ")) {
			t.Errorf("the bar was not cleared before the summary: %q", got[max(0, i-10):])
		}
		if !strings.HasPrefix(got[strings.LastIndexAny(strings.TrimSuffix(got, "\n"), "\r\n")+1:], "ingested ") {
			t.Errorf("stderr %q does not end with the summary", got)
		}
	}
}

func TestUnknownCommandIsAUsageError(t *testing.T) {
	for _, tt := range []struct{ arg, want string }{
		{"frobnicate", `unknown command "frobnicate"`},
		{"expor", "did you mean export?"},
		{"which services support cross-account", `awskg ask "QUESTION"`},
	} {
		r := runCLI(t, "", tt.arg)
		if r.code != exitUsage || !strings.Contains(r.errOut, tt.want) || strings.Count(r.errOut, "\n") != 1 {
			t.Errorf("awskg %q: exit %d, stderr %q; want 2 and one line with %q", tt.arg, r.code, r.errOut, tt.want)
		}
	}
}

func TestRenderDepthOutOfRange(t *testing.T) {
	for _, d := range []string{"0", "-1", "4", "100"} {
		r := runCLI(t, "", "render", "--around", "CodeDeploy", "--depth", d, "-o", "-")
		if r.code != exitUsage || !strings.Contains(r.errOut, "--depth must be from 1 to 3, got "+d) {
			t.Errorf("--depth %s: exit %d, stderr %q; want 2 and the range", d, r.code, r.errOut)
		}
	}
	for _, d := range []string{"1", "3"} {
		io, _, _, _ := Test()
		var got *RenderOptions
		cmd := NewCmdRender(NewFactory(io), func(o *RenderOptions) error { got = o; return nil })
		execFlags(t, cmd, "--around CodeDeploy --depth "+d, "")
		if got == nil || got.Depth != int(d[0]-'0') {
			t.Errorf("--depth %s: options %+v", d, got)
		}
	}
}

func TestQuestionStartingWithDash(t *testing.T) {
	for _, args := range [][]string{{"ask", "-5 minutes RPO?"}, {"render", "--no-such-flag"}, {"query", "-x"}} {
		r := runCLI(t, "", args...)
		want := `goes after --: awskg ` + args[0] + ` -- "-..."`
		if r.code != exitUsage || !strings.Contains(r.errOut, want) {
			t.Errorf("awskg %q: exit %d, stderr %q; want 2 and the hint %q", args, r.code, r.errOut, want)
		}
	}
	// after --, it is the question
	io, _, _, _ := Test()
	var got *AskOptions
	cmd := NewCmdAsk(NewFactory(io), func(o *AskOptions) error { got = o; return nil })
	execFlags(t, cmd, `-- "-5 minutes RPO?"`, "")
	if got == nil || got.Question != "-5 minutes RPO?" {
		t.Errorf("ask -- \"-5 minutes RPO?\": options %+v", got)
	}
	// a command that takes no text gets no hint
	if r := runCLI(t, "", "facts", "-z"); r.code != exitUsage || strings.Contains(r.errOut, "goes after --") {
		t.Errorf("facts -z: exit %d, stderr %q", r.code, r.errOut)
	}
}

// TestOutputFilesAre0644 checks the mode of the files render -o, export -o
// and the REPL's :render write, under a umask that would make a file
// created by os.WriteFile(…, 0o644) private.
func TestOutputFilesAre0644(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows files have no Unix modes")
	}
	dir := t.TempDir()
	s, _, _ := testSession(t, true)
	do(t, s, "how do I get data from CloudWatch Logs to Athena")
	withUmask(0o077, func() {
		mustRun(t, "render", "--around", "CodeDeploy", "-o", filepath.Join(dir, "render.dot"))
		mustRun(t, "export", "-o", filepath.Join(dir, "export.nq"))
		if _, errOut := do(t, s, ":render "+filepath.Join(dir, "repl.dot")); errOut != "" {
			t.Errorf(":render FILE: %s", errOut)
		}
	})
	for _, name := range []string{"render.dot", "export.nq", "repl.dot"} {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", name, info.Mode().Perm())
		}
	}
}

func TestQueryPrintsTheScriptsValue(t *testing.T) {
	emitted := mustRun(t, "query", `g.Emit(g.V().Has("<kind>", "service").Count())`)
	value := mustRun(t, "query", `g.V().Has("<kind>", "service").Count()`)
	var a, b []int
	if err := json.Unmarshal([]byte(emitted), &a); err != nil || len(a) != 1 || a[0] < 10 {
		t.Fatalf("g.Emit(count): %q, %v", emitted, err)
	}
	if err := json.Unmarshal([]byte(value), &b); err != nil || len(b) != 1 || b[0] != a[0] {
		t.Errorf("the script's value: %q, want [%d] as g.Emit gives", value, a[0])
	}
	// emitted results first, then the script's value
	if got := mustRun(t, "query", "--jsonl", `g.Emit(1); g.Emit(2); 3`); got != "1\n2\n3\n" {
		t.Errorf("emits then a value: %q", got)
	}
	// a path that never ran: nothing, and a hint on stderr
	r := runCLI(t, "", "query", `g.V()`)
	if r.code != exitOK || r.out != "[]\n" || !strings.Contains(r.errOut, "end it with .All() or .Count()") {
		t.Errorf("g.V(): exit %d, stdout %q, stderr %q", r.code, r.out, r.errOut)
	}
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"kitten", "sitting", 3}, {"", "abc", 3}, {"codedeploy", "codedeploy", 0},
		{"codedepoly", "codedeploy", 2}, {"日本", "日本語", 1}, {"🕑🕑", "🕑", 1},
	} {
		if got := queries.EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	// "did you mean" rests on it
	r := runCLI(t, "", "facts", "--service", "CodeDepoly")
	if r.code != exitUsage || !strings.Contains(r.errOut, `did you mean "AWS CodeDeploy"`) {
		t.Errorf("facts --service CodeDepoly: exit %d, stderr %q", r.code, r.errOut)
	}
}

func TestHistoryFileLocation(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	t.Setenv("XDG_STATE_HOME", "relative/state") // not absolute: ignored
	p, err := historyPath()
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS == "linux" && p != filepath.Join(dir, ".local", "state", "awskg", "history") {
		t.Errorf("history with a relative XDG_STATE_HOME: %q", p)
	}
	if !filepath.IsAbs(p) || filepath.Base(filepath.Dir(p)) != "awskg" {
		t.Errorf("history path %q, want an absolute path in an awskg folder", p)
	}
	// a history over maxHistory is trimmed, rewritten atomically and kept private
	state := filepath.Join(dir, "state")
	t.Setenv("XDG_STATE_HOME", state)
	file := filepath.Join(state, "awskg", "history")
	var b bytes.Buffer
	for i := 0; i < maxHistory+10; i++ {
		b.WriteString("what is CodeDeploy " + strings.Repeat("x", i%7) + "\n")
	}
	writeFile(t, file, b.Bytes())
	h, err := openHistory("")
	if err != nil || len(h.entries) != maxHistory {
		t.Fatalf("openHistory: %d entries, %v", len(h.entries), err)
	}
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("rewritten history mode %v, want 0600", info.Mode().Perm())
	}
	leftovers, _ := filepath.Glob(filepath.Join(state, "awskg", ".history*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}
