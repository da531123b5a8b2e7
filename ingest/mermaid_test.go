package ingest

import (
	"strings"
	"testing"
)

// TestMermaidFlowchart: a flowchart is written as the outline it draws:
// subgraph titles as headings, the nodes an arrow leads to as items under
// its node (the arrow's label before them), a run of nodes joined one to
// the next as a chain line, a label's line breaks as a name and details,
// comments as paragraphs; each line cites its own.
func TestMermaidFlowchart(t *testing.T) {
	src := []string{
		"%% my logging map",               // 1
		"flowchart LR",                    // 2
		"    subgraph LOGS[Log pipeline]", // 3
		"        A[CloudWatch Logs] --> B[subscription filter]",       // 4
		"        B --> C([Kinesis Data Firehose]) --> D[(Amazon S3)]", // 5
		"    end",              // 6
		"    subgraph Metrics", // 7
		"        M{alarm actions} -->|notify| N[Amazon SNS]",        // 8
		"        M -- scale --> O[Auto Scaling<br/>step or simple]", // 9
		"        P[metric math]",                                    // 10
		"    end",                                                   // 11
		"    classDef aws fill:#f90",                                // 12
	}
	h, ok := mermaidToMarkdown(src)
	if !ok {
		t.Fatal("not read as a Mermaid diagram")
	}
	checkMarkdownLines(t, h, []mdLine{
		{"my logging map", 1},
		{"## Log pipeline", 3},
		{"- CloudWatch Logs -> subscription filter -> Kinesis Data Firehose -> Amazon S3", 4},
		{"## Metrics", 7},
		{"- alarm actions", 8},
		{"  - notify: Amazon SNS", 8},
		{"  - scale: Auto Scaling: step or simple", 9},
		{"- metric math", 10},
	})
}

// TestMermaidOtherDiagrams: a mind map nests its nodes by indentation, a
// sequence diagram's messages are chain lines, a timeline's periods are
// items of its sections.
func TestMermaidOtherDiagrams(t *testing.T) {
	tests := []struct {
		name string
		src  []string
		want []string // the Markdown lines that are not blank
	}{
		{"mind map",
			[]string{"mindmap", "  root((DR strategies))", "    Backup and restore", "      RTO hours", "    id1[Pilot light]"},
			[]string{"# DR strategies", "- Backup and restore", "  - RTO hours", "- Pilot light"}},
		{"sequence diagram",
			[]string{"sequenceDiagram", "    participant CP as CodePipeline", "    CP->>CodeBuild: start build", "    Note over CP: waits"},
			[]string{"- CodePipeline -> CodeBuild: start build", "waits"}},
		{"timeline",
			[]string{"timeline", "    title Study plan", "    section Week 1", "    Day 1 : CodePipeline : CodeBuild"},
			[]string{"# Study plan", "## Week 1", "- Day 1", "  - CodePipeline", "  - CodeBuild"}},
	}
	for _, tt := range tests {
		h, ok := mermaidToMarkdown(tt.src)
		if !ok {
			t.Errorf("%s: not read as a Mermaid diagram", tt.name)
			continue
		}
		if got := nonBlank(h.lines); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestMermaidDetect: a diagram is told by its name or its kind line; a
// plain note that opens with a kind's word is none.
func TestMermaidDetect(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       bool
	}{
		{"map.mmd", "flowchart TD\n  A --> B\n", true},
		{"map.txt", "%% notes\nflowchart TD\n  A --> B\n", true},
		{"map.txt", "mindmap\n  root((x))\n", true},
		{"n.txt", "graph databases are not on the exam\n", false},
		{"n.txt", "timeline of AWS launches: 2006 S3\n", false},
	} {
		if got := DetectFormat(tt.name, []byte(tt.text)) == FormatMermaid; got != tt.want {
			t.Errorf("DetectFormat(%q, %q) mermaid = %v, want %v", tt.name, tt.text, got, tt.want)
		}
	}
}

// FuzzMermaidToMarkdown: any text reads without a panic, and every
// Markdown line cites a line of the note.
func FuzzMermaidToMarkdown(f *testing.F) {
	f.Add("%% c\nflowchart TD\n subgraph S[t]\n A[a<br/>b] -->|x| B((c)) --> C{d} & D\n A -- y --> E\n end\n S --> A\n")
	f.Add("mindmap\n  root((r))\n    a\n      b\n")
	f.Add("sequenceDiagram\n  participant A as X\n  A->>B: m\n  Note over A: n\n")
	f.Add("timeline\n  title T\n  section S\n  p : e : f\n    : g\n")
	f.Fuzz(func(t *testing.T, src string) {
		h, ok := mermaidToMarkdown(splitLines(src))
		if ok {
			checkCitedLines(t, h, src)
		}
	})
}
