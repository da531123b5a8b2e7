package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/adrg/xdg"
	"github.com/gofrs/flock"
)

// maxHistory bounds the lines kept in the history file.
const maxHistory = 1000

// historyLockWait bounds the wait for another REPL's hold on the history
// file (an append takes microseconds; a REPL stopped while holding the
// lock releases it when it ends).
const historyLockWait = 5 * time.Second

// history is the REPL's line history, kept in a file across sessions.
// Each entry is appended to the file as it is entered, under a lock that
// every REPL takes, so two REPLs at once both keep theirs and a REPL that
// is killed has already written what was entered.
type history struct {
	path    string // "" keeps no file
	lock    *flock.Flock
	entries []string
}

// historyPath returns the history file in the user's state directory
// (adrg/xdg): $XDG_STATE_HOME/awskg/history, else ~/.local/state/awskg/history
// on Linux and the BSDs, ~/Library/Application Support/awskg/history on
// macOS, %LOCALAPPDATA%\awskg\history on Windows. A relative
// XDG_STATE_HOME is ignored, as the XDG specification says.
func historyPath() (string, error) {
	xdg.Reload() // the environment as it is now (tests change it)
	if xdg.StateHome == "" {
		return "", errors.New("find the history file: no state directory")
	}
	return filepath.Join(xdg.StateHome, "awskg", "history"), nil
}

// openHistory reads the history file (override: "" for the default path,
// "-" for none), trimming it to its last maxHistory entries. A missing file
// is an empty history; on any error the history still works, in memory.
func openHistory(override string) (*history, error) {
	h := &history{}
	switch override {
	case "-":
		return h, nil
	case "":
		p, err := historyPath()
		if err != nil {
			return h, err
		}
		h.path = p
	default:
		h.path = override
	}
	dir := filepath.Dir(h.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		h.path = ""
		return h, fmt.Errorf("create %s: %w", dir, err)
	}
	h.lock = flock.New(h.path+".lock", flock.SetPermissions(0o600))
	err := h.locked(func() error {
		entries, err := readHistory(h.path)
		if err != nil {
			return err
		}
		if len(entries) > maxHistory {
			entries = entries[len(entries)-maxHistory:]
			if err := rewriteHistory(h.path, entries); err != nil {
				return err
			}
		}
		h.entries = entries
		return nil
	})
	if err != nil {
		h.path = ""
		return h, err
	}
	return h, nil
}

// readHistory reads the entries of a history file; a missing file has none.
func readHistory(path string) ([]string, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	var entries []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		if line := strings.TrimRight(sc.Text(), "\r"); strings.TrimSpace(line) != "" {
			entries = append(entries, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return entries, nil
}

// rewriteHistory replaces the history file with entries, atomically; its
// errors name the file.
func rewriteHistory(path string, entries []string) error {
	return writeFileAtomicMode(path, 0o600, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		for _, e := range entries {
			bw.WriteString(e)
			bw.WriteByte('\n')
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	})
}

// locked runs f holding the history file's lock.
func (h *history) locked(f func() error) error {
	ctx, cancel := context.WithTimeout(context.Background(), historyLockWait)
	defer cancel()
	ok, err := h.lock.TryLockContext(ctx, 10*time.Millisecond)
	switch {
	case errors.Is(err, context.DeadlineExceeded) || (err == nil && !ok):
		return fmt.Errorf("lock %s: another awskg has held it for %s", h.lock.Path(), historyLockWait)
	case err != nil:
		return fmt.Errorf("lock %s: %w", h.lock.Path(), err)
	}
	defer h.lock.Unlock()
	return f()
}

// normalizeEntry puts an entry on one line: the lines of a multi-line query
// are joined with spaces, as the prompt recalls an entry as one line.
func normalizeEntry(entry string) string {
	return strings.Join(strings.Fields(entry), " ")
}

// add records an entry, skipping a repeat of the previous one, and appends
// it to the history file. When the file cannot be written the history goes
// on in memory and the error is returned (once: the file is then left).
func (h *history) add(entry string) error {
	entry = normalizeEntry(entry)
	if entry == "" || (len(h.entries) > 0 && h.entries[len(h.entries)-1] == entry) {
		return nil
	}
	h.entries = append(h.entries, entry)
	if h.path == "" {
		return nil
	}
	err := h.locked(func() error {
		f, err := os.OpenFile(h.path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			return fmt.Errorf("write %s: %w", h.path, err)
		}
		_, err = f.WriteString(entry + "\n")
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", h.path, err)
		}
		return nil
	})
	if err != nil {
		h.path = ""
	}
	return err
}
