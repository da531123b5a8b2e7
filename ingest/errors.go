package ingest

import (
	"fmt"
	"sort"
	"strings"
)

// Error is a problem found at a position in a note. Parsing goes on after it.
type Error struct {
	File string
	Line int // 1-based; 0 when the problem concerns the whole file
	Msg  string
	// Skipped is how many files the problem left unread: 1 for a file
	// that could not be read, the count of a folder's files that are no
	// notes, 0 for a notice.
	Skipped int
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// ErrorList collects positioned errors. Parsers return it (nil when empty)
// alongside a partial result, so one bad note never aborts a corpus.
type ErrorList []*Error

// Add appends an error.
func (l *ErrorList) Add(file string, line int, msg string) {
	*l = append(*l, &Error{File: file, Line: line, Msg: msg})
}

// skip appends a problem that left n files unread (see Error.Skipped).
func (l *ErrorList) skip(file string, n int, msg string) {
	*l = append(*l, &Error{File: file, Msg: msg, Skipped: n})
}

// Skipped sums the files the list's problems left unread.
func (l ErrorList) Skipped() int {
	n := 0
	for _, e := range l {
		n += e.Skipped
	}
	return n
}

// Sort orders the list by file and line.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].File != l[j].File {
			return l[i].File < l[j].File
		}
		return l[i].Line < l[j].Line
	})
}

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Details lists every error on its own line.
func (l ErrorList) Details() string {
	var b strings.Builder
	for _, e := range l {
		b.WriteString(e.Error())
		b.WriteByte('\n')
	}
	return b.String()
}

// Err returns nil for an empty list, else the list itself.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
