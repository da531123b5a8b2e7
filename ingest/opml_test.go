package ingest

import (
	"strings"
	"testing"
)

// TestOPMLToMarkdown: an outliner's OPML export reads as the Markdown its
// outline says: the title and the top two levels of nodes with children
// headings, deeper nodes nested bullets, a node's _note under it; each line
// cites the line its element starts on, quoted without markup.
func TestOPMLToMarkdown(t *testing.T) {
	src := strings.Join([]string{
		`<?xml version="1.0" encoding="UTF-8"?>`,   // 1
		`<opml version="2.0">`,                     // 2
		`  <head><title>SDLC notes</title></head>`, // 3
		`  <body>`,                      // 4
		`    <outline text="Domain 1">`, // 5
		`      <outline text="AWS CodeBuild" _note="build service">`, // 6
		`        <outline text="Phases">`,                            // 7
		`          <outline text="install"/>`,                        // 8
		`          <outline text="build &amp; test"/>`,               // 9
		`        </outline>`,
		`        <outline text="timeout: 8 hours"/>`, // 11
		`      </outline>`,
		`    </outline>`,
		`  </body>`,
		`</opml>`,
	}, "\n")
	h, err := opmlToMarkdown(src)
	if err != nil {
		t.Fatal(err)
	}
	checkMarkdownLines(t, h, []mdLine{
		{"# SDLC notes", 3},
		{"## Domain 1", 5},
		{"### AWS CodeBuild", 6},
		{"build service", 6},
		{"- Phases", 7},
		{"  - install", 8},
		{"  - build & test", 9},
		{"- timeout: 8 hours", 11},
	})
	if q := h.text[8]; q != "build & test" {
		t.Errorf("line 9 quoted as %q", q)
	}
	if _, err := opmlToMarkdown("<?xml version=\"1.0\"?><opml><body><outline text=\"a\"></body"); err == nil {
		t.Error("a broken outline read without an error")
	}
}

// TestMindMapToMarkdown: a FreeMind or Freeplane mind map (.mm) reads as
// an outline: its <node TEXT> elements nest as OPML's outlines do, an
// <attribute> is an item of its node, and a node that opens with its step's
// number is a numbered item.
func TestMindMapToMarkdown(t *testing.T) {
	src := strings.Join([]string{
		`<map version="1.0.1">`, // 1
		`<node TEXT="AWS Systems Manager">`,
		`<node TEXT="Patch Manager" POSITION="right">`, // 3
		`<attribute NAME="Document" VALUE="AWS-RunPatchBaseline"/>`,
		`<node TEXT="Steps">`,                    // 5
		`<node TEXT="1 define patch baseline"/>`, // 6
		`<node TEXT="2) tag instances with Patch Group"/>`,
		`<node TEXT="2024 review"/>`, // 8
		`</node>`,
		`</node>`,
		`</node>`,
		`</map>`,
	}, "\n")
	h, err := opmlToMarkdown(src)
	if err != nil {
		t.Fatal(err)
	}
	checkMarkdownLines(t, h, []mdLine{
		{"## AWS Systems Manager", 2},
		{"### Patch Manager", 3},
		{"- Document: AWS-RunPatchBaseline", 4},
		{"- Steps", 5},
		{"  1. define patch baseline", 6},
		{"  2. tag instances with Patch Group", 7},
		{"  - 2024 review", 8},
	})
	for _, name := range []string{"map.mm", "map.xml"} {
		if got := DetectFormat(name, []byte(src)); got != FormatOPML {
			t.Errorf("DetectFormat(%q) = %q, want opml", name, got)
		}
	}
	if !IsNoteFile("aws.mm") {
		t.Error("a .mm mind map is not read from a folder")
	}
}

// TestOPMLNote: an OPML note is detected by name or content and its facts
// cite the line of their element; a *.opml that is no XML reads as text
// with a positioned error.
func TestOPMLNote(t *testing.T) {
	src := "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><body>\n<outline text=\"AWS CodeCommit\">\n<outline text=\"Triggers\">\n<outline text=\"Amazon SNS\"/>\n<outline text=\"AWS Lambda\"/>\n</outline></outline></body></opml>\n"
	for _, name := range []string{"mind.opml", "mind.xml"} {
		if got := DetectFormat(name, []byte(src)); got != FormatOPML {
			t.Errorf("DetectFormat(%q) = %q, want opml", name, got)
		}
	}
	g, names := extractNote(t, "mind.opml", src)
	checkMarkedUpFacts(t, factSet(g, names), "<", "AWS Lambda", 6)
	doc, err := Parse("bad.opml", []byte("CodeCommit triggers\n- SNS\n"))
	if err == nil || !strings.Contains(err.Error(), "not an OPML outline") || doc == nil || doc.Format != FormatText {
		t.Errorf("a .opml note that is no XML: format %v, error %v", doc.Format, err)
	}
}

// FuzzOPMLToMarkdown: any text reads without a panic, and every Markdown
// line of an outline it reads cites a line of the note.
func FuzzOPMLToMarkdown(f *testing.F) {
	f.Add("<?xml version=\"1.0\"?><opml><head><title>t</title></head><body><outline text=\"a\" _note=\"n\"><outline text=\"b\"/></outline></body></opml>")
	f.Fuzz(func(t *testing.T, src string) {
		if h, err := opmlToMarkdown(src); err == nil {
			checkCitedLines(t, h, src)
		}
	})
}
