// Package preinit prepares the process for go-graphviz, whose package
// initialisation compiles Graphviz's WebAssembly module (about 0.6 s) or
// loads it from wazero's compilation cache (about 20 ms), in every process
// that links it, `awskg --help` included. go-graphviz keeps that cache in
// os.TempDir()/go-graphviz, which is wrong for awskg:
//
//   - on a machine with several users, the first user's directory is
//     unreadable to the others, and go-graphviz then panics at start-up in
//     every awskg process of every other user;
//   - the cache holds native code that the process maps and runs, and a
//     shared temporary directory lets another user plant it (wazero: "the
//     embedder must safeguard this directory from external changes");
//   - temporary directories are emptied at boot and by tmpfiles cleaners,
//     so the 0.6 s compilation comes back.
//
// Its init points go-graphviz at awskg's own cache directory (CacheDir, a
// directory of this user's, created 0700; with no usable home directory,
// awskg-UID in the temporary directory, else a fresh private one), by
// setting the temporary
// directory's variable for the time of package initialisation, and pauses
// the garbage collector meanwhile (package initialisation allocates about
// 6 MB, mostly go-graphviz's, in two collections otherwise). Done, called
// from package main's init, restores both.
//
// That its init runs before go-graphviz's follows from the Go spec's
// initialisation order (Go 1.21 on): packages are initialised one at a
// time, each time the first in import-path order of those whose imports are
// all initialised. This package imports only standard packages that
// go-graphviz depends on too, so it is ready no later than go-graphviz's
// internal/wasm, and "github.com/awskg/..." sorts before
// "github.com/goccy/...". Package main must import it (for its init) and
// call Done; nothing else should.
package preinit

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
)

// CacheDir is awskg's cache directory: $AWSKG_CACHE_DIR, or awskg in the
// user's cache directory ($XDG_CACHE_HOME, ~/.cache, ~/Library/Caches,
// %LocalAppData%); "" when there is none. Ingest snapshots are kept there,
// and go-graphviz's compiled module in its go-graphviz folder.
func CacheDir() string {
	if dir := os.Getenv("AWSKG_CACHE_DIR"); dir != "" {
		return dir
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(base, "awskg")
}

// tempVar is the variable os.TempDir reads first.
func tempVar() string {
	switch runtime.GOOS {
	case "windows":
		return "TMP"
	case "plan9":
		return "" // always /tmp
	}
	return "TMPDIR"
}

// state is what begin changed, for end to restore.
type state struct {
	gcPercent int
	name      string // the variable set, "" when none was
	old       string
	wasSet    bool
}

var pending *state

func init() { pending = begin(CacheDir()) }

// begin pauses the collector and points the temporary directory at dir,
// when dir can be made a directory of this user's; else at a directory of
// this user's in the temporary directory (awskg-UID), else at a fresh
// private one: never at the shared temporary directory, where another
// user's go-graphviz folder makes go-graphviz panic (a process with no
// usable home directory, HOME unset or read-only).
func begin(dir string) *state {
	s := &state{gcPercent: debug.SetGCPercent(-1)}
	name := tempVar()
	if name == "" {
		return s
	}
	dir = usableDir(dir)
	if dir == "" {
		dir = usableDir(filepath.Join(os.TempDir(), "awskg-"+strconv.Itoa(os.Getuid())))
	}
	if dir == "" {
		d, err := os.MkdirTemp("", "awskg-")
		if err != nil {
			return s
		}
		dir = d
	}
	s.old, s.wasSet = os.LookupEnv(name)
	if os.Setenv(name, dir) == nil {
		s.name = name
	}
	return s
}

// usableDir returns dir, absolute, when it is (or can be made) a
// directory this process can write in; "" otherwise.
func usableDir(dir string) string {
	if dir == "" {
		return ""
	}
	// An absolute path: os.TempDir's value is used as is.
	dir, err := filepath.Abs(dir)
	if err != nil || os.MkdirAll(dir, 0o700) != nil {
		return ""
	}
	f, err := os.CreateTemp(dir, ".probe-")
	if err != nil {
		return ""
	}
	f.Close()
	os.Remove(f.Name())
	return dir
}

// end restores what begin changed.
func (s *state) end() {
	if s.name != "" {
		if s.wasSet {
			os.Setenv(s.name, s.old)
		} else {
			os.Unsetenv(s.name)
		}
	}
	debug.SetGCPercent(s.gcPercent)
}

// Done restores the temporary directory's variable and the collector once
// every package is initialised. It is called from package main's init;
// later calls do nothing.
func Done() {
	if pending != nil {
		pending.end()
		pending = nil
	}
}
