package ingest

import (
	"strings"
	"testing"
)

// TestWikitextToMarkdown: MediaWiki marks become the Markdown they say,
// each line remembering the note line it comes from; a table row written
// over several lines cites its first.
func TestWikitextToMarkdown(t *testing.T) {
	src := []string{
		"= AWS CloudFormation =",  // 1
		"''Personal wiki page.''", // 2
		"== Helper scripts ==",    // 3
		"* '''cfn-init''' – reads the <code>AWS::CloudFormation::Init</code> metadata", // 4
		"** default polling interval: 15 minutes",                                      // 5
		"# packages",                // 6
		"# groups",                  // 7
		"; cfn-hup : a daemon",      // 8
		`{| class="wikitable"`,      // 9
		"! Value !! Notes",          // 10
		"|-",                        // 11
		"| '''Delete''' || default", // 12
		"|-",                        // 13
		"| Retain",                  // 14
		"| kept, see [[Stack policy|stack policies]]", // 15
		"|}", // 16
	}
	h := wikitextToMarkdown(src)
	checkMarkdownLines(t, h, []mdLine{
		{"# AWS CloudFormation", 1},
		{"Personal wiki page.", 2},
		{"## Helper scripts", 3},
		{"- cfn-init – reads the `AWS::CloudFormation::Init` metadata", 4},
		{"  - default polling interval: 15 minutes", 5},
		{"1. packages", 6},
		{"2. groups", 7},
		{"- cfn-hup: a daemon", 8},
		{"| Value | Notes |", 10},
		{"| --- | --- |", 10},
		{"| Delete | default |", 12},
		{"| Retain | kept, see stack policies |", 14},
	})
	if h.text[3] != "* cfn-init – reads the `AWS::CloudFormation::Init` metadata" {
		t.Errorf("quoted line 4 = %q, want it without its bold marks", h.text[3])
	}
}

// TestWikitextNote: a MediaWiki note is detected by name or by its marks,
// and its facts cite the note's own lines.
func TestWikitextNote(t *testing.T) {
	src := strings.Join([]string{
		"= AWS CodeDeploy =",
		"== Lifecycle hooks ==",
		"* '''BeforeAllowTraffic'''",
		"* '''AfterAllowTraffic'''",
		"== Notes ==",
		"See [[CodeDeploy]].",
	}, "\n")
	for _, name := range []string{"page.mediawiki", "page.wiki", "page.txt"} {
		if got := DetectFormat(name, []byte(src)); got != FormatWikitext {
			t.Errorf("DetectFormat(%q) = %q, want wikitext", name, got)
		}
	}
	if got := DetectFormat("n.txt", []byte("== Setup ==\nrun it\n== Usage ==\ncall it\n")); got == FormatWikitext {
		t.Errorf("a text note with two '==' lines and no wiki mark read as wikitext")
	}
	g, names := extractNote(t, "page.mediawiki", src)
	checkMarkedUpFacts(t, factSet(g, names), "'''", "BeforeAllowTraffic", 3)
}

// TestWikitextFixedBugs: cases a hostile tester found.
func TestWikitextFixedBugs(t *testing.T) {
	tests := []struct {
		name string
		src  []string
		want []string // the Markdown lines that are not blank
	}{
		{"an unclosed table ends at the next heading",
			[]string{"{|", "! A !! B", "|-", "| x || y", "== Later ==", "* kept"},
			[]string{"| A | B |", "| --- | --- |", "| x | y |", "## Later", "- kept"}},
		{"files, categories and templates are no text; entities are decoded",
			[]string{"* [[File:a.png|thumb|a caption]]SNS&nbsp;topics {{citation needed}}", "[[Category:CodeBuild]]"},
			[]string{"- SNS\u00a0topics", ""}},
		{"a byte order mark opens the first heading",
			[]string{"\ufeff= AWS CodeDeploy ="},
			[]string{"# AWS CodeDeploy"}},
		{"a note after a sentence is no glue",
			[]string{"Alarms notify Amazon SNS.<ref>docs</ref>See the console."},
			[]string{"Alarms notify Amazon SNS. See the console."}},
	}
	for _, tt := range tests {
		got := nonBlank(wikitextToMarkdown(tt.src).lines)
		var want []string
		for _, l := range tt.want {
			if l != "" {
				want = append(want, l)
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: got %q, want %q", tt.name, got, want)
		}
	}
}
