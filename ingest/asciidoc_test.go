package ingest

import (
	"strings"
	"testing"
)

// TestAsciiDocToMarkdown: AsciiDoc marks become the Markdown they say,
// each line remembering the note line it comes from; a table row cites
// the line of its first cell.
func TestAsciiDocToMarkdown(t *testing.T) {
	src := []string{
		"= CloudFormation notes", // 1
		":toc: left",             // 2
		"",                       // 3
		"== Helper scripts",      // 4
		"",                       // 5
		"cfn-init:: reads `AWS::CloudFormation::Init` metadata, keys in this order:", // 6
		"packages -> groups -> users",                        // 7
		"cfn-hup:: a *daemon* that detects metadata changes", // 8
		"",                         // 9
		"* `Type: Custom::X`",      // 10
		"= a Lambda ARN",           // 11
		"** nested +literal+",      // 12
		". first step",             // 13
		"// a comment",             // 14
		"",                         // 15
		"[cols=\"1,3\"]",           // 16
		"|===",                     // 17
		"|Value |Meaning",          // 18
		"",                         // 19
		"|`Retain`",                // 20
		"|kept after deletion",     // 21
		"|===",                     // 22
		"",                         // 23
		"[source,yaml]",            // 24
		"----",                     // 25
		"Type: AWS::EC2::Instance", // 26
		"----",                     // 27
		".Block title",             // 28
		"NOTE: see link:https://docs.aws.amazon.com[the docs].", // 29
	}
	h := asciidocToMarkdown(src)
	checkMarkdownLines(t, h, []mdLine{
		{"# CloudFormation notes", 1},
		{"## Helper scripts", 4},
		{"- cfn-init: reads `AWS::CloudFormation::Init` metadata, keys in this order:", 6},
		{"packages -> groups -> users", 7},
		{"- cfn-hup: a daemon that detects metadata changes", 8},
		{"- `Type: Custom::X`", 10},
		{"= a Lambda ARN", 11},
		{"  - nested `literal`", 12},
		{"1. first step", 13},
		{"| Value | Meaning |", 18},
		{"| --- | --- |", 18},
		{"| `Retain` | kept after deletion |", 20},
		{"```", 25},
		{"Type: AWS::EC2::Instance", 26},
		{"```", 27},
		{"### Block title", 28},
		{"NOTE: see the docs.", 29},
	})
	if h.text[7] != "cfn-hup:: a daemon that detects metadata changes" {
		t.Errorf("quoted line 8 = %q, want it without its bold marks", h.text[7])
	}
}

// TestAsciiDocNote: an AsciiDoc note is detected by name or by its
// headings, and its facts (a description list's terms, a table's rows)
// cite the note's own lines.
func TestAsciiDocNote(t *testing.T) {
	src := strings.Join([]string{
		"= DOP notes",
		"",
		"== AWS CodeDeploy lifecycle hooks",
		"BeforeAllowTraffic:: runs *before* traffic shifts",
		"AfterAllowTraffic:: runs after traffic shifts",
		"",
		"== AWS Elastic Beanstalk",
		"",
		"[cols=\"2,1\"]",
		"|===",
		"|Policy |Downtime",
		"",
		"|Immutable",
		"|no",
		"|===",
	}, "\n")
	for _, name := range []string{"page.adoc", "page.asciidoc", "page.txt", "page.asciidoc-notes"} {
		if got := DetectFormat(name, []byte(src)); got != FormatAsciiDoc {
			t.Errorf("DetectFormat(%q) = %q, want asciidoc", name, got)
		}
	}
	if got := DetectFormat("page.typ", []byte(src)); got == FormatAsciiDoc {
		t.Errorf("a Typst page read as AsciiDoc: its \"= Title\" is Typst's own heading")
	}
	if got := DetectFormat("n.txt", []byte("= Setup =\nrun it\n== Usage ==\ncall it\n")); got == FormatAsciiDoc {
		t.Errorf("a note of MediaWiki-style headings read as AsciiDoc")
	}
	g, names := extractNote(t, "page.adoc", src)
	set := factSet(g, names)
	checkMarkedUpFacts(t, set, "*", "BeforeAllowTraffic", 4)
	checkMarkedUpFacts(t, set, "|", "Immutable", 13)
}

// TestAsciiDocFixedBugs: cases that went wrong.
func TestAsciiDocFixedBugs(t *testing.T) {
	tests := []struct {
		name string
		src  []string
		want []string // the Markdown lines that are not blank
	}{
		{"a term with colons in its name ends at the description list's mark",
			[]string{"AWS::NoValue:: removes a property", "Pseudo parameters:: `AWS::Region`, `AWS::AccountId`"},
			[]string{"- AWS::NoValue: removes a property", "- Pseudo parameters: `AWS::Region`, `AWS::AccountId`"}},
		{"a term that opens with a dot is no block title; a lone star is no mark",
			[]string{".ebextensions/*.config:: YAML or JSON"},
			[]string{"- .ebextensions/*.config: YAML or JSON"}},
		{"a table whose header row is one line and whose rows are one line each",
			[]string{"|===", "|Policy |Downtime", "|All at once |yes", "|Rolling |no", "|==="},
			[]string{"| Policy | Downtime |", "| --- | --- |", "| All at once | yes |", "| Rolling | no |"}},
		{"a line right after a paragraph's line that opens with '=' goes on with it",
			[]string{"ServiceToken is", "= a Lambda ARN"},
			[]string{"ServiceToken is", "= a Lambda ARN"}},
	}
	for _, tt := range tests {
		got := nonBlank(asciidocToMarkdown(tt.src).lines)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
