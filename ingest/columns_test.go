package ingest

import (
	"strings"
	"testing"
)

// TestColumnsToMarkdown: a two-column (Cornell) note reads as a heading per
// cue over its notes, wrapped lines joined again, items and sentences kept
// apart, rules with titles as headings, the header row dropped; each line
// cites the note line its record or note starts on.
func TestColumnsToMarkdown(t *testing.T) {
	src := []string{
		"Ops governance -- Cornell notes",                                     // 1
		"CUE / QUESTION        | NOTES",                                       // 2
		"----------------------+--------------",                               // 3
		"What does Config do?  | Records configuration",                       // 4
		"                      | items over time.",                            // 5
		"                      |",                                             // 6
		"Kinds of Config       | - AWS managed rules (e.g. s3-bucket-public-", // 7
		"rules?                |   read-prohibited)",                          // 8
		"                      | - custom rules",                              // 9
		"                      |",                                             // 10
		"------------ SYSTEMS MANAGER -------------",                          // 11
		"Parameter Store tiers?| Standard: 4 KB value.",                       // 12
		"                      | Advanced: 8 KB value.",                       // 13
		"                      |",                                             // 14
		"Patching?             | Patch Manager runs",                          // 15
		"                      | AWS-RunPatchBaseline.",                       // 16
	}
	h := columnsToMarkdown(src)
	checkMarkdownLines(t, h, []mdLine{
		{"Ops governance -- Cornell notes", 1},
		{"#### What does Config do?", 4},
		{"Records configuration items over time.", 4},
		{"#### Kinds of Config rules?", 7},
		{"- AWS managed rules (e.g. s3-bucket-public-read-prohibited)", 7},
		{"- custom rules", 9},
		{"## SYSTEMS MANAGER", 11},
		{"#### Parameter Store tiers?", 12},
		{"Standard: 4 KB value.", 12},
		{"Advanced: 8 KB value.", 13},
		{"#### Patching?", 15},
		{"Patch Manager runs AWS-RunPatchBaseline.", 15},
	})
	if !isColumnNote(strings.Join(src, "\n")) {
		t.Error("a two-column note not detected")
	}
	// fixed bugs: notes with bars that are no columns
	for name, text := range map[string]string{
		"a Markdown table":          strings.Repeat("| a | b |\n|---|---|\n| c | d |\n", 4),
		"a flattened table's cells": strings.Repeat("Resolution |\nData retention |\n60s |\n15d |\n", 3),
		"bars at many places":       strings.Repeat("a | b\nlonger text | c\nx |y\n", 4),
	} {
		if isColumnNote(text) {
			t.Errorf("%s read as two columns", name)
		}
	}
}

// TestColumnNote: a two-column note is detected by its bar, and its facts
// cite the line its record starts on, with no bar in them.
func TestColumnNote(t *testing.T) {
	src := strings.Join([]string{
		"------------ AWS SYSTEMS MANAGER -------------",   // 1
		"Fleet events?         | Run Command can send",     // 2
		"                      | events to SNS or Lambda.", // 3
		"                      |",                          // 4
		"Shell access?         | Session Manager, no",      // 5
		"                      | SSH keys needed.",         // 6
		"                      |",                          // 7
		"Config drift?         | State Manager.",           // 8
		"                      |",                          // 9
		"Fleet scripts?        | Run Command.",             // 10
		"                      |",                          // 11
	}, "\n")
	if got := DetectFormat("n.txt", []byte(src)); got != FormatColumns {
		t.Fatalf("DetectFormat = %q, want columns", got)
	}
	g, names := extractNote(t, "n.txt", src)
	checkMarkedUpFacts(t, factSet(g, names), "|", "AWS Lambda", 2)
}

// FuzzColumnsToMarkdown: any text reads without a panic, and every
// Markdown line cites a line of the note.
func FuzzColumnsToMarkdown(f *testing.F) {
	f.Add("a | b\n  | c\n  |\nd | - e\n  |   f\n---- G ----\n")
	f.Fuzz(func(t *testing.T, src string) {
		checkCitedLines(t, columnsToMarkdown(splitLines(src)), src)
	})
}
