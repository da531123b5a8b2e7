package ingest

import (
	"strings"
	"testing"
)

// TestTextileToMarkdown: Textile marks become the Markdown they say, each
// line remembering the note line it comes from.
func TestTextileToMarkdown(t *testing.T) {
	src := []string{
		"{{toc}}",             // 1
		"",                    // 2
		"h1. Monitoring wiki", // 3
		"",                    // 4
		"p(note). *Owner:* the _ops_ team, see \"runbook\":https://example.com/rb.", // 5
		"",                                    // 6
		"h2(#logs). CloudWatch Logs",          // 7
		"",                                    // 8
		"|_. Destination |_. Cross-account |", // 9
		"| Kinesis Data Streams | yes |",      // 10
		"|=. Lambda | yes |",                  // 11
		"",                                    // 12
		"* Subscription filters: up to @2@ per log group",  // 13
		"** Lambda is -not- invoked in batches",            // 14
		"# first step",                                     // 15
		"## sub step",                                      // 16
		"- metric filter := turns log events into metrics", // 17
		"",                                     // 18
		"bc. aws logs put-subscription-filter", // 19
		"",                                     // 20
		"bq. Quoted tip with @leader_only@.",   // 21
	}
	h := textileToMarkdown(src)
	checkMarkdownLines(t, h, []mdLine{
		{"# Monitoring wiki", 3},
		{"Owner: the ops team, see runbook.", 5},
		{"## CloudWatch Logs", 7},
		{"| Destination | Cross-account |", 9},
		{"| --- | --- |", 9},
		{"| Kinesis Data Streams | yes |", 10},
		{"| Lambda | yes |", 11},
		{"- Subscription filters: up to `2` per log group", 13},
		{"  - Lambda is  invoked in batches", 14},
		{"1. first step", 15},
		{"  1. sub step", 16},
		{"- metric filter: turns log events into metrics", 17},
		{"```", 19},
		{"aws logs put-subscription-filter", 19},
		{"```", 20},
		{"Quoted tip with `leader_only`.", 21},
	})
	if h.text[4] != "Owner: the ops team, see runbook." {
		t.Errorf("quoted line 5 = %q, want it without its marks", h.text[4])
	}
}

// TestTextileNote: a Textile note is detected by name or by its headings,
// and its facts (a table's rows, a list's items) cite the note's own
// lines.
func TestTextileNote(t *testing.T) {
	src := strings.Join([]string{
		"h1. DOP notes",
		"",
		"h2. AWS CodeDeploy lifecycle hooks",
		"",
		"* BeforeAllowTraffic -- runs *before* traffic shifts",
		"* AfterAllowTraffic -- runs after traffic shifts",
		"",
		"h2. AWS Elastic Beanstalk",
		"",
		"|_. Policy |_. Downtime |",
		"| Immutable | no |",
	}, "\n")
	// a file of no note extension is read as text, told by its content
	// like a *.txt ("page.confluence": a Confluence page saved as wiki markup)
	for _, name := range []string{"page.textile", "page.txt", "page.confluence", "PAGE"} {
		if got := DetectFormat(name, []byte(src)); got != FormatTextile {
			t.Errorf("DetectFormat(%q) = %q, want textile", name, got)
		}
	}
	if got := DetectFormat("n.txt", []byte("h1. one heading\nand a line\n")); got == FormatTextile {
		t.Errorf("a note of one Textile-like heading read as Textile")
	}
	if got := DetectFormat("page.org", []byte(src)); got == FormatTextile {
		t.Errorf("an Org note with Textile-like lines read as Textile: its extension names its format")
	}
	g, names := extractNote(t, "page.textile", src)
	set := factSet(g, names)
	checkMarkedUpFacts(t, set, "*", "BeforeAllowTraffic", 5)
	checkMarkedUpFacts(t, set, "|", "Immutable", 11)
}

// TestTextileFixedBugs: cases that went wrong.
func TestTextileFixedBugs(t *testing.T) {
	tests := []struct {
		name string
		src  []string
		want []string // the Markdown lines that are not blank
	}{
		{"a word that opens with a signature's letters is no block",
			[]string{"pre.existing resources are kept", "p.s. check quotas"},
			[]string{"pre.existing resources are kept", "p.s. check quotas"}},
		{"strong text at a line's start is no list item; marks inside code stay",
			[]string{"*Heads up:* use @container_commands@ with @leader_only: true@"},
			[]string{"Heads up: use `container_commands` with `leader_only: true`"}},
		{"Jira's dialect: a header row of double bars, single-brace macros",
			[]string{"{note}Owned by ops.{note}", "||Period||Kept for||", "|1 hour|455 days|"},
			[]string{"Owned by ops.", "| Period | Kept for |", "| --- | --- |", "| 1 hour | 455 days |"}},
		{"an extended code block runs over blank lines to the next signature",
			[]string{"bc.. line one", "", "line two", "p. after"},
			[]string{"```", "line one", "line two", "```", "after"}},
	}
	for _, tt := range tests {
		got := nonBlank(textileToMarkdown(tt.src).lines)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// FuzzTextileToMarkdown: any text reads without a panic, and every
// Markdown line cites a line of the note.
func FuzzTextileToMarkdown(f *testing.F) {
	f.Add("h1. T\n\np(x). *a* _b_ @c@ -d- \"e\":f\n|_. g |_. h |\n| i | j |\n||k||l||\n* m\n## n\n- o := p\nbc.. q\n\nr\n{note}s{note}\n")
	f.Fuzz(func(t *testing.T, src string) {
		checkCitedLines(t, textileToMarkdown(splitLines(src)), src)
	})
}
