package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/awskg/awskg/queries"
)

// hostileDetail is a note line holding terminal escapes: clear screen, set
// the window title (OSC ... BEL), conceal (SGR 8), DEL and a C1 CSI.
const hostileDetail = "AWS Frobnicator can replicate widgets \x1b[2J across multiple AWS accounts \x1b]0;pwned\x07 and \x1b[8m hides \x7f \u009b text."

var (
	hostileOnce    sync.Once
	hostileFactory *Factory
	hostileErr     error
)

// hostileEngine is a factory whose graph holds the embedded notes plus a
// note with hostileDetail, ingested once for these tests.
func hostileEngine(t *testing.T) *Factory {
	t.Helper()
	hostileOnce.Do(func() {
		dir, err := os.MkdirTemp("", "awskg-hostile-*")
		if err != nil {
			hostileErr = err
			return
		}
		defer os.RemoveAll(dir) // the factory keeps what it ingested
		if hostileErr = os.WriteFile(filepath.Join(dir, "escapes.md"), []byte("# Team notes\n\n## AWS Frobnicator\n\n"+hostileDetail+"\n"), 0o644); hostileErr != nil {
			return
		}
		io, _, _, _ := Test()
		hostileFactory = NewFactory(io)
		hostileFactory.Notes = []string{dir}
		_, hostileErr = hostileFactory.Engine(context.Background())
	})
	if hostileErr != nil {
		t.Fatalf("ingest the escapes note: %v", hostileErr)
	}
	return hostileFactory
}

// ourColours are the SGR codes IOStreams itself writes.
var ourColours = strings.NewReplacer("\x1b[1m", "", "\x1b[2m", "", "\x1b[36m", "", "\x1b[31m", "", "\x1b[0m", "")

// rawControls returns the control characters other than tab and newline in
// s, once the colour codes IOStreams writes are taken out.
func rawControls(s string) []rune {
	var bad []rune
	for _, r := range ourColours.Replace(s) {
		if unicode.IsControl(r) && r != '\t' && r != '\n' {
			bad = append(bad, r)
		}
	}
	return bad
}

// escapedDetail is hostileDetail as the text streams show it.
const escapedDetail = `AWS Frobnicator can replicate widgets \u001b[2J across multiple AWS accounts \u001b]0;pwned\u0007 and \u001b[8m hides \u007f \u009b text.`

func TestTextOutputEscapesControlCharacters(t *testing.T) {
	f := hostileEngine(t)
	const q = "which services support cross-account"
	check := func(t *testing.T, what, out string, wantEscaped bool) {
		t.Helper()
		if bad := rawControls(out); len(bad) > 0 {
			t.Errorf("%s printed raw control characters %q:\n%q", what, bad, out)
		}
		if wantEscaped && !strings.Contains(out, `\u001b[2J`) {
			t.Errorf("%s does not show the escape escaped:\n%s", what, out)
		}
	}
	for _, tty := range []bool{false, true} {
		for _, colour := range []bool{false, true} {
			if colour && !tty {
				continue
			}
			name := fmt.Sprintf("tty=%v colour=%v", tty, colour)
			streams := func() (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
				io, _, out, errOut := Test()
				io.SetStdoutTTY(tty)
				io.color = colour
				return io, out, errOut
			}
			t.Run(name, func(t *testing.T) {
				// ask: the table on a terminal, tab-separated lines piped
				io, out, _ := streams()
				if err := runAsk(&AskOptions{IO: io, Engine: f.Engine, Now: time.Now, Question: q, Timeout: time.Minute}); err != nil {
					t.Fatal(err)
				}
				check(t, "ask", out.String(), true)
				if !tty && !strings.Contains(out.String(), escapedDetail) {
					t.Errorf("ask does not show the note line with its controls escaped:\n%s", out)
				}
				if colour && !strings.Contains(out.String(), "\x1b[1m#\x1b[0m") {
					t.Errorf("the table lost its own colours:\n%q", out)
				}
				// facts
				io, out, _ = streams()
				if err := runFacts(&FactsOptions{IO: io, Engine: f.Engine, Service: "AWS Frobnicator"}); err != nil {
					t.Fatal(err)
				}
				check(t, "facts", out.String(), false)
				// the REPL: the table, :why (the note line's text), :show
				io, out, errOut := streams()
				s, err := newSession(context.Background(), &ReplOptions{IO: io, Engine: f.Engine, Factory: f, Timeout: time.Minute, HistoryFile: "-", Now: time.Now})
				if err != nil {
					t.Fatal(err)
				}
				defer s.close()
				s.exec(context.Background(), q)
				check(t, "the REPL's answer", out.String(), true)
				n := answerNumber(t, s.last, "AWS Frobnicator")
				out.Reset()
				s.exec(context.Background(), fmt.Sprintf(":why %d", n))
				check(t, ":why", out.String(), true)
				out.Reset()
				s.exec(context.Background(), ":show AWS Frobnicator")
				check(t, ":show", out.String(), true)
				check(t, "the REPL's errors", errOut.String(), false)
			})
		}
	}
	// errors name what the user typed: escaped too
	io, _, out, errOut := Test()
	if code := run([]string{"facts", "--service", "Frob\x1b[2J\x1b]0;x\x07"}, io); code != exitUsage {
		t.Errorf("exit %d", code)
	}
	check(t, "an error", errOut.String()+out.String(), false)
}

func answerNumber(t *testing.T, res *queries.Result, name string) int {
	t.Helper()
	if res == nil {
		t.Fatal("no answer")
	}
	for i, a := range res.Answers {
		if a.Name == name {
			return i + 1
		}
	}
	t.Fatalf("%s is not among the answers", name)
	return 0
}

// JSON escapes control characters as JSON does and reads back the note
// line exactly.
func TestJSONOutputEscapesControlCharacters(t *testing.T) {
	f := hostileEngine(t)
	io, _, out, _ := Test()
	if err := runAsk(&AskOptions{IO: io, Engine: f.Engine, Now: time.Now, Question: "which services support cross-account", JSON: true, Timeout: time.Minute}); err != nil {
		t.Fatal(err)
	}
	if bad := rawControls(out.String()); len(bad) > 0 {
		t.Errorf("ask --json printed raw control characters %q", bad)
	}
	var res queries.Result
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	n := answerNumber(t, &res, "AWS Frobnicator")
	if got := res.Answers[n-1].Detail; got != hostileDetail {
		t.Errorf("detail read back as %q, want %q", got, hostileDetail)
	}
	io, _, out, _ = Test()
	if err := runFacts(&FactsOptions{IO: io, Engine: f.Engine, Service: "AWS Frobnicator", JSON: true}); err != nil {
		t.Fatal(err)
	}
	if bad := rawControls(out.String()); len(bad) > 0 {
		t.Errorf("facts --json printed raw control characters %q", bad)
	}
	found := false
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var fact factJSON
		if err := json.Unmarshal([]byte(line), &fact); err != nil {
			t.Fatalf("not JSON Lines: %v: %q", err, line)
		}
		for _, d := range fact.Details {
			found = found || d == hostileDetail
		}
	}
	if !found {
		t.Errorf("facts --json lost the note line:\n%s", out)
	}
}

func TestEscapeControls(t *testing.T) {
	const mark = "\x00MARK\x00"
	for in, want := range map[string]string{
		"plain text, tabs\tand\nnewlines, ünïcode ✓": "plain text, tabs\tand\nnewlines, ünïcode ✓",
		"\x1b[2J":                       `\u001b[2J`,
		"a\rb\x00c\x7fd\u0085e\u009bf":  `a\u000db\u0000c\u007fd\u0085e\u009bf`,
		mark + "[1mbold" + mark + "[0m": "\x1b[1mbold\x1b[0m",
		"\x00MARK but no end":           `\u0000MARK but no end`,
		"not UTF-8 \xff\xfe stays":      "not UTF-8 \xff\xfe stays",
	} {
		if got := string(escapeControls([]byte(in), mark)); got != want {
			t.Errorf("escapeControls(%q) = %q, want %q", in, got, want)
		}
	}
}

// errWriter fails every write, as stdout on a full disk does.
type errWriter struct{}

var errDiskFull = errors.New("no space left on device")

func (errWriter) Write(p []byte) (int, error) { return 0, errDiskFull }

func TestFailedWritesExitNonZero(t *testing.T) {
	for _, args := range [][]string{
		{"ask", "which services support cross-account"},
		{"ask", "--json", "which services support cross-account"},
		{"ask", "--file", "-"},
		{"ask", "--json", "--file", "-"},
		{"facts"},
		{"facts", "--json"},
		{"conflicts"},
		{"export"},
		{"render", "--around", "CloudTrail"},
		{"render", "--around", "CloudTrail", "--format", "png"},
		{"query", `g.V("<service:aws-cloudtrail>").All()`},
		{"repl"},
		{"--help"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var errOut bytes.Buffer
			io := newStreams(strings.NewReader("which services support cross-account\n"), errWriter{}, &errOut)
			code := run(args, io)
			if code == exitOK {
				t.Errorf("exit 0 with every write failing")
			}
			msg := errOut.String()
			if strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, "awskg: ") || !strings.Contains(msg, "no space left on device") {
				t.Errorf("stderr %q, want one line naming the failed write", msg)
			}
		})
	}
}

// The built binary, its stdout on /dev/full: every command that prints
// fails with one line.
func TestBinaryWritesToFullDiskFail(t *testing.T) {
	bin := awskgBinary(t)
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full on this system: %v", err)
	}
	defer full.Close()
	for _, args := range [][]string{
		{"ask", "which services support cross-account"},
		{"ask", "--json", "which services support cross-account"},
		{"facts"},
		{"facts", "--json"},
	} {
		cmd := exec.Command(bin, args...)
		cmd.Stdout = full
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitError {
			t.Errorf("%q > /dev/full: %v, want exit %d", args, err, exitError)
		}
		if msg := stderr.String(); strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "no space left on device") {
			t.Errorf("%q > /dev/full: stderr %q, want one line", args, msg)
		}
	}
}

// Character devices such as /dev/null are not terminals. (Some containers
// have a plain file at /dev/null, so /dev/zero and /dev/full are checked
// too.)
func TestDevNullIsNotATerminal(t *testing.T) {
	checked := 0
	for _, dev := range []string{os.DevNull, "/dev/zero", "/dev/full"} {
		f, err := os.Open(dev)
		if err != nil {
			continue
		}
		fi, err := f.Stat()
		if err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			checked++
			if isTerminal(f) {
				t.Errorf("the character device %s is taken for a terminal", dev)
			}
		}
		f.Close()
	}
	if checked == 0 {
		t.Skip("no character device to check on this system")
	}
}

// `awskg </dev/null` prints the help: /dev/null is no terminal to open the
// REPL on.
func TestBinaryStdinDevNullPrintsHelp(t *testing.T) {
	bin := awskgBinary(t)
	cmd := exec.Command(bin) // no Stdin: the child reads /dev/null
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+t.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("awskg </dev/null: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(string(out), "Usage:") || strings.Contains(string(out), "Ask a question") {
		t.Errorf("awskg </dev/null printed\n%s\nwant the help, not the REPL", out)
	}
}
