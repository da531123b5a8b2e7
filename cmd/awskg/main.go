// Command awskg is a knowledge-graph query tool for AWS DevOps notes.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/awskg/awskg/cmd/awskg/internal/preinit"
	"github.com/awskg/awskg/graph"
)

// Exit statuses.
const (
	exitOK       = 0
	exitError    = 1 // a failure, or some questions of a batch failed
	exitUsage    = 2 // bad flags or input, unknown question or entity
	exitConflict = 3 // the store is in use
	exitTimeout  = 4 // a query ran past --timeout or --max-memory
	exitDamaged  = 5 // the store's files are damaged: rebuild it
	// exitInterrupted is the shell's status for a command stopped by Ctrl-C.
	exitInterrupted = 130
)

func main() {
	os.Exit(run(os.Args[1:], System()))
}

// run executes one command line and returns the exit status.
func run(args []string, io *IOStreams) int {
	return runCommand(args, io, nil)
}

// runCommand is run with an optional hook that adds commands to the tree
// (tests use it to reach the panic handler).
func runCommand(args []string, io *IOStreams, extend func(*Factory, *cobra.Command)) (code int) {
	debugMode := hasFlag(args, "--debug")
	var f *Factory
	defer func() {
		if r := recover(); r != nil {
			// A read of a bolt store's mapped file that faults panics (see
			// SetPanicOnFault below) instead of crashing: the file changed
			// under this process after it was verified at open.
			if f != nil && f.DB != "" {
				if err := graph.FaultError(fmt.Sprintf("%q", f.DB), r); err != nil {
					fmt.Fprintf(io.ErrOut, "awskg: %s\n", oneLine(rebuildHint(f.DB, err)))
					code = exitDamaged
					return
				}
			}
			fmt.Fprintf(io.ErrOut, "awskg: internal error: %v\n", r)
			if debugMode {
				io.ErrOut.Write(debug.Stack())
			} else {
				fmt.Fprintln(io.ErrOut, "(run again with --debug for the stack trace)")
			}
			code = exitError
		}
	}()
	// Faults in this goroutine panic, to be recovered above. Cayley runs
	// Gizmo queries in goroutines of its own, where a fault still crashes:
	// the verification of a store at open is what keeps those out.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	f = NewFactory(io)
	f.Debug = debugMode
	if extend == nil {
		f.CacheDir, f.BuildStamp = snapshotCache()
	}
	defer f.Close()
	root := NewCmdRoot(f)
	if extend != nil {
		extend(f, root)
	}
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	// output that never arrived (a full disk, a closed terminal) is a
	// failure even when the command saw nothing wrong
	if werr := io.WriteErr(); werr != nil && (err == nil || errors.Is(err, werr)) {
		err = fmt.Errorf("write output: %w", werr)
	}
	if err == nil {
		return exitOK
	}
	if !errors.Is(err, errSilent) {
		msg := err.Error()
		if graph.ErrorCode(err) == graph.EDAMAGED && f.DB != "" {
			msg = rebuildHint(f.DB, err)
		}
		fmt.Fprintf(io.ErrOut, "awskg: %s\n", oneLine(msg))
	}
	return exitCode(err)
}

func hasFlag(args []string, flag string) bool {
	for _, a := range args {
		if a == flag {
			return true
		}
	}
	return false
}

// errSilent marks an error already reported to the user.
var errSilent = errors.New("silent")

// silentError carries an exit code for an error already reported.
type silentError struct{ code int }

func (e silentError) Error() string   { return "silent" }
func (e silentError) Is(t error) bool { return t == errSilent }

// flagError is a usage error from flags or arguments.
type flagError struct{ err error }

func (e flagError) Error() string { return e.err.Error() }
func (e flagError) Unwrap() error { return e.err }

func exitCode(err error) int {
	var s silentError
	if errors.As(err, &s) {
		return s.code
	}
	var fe flagError
	if errors.As(err, &fe) {
		return exitUsage
	}
	// Ctrl-C cancels the command's context; a deadline is a timeout.
	if errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		return exitInterrupted
	}
	switch graph.ErrorCode(err) {
	case graph.ENOTFOUND, graph.EINVALID:
		return exitUsage
	case graph.ECONFLICT:
		return exitConflict
	case graph.ETIMEOUT, graph.ELIMIT:
		return exitTimeout
	case graph.EDAMAGED:
		return exitDamaged
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return exitTimeout
	}
	return exitError
}

// maxErrorLine bounds an error line: messages that echo their input (a
// malformed 1 MB query, a thrown 1 MB string) are cut in the middle.
const maxErrorLine = 400

// oneLine puts a message on one line of at most maxErrorLine bytes.
func oneLine(s string) string {
	return cutMiddle(strings.Join(strings.Fields(s), " "), maxErrorLine)
}

// cutMiddle shortens s to at most max bytes, keeping its start and its end
// (where messages say what went wrong) and saying how much was cut.
func cutMiddle(s string, max int) string {
	const mark = len(" … [1234567890 bytes cut] … ")
	if len(s) <= max || max <= mark {
		return s
	}
	head, tail := (max-mark)*2/3, (max-mark)/3
	for head > 0 && !utf8.RuneStart(s[head]) {
		head--
	}
	from := len(s) - tail
	for from < len(s) && !utf8.RuneStart(s[from]) {
		from++
	}
	return fmt.Sprintf("%s … [%d bytes cut] … %s", s[:head], from-head, s[from:])
}

// cutEnd shortens s to at most max bytes (and a "…"), at a character
// boundary.
func cutEnd(s string, max int) string {
	if len(s) <= max {
		return s
	}
	for max > 0 && !utf8.RuneStart(s[max]) {
		max--
	}
	return s[:max] + "…"
}

// snapshotCache returns where ingest snapshots live and a stamp of the
// running binary (path, size, modification time): a rebuilt binary never
// reads an older binary's snapshot. AWSKG_NO_CACHE=1 turns the cache off;
// AWSKG_CACHE_DIR moves it (preinit.CacheDir).
func snapshotCache() (dir, stamp string) {
	if os.Getenv("AWSKG_NO_CACHE") != "" {
		return "", ""
	}
	if dir = preinit.CacheDir(); dir == "" {
		return "", ""
	}
	exe, err := os.Executable()
	if err != nil {
		return "", ""
	}
	info, err := os.Stat(exe)
	if err != nil {
		return "", ""
	}
	return dir, fmt.Sprintf("%s|%d|%d", exe, info.Size(), info.ModTime().UnixNano())
}
