package ingest

import (
	"strings"
	"testing"
)

// TestJSONToMarkdown: a note app's export reads as the Markdown its notes
// say: titles are headings over their bodies (whose headings move under
// them), ids, dates and tags are dropped, and every line cites the note
// line its string sits on.
func TestJSONToMarkdown(t *testing.T) {
	src := strings.Join([]string{
		`[`, // 1
		`  {`,
		`    "id": "a1b2",`,
		`    "title": "CodeDeploy hooks",`, // 4
		`    "tags": ["aws", "codedeploy"],`,
		`    "created": "2025-01-12T19:04:11Z",`,
		`    "body": "# Lifecycle\n- BeforeAllowTraffic\n- AfterAllowTraffic",`, // 7
		`    "pinned": true`,
		`  },`,
		`  {"title": "Limits", "items": ["Up to 10 triggers", "Max 2 subscription filters"], "max": 5}`, // 10
		`]`,
	}, "\n")
	h, err := jsonToMarkdown(src)
	if err != nil {
		t.Fatal(err)
	}
	checkMarkdownLines(t, h, []mdLine{
		{"# CodeDeploy hooks", 4},
		{"## Lifecycle", 7},
		{"- BeforeAllowTraffic", 7},
		{"- AfterAllowTraffic", 7},
		{"# Limits", 10},
		{"items:", 10},
		{"- Up to 10 triggers", 10},
		{"- Max 2 subscription filters", 10},
		{"- max: 5", 10},
	})
	if q := h.text[6]; !strings.Contains(q, "- BeforeAllowTraffic / - AfterAllowTraffic") || strings.Contains(q, `\n`) {
		t.Errorf("line 7 quoted as %q: want its string unescaped", q)
	}
	if _, err := jsonToMarkdown(`{"title": "x",`); err == nil {
		t.Error("a truncated export read without an error")
	}
	if _, err := jsonToMarkdown("{\"front\": \"x\"}\n{\"front\": "); err == nil {
		t.Error("JSON Lines with a truncated last line read without an error")
	}

	// JSON Lines flashcards: a value per line, the back of a card (a body
	// field) its text, not a "back:" item
	lines := strings.Join([]string{
		`{"front": "CodeBuild default build timeout", "back": "60 minutes by default.", "tags": ["codebuild"]}`,
		``,
		`{"front": "CodeBuild cache types", "back": "Amazon S3 cache and local cache."}`,
	}, "\n")
	if !isJSONNote("cards.txt", lines) || !isJSONNote("cards.jsonl", "") {
		t.Error("JSON Lines not detected by content or by the .jsonl extension")
	}
	h, err = jsonToMarkdown(lines)
	if err != nil {
		t.Fatal(err)
	}
	checkMarkdownLines(t, h, []mdLine{
		{"# CodeBuild default build timeout", 1},
		{"60 minutes by default.", 1},
		{"# CodeBuild cache types", 3},
		{"Amazon S3 cache and local cache.", 3},
	})

	// a card whose front asks a question is a flashcard: "Q:" the front,
	// "A:" its back
	h, err = jsonToMarkdown(`{"front": "Which CodeDeploy hooks cannot run scripts?", "back": "DownloadBundle and Install."}` + "\n" + `{"front": "CodeBuild cache types", "back": "S3 and local."}`)
	if err != nil {
		t.Fatal(err)
	}
	checkMarkdownLines(t, h, []mdLine{
		{"Q: Which CodeDeploy hooks cannot run scripts?", 1},
		{"A: DownloadBundle and Install.", 1},
		{"# CodeBuild cache types", 2},
		{"S3 and local.", 2},
	})
}

// TestJSONNote: a JSON export is detected by name or content, its facts
// cite the lines of its strings, and a *.json file that is no JSON reads
// as text with a positioned error.
func TestJSONNote(t *testing.T) {
	src := `[{"title": "AWS CodeDeploy", "body": "## Lifecycle hooks\n- BeforeAllowTraffic\n- AfterAllowTraffic"}]`
	for _, name := range []string{"export.json", "export.txt"} {
		if got := DetectFormat(name, []byte(src)); got != FormatJSON {
			t.Errorf("DetectFormat(%q) = %q, want json", name, got)
		}
	}
	if got := DetectFormat("n.txt", []byte("[draft] CodeDeploy notes\n- hooks")); got == FormatJSON {
		t.Errorf("a text note opening with [ read as JSON")
	}
	g, names := extractNote(t, "export.json", src)
	checkMarkedUpFacts(t, factSet(g, names), `\n`, "BeforeAllowTraffic", 1)
	doc, err := Parse("bad.json", []byte("CodeDeploy: hooks\n- BeforeAllowTraffic\n"))
	if err == nil || !strings.Contains(err.Error(), "not a JSON export") {
		t.Errorf("a .json note that is no JSON: error %v", err)
	}
	if doc == nil || doc.Format != FormatText || len(doc.Blocks) == 0 {
		t.Errorf("a .json note that is no JSON was not read as text: %+v", doc)
	}
}

// FuzzJSONToMarkdown: any text reads without a panic, and every Markdown
// line of JSON it reads cites a line of the note.
func FuzzJSONToMarkdown(f *testing.F) {
	f.Add(`[{"title": "a", "body": "# b\n- c"}]`)
	f.Add(`{"notes": [{"name": "x", "tags": ["y"], "n": 1.5e3, "ok": true}]}`)
	f.Add(`{"nodes": [{"id": "a", "text": "S3\nbucket"}, {"id": "b", "text": "Athena"}], "edges": [{"id": "e", "fromNode": "a", "toNode": "b"}, {"id": "f", "fromNode": "b", "toNode": "a", "label": "x"}]}`)
	f.Fuzz(func(t *testing.T, src string) {
		if h, err := jsonToMarkdown(src); err == nil {
			checkCitedLines(t, h, src)
		}
	})
}

// checkCitedLines fails when a Markdown line of a rewritten note cites a
// line the note does not have.
func checkCitedLines(t *testing.T, h noteMarkdown, src string) {
	t.Helper()
	n := len(splitLines(src))
	for i, at := range h.lineOf {
		if at < 1 || at > n {
			t.Fatalf("line %d cites note line %d of %d", i+1, at, n)
		}
	}
}

// TestJSONOutlineNodes: an outline app's JSON export (Roam Research: pages
// with a "title" and "children" nodes, each a "string" with its own
// "children") reads as the page's heading over bullets nested as the nodes
// nest, page links' brackets and attributes' second colon removed, and the
// nodes' ids and times say nothing.
func TestJSONOutlineNodes(t *testing.T) {
	src := strings.Join([]string{
		`[{"title": "CloudFormation", "create-time": 1714900112000, "children": [`, // 1
		`  {"string": "Service:: [[AWS CloudFormation]]", "uid": "a1"},`,
		`  {"string": "Helper scripts", "uid": "a2", "children": [`, // 3
		`    {"string": "[[cfn-signal]] sends success or failure to a CreationPolicy", "uid": "a3", "children": [`,
		`      {"string": "Timeout max 12 hours", "uid": "a4"}`, // 5
		`    ]},`,
		`    {"string": "[[cfn-hup]] polls for metadata changes", "uid": "a5"}`, // 7
		`  ]}`,
		`]}]`,
	}, "\n")
	h, err := jsonToMarkdown(src)
	if err != nil {
		t.Fatal(err)
	}
	checkCitedLines(t, h, src)
	checkMarkdownLines(t, h, []mdLine{
		{"# CloudFormation", 1},
		{"- Service: AWS CloudFormation", 2},
		{"- Helper scripts", 3},
		{"  - cfn-signal sends success or failure to a CreationPolicy", 4},
		{"    - Timeout max 12 hours", 5},
		{"  - cfn-hup polls for metadata changes", 7},
	})
}
