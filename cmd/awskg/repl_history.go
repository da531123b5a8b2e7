package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// maxHistory bounds the lines kept in the history file.
const maxHistory = 1000

// history is the REPL's line history, kept in a file across sessions.
type history struct {
	path    string // "" keeps no file
	entries []string
	loaded  int // entries read from the file
}

// historyPath returns $XDG_STATE_HOME/awskg/history, or
// ~/.local/state/awskg/history when XDG_STATE_HOME is unset or relative.
func historyPath() (string, error) {
	if dir := os.Getenv("XDG_STATE_HOME"); dir != "" && filepath.IsAbs(dir) {
		return filepath.Join(dir, "awskg", "history"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find the history file: %w", err)
	}
	return filepath.Join(home, ".local", "state", "awskg", "history"), nil
}

// openHistory reads the history file (override: "" for the default path,
// "-" for none). A missing file is an empty history; on any error the
// history still works, in memory.
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
	f, err := os.Open(h.path)
	if errors.Is(err, fs.ErrNotExist) {
		return h, nil
	}
	if err != nil {
		return h, fmt.Errorf("read %s: %w", h.path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		if line := strings.TrimRight(sc.Text(), "\r"); strings.TrimSpace(line) != "" {
			h.entries = append(h.entries, line)
		}
	}
	if err := sc.Err(); err != nil {
		return h, fmt.Errorf("read %s: %w", h.path, err)
	}
	if len(h.entries) > maxHistory {
		h.entries = h.entries[len(h.entries)-maxHistory:]
	}
	h.loaded = len(h.entries)
	return h, nil
}

// add records a line, skipping a repeat of the previous one. A multi-line
// entry is kept on one line.
func (h *history) add(line string) {
	line = strings.Join(strings.Fields(line), " ")
	if line == "" || (len(h.entries) > 0 && h.entries[len(h.entries)-1] == line) {
		return
	}
	h.entries = append(h.entries, line)
}

// save writes the last maxHistory entries to the history file, creating its
// folder; it replaces the file atomically.
func (h *history) save() error {
	if h == nil || h.path == "" || len(h.entries) == h.loaded {
		return nil
	}
	entries := h.entries
	if len(entries) > maxHistory {
		entries = entries[len(entries)-maxHistory:]
	}
	dir := filepath.Dir(h.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, ".history-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", h.path, err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	for _, e := range entries {
		w.WriteString(e)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", h.path, err)
	}
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", h.path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", h.path, err)
	}
	if err := os.Rename(tmp.Name(), h.path); err != nil {
		return fmt.Errorf("write %s: %w", h.path, err)
	}
	return nil
}
