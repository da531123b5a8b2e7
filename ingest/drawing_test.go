package ingest

import (
	"strings"
	"testing"
)

// TestDrawingToMarkdown: a drawing saved as JSON reads as its labels and
// arrows: Excalidraw's text bound to a box or an arrow labels it, a
// shape's list of what is bound to it ({"type": "arrow", "id": ...}) is no
// element of its own, a box's first line names it and its others detail
// it, a text no arrow touches is a paragraph, and the layout fields say
// nothing.
func TestDrawingToMarkdown(t *testing.T) {
	src := strings.Join([]string{
		`{"type": "excalidraw", "elements": [`, // 1
		`  {"id": "t0", "type": "text", "x": 10, "fontSize": 20, "text": "Max 2 subscription filters\nper log group", "containerId": null},`,
		`  {"id": "b1", "type": "rectangle", "x": 0, "width": 220, "boundElements": [{"type": "text", "id": "t1"}, {"type": "arrow", "id": "a1"}]},`,
		`  {"id": "t1", "type": "text", "text": "CloudWatch Logs\nlog group: /app/prod", "containerId": "b1"},`, // 4
		`  {"id": "b2", "type": "rectangle", "boundElements": [{"type": "text", "id": "t2"}, {"type": "arrow", "id": "a1"}, {"type": "arrow", "id": "a2"}]},`,
		`  {"id": "t2", "type": "text", "text": "Kinesis Data Firehose", "containerId": "b2"},`,
		`  {"id": "b3", "type": "rectangle", "boundElements": [{"type": "text", "id": "t3"}, {"type": "arrow", "id": "a2"}]},`,
		`  {"id": "t3", "type": "text", "text": "Amazon S3", "containerId": "b3"},`, // 8
		`  {"id": "a1", "type": "arrow", "strokeColor": "#1e1e1e", "startBinding": {"elementId": "b1", "focus": 0}, "endBinding": {"elementId": "b2", "focus": 0}, "boundElements": [{"type": "text", "id": "l1"}]},`,
		`  {"id": "l1", "type": "text", "text": "subscription filter", "containerId": "a1"},`, // 10
		`  {"id": "a2", "type": "arrow", "startBinding": {"elementId": "b2"}, "endBinding": {"elementId": "b3"}}`,
		`], "appState": {"gridSize": null}}`,
	}, "\n")
	h, err := jsonToMarkdown(src)
	if err != nil {
		t.Fatal(err)
	}
	checkCitedLines(t, h, src)
	checkMarkdownLines(t, h, []mdLine{
		{"Max 2 subscription filters", 2},
		{"per log group", 2},
		{"- CloudWatch Logs: log group: /app/prod", 3},
		{"- CloudWatch Logs -> Kinesis Data Firehose (subscription filter)", 9},
		{"- Kinesis Data Firehose -> Amazon S3", 11},
	})
	if got := h.text[8]; got != "CloudWatch Logs -> Kinesis Data Firehose (subscription filter)" {
		t.Errorf("arrow line quoted as %q", got)
	}
}

// TestDrawingFormats: JSON Canvas ("fromNode"/"toNode", a "label") and a
// React Flow graph ("source"/"target", "data": {"label"}) are drawings
// too; JSON with fewer than two arrows is none (it reads as a note
// export).
func TestDrawingFormats(t *testing.T) {
	canvas := `{"nodes": [
  {"id": "n1", "type": "text", "text": "AWS CodePipeline", "x": 0, "y": 0},
  {"id": "n2", "type": "text", "text": "Amazon EventBridge", "x": 300, "y": 0},
  {"id": "n3", "type": "text", "text": "Amazon SNS", "x": 600, "y": 0}
], "edges": [
  {"id": "e1", "fromNode": "n1", "toNode": "n2", "label": "state change"},
  {"id": "e2", "fromNode": "n2", "toNode": "n3"}
]}`
	h, ok := drawingToMarkdown(canvas)
	if !ok {
		t.Fatal("a JSON Canvas is no drawing")
	}
	checkMarkdownLines(t, h, []mdLine{
		{"- AWS CodePipeline -> Amazon EventBridge (state change)", 6},
		{"- Amazon EventBridge -> Amazon SNS", 7},
	})
	flow := `{"nodes": [{"id": "a", "data": {"label": "CloudTrail"}}, {"id": "b", "data": {"label": "S3"}}, {"id": "c", "data": {"label": "Athena"}}],
"edges": [{"id": "x", "source": "a", "target": "b"}, {"id": "y", "source": "b", "target": "c"}]}`
	h, ok = drawingToMarkdown(flow)
	if !ok {
		t.Fatal("a React Flow graph is no drawing")
	}
	checkMarkdownLines(t, h, []mdLine{{"- CloudTrail -> S3", 2}, {"- S3 -> Athena", 2}})
	for _, src := range []string{
		`[{"id": "1", "title": "CodeDeploy", "body": "hooks"}]`,
		`{"cards": [{"id": "c1", "name": "a"}, {"id": "c2", "name": "b"}], "links": [{"id": "l", "from": "c1", "to": "c2"}]}`,
		`not json`,
		strings.Repeat("[", 5000) + strings.Repeat("]", 5000),
	} {
		if _, ok := drawingToMarkdown(src); ok {
			t.Errorf("%q read as a drawing", src)
		}
	}
}

// TestDrawingNote: an .excalidraw file is a note, and its arrows are flows
// that cite the arrow's line.
func TestDrawingNote(t *testing.T) {
	if !IsNoteFile("sketch.excalidraw") || !IsNoteFile("board.canvas") {
		t.Error(".excalidraw or .canvas is no note file")
	}
	src := `{"nodes": [{"id": "n1", "text": "AWS CodePipeline"}, {"id": "n2", "text": "Amazon EventBridge"}, {"id": "n3", "text": "Amazon SNS"}],
"edges": [{"id": "e1", "fromNode": "n1", "toNode": "n2"},
{"id": "e2", "fromNode": "n2", "toNode": "n3"}]}`
	g, names := extractNote(t, "board.canvas", src)
	facts := factSet(g, names)
	for _, want := range []fact{{"AWS CodePipeline", "flowsTo", "Amazon EventBridge", 2}, {"Amazon EventBridge", "flowsTo", "Amazon SNS", 3}} {
		if !facts[want] {
			t.Errorf("no fact %v in %v", want, facts)
		}
	}
}

// TestDrawingMarkdownCards: a JSON Canvas card that holds Markdown ("##
// CodeDeploy" over bullets) is a section under its title with its lines
// as written, after the arrows, which name cards by their titles; a card
// of one line or of plain lines stays one line.
func TestDrawingMarkdownCards(t *testing.T) {
	src := `{"nodes": [
  {"id": "c1", "type": "text", "text": "## CodeDeploy\n- platforms: **EC2/On-premises**, **AWS Lambda**\n  - agent only on EC2", "x": 0},
  {"id": "c2", "type": "text", "text": "\n### staging deploy\n- deployment group app-staging (in-place)", "x": 300},
  {"id": "c3", "type": "text", "text": "Amazon SNS\ntopic: deploys", "x": 600}
], "edges": [
  {"id": "e1", "fromNode": "c2", "toNode": "c1", "label": "uses"},
  {"id": "e2", "fromNode": "c1", "toNode": "c3"}
]}`
	h, ok := drawingToMarkdown(src)
	if !ok {
		t.Fatal("a JSON Canvas is no drawing")
	}
	checkCitedLines(t, h, src)
	checkMarkdownLines(t, h, []mdLine{
		{"- Amazon SNS: topic: deploys", 4},
		{"- staging deploy -> CodeDeploy (uses)", 6},
		{"- CodeDeploy -> Amazon SNS", 7},
		{"# CodeDeploy", 2},
		{"- platforms: **EC2/On-premises**, **AWS Lambda**", 2},
		{"  - agent only on EC2", 2},
		{"# staging deploy", 3},
		{"- deployment group app-staging (in-place)", 3},
	})
}
