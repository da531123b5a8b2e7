package ingest

import (
	"strings"
	"testing"
)

// TestBBCodeToMarkdown: a forum post's tags become the Markdown they say,
// each line remembering the note line it comes from: an all-bold line is a
// heading, [list] items bullets (nested, numbered for [list=1]), [table]
// rows a table whose first row heads it, [quote] a quote; emphasis and
// links leave their text.
func TestBBCodeToMarkdown(t *testing.T) {
	src := []string{
		"[b]CloudFormation cheat sheet[/b]", // 1
		"",                                  // 2
		"Posted after my exam, see [url=https://x.example]the guide[/url].", // 3
		"[b][size=150]1. Stack safety[/size][/b]",                           // 4
		"[list]", // 5
		"[*][b]DeletionPolicy[/b] values: Delete, Retain, Snapshot", // 6
		"[*]Rollback triggers watch up to",                          // 7
		"5 alarms",                                                  // 8
		"[list=1][*]create[*]update[/list]",                         // 9
		"[/list]",                                                   // 10
		"[table]",                                                   // 11
		"[tr][th]Policy[/th][th]Downtime[/th][/tr]",                 // 12
		"[tr][td]All at once[/td][td]Yes[/td][/tr]",                 // 13
		"[/table]",                                                  // 14
		"[quote=mod]Beanstalk is CloudFormation [CHECK][/quote]", // 15
	}
	h := bbcodeToMarkdown(src)
	checkMarkdownLines(t, h, []mdLine{
		{"# CloudFormation cheat sheet", 1},
		{"Posted after my exam, see the guide.", 3},
		{"## 1. Stack safety", 4},
		{"- **DeletionPolicy** values: Delete, Retain, Snapshot", 6},
		{"- Rollback triggers watch up to 5 alarms", 7},
		{"  1. create", 9},
		{"  2. update", 9},
		{"| Policy | Downtime |", 12},
		{"| --- | --- |", 12},
		{"| All at once | Yes |", 13},
		{"> Beanstalk is CloudFormation [CHECK]", 15},
	})
	if h.text[5] != "DeletionPolicy values: Delete, Retain, Snapshot" {
		t.Errorf("quoted line 6 = %q, want it without its tags", h.text[5])
	}
}

// TestBBCodeNote: a BBCode note is detected by name or by its tags, and its
// facts cite the note's own lines, with no tag left in them.
func TestBBCodeNote(t *testing.T) {
	src := strings.Join([]string{
		"[b]CodeDeploy[/b]",
		"",
		"[list]",
		"[*]Lifecycle hooks: [b]BeforeAllowTraffic[/b], [b]AfterAllowTraffic[/b]",
		"[*]Deployment configs: [i]CodeDeployDefault.AllAtOnce[/i], [i]CodeDeployDefault.OneAtATime[/i]",
		"[/list]",
	}, "\n")
	for _, name := range []string{"post.bbcode", "post.bb", "post.txt"} {
		if got := DetectFormat(name, []byte(src)); got != FormatBBCode {
			t.Errorf("DetectFormat(%q) = %q, want bbcode", name, got)
		}
	}
	for _, plain := range []string{
		"A note that cites [1] and [2] and a [/b] once.\n",
		"# Notes\n\n- see [link](x)\n",
	} {
		if got := DetectFormat("n.txt", []byte(plain)); got == FormatBBCode {
			t.Errorf("DetectFormat(%q) = bbcode", plain)
		}
	}
	g, names := extractNote(t, "post.txt", src)
	set := factSet(g, names)
	checkMarkedUpFacts(t, set, "[", "BeforeAllowTraffic", 4)
	checkMarkedUpFacts(t, set, "[/", "CodeDeployDefault.OneAtATime", 5)
}

// TestBBCodeFixedBugs: cases a careless or hostile post brings.
func TestBBCodeFixedBugs(t *testing.T) {
	tests := []struct {
		name string
		src  []string
		want []string // the Markdown lines that are not blank
	}{
		{"an unclosed list ends at the note's end",
			[]string{"[list]", "[*]one", "[*]two"},
			[]string{"- one", "- two"}},
		{"an item outside any list is still an item, to its line's end",
			[]string{"[*]alone", "and then a paragraph", "", "[b]A heading[/b]"},
			[]string{"- alone", "and then a paragraph", "## A heading"}},
		{"brackets that are no tag stay text",
			[]string{"Retention [1d - 35d] and [CHECK]"},
			[]string{"Retention [1d - 35d] and [CHECK]"}},
		{"a code block keeps its lines",
			[]string{"[code]aws deploy push", "--s3-location x[/code]", "after"},
			[]string{"```", "aws deploy push", "--s3-location x", "```", "after"}},
		{"an image is no text",
			[]string{"See [img]https://x.example/a.png[/img] the diagram"},
			[]string{"See the diagram"}},
		{"an unclosed table ends at text outside its cells",
			[]string{"[table][tr][td]a[/td][td]b[/td][/tr]", "[tr][td]c[/td][td]d[/td][/tr]", "After the table."},
			[]string{"| a | b |", "| --- | --- |", "| c | d |", "After the table."}},
		{"a cell over two lines keeps a space between them; an unclosed bold mark leaves none",
			[]string{"[table][tr][td]Needs role?[/td][td]no", "(needs a role)[/td][/tr]", "[tr][td]x[/td][td]y[/td][/tr][/table]", "[b]Unclosed bold"},
			[]string{"| Needs role? | no (needs a role) |", "| --- | --- |", "| x | y |", "Unclosed bold"}},
		{"a code span that closes on its line is no block",
			[]string{"Run [code]aws s3 ls[/code] first.", "", "CloudTrail logs API calls to S3."},
			[]string{"Run `aws s3 ls` first.", "CloudTrail logs API calls to S3."}},
		{"a bold phrase inside a sentence is no heading",
			[]string{"Use [b]Immutable[/b] when you can."},
			[]string{"Use **Immutable** when you can."}},
	}
	for _, tt := range tests {
		got := nonBlank(bbcodeToMarkdown(tt.src).lines)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestBBCodeReplyAfterQuote: the reply after a quote that spans lines is
// no part of it, and cites its own line.
func TestBBCodeReplyAfterQuote(t *testing.T) {
	h := bbcodeToMarkdown([]string{"[quote]", "Config sends notifications to SNS.", "[/quote]", "CloudTrail logs API calls to S3."})
	g, names := extractNote(t, "reply.bb", strings.Join([]string{"[quote]", "Config sends notifications to SNS.", "[/quote]", "CloudTrail logs API calls to S3."}, "\n"))
	for f := range factSet(g, names) {
		if f.s == "AWS CloudTrail" && f.line != 4 {
			t.Errorf("the reply's fact cites line %d, want 4: %+v (markdown %q)", f.line, f, h.lines)
		}
	}
}
