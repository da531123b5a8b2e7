package ingest

import (
	"strings"
	"testing"
)

// TestCommentedScript: a program source whose comments are prose is a
// commented script, read as its comments (a rule with words a heading)
// with its code in code blocks, every block citing its own note line; a
// program with a comment here and there is not one.
func TestCommentedScript(t *testing.T) {
	src := strings.Join([]string{
		"#!/usr/bin/env bash", // 1
		"set -euo pipefail",   // 2
		"# ------------------------------------------ Lambda",      // 3
		"# Versions are immutable snapshots of code and config.",   // 4
		"aws lambda publish-version --function-name orders",        // 5
		"# An alias splits traffic across two versions by weight.", // 6
		"# Reserved concurrency set to 0 throttles a function.",    // 7
		"aws lambda put-function-concurrency --reserved 0",         // 8
		"",              // 9
		"# === ECS ===", // 10
		"# The ECS agent reports task state to the cluster.",      // 11
		"# Task roles give containers their own AWS credentials.", // 12
		"aws ecs list-tasks", // 13
	}, "\n")
	doc, err := Parse("cheats.sh", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != FormatScript {
		t.Fatalf("format %q, want %q", doc.Format, FormatScript)
	}
	var heads []string
	texts := map[int]string{}
	for _, b := range doc.Blocks {
		switch b.Kind {
		case BlockHeading:
			heads = append(heads, b.Text)
		case BlockCode:
		default:
			texts[b.Line] = b.Text
		}
	}
	if strings.Join(heads, "|") != "Lambda|ECS" {
		t.Errorf("headings %q, want the rules' words Lambda and ECS", heads)
	}
	for line, want := range map[int]string{4: "Versions are immutable", 6: "An alias splits traffic", 11: "The ECS agent reports"} {
		if !strings.HasPrefix(texts[line], want) {
			t.Errorf("line %d: text %q, want the comment %q... (blocks %v)", line, texts[line], want, texts)
		}
	}
	for line, text := range texts {
		if strings.Contains(text, "aws lambda") || strings.Contains(text, "pipefail") {
			t.Errorf("line %d: code read as text: %q", line, text)
		}
	}
	if got := doc.Lines[3]; got != "# Versions are immutable snapshots of code and config." {
		t.Errorf("line 4 quoted as %q, want the note's own line", got)
	}

	for _, tc := range []struct {
		name, text string
		want       bool
	}{
		{"cheats.sh", src, true},
		{"main.go", "package main\n\n// main runs the server on the port given.\nfunc main() {\n\tserve()\n}\n" + strings.Repeat("func f() { g() }\n", 20), false},
		{"notes.sh", "# one\n# two\necho hi\n", false},
		{"facts.sql", strings.Repeat("-- CodeBuild builds run in fresh containers each time.\nSELECT 1;\n", 5), true},
		{"readme.txt", src, false}, // no program source
	} {
		if got := isCommentedScript(tc.name, tc.text); got != tc.want {
			t.Errorf("isCommentedScript(%s) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
