package ingest

import (
	"strings"
	"testing"
)

// zimPage is a Zim desktop wiki page: header, title, the date Zim writes
// under it, headings whose level falls as their marks grow fewer, tab-nested
// items, a numbered list under a label, verbatim and links.
var zimPage = strings.Join([]string{
	"Content-Type: text/x-zim-wiki", // 1
	"Wiki-Format: zim 0.6",
	"Creation-Date: 2024-03-09T20:14:52+01:00",
	"",
	"====== CodeDeploy ======", // 5
	"Created Saturday 09 March 2024",
	"",
	"back to [[DOP-C02:Index]] | see also [[DOP-C02:CodePipeline|the pipeline page]]",
	"",
	"===== Lifecycle hooks =====", // 10
	"EC2 in-place, no load balancer:",
	"\t1. ApplicationStop",
	"\t2. DownloadBundle",
	"\t3. BeforeInstall",
	"* Lambda hooks: only **BeforeAllowTraffic** and //AfterAllowTraffic//", // 15
	"",
	"===== Deployment configs =====",
	"==== EC2 ====",
	"* ''CodeDeployDefault.AllAtOnce''",
	"\t* all instances at once", // 20
	"",
	"'''",
	"aws deploy create-deployment --application-name app",
	"'''",
}, "\n")

func TestZimPage(t *testing.T) {
	if got := DetectFormat("CodeDeploy.txt", []byte(zimPage)); got != FormatZim {
		t.Fatalf("DetectFormat = %q, want zim", got)
	}
	doc := parseMust(t, "CodeDeploy.txt", zimPage)
	type block struct {
		kind    BlockKind
		line    int
		level   int
		depth   int
		ordinal int
		text    string
		section string
	}
	var got []block
	for _, b := range doc.Blocks {
		got = append(got, block{b.Kind, b.Line, b.Level, b.Depth, b.Ordinal, b.Text, strings.Join(b.Section, " > ")})
	}
	want := []block{
		{BlockHeading, 5, 1, 0, 0, "CodeDeploy", ""},
		{BlockParagraph, 8, 0, 0, 0, "back to Index | see also the pipeline page", "CodeDeploy"},
		{BlockHeading, 10, 2, 0, 0, "Lifecycle hooks", "CodeDeploy"},
		{BlockParagraph, 11, 0, 0, 0, "EC2 in-place, no load balancer:", "CodeDeploy > Lifecycle hooks"},
		{BlockBullet, 12, 0, 0, 1, "ApplicationStop", "CodeDeploy > Lifecycle hooks"},
		{BlockBullet, 13, 0, 0, 2, "DownloadBundle", "CodeDeploy > Lifecycle hooks"},
		{BlockBullet, 14, 0, 0, 3, "BeforeInstall", "CodeDeploy > Lifecycle hooks"},
		{BlockBullet, 15, 0, 0, 0, "Lambda hooks: only BeforeAllowTraffic and AfterAllowTraffic", "CodeDeploy > Lifecycle hooks"},
		{BlockHeading, 17, 2, 0, 0, "Deployment configs", "CodeDeploy"},
		{BlockHeading, 18, 3, 0, 0, "EC2", "CodeDeploy > Deployment configs"},
		{BlockBullet, 19, 0, 0, 0, "CodeDeployDefault.AllAtOnce", "CodeDeploy > Deployment configs > EC2"},
		{BlockBullet, 20, 0, 1, 0, "all instances at once", "CodeDeploy > Deployment configs > EC2"},
	}
	for i, w := range want {
		if i >= len(got) || got[i] != w {
			t.Errorf("block %d:\n got %+v\nwant %+v", i, got[min(i, len(got)-1)], w)
		}
	}
	for _, b := range got {
		if strings.Contains(b.text, "Content-Type") || strings.Contains(b.text, "Created Saturday") || strings.Contains(b.text, "create-deployment") && b.kind != BlockCode {
			t.Errorf("header, creation date or verbatim read as note text: %+v", b)
		}
	}
	// a MediaWiki page is no Zim page, whatever its marks
	if got := DetectFormat("p.txt", []byte("== One ==\n'''bold''' [[link]]\n== Two ==\ntext\n")); got == FormatZim {
		t.Errorf("a MediaWiki page read as Zim")
	}
}

// TestZimFacts: the page's facts cite its own lines, under the subjects its
// inverted heading levels give.
func TestZimFacts(t *testing.T) {
	g, names := extractNote(t, "CodeDeploy.txt", zimPage)
	set := factSet(g, names)
	for _, w := range []fact{
		{"AWS Lambda", "rel:only hook", "BeforeAllowTraffic", 15},
		{"AWS Lambda", "rel:only hook", "AfterAllowTraffic", 15},
	} {
		if !set[w] {
			t.Errorf("missing fact %+v", w)
		}
	}
	for f := range set {
		if f.line == 15 && f.s != "AWS Lambda" {
			t.Errorf("the label over the numbered hooks heads the bullet after them: %+v", f)
		}
	}
	if t.Failed() {
		for f := range set {
			t.Logf("have %+v", f)
		}
	}
}

// FuzzZimToMarkdown: any text reads without a panic, and every Markdown
// line cites a line of the note.
func FuzzZimToMarkdown(f *testing.F) {
	f.Add(zimPage)
	f.Add("Content-Type: text/x-zim-wiki\n\n== a ==\n\t\t* [[x|y]] //i// ''v''\n[ ] t\n1. n\n'''\ncode\n")
	f.Fuzz(func(t *testing.T, src string) {
		checkCitedLines(t, zimToMarkdown(splitLines(src)), src)
	})
}
