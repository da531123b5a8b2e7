package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// Two sessions writing one history file at once both keep their entries,
// each in the file as soon as it is entered.
func TestHistoryTwoSessionsKeepBoth(t *testing.T) {
	p := filepath.Join(t.TempDir(), "state", "awskg", "history")
	a, err := openHistory(p)
	if err != nil {
		t.Fatal(err)
	}
	b, err := openHistory(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		h *history
		e string
	}{{a, "what is CloudTrail"}, {b, ":show Athena"}, {a, ":why 1"}, {b, "what is S3"}} {
		if err := step.h.add(step.e); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"what is CloudTrail", ":show Athena", ":why 1", "what is S3"}
	if got := readLines(t, p); !reflect.DeepEqual(got, want) {
		t.Errorf("history file = %q, want %q", got, want)
	}
	if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("history file mode: %v %v", fi, err)
	}
	c, err := openHistory(p)
	if err != nil || !reflect.DeepEqual(c.entries, want) {
		t.Errorf("reopened: %q, %v", c.entries, err)
	}
}

// The file keeps its last maxHistory entries: it is trimmed when opened.
func TestHistoryTrimmedOnOpen(t *testing.T) {
	p := filepath.Join(t.TempDir(), "history")
	var b strings.Builder
	for i := 1; i <= maxHistory+500; i++ {
		fmt.Fprintf(&b, "question %d\n", i)
	}
	if err := os.WriteFile(p, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	h, err := openHistory(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.entries) != maxHistory || h.entries[0] != "question 501" {
		t.Errorf("%d entries from %q", len(h.entries), h.entries[0])
	}
	if lines := readLines(t, p); len(lines) != maxHistory || lines[0] != "question 501" {
		t.Errorf("the file has %d lines from %q", len(lines), lines[0])
	}
}

// A raw query typed over several lines is one entry, in the file and in
// the line editor's history; a query abandoned with Ctrl-C is none.
func TestHistoryMultiLineQueryIsOneEntry(t *testing.T) {
	s, _, _ := testSession(t, true)
	p := filepath.Join(t.TempDir(), "history")
	h, err := openHistory(p)
	if err != nil {
		t.Fatal(err)
	}
	s.history = h
	var recalled []string
	s.recall = func(e string) { recalled = append(recalled, e) }
	r := &script{lines: []string{":gizmo", "g.V(", `  "<service:aws-cloudtrail>"`, ").Count()", "g.V(", "^C", ":ask", "what is CloudTrail"}}
	if err := s.loop(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	want := []string{":gizmo", `g.V( "<service:aws-cloudtrail>" ).Count()`, ":ask", "what is CloudTrail"}
	if got := readLines(t, p); !reflect.DeepEqual(got, want) {
		t.Errorf("history file = %q, want %q", got, want)
	}
	if !reflect.DeepEqual(recalled, want) {
		t.Errorf("line editor history = %q, want %q", recalled, want)
	}
}
