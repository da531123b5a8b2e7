package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// The end-to-end tests run the built binary: in a pseudo-terminal, as a
// person types, and with piped input.

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// awskgBinary builds cmd/awskg once per test run.
func awskgBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	binOnce.Do(func() {
		if _, err := exec.LookPath("go"); err != nil {
			binErr = err
			return
		}
		// one folder for every run: binaries of runs over an hour old go
		dir := filepath.Join(os.TempDir(), "awskg-repl-test")
		if err := os.MkdirAll(dir, 0o700); err != nil {
			binErr = err
			return
		}
		old, _ := filepath.Glob(filepath.Join(dir, "awskg-*"))
		for _, o := range old {
			if fi, err := os.Stat(o); err == nil && time.Since(fi.ModTime()) > time.Hour {
				os.Remove(o)
			}
		}
		f, err := os.CreateTemp(dir, "awskg-*")
		if err != nil {
			binErr = err
			return
		}
		f.Close()
		binPath = f.Name()
		start := time.Now()
		cmd := exec.Command("go", "build", "-o", binPath, ".")
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
		t.Logf("built %s in %s", binPath, time.Since(start).Round(time.Millisecond))
	})
	if errors.Is(binErr, exec.ErrNotFound) {
		t.Skip("no go command to build the binary:", binErr)
	}
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// terminal is a program running in a pseudo-terminal, with everything it
// prints kept for expect.
type terminal struct {
	t    *testing.T
	cmd  *exec.Cmd
	tty  *os.File
	mu   sync.Mutex
	buf  bytes.Buffer
	mark int // expect searches the output after this offset
	done chan struct{}
}

func startTerminal(t *testing.T, env []string, args ...string) *terminal {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no pseudo-terminals")
	}
	cmd := exec.Command(awskgBinary(t), args...)
	cmd.Env = append(os.Environ(), env...)
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 60, Cols: 200})
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	term := &terminal{t: t, cmd: cmd, tty: tty, done: make(chan struct{})}
	go func() {
		defer close(term.done)
		b := make([]byte, 4096)
		for {
			n, err := tty.Read(b)
			term.mu.Lock()
			term.buf.Write(b[:n])
			term.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
		tty.Close()
		if t.Failed() || os.Getenv("AWSKG_PTY_SCREEN") != "" {
			t.Logf("screen output:\n%s", term.screen(0))
		}
	})
	return term
}

var ansiRe = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]|\r`)

// screen returns the output after offset with terminal escapes removed.
func (term *terminal) screen(offset int) string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return ansiRe.ReplaceAllString(term.buf.String()[offset:], "")
}

// stripEscapes removes terminal escapes and carriage returns; ends[i] is the
// offset in raw just after byte i of clean.
func stripEscapes(raw string) (clean string, ends []int) {
	var b strings.Builder
	skip := ansiRe.FindAllStringIndex(raw, -1)
	for i := 0; i < len(raw); i++ {
		if len(skip) > 0 && i == skip[0][0] {
			i = skip[0][1] - 1
			skip = skip[1:]
			continue
		}
		b.WriteByte(raw[i])
		ends = append(ends, i+1)
	}
	return b.String(), ends
}

func (term *terminal) raw() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.buf.String()
}

func (term *terminal) send(s string) {
	term.t.Helper()
	if _, err := io.WriteString(term.tty, s); err != nil {
		term.t.Fatalf("type %q: %v", s, err)
	}
}

// expect waits until want appears on the screen after the mark, then moves
// the mark past it.
func (term *terminal) expect(want string, timeout time.Duration) string {
	term.t.Helper()
	got, ok := term.tryExpect(want, timeout)
	if !ok {
		term.t.Fatalf("%q did not appear within %s; the screen after the last match:\n%s", want, timeout, got)
	}
	return got
}

// tryExpect is expect that reports a timeout instead of failing; it returns
// the screen after the mark then.
func (term *terminal) tryExpect(want string, timeout time.Duration) (string, bool) {
	term.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		term.mu.Lock()
		raw := term.buf.String()[term.mark:]
		term.mu.Unlock()
		clean, ends := stripEscapes(raw)
		if i := strings.Index(clean, want); i >= 0 {
			// move the mark just past the match in the raw output
			term.mark += ends[i+len(want)-1]
			return clean[:i+len(want)], true
		}
		if time.Now().After(deadline) {
			return clean, false
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (term *terminal) wait(timeout time.Duration) error {
	term.t.Helper()
	errc := make(chan error, 1)
	go func() { errc <- term.cmd.Wait() }()
	select {
	case err := <-errc:
		<-term.done
		return err
	case <-time.After(timeout):
		term.t.Fatalf("the REPL did not exit within %s", timeout)
		return nil
	}
}

func TestReplInPseudoTerminal(t *testing.T) {
	state := t.TempDir()
	env := []string{"TERM=xterm", "XDG_STATE_HOME=" + state, "HOME=" + state, "NO_COLOR="}
	term := startTerminal(t, env, "repl", "--timeout", "60s")
	const wait = 20 * time.Second
	term.expect("awskg> ", wait)

	// a question: a numbered, aligned table in colour, count and time
	term.send("which services support cross-account\r")
	term.expect("answers (read as: what supports Cross-account", wait)
	if raw := term.raw(); !strings.Contains(raw, "\x1b[1m#\x1b[0m") {
		t.Errorf("no bold table header on a terminal")
	}
	term.expect("awskg> ", wait)

	// :why 1 quotes the note lines of answer 1
	f := sharedEngineFactory(t)
	eng, _ := f.Engine(context.Background())
	res, err := eng.Ask(context.Background(), "which services support cross-account")
	if err != nil {
		t.Fatal(err)
	}
	c, err := f.Corpus(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	src := res.Answers[0].Sources[0]
	file, line, _ := strings.Cut(src, ":")
	n := 0
	fmt.Sscan(line, &n)
	text := c.Docs[file].LineText(n)
	term.send(":why 1\r")
	term.expect(src, wait)
	term.expect(text, wait)
	term.expect("awskg> ", wait)

	// Tab completes a command...
	term.send(":sh\t")
	term.expect("awskg> :show", wait)
	term.send(" CloudTrail\r")
	term.expect("supports (2)", wait)
	term.expect("relations in", wait)
	term.expect("awskg> ", wait)
	// ...and a multi-word service name, in any case
	term.send("what is elastic bea\t")
	term.expect("awskg> what is Elastic Beanstalk", wait)
	term.send("\r")
	term.expect("answers (read as: everything about AWS Elastic Beanstalk", wait)
	term.expect("awskg> ", wait)

	// Ctrl-C during a query that never ends cancels it; the REPL goes on
	term.send(":gizmo while(true){}\r")
	// the Ctrl-C must come once the query runs (a busy machine may take a
	// while to start it): press it again until the REPL reports it
	for start := time.Now(); ; {
		time.Sleep(300 * time.Millisecond)
		term.send("\x03")
		if _, ok := term.tryExpect("query cancelled (Ctrl-C)", time.Second); ok {
			break
		}
		if time.Since(start) > wait {
			t.Fatalf("Ctrl-C did not cancel the query:\n%s", term.screen(0))
		}
	}
	term.expect("awskg> ", wait)
	term.send("what are the OpsWorks lifecycle events\r")
	term.expect("answers (read as: AWS OpsWorks lifecycleEvent", wait)
	term.expect("awskg> ", wait)

	// Ctrl-C at the prompt clears the line, and does not exit
	term.send("half a question\x03")
	term.expect("awskg> ", wait)
	term.send(":history 2\r")
	term.expect(":history 2", wait)
	term.expect("awskg> ", wait)

	// Ctrl-D quits and writes the history
	term.send("\x04")
	if err := term.wait(wait); err != nil {
		t.Fatalf("exit: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(state, "awskg", "history"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"which services support cross-account\n", ":why 1\n", ":show CloudTrail\n", "what is Elastic Beanstalk\n", ":gizmo while(true){}\n"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("history lacks %q:\n%s", want, b)
		}
	}
	if strings.Contains(string(b), "half a question") {
		t.Errorf("an aborted line is in the history:\n%s", b)
	}

	// the history is read back: Ctrl-R finds an old line
	term = startTerminal(t, env, "repl")
	term.expect("awskg> ", wait)
	term.send("\x12OpsWorks")
	term.expect("what are the OpsWorks lifecycle events", wait)
	term.send("\r")
	term.expect("answers (read as: AWS OpsWorks lifecycleEvent", wait)
	term.send("\x04")
	if err := term.wait(wait); err != nil {
		t.Fatalf("exit: %v", err)
	}
}

func TestReplInPseudoTerminalNoColor(t *testing.T) {
	state := t.TempDir()
	term := startTerminal(t, []string{"TERM=xterm", "XDG_STATE_HOME=" + state, "NO_COLOR=1"}, "repl", "--timeout", "500ms")
	const wait = 20 * time.Second
	term.expect("awskg> ", wait)
	term.send("which services support cross-account\r")
	term.expect("answers (read as: what supports Cross-account", wait)
	// the timeout stops a query that never ends
	term.send(":gizmo while(true){}\r")
	term.expect("query took longer than 500ms and was stopped", wait)
	term.expect("awskg> ", wait)
	term.send(":quit\r")
	if err := term.wait(wait); err != nil {
		t.Fatalf("exit: %v", err)
	}
	// liner moves the cursor with escapes; colours (SGR "m") there are none
	if sgr := regexp.MustCompile(`\x1b\[[0-9;]*m`).FindString(term.raw()); sgr != "" {
		t.Errorf("NO_COLOR output has colour escape %q", sgr)
	}
}

func TestReplPipedBinaryPrintsWhatAskPrints(t *testing.T) {
	bin := awskgBinary(t)
	qs := []string{"which services support cross-account", "what are the OpsWorks lifecycle events"}
	var want bytes.Buffer
	for _, q := range qs {
		out, err := exec.Command(bin, "ask", q).Output()
		if err != nil {
			t.Fatalf("ask %q: %v", q, err)
		}
		want.Write(out)
	}
	cmd := exec.Command(bin, "repl")
	cmd.Stdin = strings.NewReader(strings.Join(qs, "\n") + "\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("repl: %v\n%s", err, stderr.String())
	}
	if string(got) != want.String() {
		t.Errorf("printf 'q1\\nq2\\n' | awskg repl printed\n%s\nawskg ask printed\n%s", got, want.String())
	}
	if stderr.Len() != 0 || strings.Contains(string(got), "awskg> ") || strings.Contains(string(got), "\x1b[") {
		t.Errorf("piped session printed a prompt, colour or errors: %q %q", got, stderr.String())
	}
	// a failed question: ask's message, the next one still answered, exit 1
	cmd = exec.Command(bin, "repl")
	cmd.Stdin = strings.NewReader("what is the airspeed of a swallow\n" + qs[1] + "\n")
	stderr.Reset()
	cmd.Stderr = &stderr
	got, err = cmd.Output()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitError {
		t.Errorf("exit = %v, want status %d", err, exitError)
	}
	if !strings.HasPrefix(stderr.String(), "awskg: ") || !strings.Contains(string(got), "Setup") {
		t.Errorf("stderr %q, stdout %q", stderr.String(), got)
	}
}
