package ingest

import (
	"errors"
	"strings"
	"testing"
)

// TestHTMLToMarkdown: each heading, item, paragraph and table row of an
// HTML note becomes one Markdown line that remembers the note line its
// text starts on.
func TestHTMLToMarkdown(t *testing.T) {
	src := strings.Join([]string{
		`<!DOCTYPE html>`,                         // 1
		`<html><head><title>Study space</title>`,  // 2 no note text
		`<style>h2 { color: red }</style></head>`, // 3
		`<body>`,                                // 4
		`<h2>AWS CodeDeploy</h2>`,               // 5
		`<p>Deploys to EC2 &amp; Lambda;`,       // 6 a paragraph over two lines
		`   and on-premises servers.</p>`,       // 7
		`<ul>`,                                  // 8
		`  <li><b>In-place</b>: one at a time`,  // 9
		`    <ul><li>ValidateService</li></ul>`, // 10 nested list
		`  </li>`,                               // 11
		`  <li>Blue/green</li>`,                 // 12
		`</ul>`,                                 // 13
		`<table>`,                               // 14
		`<tr><th>Strategy</th><th>Downtime</th></tr>`, // 15
		`<tr>`,                      // 16 a row over three lines
		`  <td>Rolling</td>`,        // 17
		`  <td>no | none</td></tr>`, // 18
		`</table>`,                  // 19
		`<ol><li>ApplicationStop</li><li>BeforeInstall</li></ol>`, // 20 one line
		`</body></html>`, // 21
	}, "\n")
	h := htmlToMarkdown(src)
	checkMarkdownLines(t, h, []mdLine{
		{"## AWS CodeDeploy", 5},
		{"Deploys to EC2 & Lambda; and on-premises servers.", 6},
		{"- In-place: one at a time", 9},
		{"  - ValidateService", 10},
		{"- Blue/green", 12},
		{"| Strategy | Downtime |", 15},
		{"| --- | --- |", 15},
		{"| Rolling | no / none |", 16},
		{"1. ApplicationStop", 20},
		{"2. BeforeInstall", 20},
	})
	if len(h.text) != 21 || h.text[5] != "Deploys to EC2 & Lambda;" || h.text[1] != "" || h.text[8] != "In-place: one at a time" || h.text[19] != "ApplicationStop BeforeInstall" {
		t.Errorf("quoted lines = %q", h.text)
	}
}

// mdLine is a Markdown line a note was rewritten to and the note line it
// cites.
type mdLine struct {
	md string
	at int
}

// checkMarkdownLines compares the lines a note was rewritten to that are
// not blank, with the note lines they cite, to want.
func checkMarkdownLines(t *testing.T, h noteMarkdown, want []mdLine) {
	t.Helper()
	var got []mdLine
	for i, l := range h.lines {
		if l != "" {
			got = append(got, mdLine{l, h.lineOf[i]})
		}
	}
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d = %q (note line %d), want %q (note line %d)", i+1, got[i].md, got[i].at, want[i].md, want[i].at)
		}
	}
}

// TestHTMLNote: an HTML note is detected by name or content, read as the
// Markdown its elements say, and its facts cite the note's own lines.
func TestHTMLNote(t *testing.T) {
	src := strings.Join([]string{
		`<html><body>`,
		`<h1>Monitoring</h1>`,
		`<h2>AWS CodeDeploy</h2>`,
		`<h3>Lifecycle hooks</h3>`,
		`<ul>`,
		`<li>BeforeAllowTraffic</li>`,
		`<li>AfterAllowTraffic</li>`,
		`</ul>`,
		`</body></html>`,
	}, "\n")
	for _, name := range []string{"page.html", "page.HTM", "page.txt"} {
		if got := DetectFormat(name, []byte(src)); got != FormatHTML {
			t.Errorf("DetectFormat(%q) = %q, want html", name, got)
		}
	}
	if got := DetectFormat("notes.txt", []byte("Use <b>HTTPS</b> on the ELB.\n")); got == FormatHTML {
		t.Errorf("a text note with a tag in it read as HTML")
	}
	doc, err := Parse("page.html", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if doc.LineText(6) != "BeforeAllowTraffic" {
		t.Errorf("line 6 quoted as %q, want the item's text without its tags", doc.LineText(6))
	}
	g, names := extractNote(t, "page.html", src)
	checkMarkedUpFacts(t, factSet(g, names), "<", "BeforeAllowTraffic", 6)
}

// nonBlank returns the lines that hold more than white space.
func nonBlank(lines []string) []string {
	var out []string
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// checkMarkedUpFacts reports a fact of a marked-up note that keeps a mark
// in its subject or object, and a missing fact naming obj that cites line.
func checkMarkedUpFacts(t *testing.T, set map[fact]bool, mark, obj string, line int) {
	t.Helper()
	found := false
	for f := range set {
		if strings.Contains(f.s+f.o, mark) {
			t.Errorf("a mark %q left in a fact: %+v", mark, f)
		}
		if f.o == obj && f.line == line {
			found = true
		}
	}
	if !found {
		t.Errorf("no fact names %s citing line %d: %v", obj, line, set)
	}
}

// FuzzHTMLToMarkdown: any text reads without a panic, as HTML and as
// MediaWiki source, and every Markdown line cites a line of the note.
func FuzzHTMLToMarkdown(f *testing.F) {
	f.Add("<ul><li>a<ul><li>b</li></ul></li></ul>")
	f.Add("<table><tr><td>x</td></tr></table><pre>\ncode\n</pre>")
	f.Add("<h2>A</h2><p>b<br>c</p></td></tr><li>")
	f.Add("== A ==\n{|\n! x !! y\n|-\n| a || b\n* '''c'''\n## d\n<pre>\ncode")
	f.Add("[list]\n[*]a [b]b[/b]\n[table][tr][td]x\n[/td][/tr]\n[code]y\n[quote]z[/quote]")
	f.Add("= A\n== B\nterm:: *x*\n[cols=\"2*\"]\n|===\n|a |b\n|c\n|===\n----\ncode")
	f.Fuzz(func(t *testing.T, src string) {
		h := htmlToMarkdown(src)
		n := strings.Count(src, "\n") + 1
		if len(h.lineOf) != len(h.lines) || len(h.text) != n {
			t.Fatalf("%d lines, %d line numbers, %d quoted lines for %d note lines", len(h.lines), len(h.lineOf), len(h.text), n)
		}
		for i, l := range h.lineOf {
			if l < 1 || l > n {
				t.Fatalf("line %d %q cites note line %d of %d", i+1, h.lines[i], l, n)
			}
		}
		w := wikitextToMarkdown(splitLines(src))
		for i, l := range w.lineOf {
			if l < 1 || l > n {
				t.Fatalf("wikitext line %d %q cites note line %d of %d", i+1, w.lines[i], l, n)
			}
		}
		a := asciidocToMarkdown(splitLines(src))
		for i, l := range a.lineOf {
			if l < 1 || l > n {
				t.Fatalf("asciidoc line %d %q cites note line %d of %d", i+1, a.lines[i], l, n)
			}
		}
		b := bbcodeToMarkdown(splitLines(src))
		for i, l := range b.lineOf {
			if l < 1 || l > n {
				t.Fatalf("bbcode line %d %q cites note line %d of %d", i+1, b.lines[i], l, n)
			}
		}
		for _, name := range []string{"f.html", "f.wiki", "f.bbcode", "f.adoc"} {
			if _, err := Parse(name, []byte(src)); err != nil && !errors.Is(err, ErrBinary) {
				var el ErrorList
				if !errors.As(err, &el) {
					t.Fatalf("Parse %s: %v", name, err)
				}
			}
		}
	})
}

// TestHTMLFixedBugs: cases a hostile tester found.
func TestHTMLFixedBugs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // the Markdown lines that are not blank
	}{
		{"an item wrapped in a paragraph is an item (Confluence, pandoc)",
			"<ul>\n<li><p>ApplicationStop</p></li>\n<li><p>BeforeInstall</p></li>\n</ul>",
			[]string{"- ApplicationStop", "- BeforeInstall"}},
		{"a list inside a cell is the cell's parts; its row stays one row",
			"<table><tr><th>Service</th><th>Retention</th></tr>\n<tr><td><ul><li>Amazon SQS</li><li>Amazon SNS</li></ul></td><td>14 days</td></tr>\n<tr><td>AWS Config</td><td>7 years</td></tr></table>",
			[]string{"| Service | Retention |", "| --- | --- |", "| Amazon SQS; Amazon SNS | 14 days |", "| AWS Config | 7 years |"}},
		{"lists nested deeper than the cap indent no further",
			strings.Repeat("<ul><li>x", 12),
			[]string{"- x", "  - x", "    - x", "      - x", "        - x", "          - x", "            - x", "              - x", "              - x", "              - x", "              - x", "              - x"}},
	}
	for _, tt := range tests {
		got := nonBlank(htmlToMarkdown(tt.src).lines)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
