//go:build linux

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// termios returns the pseudo-terminal's modes.
func (term *terminal) termios() *unix.Termios {
	term.t.Helper()
	tio, err := unix.IoctlGetTermios(int(term.tty.Fd()), unix.TCGETS)
	if err != nil {
		term.t.Fatalf("read the terminal's modes: %v", err)
	}
	return tio
}

// freshTermios returns the modes of a new pseudo-terminal: those the REPL
// finds when it starts.
func freshTermios(t *testing.T) *unix.Termios {
	t.Helper()
	ptm, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptm.Close()
	defer tty.Close()
	tio, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatalf("read the terminal's modes: %v", err)
	}
	return tio
}

// A signal that ends the REPL leaves the terminal as it found it (line
// mode, echo on: the modes of a new terminal), and what was entered is in
// the history.
func TestReplSignalRestoresTerminal(t *testing.T) {
	const wait = 30 * time.Second
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT} {
		t.Run(sig.String(), func(t *testing.T) {
			state := t.TempDir()
			before := freshTermios(t)
			if before.Lflag&(unix.ICANON|unix.ECHO) != unix.ICANON|unix.ECHO {
				t.Fatalf("a new terminal has no line mode and echo: lflag %#x", before.Lflag)
			}
			term := startTerminal(t, []string{"TERM=xterm", "XDG_STATE_HOME=" + state, "NO_COLOR=1"}, "repl")
			term.expect("awskg> ", wait)
			term.send("what is CloudTrail\r")
			term.expect(" answers (", wait)
			term.expect("awskg> ", wait)
			// the line editor has the terminal in raw mode now
			if term.termios().Lflag&(unix.ICANON|unix.ECHO) != 0 {
				t.Fatalf("the REPL did not put the terminal in raw mode: the test checks nothing")
			}
			if err := term.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := term.wait(wait)
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("exit after %s: %v, want a failure status", sig, err)
			}
			if ws := ee.Sys().(syscall.WaitStatus); !(ws.Signaled() && ws.Signal() == sig) && ws.ExitStatus() != 128+int(sig) {
				t.Errorf("exit after %s: %v", sig, err)
			}
			after := term.termios()
			if after.Lflag&(unix.ICANON|unix.ECHO) != unix.ICANON|unix.ECHO {
				t.Errorf("after %s the terminal is left raw: lflag %#x, was %#x", sig, after.Lflag, before.Lflag)
			}
			if after.Iflag != before.Iflag || after.Lflag != before.Lflag {
				t.Errorf("after %s the terminal's modes differ: iflag %#x lflag %#x, were %#x %#x", sig, after.Iflag, after.Lflag, before.Iflag, before.Lflag)
			}
			b, err := os.ReadFile(filepath.Join(state, "awskg", "history"))
			if err != nil || string(b) != "what is CloudTrail\n" {
				t.Errorf("history after %s: %q, %v", sig, b, err)
			}
		})
	}
}

// Two REPLs at once on one history file keep both their entries, in the
// order they were entered; a Gizmo query typed on three lines is one entry.
func TestReplTwoSessionsShareHistory(t *testing.T) {
	const wait = 30 * time.Second
	state := t.TempDir()
	env := []string{"TERM=xterm", "XDG_STATE_HOME=" + state, "NO_COLOR=1"}
	a := startTerminal(t, env, "repl")
	b := startTerminal(t, env, "repl")
	a.expect("awskg> ", wait)
	b.expect("awskg> ", wait)

	a.send("what is CloudTrail\r")
	a.expect(" answers (", wait)
	a.expect("awskg> ", wait)

	b.send(":gizmo\r")
	b.expect("gizmo> ", wait)
	b.send("g.V(\r")
	b.expect("...> ", wait)
	b.send("\"<service:aws-cloudtrail>\"\r")
	b.expect("...> ", wait)
	b.send(").All()\r")
	b.expect("results (gizmo)", wait)
	b.expect("gizmo> ", wait)

	a.send("what are the OpsWorks lifecycle events\r")
	a.expect(" answers (", wait)
	a.expect("awskg> ", wait)

	// b ends last: before, its history overwrote a's
	a.send("\x04")
	if err := a.wait(wait); err != nil {
		t.Fatalf("exit: %v", err)
	}
	b.send("\x04")
	if err := b.wait(wait); err != nil {
		t.Fatalf("exit: %v", err)
	}
	got, err := os.ReadFile(filepath.Join(state, "awskg", "history"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"what is CloudTrail", ":gizmo", `g.V( "<service:aws-cloudtrail>" ).All()`, "what are the OpsWorks lifecycle events"}
	if lines := strings.Split(strings.TrimSuffix(string(got), "\n"), "\n"); !reflect.DeepEqual(lines, want) {
		t.Errorf("history:\n%q\nwant\n%q", lines, want)
	}

	// the history recalls the whole query as one line
	c := startTerminal(t, env, "repl")
	c.expect("awskg> ", wait)
	c.send(":gizmo\r")
	c.expect("gizmo> ", wait)
	c.send("\x12g.V(")
	c.expect(`g.V( "<service:aws-cloudtrail>" ).All()`, wait)
	c.send("\r")
	c.expect("results (gizmo)", wait)
	c.send("\x04")
	if err := c.wait(wait); err != nil {
		t.Fatalf("exit: %v", err)
	}
}
